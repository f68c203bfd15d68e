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

/** Concatenates single-image tensors into one (B, 3, H, W) batch buffer. */
export function stackTensors(items: Float32Array[]): Float32Array {
  const each = items[0]?.length ?? 0;
  const out = new Float32Array(items.length * each);
  items.forEach((item, i) => out.set(item, i * each));
  return out;
}
