// The try-on networks' training and evaluation data, already in the body-model frame (192×256, lib/tryon/body-model.ts)
// so that Python reads raw bytes instead of re-deriving crops and masks:
//   train/NNNNNN.bin   person RGB (3,H,W) | label map (H,W) | person mask (H,W) | keep mask (H,W), uint8
//   train/NNNNNN.json  frame keypoints [x, y, score] (COCO-17) and the garments worn per slot (product ids)
//   test/NNNNNN_x.bin  the figure in outfit X (the input person), same layout as above
//   test/NNNNNN_y.bin  the SAME figure (body, pose, skin, hair, shoes) in outfit Y, cropped with X's frame: ground truth
//   test/NNNNNN.json   X's keypoints, the garments of X and of Y, Y's kind (separates, one_piece, ± outerwear)
//   flats/<id>.bin     a product's catalogue flat fitted (contain) into 192×256 on black: RGB (3,H,W) | mask (H,W)
//   reference/body_000000.f32  bodyModelTensor() of train figure 0, so a test can check Python's heatmaps against it
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import sharp from "sharp";
import { renderFlatSvg } from "../catalogue/flats";
import { flatSpecOf, generateCatalogue, type GeneratedProduct } from "../catalogue/generator";
import { createRng, hashString } from "../catalogue/generator/random";
import { BODY_MODEL_SIZE, bodyModelTensor, frameToImage, toBodyModel, type BodyModel, type PersonParse } from "./body-model";
import { figureSpecOf, pickOutfit, wornOf } from "./figures/outfit";
import { drawModelPhoto, type ModelPhoto } from "./figures/photo";
import { FRAME } from "./figures/skeleton";
import type { FigureSpec } from "./figures";
import { GARMENT_SLOTS_TRYON } from "./network-io";

export interface TryOnExportOptions {
  out: string;
  train: number;
  test: number;
  seed: number;
  catalogue?: { count: number; seed: number };
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

const { width: W, height: H } = BODY_MODEL_SIZE;
const BACKGROUND_RGB = [246, 244, 241];
/** Test outfits Y cycle through these so every multi-garment case the networks serve is measured. */
export const TEST_KINDS = ["separates", "one_piece", "separates+outerwear", "one_piece+outerwear"] as const;

/** The ground-truth parse of a generated photo: every labelled pixel is person (probability 1), on a square grid. */
export function parseOfPhoto(photo: ModelPhoto): PersonParse {
  const side = Math.max(FRAME.width, FRAME.height);
  const region = { x: (FRAME.width - side) / 2, y: (FRAME.height - side) / 2, side };
  const data = new Float32Array(side * side);
  for (let v = 0; v < side; v++) {
    for (let u = 0; u < side; u++) {
      const x = u + region.x, y = v + region.y;
      if (x >= 0 && y >= 0 && x < FRAME.width && y < FRAME.height && photo.labels[y * FRAME.width + x] > 0) data[v * side + u] = 1;
    }
  }
  const keypoints = photo.keypoints.map((k): [number, number, number] => [k.x, k.y, k.v === 2 ? 1 : k.v === 1 ? 0.5 : 0]);
  return { imageWidth: FRAME.width, imageHeight: FRAME.height, keypoints, segmentation: { width: side, height: side, data, region } };
}

/** The photo resampled into a body-model frame: RGB bilinear (studio background past the edges), labels nearest. */
async function framePhoto(photo: ModelPhoto, body: BodyModel): Promise<{ rgb: Uint8Array; labels: Uint8Array }> {
  const { data } = await sharp(photo.png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const rgb = new Uint8Array(3 * W * H);
  const labels = new Uint8Array(W * H);
  const at = (x: number, y: number, c: number) => (x < 0 || y < 0 || x >= FRAME.width || y >= FRAME.height ? BACKGROUND_RGB[c] : data[(y * FRAME.width + x) * 3 + c]);
  for (let fy = 0; fy < H; fy++) {
    for (let fx = 0; fx < W; fx++) {
      const [x, y] = frameToImage(body.crop, fx + 0.5, fy + 0.5);
      const u = x - 0.5, v = y - 0.5, u0 = Math.floor(u), v0 = Math.floor(v), a = u - u0, b = v - v0;
      for (let c = 0; c < 3; c++) {
        const value = (at(u0, v0, c) * (1 - a) + at(u0 + 1, v0, c) * a) * (1 - b) + (at(u0, v0 + 1, c) * (1 - a) + at(u0 + 1, v0 + 1, c) * a) * b;
        rgb[c * W * H + fy * W + fx] = Math.round(value);
      }
      const lx = Math.floor(x), ly = Math.floor(y);
      labels[fy * W + fx] = lx < 0 || ly < 0 || lx >= FRAME.width || ly >= FRAME.height ? 0 : photo.labels[ly * FRAME.width + lx];
    }
  }
  return { rgb, labels };
}

function frameRecord(rgb: Uint8Array, labels: Uint8Array, body: BodyModel): Buffer {
  return Buffer.concat([rgb, labels, body.personMask, body.keepMask]);
}

/** The catalogue flat as the networks' `garments` slot wants it: contain-fitted into 192×256 on black, plus its mask. */
export async function flatRecord(product: GeneratedProduct): Promise<Buffer> {
  // Without the studio background and floor shadow the flat's alpha is exactly the garment.
  const svg = renderFlatSvg(flatSpecOf(product))
    .replace(/<rect x="0" y="0" width="1024" height="1024" fill="#f6f4f1"\/>/, "")
    .replace(/<ellipse[^>]*url\(#gGround\)[^>]*\/>/, "");
  const pad = (H - W) / 2;
  const { data } = await sharp(Buffer.from(svg), { density: (72 * W) / 1024 }).resize(W, W).ensureAlpha()
    .extend({ top: pad, bottom: pad, background: { r: 0, g: 0, b: 0, alpha: 0 } }).raw().toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(4 * W * H);
  for (let i = 0; i < W * H; i++) {
    const on = data[i * 4 + 3] >= 128;
    for (let c = 0; c < 3; c++) out[c * W * H + i] = on ? data[i * 4 + c] : 0;
    out[3 * W * H + i] = on ? 255 : 0;
  }
  return out;
}

/** Outfit Y for a test case: same shoes as X (the skeleton stands on them), new garments of the given kind. */
export function testOutfitOf(index: number, seed: number, x: FigureSpec, catalogue: GeneratedProduct[]): FigureSpec {
  const kind = TEST_KINDS[index % TEST_KINDS.length];
  const rng = createRng(hashString(`tryon-test:${seed}:${index}`) >>> 0);
  const clothes = catalogue.filter((p) => p.slot !== "shoes" && p.slot !== "outerwear");
  const outer = catalogue.filter((p) => p.slot === "outerwear");
  for (let attempt = 0; attempt < 20; attempt++) {
    const picked = pickOutfit(rng, clothes, kind.startsWith("one_piece") ? "one_piece" : "separates");
    if (kind.endsWith("outerwear") && outer.length) picked.push(outer[Math.floor(rng() * outer.length)]);
    const ids = new Set(x.garments.map((g) => g.productId));
    if (picked.some((p) => ids.has(p.id))) continue; // Y must differ from X in every garment it dresses
    return { ...x, garments: [...picked.map(wornOf), ...x.garments.filter((g) => g.slot === "shoes")] };
  }
  throw new Error(`no test outfit for figure ${index}`);
}

const slotsOf = (spec: FigureSpec) => Object.fromEntries(spec.garments.filter((g) => (GARMENT_SLOTS_TRYON as readonly string[]).includes(g.slot)).map((g) => [g.slot, g.productId]));

export async function exportTryOn(options: TryOnExportOptions): Promise<{ train: number; test: number; flats: number; seconds: number }> {
  const started = performance.now();
  const catalogue = generateCatalogue(options.catalogue ?? { count: 3000, seed: 1 });
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  for (const folder of ["train", "test", "flats", "reference"]) await mkdir(path.join(options.out, folder), { recursive: true });
  const flats = new Map<string, Promise<void>>();
  const writeFlat = (id: string) => {
    if (!flats.has(id)) flats.set(id, flatRecord(byId.get(id)!).then((b) => writeFile(path.join(options.out, "flats", `${id}.bin`), b)));
    return flats.get(id)!;
  };
  const limit = pLimit(options.concurrency ?? 2);
  const total = options.train + options.test;
  let done = 0;
  const figure = async (spec: FigureSpec) => {
    const photo = await drawModelPhoto(spec);
    const body = toBodyModel(parseOfPhoto(photo));
    return { photo, body, ...(await framePhoto(photo, body)) };
  };
  // Full precision: Python recomputes the heatmaps from these and must match bodyModelTensor() exactly.
  const keypointsJson = (body: BodyModel) => body.keypoints.map(([x, y, s]) => [x, y, s]);
  await Promise.all(Array.from({ length: total }, (_, i) => limit(async () => {
    const name = String(i).padStart(6, "0");
    if (i < options.train) {
      const spec = figureSpecOf(i, options.seed, catalogue);
      const x = await figure(spec);
      const slots = slotsOf(spec);
      await Promise.all(Object.values(slots).map(writeFlat));
      await writeFile(path.join(options.out, "train", `${name}.bin`), frameRecord(x.rgb, x.labels, x.body));
      await writeFile(path.join(options.out, "train", `${name}.json`), JSON.stringify({ keypoints: keypointsJson(x.body), garments: slots }));
      if (i === 0) await writeFile(path.join(options.out, "reference", "body_000000.f32"), Buffer.from(bodyModelTensor(x.body).buffer));
    } else {
      // Test figures come from another stream of the same generator (seed + 1000): none is a training figure.
      const t = i - options.train;
      const name = String(t).padStart(6, "0");
      const specX = figureSpecOf(t, options.seed + 1000, catalogue);
      const specY = testOutfitOf(t, options.seed, specX, catalogue);
      const x = await figure(specX);
      const photoY = await drawModelPhoto(specY);
      const y = await framePhoto(photoY, x.body); // Y in X's frame: the ground truth lines up with the input
      await Promise.all([...Object.values(slotsOf(specX)), ...Object.values(slotsOf(specY))].map(writeFlat));
      await writeFile(path.join(options.out, "test", `${name}_x.bin`), frameRecord(x.rgb, x.labels, x.body));
      await writeFile(path.join(options.out, "test", `${name}_y.bin`), frameRecord(y.rgb, y.labels, x.body));
      await writeFile(path.join(options.out, "test", `${name}.json`), JSON.stringify({
        keypoints: keypointsJson(x.body), garments: slotsOf(specX), target: slotsOf(specY), kind: TEST_KINDS[t % TEST_KINDS.length],
      }));
    }
    options.onProgress?.(++done, total);
  })));
  await Promise.all(flats.values());
  await writeFile(path.join(options.out, "meta.json"), JSON.stringify({ width: W, height: H, train: options.train, test: options.test, seed: options.seed, slots: GARMENT_SLOTS_TRYON }));
  return { train: options.train, test: options.test, flats: flats.size, seconds: (performance.now() - started) / 1000 };
}
