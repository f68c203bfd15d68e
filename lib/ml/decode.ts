import "server-only";
// The server's decoding half of the shared preprocessing (preprocess.ts): any accepted image → the 128×128 RGB
// pixels the models read. Uses the same sharp operations as the image store (rotate, flatten on the studio
// background, contain), so a catalogue master and an uploaded photo of it reach the model alike.
import sharp from "sharp";
import { MODEL_BACKGROUND, MODEL_INPUT_SIZE, pixelsToTensor } from "./preprocess";

/** size×size×3 RGB bytes, row-major. */
export async function modelPixels(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  const { data, info } = await sharp(input, { limitInputPixels: 40_000_000 })
    .rotate()
    .flatten({ background: MODEL_BACKGROUND })
    .toColourspace("srgb")
    .resize(size, size, { fit: "contain", background: MODEL_BACKGROUND })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== size || info.height !== size || info.channels !== 3) throw new Error(`unexpected decode ${info.width}×${info.height}×${info.channels}`);
  return data;
}

/** The model's input tensor (3, size, size) for an encoded image. */
export async function modelTensor(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Float32Array> {
  return pixelsToTensor(await modelPixels(input, size), 3, size);
}

/**
 * The model pixels as a lossless PNG, for the browser worker: decoding a PNG gives back exactly these bytes, so the
 * worker's tensor for a catalogue product equals the server's, bit for bit.
 */
export async function modelPixelsPng(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  return pixelsPng(await modelPixels(input, size), size);
}

/** size×size×3 RGB bytes as a lossless PNG. */
function pixelsPng(pixels: Buffer, size: number): Promise<Buffer> {
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
}

/** The side of the square the detail view is cropped from: twice the model's input, so a crop zooms up to 2×. */
export const DETAIL_SOURCE_SIZE = 2 * MODEL_INPUT_SIZE;
/** How far a pixel may differ from the studio background (per channel, 0–255) and still count as background. */
const TRIM_THRESHOLD = 12;
/** Background margin kept around the cropped product, in model pixels. */
const DETAIL_MARGIN = 4;

/**
 * The detail view the attribute tagger reads (tagger 3.0.0 on): the image fitted into a DETAIL_SOURCE_SIZE square,
 * cropped to the product's bounding box (what differs from the studio background), and that box fitted into the
 * model's square with a small margin. A pair of sandals or sunglasses, a fraction of the frame, then fills it at up to
 * twice the detail of `modelPixels`, so prints and small motifs are legible. The generated training world is drawn at
 * DETAIL_SOURCE_SIZE and passed through this same function (scripts/catalogue/export.ts --view detail).
 */
export async function modelDetailPixels(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  const source = await modelPixels(input, DETAIL_SOURCE_SIZE);
  const box = productBox(source, DETAIL_SOURCE_SIZE);
  const inner = size - 2 * DETAIL_MARGIN;
  const { data, info } = await sharp(source, { raw: { width: DETAIL_SOURCE_SIZE, height: DETAIL_SOURCE_SIZE, channels: 3 } })
    .extract(box)
    .resize(inner, inner, { fit: "contain", background: MODEL_BACKGROUND })
    .extend({ top: DETAIL_MARGIN, bottom: DETAIL_MARGIN, left: DETAIL_MARGIN, right: DETAIL_MARGIN, background: MODEL_BACKGROUND })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== size || info.height !== size || info.channels !== 3) throw new Error(`unexpected detail ${info.width}×${info.height}×${info.channels}`);
  return data;
}

/** The detail view as a lossless PNG (the training world's images). */
export async function modelDetailPng(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  return pixelsPng(await modelDetailPixels(input, size), size);
}

/**
 * The bounding box of the pixels that differ from the studio background in an RGB square, widened to at least half
 * the side (so a thin belt is not stretched into noise) and kept inside the image; the whole image when all is
 * background.
 */
export function productBox(rgb: Uint8Array, side: number): { left: number; top: number; width: number; height: number } {
  let minX = side, minY = side, maxX = -1, maxY = -1;
  const { r, g, b } = MODEL_BACKGROUND;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const p = (y * side + x) * 3;
      if (Math.abs(rgb[p] - r) > TRIM_THRESHOLD || Math.abs(rgb[p + 1] - g) > TRIM_THRESHOLD || Math.abs(rgb[p + 2] - b) > TRIM_THRESHOLD) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return { left: 0, top: 0, width: side, height: side };
  const least = Math.ceil(side / 2);
  const span = (lo: number, hi: number) => {
    const length = Math.max(hi - lo + 1, least);
    const start = Math.min(Math.max(0, Math.round((lo + hi + 1 - length) / 2)), side - length);
    return [start, length] as const;
  };
  const [left, width] = span(minX, maxX);
  const [top, height] = span(minY, maxY);
  return { left, top, width, height };
}

/** What a model reads of a product image: the whole flat (`modelPixels`) or its detail view (`modelDetailPixels`). */
export type ModelView = "full" | "detail";

/** The view a model card's first input declares (training writes `inputs[0].view`); "full" when it says none. */
export function cardView(card: { inputs?: Record<string, unknown>[] }): ModelView {
  return card.inputs?.[0]?.view === "detail" ? "detail" : "full";
}

/** The model's input tensor (3, size, size) for an encoded image, in the model's view. */
export async function viewTensor(input: Buffer, view: ModelView, size = MODEL_INPUT_SIZE): Promise<Float32Array> {
  const pixels = view === "detail" ? await modelDetailPixels(input, size) : await modelPixels(input, size);
  return pixelsToTensor(pixels, 3, size);
}
