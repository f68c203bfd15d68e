// The VITON-style export: folder layout, file formats, deterministic output and a train/test split by figure.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { exportViton, splitOf, VITON_FOLDERS } from "@/lib/tryon/export-viton";
import { COCO_KEYPOINTS } from "@/lib/tryon/labels";

const COUNT = 30;
const catalogue = { count: 400, seed: 5 };
let out: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "atelier-viton-"));
  await exportViton({ out, count: COUNT, seed: 4, testShare: 0.25, catalogue });
}, 120_000);

const lines = (file: string) => readFileSync(path.join(out, file), "utf8").trim().split("\n").filter(Boolean);

describe("VITON-style export", () => {
  it("writes the VITON-HD layout with a README that names the keypoint order", () => {
    expect(readdirSync(out).sort()).toEqual(["README.md", "test", "test_pairs.txt", "train", "train_pairs.txt"]);
    for (const split of ["train", "test"]) expect(readdirSync(path.join(out, split)).sort()).toEqual([...VITON_FOLDERS].sort());
    const readme = readFileSync(path.join(out, "README.md"), "utf8");
    expect(readme).toContain("COCO-17");
    expect(readme).toContain(COCO_KEYPOINTS.join(", "));
  });

  it("splits by figure: every figure in exactly one split, pairs pointing at files that exist", () => {
    const train = lines("train_pairs.txt"), test = lines("test_pairs.txt");
    expect(train.length + test.length).toBe(COUNT);
    expect(test.length).toBeGreaterThan(0);
    const people = (ls: string[]) => new Set(ls.map((l) => l.split(" ")[0]));
    const shared = [...people(train)].filter((p) => people(test).has(p));
    expect(shared).toEqual([]);
    for (const [split, ls] of [["train", train], ["test", test]] as const) {
      for (const line of ls) {
        const [person, cloth] = line.split(" ");
        expect(splitOf(Number(person.slice(0, 6)), 4, 0.25)).toBe(split);
        const stem = person.replace(".png", "");
        for (const file of [`image/${person}`, `image-parse/${person}`, `cloth/${cloth}`, `cloth-mask/${cloth}`, `openpose_json/${stem}_keypoints.json`, `garments/${stem}.json`]) {
          expect(readdirSync(path.join(out, split, path.dirname(file)))).toContain(path.basename(file));
        }
      }
    }
  });

  it("writes 384×512 images, one-channel label maps and masks, COCO-17 keypoints and the garments worn", async () => {
    const [person, cloth] = lines("train_pairs.txt")[0].split(" ");
    const dir = path.join(out, "train");
    for (const file of [`image/${person}`, `cloth/${cloth}`]) expect(await sharp(path.join(dir, file)).metadata()).toMatchObject({ width: 384, height: 512 });
    const parse = await sharp(path.join(dir, "image-parse", person)).metadata();
    expect(parse).toMatchObject({ width: 384, height: 512, channels: 1 });
    const labels = await sharp(path.join(dir, "image-parse", person)).extractChannel(0).raw().toBuffer();
    expect(new Set(labels).size).toBeGreaterThan(4);
    expect([...new Set(labels)].every((l) => l <= 8)).toBe(true);
    const mask = await sharp(path.join(dir, "cloth-mask", cloth)).extractChannel(0).raw().toBuffer();
    expect([...new Set(mask)].sort()).toEqual([0, 255]);
    const stem = person.replace(".png", "");
    const pose = JSON.parse(readFileSync(path.join(dir, "openpose_json", `${stem}_keypoints.json`), "utf8"));
    expect(pose.people[0].pose_keypoints_2d).toHaveLength(17 * 3);
    const garments = JSON.parse(readFileSync(path.join(dir, "garments", `${stem}.json`), "utf8"));
    expect(garments.garments.map((g: { slot: string }) => g.slot)).toContain("shoes");
    expect(garments.garments.map((g: { productId: string }) => g.productId)).toContain(garments.clothProductId);
  });

  it("is deterministic: the same seed writes the same bytes", async () => {
    const again = mkdtempSync(path.join(tmpdir(), "atelier-viton-again-"));
    await exportViton({ out: again, count: 4, seed: 4, testShare: 0.25, catalogue });
    const [person] = lines("train_pairs.txt")[0].split(" ");
    const split = readdirSync(path.join(again, "train", "image")).includes(person) ? "train" : "test";
    for (const folder of ["image", "image-parse"]) {
      expect(readFileSync(path.join(again, split, folder, person)).equals(readFileSync(path.join(out, split, folder, person)))).toBe(true);
    }
  });
});
