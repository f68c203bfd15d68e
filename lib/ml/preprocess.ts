// The one preprocessing every image model shares (SPEC §3; training/common/images.py is its Python twin): RGB
// flattened on the studio background, fitted (contain) into a 128×128 square, /255, (x − 0.5) / 0.25, CHW float32.
// This file is pure so the browser worker, the server route and the catalogue job all run the same code; the
// decoding half lives in decode.ts (sharp, server) and in the worker (canvas), both ending in `pixelsToTensor`.

export const MODEL_INPUT_SIZE = 128;
/** #f6f4f1, the background of every product flat (lib/images/store.ts BACKGROUND). */
export const MODEL_BACKGROUND = { r: 246, g: 244, b: 241 } as const;
export const PIXEL_MEAN = 0.5;
export const PIXEL_STD = 0.25;

/**
 * Interleaved pixels (HWC, 3 = RGB or 4 = RGBA already composited on the background) of a size×size image →
 * normalised CHW float32, ready to be one item of an (B, 3, size, size) batch.
 */
export function pixelsToTensor(pixels: ArrayLike<number>, channels: 3 | 4, size = MODEL_INPUT_SIZE): Float32Array {
  const area = size * size;
  if (pixels.length !== area * channels) {
    throw new Error(`expected ${size}×${size}×${channels} pixel values, got ${pixels.length}`);
  }
  const out = new Float32Array(3 * area);
  const scale = 1 / (255 * PIXEL_STD);
  const shift = PIXEL_MEAN / PIXEL_STD;
  for (let i = 0; i < area; i++) {
    const p = i * channels;
    out[i] = pixels[p] * scale - shift;
    out[area + i] = pixels[p + 1] * scale - shift;
    out[2 * area + i] = pixels[p + 2] * scale - shift;
  }
  return out;
}

/** What a model reads of a product image: the whole flat (`modelPixels`) or its detail view (`modelDetailPixels`). */
export type ModelView = "full" | "detail";

/** The view a model card's first input declares (training writes `inputs[0].view`); "full" when it says none. */
export function cardView(card: { inputs?: Record<string, unknown>[] }): ModelView {
  return card.inputs?.[0]?.view === "detail" ? "detail" : "full";
}

/** The side of the square the detail view is cropped from: twice the model's input, so a crop zooms up to 2×. */
export const DETAIL_SOURCE_SIZE = 2 * MODEL_INPUT_SIZE;
/** How far a pixel may differ from the studio background (per channel, 0–255) and still count as background. */
const TRIM_THRESHOLD = 12;
/** Background margin kept around the cropped product, in model pixels. */
export const DETAIL_MARGIN = 4;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The bounding box of the pixels that differ from the studio background in a square of interleaved RGB (or RGBA)
 * pixels, widened to at least half the side (so a thin belt is not stretched into noise) and kept inside the image;
 * the whole image when all is background.
 */
export function productBox(pixels: ArrayLike<number>, side: number, channels: 3 | 4 = 3): Box {
  let minX = side, minY = side, maxX = -1, maxY = -1;
  const { r, g, b } = MODEL_BACKGROUND;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const p = (y * side + x) * channels;
      if (Math.abs(pixels[p] - r) > TRIM_THRESHOLD || Math.abs(pixels[p + 1] - g) > TRIM_THRESHOLD || Math.abs(pixels[p + 2] - b) > TRIM_THRESHOLD) {
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

/** Where a width×height image lands when fitted (contain) and centred in a square of `side` at `offset`. */
export function containBox(width: number, height: number, side: number, offset = 0): Box {
  const scale = Math.min(side / width, side / height);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  return { left: offset + Math.floor((side - w) / 2), top: offset + Math.floor((side - h) / 2), width: w, height: h };
}

/** Concatenates single-image tensors into one (B, 3, H, W) batch buffer. */
export function stackTensors(items: Float32Array[]): Float32Array {
  const each = items[0]?.length ?? 0;
  const out = new Float32Array(items.length * each);
  items.forEach((item, i) => out.set(item, i * each));
  return out;
}
