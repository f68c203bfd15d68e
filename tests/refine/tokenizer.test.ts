// The TypeScript tokeniser gives the same ids as training/refine/vocab.py (run here in Python on the same vocabulary
// file), including shoppers' typos that the fuzzy rule corrects, words it must not correct, and truncation.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editDistance, Tokenizer, type VocabFile } from "@/lib/refine/tokenizer";

const WORDS = ["is", "and", "has", "a", "with", "sleeves", "more", "black", "white", "color", "blue", "longer", "darker", "lighter",
  "red", "long", "short", "floral", "print", "neck", "v", "casual", "shorter", "pattern", "graphic", "sleeve", "stripes", "less", "no"];
const fixture: VocabFile = {
  lowercase: true, split: "[^a-z0-9]+", pad: 0, unk: 1, maxLen: 8,
  fuzzy: { minLength: 3, maxDistance: 1, longWordLength: 6, longMaxDistance: 2 },
  words: Object.fromEntries(WORDS.map((w, i) => [w, i + 2])),
};
const real = path.join(process.env.MODELS_DIR ?? "models", "val", "vocab.json");

const CAPTIONS = [
  "is darker with long sleeves",
  "Is BLACK and has no sleves",          // typo: one deletion
  "has a flroal print, V-neck",          // transposition
  "is lgnoer and lihgter",               // two edits in long words
  "is more casaul",
  "red",
  "",
  "!!!",
  "xyzzy qwerty",                        // nothing known
  "is a v neck with stripes and a graphic print and no sleeves and more color", // longer than maxLen
  "is blu",                              // short word: distance 1 allowed
  "is bluue and whiet",
];

function python(vocabFile: string, captions: string[]): { ids: number[]; length: number }[] {
  const script = `
import json, sys
from training.refine.vocab import load_vocab
v = load_vocab(sys.argv[1])
caps = json.loads(sys.stdin.read())
toks, lens = v.encode_batch(caps)
print(json.dumps([{"ids": [int(x) for x in t], "length": int(l)} for t, l in zip(toks, lens)]))`;
  const result = spawnSync("/usr/bin/python3", ["-c", script, vocabFile], { input: JSON.stringify(captions), encoding: "utf8", cwd: process.cwd() });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split("\n").pop()!);
}

const hasPython = spawnSync("/usr/bin/python3", ["-c", "import numpy"]).status === 0 && existsSync("training/refine/vocab.py");

describe("caption tokeniser", () => {
  it("corrects typos within the allowed distance and maps the rest to unk", () => {
    const t = new Tokenizer(fixture);
    expect(t.encode("is darker with long sleeves").ids.slice(0, 5)).toEqual([2, 14, 6, 17, 7]);
    expect(t.wordId("sleves")).toBe(7);
    expect(t.wordId("flroal")).toBe(fixture.words.floral);
    expect(t.wordId("lgnoer")).toBe(1); // two edits, but six letters allow only one
    expect(t.wordId("shrotre")).toBe(fixture.words.shorter); // seven letters allow two
    expect(t.wordId("xyzzy")).toBe(1);
    expect(t.encode("").ids[0]).toBe(1);
    expect(t.encode("xyzzy qwerty").known).toBe(0);
    expect(t.encode("is a v neck with stripes and a graphic print").ids).toHaveLength(8);
  });

  it("edit distance is optimal string alignment with an early stop", () => {
    expect(editDistance("sleves", "sleeves", 2)).toBe(1);
    expect(editDistance("flroal", "floral", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });

  it.skipIf(!hasPython)("gives the same ids as training/refine/vocab.py on the fixture vocabulary", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atelier-vocab-"));
    const file = path.join(dir, "vocab.json");
    writeFileSync(file, JSON.stringify(fixture));
    const t = new Tokenizer(fixture);
    expect(CAPTIONS.map((c) => { const e = t.encode(c); return { ids: e.ids, length: e.length }; })).toEqual(python(file, CAPTIONS));
  });

  it.skipIf(!hasPython || !existsSync(real))("gives the same ids as Python on the model's own vocabulary", () => {
    const t = new Tokenizer(JSON.parse(readFileSync(real, "utf8")) as VocabFile);
    expect(CAPTIONS.map((c) => { const e = t.encode(c); return { ids: e.ids, length: e.length }; })).toEqual(python(real, CAPTIONS));
  });
});
