// Reads the attributes a shopper's text names ("has no sleeves", "is darker", "not floral") as checks on a
// product's ontology facets, with the words of the shared lexicon (lib/ontology/lexicon.json, the words the VAL
// captions were generated from). VAL ranks; these checks decide which of its results meet what was asked in so
// many words, so a query for "long sleeves" never shows sleeveless items above long-sleeved ones. Words the
// lexicon lacks ("more elegant", "with buttons") are left to VAL alone. Pure: the server and the browser share it.
import lexicon from "../ontology/lexicon.json" with { type: "json" };
import { COLORS, ontology, type AttributeName } from "../ontology";

/** What a check reads: a product's colour, pattern and ontology attributes (absent where they do not apply). */
export type Facets = { color: string; pattern: string } & Partial<Record<AttributeName, string | null>>;

export interface Requirement {
  /** For people: "long sleeves", "darker", "not floral". */
  label: string;
  /** The facet it reads; requirements on one facet that each accept a value set are merged ("black or white"). */
  key: string;
  accepts: (facets: Facets) => boolean;
}

interface Phrase {
  words: string;
  key: string;
  /** null where the phrase needs the source product and there is none (an uploaded photo). */
  make: (source?: Facets) => Omit<Requirement, "key"> | null;
  /** Values accepted, for equality phrases (merged per key). */
  values?: string[];
}

const lightness = new Map(COLORS.map((c) => [c.id, c.lightness] as const));
const neutral = new Set(COLORS.filter((c) => c.family === "neutral").map((c) => c.id));
const shinyColors = new Set(COLORS.filter((c) => c.shiny).map((c) => c.id));
const SHINY_MATERIALS = ["silk", "satin", "sequin", "leather"];
const NEGATIONS = new Set(["not", "no", "without", "isnt", "non", "nothing"]);

const TYPO_FIXES = new Map(Object.entries(lexicon.typos).map(([word, typo]) => [typo, word]));
const SPELLING: Record<string, string> = { grey: "gray", colour: "color", coloured: "colored", colours: "colors" };

const read = (facets: Facets, key: string): string | undefined => (facets as Record<string, string | null | undefined>)[key] ?? undefined;
const rankOf = (key: AttributeName, value?: string | null) => (value ? ontology.attributes[key].values.indexOf(value) : -1);

function oneOf(key: string, values: string[], words: string): Phrase {
  return { words, key, values, make: () => ({ label: words, accepts: (f) => values.includes(read(f, key) ?? "") }) };
}

/** Moves along an ordered attribute from the source's value ("longer", "tighter", "more formal"). */
function along(key: AttributeName, direction: 1 | -1, words: string, text = words): Phrase {
  return {
    words, key,
    make: (source) => {
      const from = rankOf(key, source?.[key]);
      if (from < 0) return null;
      return { label: text, accepts: (f) => { const r = rankOf(key, f[key]); return r >= 0 && (r - from) * direction > 0; } };
    },
  };
}

function lighterOrDarker(direction: 1 | -1, words: string): Phrase {
  return {
    words, key: "lightness",
    make: (source) => {
      const from = source ? lightness.get(source.color) : undefined;
      if (from === undefined) return null;
      return { label: direction > 0 ? "lighter" : "darker", accepts: (f) => ((lightness.get(f.color) ?? from) - from) * direction > 0 };
    },
  };
}

function differentFrom(key: "color" | "pattern", words: string): Phrase {
  return { words, key, make: (source) => (source ? { label: `a different ${key}`, accepts: (f) => f[key] !== source[key] } : null) };
}

const fixed = (words: string, key: string, accepts: Requirement["accepts"], text = words): Phrase => ({ words, key, make: () => ({ label: text, accepts }) });

function entries(table: Record<string, string[]>, key: string, extra: (phrase: string) => string[] = () => []): Phrase[] {
  return Object.entries(table).flatMap(([value, phrases]) => phrases.flatMap((p) => [p, ...extra(p)]).map((p) => oneOf(key, [value], normalise(p))));
}

/** "long sleeves" is also written "long sleeve" and "long sleeved". */
const singularSleeves = (p: string) => (p.endsWith(" sleeves") ? [p.slice(0, -1)] : []);

const colorful = (f: Facets) => f.pattern !== "solid" || !neutral.has(f.color);
const shiny = (f: Facets) => SHINY_MATERIALS.includes(f.material ?? "") || shinyColors.has(f.color);
const revealing = new Set(lexicon.revealing_necklines);

const PHRASES: Phrase[] = [
  ...entries(lexicon.color, "color"),
  ...entries(lexicon.pattern_adj, "pattern"),
  ...entries(lexicon.pattern_noun, "pattern"),
  ...entries(lexicon.sleeve_noun, "sleeve", singularSleeves),
  ...entries(lexicon.sleeve_adj, "sleeve"),
  ...entries(lexicon.neck_noun, "neckline"),
  ...entries(lexicon.neck_adj, "neckline"),
  ...entries(lexicon.length_adj, "length"),
  ...entries(lexicon.fit_adj, "fit"),
  ...entries(lexicon.material_adj, "material"),
  ...entries(lexicon.heel_noun, "heel"),
  ...entries(lexicon.formality_abs, "formality"),
  ...["darker", "darker color", "darker colored", "darker in color", "dark colored", "a darker color", "a darker shade"].map((w) => lighterOrDarker(-1, w)),
  ...["lighter", "lighter color", "lighter colored", "lighter in color", "light colored", "a lighter color", "a lighter shade", "paler"].map((w) => lighterOrDarker(1, w)),
  ...["longer", "longer length", "is long", "a longer length"].map((w) => along("length", 1, w, "longer")),
  ...["shorter", "shorter length", "is short", "a shorter length"].map((w) => along("length", -1, w, "shorter")),
  ...["longer sleeves", "longer sleeve", "sleeves that are longer", "more sleeve", "more sleeves"].map((w) => along("sleeve", 1, w, "longer sleeves")),
  ...["shorter sleeves", "shorter sleeve", "sleeves that are shorter", "less sleeve", "less sleeves"].map((w) => along("sleeve", -1, w, "shorter sleeves")),
  ...["tighter", "more fitted", "slimmer"].map((w) => along("fit", -1, w, "tighter")),
  ...["looser", "baggier", "more loose", "roomier"].map((w) => along("fit", 1, w, "looser")),
  ...["more formal", "dressier", "more elegant", "more professional"].map((w) => along("formality", 1, w, "more formal")),
  ...["more casual", "less formal", "more relaxed"].map((w) => along("formality", -1, w, "more casual")),
  ...["higher heel", "a higher heel", "taller heel"].map((w) => along("heel", 1, w, "higher heel")),
  ...["lower heel", "a lower heel", "flatter"].map((w) => along("heel", -1, w, "lower heel")),
  ...["different color", "a different color", "another color", "different colored", "other color"].map((w) => differentFrom("color", w)),
  ...["different pattern", "a different pattern", "different print", "a different print"].map((w) => differentFrom("pattern", w)),
  ...["colorful", "more colorful", "more colors", "colourful", "more colourful"].map((w) => fixed(w, "colorful", colorful, "more colorful")),
  ...["plainer", "more plain", "less busy", "simpler"].map((w) => fixed(w, "pattern", (f) => f.pattern === "solid", "plainer")),
  ...["patterned", "a pattern", "a print", "print", "pattern"].map((w) => fixed(w, "pattern", (f) => f.pattern !== "solid", "a print")),
  ...["has sleeves", "with sleeves", "sleeved"].map((w) => fixed(w, "sleeve", (f) => Boolean(f.sleeve) && f.sleeve !== "sleeveless", "sleeves")),
  ...["shiny", "shinier", "more shiny", "metallic"].map((w) => fixed(w, "shiny", shiny, "shinier")),
  ...["less revealing", "more modest", "more conservative"].map((w) => fixed(w, "neckline", (f) => !revealing.has(f.neckline ?? ""), "less revealing")),
];

// Longest first, so "no sleeves" wins over "sleeves" and "light blue" over "light".
const BY_LENGTH = [...new Map(PHRASES.map((p) => [`${p.key}|${p.words}`, p])).values()].sort((a, b) => b.words.length - a.words.length);

/** Lower case, words only, one spelling, known misspellings fixed: "Long-sleeved, NOT Blak!" -> "long sleeved not black". */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9/]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => TYPO_FIXES.get(w) ?? SPELLING[w] ?? w)
    .join(" ");
}

/** The requirements a text names, given the source product (relative words need it; an upload has none). */
export function understand(text: string, source?: Facets): Requirement[] {
  const padded = ` ${normalise(text)} `;
  const taken = new Array<boolean>(padded.length).fill(false);
  const found: { at: number; phrase: Phrase; negated: boolean }[] = [];
  for (const phrase of BY_LENGTH) {
    const needle = ` ${phrase.words} `;
    for (let at = padded.indexOf(needle); at >= 0; at = padded.indexOf(needle, at + 1)) {
      if (taken.slice(at + 1, at + needle.length - 1).some(Boolean)) continue;
      taken.fill(true, at + 1, at + needle.length - 1);
      const before = padded.slice(0, at).trim().split(" ").pop() ?? "";
      found.push({ at, phrase, negated: NEGATIONS.has(before) });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return merge(found.flatMap(({ phrase, negated }) => {
    const made = phrase.make(source);
    if (!made) return [];
    const requirement = { ...made, key: phrase.key, values: phrase.values };
    return negated ? [{ ...requirement, label: `not ${made.label}`, accepts: (f: Facets) => !made.accepts(f), values: undefined }] : [requirement];
  }));
}

/** Equality requirements on one facet become one ("black or white"); everything else must hold as well. */
function merge(list: (Requirement & { values?: string[] })[]): Requirement[] {
  const out: Requirement[] = [];
  const sets = new Map<string, { values: Set<string>; labels: string[] }>();
  for (const r of list) {
    if (!r.values) {
      out.push({ label: r.label, key: r.key, accepts: r.accepts });
      continue;
    }
    const set = sets.get(r.key) ?? { values: new Set<string>(), labels: [] };
    r.values.forEach((v) => set.values.add(v));
    if (!set.labels.includes(r.label)) set.labels.push(r.label);
    sets.set(r.key, set);
  }
  for (const [key, { values, labels }] of sets) {
    out.push({ label: labels.join(" or "), key, accepts: (f) => values.has(read(f, key) ?? "") });
  }
  return out;
}

/** True when the product meets every requirement (no requirement: always). */
export function meetsAll(facets: Facets, requirements: Requirement[]): boolean {
  return requirements.every((r) => r.accepts(facets));
}

/** A product's facets, as the checks read them. */
export function facetsOf(product: { color: string; pattern: string; attributes: Partial<Record<AttributeName, string | null | undefined>> }): Facets {
  return { color: product.color, pattern: product.pattern, ...product.attributes } as Facets;
}
