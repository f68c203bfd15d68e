// The try-on networks' inputs and outputs as plain pixel arithmetic (network-io.ts is the contract): the garments
// tensor from catalogue flats, the person tensor, argmax → one-hot of the layout, and composing the 192×256 result
// back into the original photo. Pure (no sharp, no canvas, no ONNX): the server route and the browser worker decode
// images their own way and then share every number from here on, so both give the same tensors for the same pixels.
import { BODY_MODEL_SIZE, imageToFrame, type BodyModel, type CropTransform } from "./body-model";
import { PARSE_LABELS } from "./labels";
import { GARMENT_SLOTS_TRYON, TRYON_CHANNELS, TRYON_SIZE, type TryOnSlot } from "./network-io";
import type { PixelImage } from "./parsing/types";

const { width: W, height: H } = TRYON_SIZE;
const PLANE = W * H;

/** The catalogue's studio background (lib/images/store.ts BACKGROUND): what is not garment on a master image. */
export const STUDIO = [246, 244, 241] as const;
/** A master-image pixel may be background when every channel is within this of the studio colour (the floor shadow is). */
export const FLAT_BACKGROUND_TOLERANCE = 28;

/** One slot's four planes: RGB in [-1, 1] (black, -1, off the garment) and the 0/1 mask, each H×W. */
export interface FlatPlanes {
  rgb: Float32Array;
  mask: Float32Array;
}

const channelOf = (img: PixelImage, i: number, c: number) => img.data[i * img.channels + c];

function looksLikeBackground(img: PixelImage, i: number): boolean {
  if (img.channels === 4 && img.data[i * 4 + 3] < 128) return true;
  for (let c = 0; c < 3; c++) if (Math.abs(channelOf(img, i, c) - STUDIO[c]) > FLAT_BACKGROUND_TOLERANCE) return false;
  return true;
}

/**
 * 1 = garment: everything except background-coloured pixels connected to the image border. A flood fill rather
 * than a colour test alone, so a white or cream garment (or a white stripe) inside its outline stays garment.
 */
export function garmentMask(img: PixelImage): Uint8Array {
  const { width: w, height: h } = img;
  const mask = new Uint8Array(w * h).fill(1);
  const stack: number[] = [];
  const visit = (i: number) => {
    if (mask[i] === 1 && looksLikeBackground(img, i)) {
      mask[i] = 0;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) { visit(x); visit((h - 1) * w + x); }
  for (let y = 0; y < h; y++) { visit(y * w); visit(y * w + w - 1); }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    if (x > 0) visit(i - 1);
    if (x < w - 1) visit(i + 1);
    if (i >= w) visit(i - w);
    if (i < w * (h - 1)) visit(i + w);
  }
  return mask;
}

/**
 * A flat fitted (contain, centred) into 192×256 on black: each frame pixel is the box average of the source pixels
 * it covers (a downscale from the 512+ px master), garment where most of them are garment.
 */
export function flatPlanes(img: PixelImage): FlatPlanes {
  const scale = Math.min(W / img.width, H / img.height);
  const fw = img.width * scale, fh = img.height * scale;
  const ox = (W - fw) / 2, oy = (H - fh) / 2;
  const rgb = new Float32Array(3 * PLANE).fill(-1);
  const mask = new Float32Array(PLANE);
  const garment = garmentMask(img);
  for (let y = Math.max(0, Math.floor(oy)); y < Math.min(H, Math.ceil(oy + fh)); y++) {
    const sy0 = Math.max(0, Math.floor((y - oy) / scale)), sy1 = Math.min(img.height, Math.max(sy0 + 1, Math.ceil((y + 1 - oy) / scale)));
    for (let x = Math.max(0, Math.floor(ox)); x < Math.min(W, Math.ceil(ox + fw)); x++) {
      const sx0 = Math.max(0, Math.floor((x - ox) / scale)), sx1 = Math.min(img.width, Math.max(sx0 + 1, Math.ceil((x + 1 - ox) / scale)));
      let n = 0, on = 0, r = 0, g = 0, b = 0;
      for (let sy = sy0; sy < sy1; sy++) {
        for (let sx = sx0; sx < sx1; sx++) {
          const i = sy * img.width + sx;
          n++;
          if (!garment[i]) continue;
          on++;
          r += channelOf(img, i, 0); g += channelOf(img, i, 1); b += channelOf(img, i, 2);
        }
      }
      if (n === 0 || on * 2 < n) continue;
      const p = y * W + x;
      mask[p] = 1;
      rgb[p] = (r / on / 255) * 2 - 1;
      rgb[PLANE + p] = (g / on / 255) * 2 - 1;
      rgb[2 * PLANE + p] = (b / on / 255) * 2 - 1;
    }
  }
  return { rgb, mask };
}

/** (1, 16, 256, 192): per slot of GARMENT_SLOTS_TRYON, [R, G, B, mask]; an empty slot stays all zeros. */
export function garmentsTensor(slots: Partial<Record<TryOnSlot, FlatPlanes>>): Float32Array {
  const out = new Float32Array(TRYON_CHANNELS.garments * PLANE);
  GARMENT_SLOTS_TRYON.forEach((slot, s) => {
    const planes = slots[slot];
    if (!planes) return;
    out.set(planes.rgb, 4 * s * PLANE);
    out.set(planes.mask, (4 * s + 3) * PLANE);
  });
  return out;
}

/** The photo resampled into the body-model frame (bilinear, RGB bytes); outside the photo is the studio colour. */
export function photoInFrame(photo: PixelImage, crop: CropTransform): Uint8ClampedArray {
  const out = new Uint8ClampedArray(3 * PLANE);
  for (let fy = 0; fy < H; fy++) {
    for (let fx = 0; fx < W; fx++) {
      const x = (fx + 0.5) * crop.scale + crop.x - 0.5, y = (fy + 0.5) * crop.scale + crop.y - 0.5;
      const p = fy * W + fx;
      for (let c = 0; c < 3; c++) out[c * PLANE + p] = bilinearByte(photo, x, y, c);
    }
  }
  return out;
}

function bilinearByte(img: PixelImage, x: number, y: number, c: number): number {
  if (x < -0.5 || y < -0.5 || x > img.width - 0.5 || y > img.height - 0.5) return STUDIO[c];
  const x0 = Math.max(0, Math.min(img.width - 1, Math.floor(x))), y0 = Math.max(0, Math.min(img.height - 1, Math.floor(y)));
  const x1 = Math.min(img.width - 1, x0 + 1), y1 = Math.min(img.height - 1, y0 + 1);
  const ax = Math.max(0, Math.min(1, x - x0)), ay = Math.max(0, Math.min(1, y - y0));
  const at = (xx: number, yy: number) => img.data[(yy * img.width + xx) * img.channels + c];
  return (at(x0, y0) * (1 - ax) + at(x1, y0) * ax) * (1 - ay) + (at(x0, y1) * (1 - ax) + at(x1, y1) * ax) * ay;
}

/** A label map (one byte per pixel, image size) sampled into the frame, nearest (labels do not blend). */
export function labelsInFrame(labels: Uint8Array, width: number, height: number, crop: CropTransform): Uint8Array {
  const out = new Uint8Array(PLANE);
  for (let fy = 0; fy < H; fy++) {
    for (let fx = 0; fx < W; fx++) {
      const x = Math.floor((fx + 0.5) * crop.scale + crop.x), y = Math.floor((fy + 0.5) * crop.scale + crop.y);
      out[fy * W + fx] = x >= 0 && y >= 0 && x < width && y < height ? labels[y * width + x] : PARSE_LABELS.background;
    }
  }
  return out;
}

/** Argmax over the shape network's (9, H, W) logits → one label per pixel. */
export function argmaxLayout(logits: Float32Array): Uint8Array {
  const out = new Uint8Array(PLANE);
  for (let p = 0; p < PLANE; p++) {
    let best = 0;
    for (let c = 1; c < TRYON_CHANNELS.layout; c++) if (logits[c * PLANE + p] > logits[best * PLANE + p]) best = c;
    out[p] = best;
  }
  return out;
}

export function oneHotLayout(layout: Uint8Array): Float32Array {
  const out = new Float32Array(TRYON_CHANNELS.layout * PLANE);
  for (let p = 0; p < PLANE; p++) out[layout[p] * PLANE + p] = 1;
  return out;
}

const isBodyLabel = (l: number) => l === PARSE_LABELS.hair || l === PARSE_LABELS.face || l === PARSE_LABELS.skin;
export const isGarmentLabel = (l: number) => l >= PARSE_LABELS.top && l <= PARSE_LABELS.outerwear;

/**
 * (1, 3, H, W): the person in [-1, 1], zero outside what is kept: the keep mask (face, hair, hands) and skin the
 * new layout still shows as skin. With a known label map (gallery figures) "still" means it was body before too;
 * an upload has none, so every body pixel of the new layout inside the person mask is kept.
 */
export function personTensor(frame: Uint8ClampedArray, body: BodyModel, layout: Uint8Array, before?: Uint8Array): Float32Array {
  const out = new Float32Array(3 * PLANE);
  for (let p = 0; p < PLANE; p++) {
    const keep = body.keepMask[p] === 1 || (isBodyLabel(layout[p]) && (before ? isBodyLabel(before[p]) : body.personMask[p] === 1));
    if (!keep) continue;
    for (let c = 0; c < 3; c++) out[c * PLANE + p] = (frame[c * PLANE + p] / 255) * 2 - 1;
  }
  return out;
}

/** Output pixels differing from the photo by more than this (of 255, any channel) count as changed. */
const CHANGED = 24;
const FEATHER_RADIUS = 2;

/**
 * Where the network's picture replaces the photo, in the frame, 0..1: the new layout's garments, the garments the
 * person wore before (they may now be skin), and any other changed pixel, never the keep mask; feathered so the
 * paste has no hard edge.
 */
export function pasteAlpha(image: Float32Array, frame: Uint8ClampedArray, layout: Uint8Array, body: BodyModel, before?: Uint8Array): Float32Array {
  let alpha: Float32Array = new Float32Array(PLANE);
  for (let p = 0; p < PLANE; p++) {
    if (body.keepMask[p]) continue;
    let changed = isGarmentLabel(layout[p]) || (before !== undefined && isGarmentLabel(before[p]));
    for (let c = 0; c < 3 && !changed; c++) changed = Math.abs(((image[c * PLANE + p] + 1) / 2) * 255 - frame[c * PLANE + p]) > CHANGED;
    alpha[p] = changed ? 1 : 0;
  }
  for (let pass = 0; pass < 2; pass++) alpha = boxBlur(alpha, FEATHER_RADIUS);
  return alpha;
}

function boxBlur(src: Float32Array, r: number): Float32Array {
  const tmp = new Float32Array(PLANE), out = new Float32Array(PLANE);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let s = 0, n = 0;
      for (let d = -r; d <= r; d++) if (x + d >= 0 && x + d < W) { s += src[y * W + x + d]; n++; }
      tmp[y * W + x] = s / n;
    }
  }
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let s = 0, n = 0;
      for (let d = -r; d <= r; d++) if (y + d >= 0 && y + d < H) { s += tmp[(y + d) * W + x]; n++; }
      out[y * W + x] = s / n;
    }
  }
  return out;
}

function bilinearPlane(plane: Float32Array, offset: number, fx: number, fy: number): number {
  const x = Math.max(0, Math.min(W - 1, fx)), y = Math.max(0, Math.min(H - 1, fy));
  const x0 = Math.floor(x), y0 = Math.floor(y), x1 = Math.min(W - 1, x0 + 1), y1 = Math.min(H - 1, y0 + 1);
  const ax = x - x0, ay = y - y0;
  const at = (xx: number, yy: number) => plane[offset + yy * W + xx];
  return (at(x0, y0) * (1 - ax) + at(x1, y0) * ax) * (1 - ay) + (at(x0, y1) * (1 - ax) + at(x1, y1) * ax) * ay;
}

/**
 * The result at the photo's resolution: a copy of the photo (RGB) with the network's picture, upscaled through the
 * crop transform, blended in by `alpha`. Pixels outside the frame, or where alpha is 0, are the photo's own bytes.
 */
export function composeIntoPhoto(photo: PixelImage, image: Float32Array, alpha: Float32Array, crop: CropTransform): Uint8ClampedArray {
  const out = new Uint8ClampedArray(photo.width * photo.height * 3);
  for (let i = 0, n = photo.width * photo.height; i < n; i++) for (let c = 0; c < 3; c++) out[i * 3 + c] = photo.data[i * photo.channels + c];
  const [left, top] = [Math.max(0, Math.floor(crop.x)), Math.max(0, Math.floor(crop.y))];
  const right = Math.min(photo.width, Math.ceil(crop.x + BODY_MODEL_SIZE.width * crop.scale));
  const bottom = Math.min(photo.height, Math.ceil(crop.y + BODY_MODEL_SIZE.height * crop.scale));
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const [gx, gy] = imageToFrame(crop, x + 0.5, y + 0.5);
      if (gx < 0 || gy < 0 || gx >= W || gy >= H) continue;
      const a = bilinearPlane(alpha, 0, gx - 0.5, gy - 0.5);
      if (a <= 1 / 255) continue;
      const i = (y * photo.width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const v = ((bilinearPlane(image, c * PLANE, gx - 0.5, gy - 0.5) + 1) / 2) * 255;
        out[i + c] = out[i + c] * (1 - a) + v * a;
      }
    }
  }
  return out;
}
