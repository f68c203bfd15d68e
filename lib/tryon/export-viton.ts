// The VITON-style export of generated model photos (VITON / VITON-HD folder layout), so try-on training code
// written for those data sets runs unchanged on the generated world. Figures are split into train and test by
// figure: no figure (and so no person image) appears in both.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import sharp from "sharp";
import { BACKGROUND } from "../catalogue/flats/colour";
import { renderFlatSvg } from "../catalogue/flats";
import { flatSpecOf, generateCatalogue, type GeneratedProduct } from "../catalogue/generator";
import { hashString } from "../catalogue/generator/random";
import { COCO_KEYPOINTS } from "./labels";
import { figureSpecOf } from "./figures/outfit";
import { drawModelPhoto, truthOf } from "./figures/photo";
import { FRAME } from "./figures/skeleton";

export interface VitonExportOptions {
  out: string;
  count: number;
  seed: number;
  /** Share of figures in the test split (decided per figure from its index and the seed). */
  testShare?: number;
  catalogue?: { count: number; seed: number };
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface VitonExportSummary { train: number; test: number; seconds: number; itemsPerSecond: number }

export const VITON_FOLDERS = ["image", "cloth", "cloth-mask", "image-parse", "openpose_json", "garments"] as const;

export function splitOf(index: number, seed: number, testShare = 0.1): "train" | "test" {
  return (hashString(`split:${seed}:${index}`) % 1000) / 1000 < testShare ? "test" : "train";
}

/** The product's catalogue flat, square on the studio background and padded to the person frame, plus its mask. */
async function clothImages(product: GeneratedProduct): Promise<{ cloth: Buffer; mask: Buffer }> {
  // Without the background and floor shadow the flat's alpha is exactly the garment: that is the cloth mask.
  const svg = renderFlatSvg(flatSpecOf(product))
    .replace(/<rect x="0" y="0" width="1024" height="1024" fill="#f6f4f1"\/>/, "")
    .replace(/<ellipse[^>]*url\(#gGround\)[^>]*\/>/, "");
  const pad = (FRAME.height - FRAME.width) / 2;
  const rgba = await sharp(Buffer.from(svg), { density: (72 * FRAME.width) / 1024 }).resize(FRAME.width, FRAME.width).ensureAlpha()
    .extend({ top: pad, bottom: pad, background: { r: 0, g: 0, b: 0, alpha: 0 } }).raw().toBuffer({ resolveWithObject: true });
  const { data, info } = rgba;
  const mask = Buffer.alloc(info.width * info.height);
  for (let i = 0; i < mask.length; i++) mask[i] = data[i * 4 + 3] >= 128 ? 255 : 0;
  const raw = { width: info.width, height: info.height, channels: 4 as const };
  const cloth = await sharp(data, { raw }).flatten({ background: BACKGROUND }).png({ compressionLevel: 6 }).toBuffer();
  return { cloth, mask: await sharp(mask, { raw: { width: info.width, height: info.height, channels: 1 } }).toColourspace("b-w").png().toBuffer() };
}

const README = `# Generated VITON-style try-on data

Written by \`npm run tryon:export\` (Atelier). Figures are drawn deterministically from a seed, wearing products of
the generated catalogue; every file below is exact ground truth, not a model's estimate.

- \`train/\` and \`test/\`: split **by figure** (no person image is in both). Each holds:
  - \`image/NNNNNN_0.png\`: the person, 384×512 (W×H), light studio background.
  - \`cloth/NNNNNN_1.png\`: the catalogue flat of the garment the pair is about (the top, or the one-piece),
    centred on the same 384×512 canvas, as VITON does.
  - \`cloth-mask/NNNNNN_1.png\`: 255 where that flat is garment, 0 elsewhere.
  - \`image-parse/NNNNNN_0.png\`: one-channel label map, pixel value = label:
    0 background, 1 hair, 2 face, 3 skin (neck, arms, hands, legs, feet), 4 top, 5 bottom, 6 one_piece,
    7 outerwear, 8 shoes. No anti-aliasing: every pixel is exactly one label.
  - \`openpose_json/NNNNNN_0_keypoints.json\`: \`{"people":[{"pose_keypoints_2d":[x,y,c,...]}]}\` with the **COCO-17
    order** (not OpenPose BODY_25): ${COCO_KEYPOINTS.join(", ")}. Pixel coordinates in the 384×512 frame; c is 1 for
    a visible keypoint, 0.5 for one that is labelled but occluded (an ear under hair).
  - \`garments/NNNNNN_0.json\`: every garment worn (product id, slot, category, colour, pattern, attributes) and the
    figure's pose, body shape, height, skin tone and hair, for multi-garment training.
- \`train_pairs.txt\`, \`test_pairs.txt\`: \`person cloth\` per line (paired: the cloth is the one worn).
`;

export async function exportViton(options: VitonExportOptions): Promise<VitonExportSummary> {
  const started = performance.now();
  const testShare = options.testShare ?? 0.1;
  const catalogue = generateCatalogue(options.catalogue ?? { count: 3000, seed: 1 });
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  for (const split of ["train", "test"]) {
    for (const folder of VITON_FOLDERS) await mkdir(path.join(options.out, split, folder), { recursive: true });
  }
  const pairs: Record<"train" | "test", string[]> = { train: [], test: [] };
  const clothCache = new Map<string, Promise<{ cloth: Buffer; mask: Buffer }>>();
  const limit = pLimit(options.concurrency ?? 2);
  let done = 0;
  await Promise.all(Array.from({ length: options.count }, (_, i) => limit(async () => {
    const spec = figureSpecOf(i, options.seed, catalogue);
    const photo = await drawModelPhoto(spec);
    const split = splitOf(i, options.seed, testShare);
    const name = String(i).padStart(6, "0");
    const dir = (folder: string) => path.join(options.out, split, folder);
    const clothGarment = spec.garments.find((g) => g.slot === "top") ?? spec.garments.find((g) => g.slot === "one_piece") ?? spec.garments[0];
    const product = byId.get(clothGarment.productId)!;
    if (!clothCache.has(product.id)) clothCache.set(product.id, clothImages(product));
    const { cloth, mask } = await clothCache.get(product.id)!;
    const truth = truthOf(photo);
    const pose = photo.keypoints.flatMap((k) => [k.x, k.y, k.v === 2 ? 1 : k.v === 1 ? 0.5 : 0]);
    await Promise.all([
      writeFile(path.join(dir("image"), `${name}_0.png`), photo.png),
      writeFile(path.join(dir("cloth"), `${name}_1.png`), cloth),
      writeFile(path.join(dir("cloth-mask"), `${name}_1.png`), mask),
      writeFile(path.join(dir("image-parse"), `${name}_0.png`), photo.labelPng),
      writeFile(path.join(dir("openpose_json"), `${name}_0_keypoints.json`), JSON.stringify({ version: 1.3, keypoint_format: "coco17", people: [{ pose_keypoints_2d: pose }] })),
      writeFile(path.join(dir("garments"), `${name}_0.json`), JSON.stringify({
        person: `${name}_0.png`, cloth: `${name}_1.png`, clothProductId: product.id, figure: truth.figure,
        garments: spec.garments.map((g) => ({ productId: g.productId, slot: g.slot, category: g.category, color: g.color, pattern: g.pattern, attributes: g.attributes })),
      }, null, 1)),
    ]);
    pairs[split][i] = `${name}_0.png ${name}_1.png`;
    options.onProgress?.(++done, options.count);
  })));
  for (const split of ["train", "test"] as const) await writeFile(path.join(options.out, `${split}_pairs.txt`), pairs[split].filter(Boolean).join("\n") + "\n");
  await writeFile(path.join(options.out, "README.md"), README);
  const seconds = (performance.now() - started) / 1000;
  return { train: pairs.train.filter(Boolean).length, test: pairs.test.filter(Boolean).length, seconds, itemsPerSecond: options.count / seconds };
}
