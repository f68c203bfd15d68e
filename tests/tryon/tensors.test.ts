// The try-on tensor arithmetic shared by the server route and the browser worker (lib/tryon/tensors.ts) against
// the contract in network-io.ts, and the ground-truth parse of gallery figures.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { BODY_MODEL_SIZE, toBodyModel, type BodyModel } from "@/lib/tryon/body-model";
import { parseFromTruth } from "@/lib/tryon/ground-truth";
import { PARSE_LABELS } from "@/lib/tryon/labels";
import { TRYON_CHANNELS, TRYON_SIZE } from "@/lib/tryon/network-io";
import type { PixelImage } from "@/lib/tryon/parsing/types";
import {
  argmaxLayout, composeIntoPhoto, flatPlanes, garmentMask, garmentsTensor, oneHotLayout, pasteAlpha, personTensor, photoInFrame, STUDIO,
} from "@/lib/tryon/tensors";
import { standingPose, syntheticParse } from "./synthetic-parse";

const { width: W, height: H } = TRYON_SIZE;
const PLANE = W * H;

/** A square master image: studio background with a red garment rectangle in the middle half. */
function flat(side = 512, channels: 3 | 4 = 3): PixelImage {
  const data = new Uint8Array(side * side * channels);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const inside = x >= side / 4 && x < (3 * side) / 4 && y >= side / 4 && y < (3 * side) / 4;
      const i = (y * side + x) * channels;
      data.set(inside ? [200, 20, 30] : STUDIO, i);
      if (channels === 4) data[i + 3] = 255;
    }
  }
  return { data, width: side, height: side, channels };
}

describe("garments tensor", () => {
  it("fits a square flat (contain) into 192×256, centred, RGB in [-1, 1] on black, mask 1 on the garment", () => {
    const { rgb, mask } = flatPlanes(flat());
    // The 512 px square becomes 192×192, starting at y = 32; the garment is its middle half: x 48..144, y 80..176.
    expect(mask[100 * W + 96]).toBe(1);
    expect(mask[40 * W + 96]).toBe(0); // studio background inside the square
    expect(mask[10 * W + 96]).toBe(0); // letterbox above the square
    expect(rgb[100 * W + 96]).toBeCloseTo((200 / 255) * 2 - 1, 5);
    expect(rgb[PLANE + 100 * W + 96]).toBeCloseTo((20 / 255) * 2 - 1, 5);
    expect(rgb[10 * W + 96]).toBe(-1);
    const on = mask.reduce((n, v) => n + v, 0);
    expect(on).toBeGreaterThanOrEqual(96 * 96 - 200);
    expect(on).toBeLessThanOrEqual(96 * 96 + 200);
  });

  it("treats transparent pixels as background and gives the same planes from RGB and RGBA", () => {
    const rgba = flat(256, 4);
    expect(flatPlanes(rgba)).toEqual(flatPlanes(flat(256, 3)));
    rgba.data.forEach((_, i) => i % 4 === 3 && (rgba.data[i] = 0));
    expect(flatPlanes(rgba).mask.every((v) => v === 0)).toBe(true);
  });

  it("puts each slot's four channels in GARMENT_SLOTS_TRYON order and leaves empty slots at zero", () => {
    const planes = flatPlanes(flat());
    const tensor = garmentsTensor({ bottom: planes, outerwear: planes });
    expect(tensor.length).toBe(TRYON_CHANNELS.garments * PLANE);
    const group = (slot: number) => tensor.subarray(4 * slot * PLANE, 4 * (slot + 1) * PLANE);
    expect(group(0).every((v) => v === 0)).toBe(true); // top
    expect(group(2).every((v) => v === 0)).toBe(true); // one_piece
    for (const s of [1, 3]) {
      expect(Array.from(group(s).subarray(0, 3 * PLANE))).toEqual(Array.from(planes.rgb));
      expect(Array.from(group(s).subarray(3 * PLANE))).toEqual(Array.from(planes.mask));
    }
  });

  it("gives the same tensor for a PNG decoded by sharp as for the same pixels given directly (server vs worker)", async () => {
    const source = flat(300);
    const png = await sharp(Buffer.from(source.data), { raw: { width: 300, height: 300, channels: 3 } }).png().toBuffer();
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const decoded: PixelImage = { data: new Uint8Array(data), width: info.width, height: info.height, channels: 3 };
    const bytes = (t: Float32Array) => Buffer.from(t.buffer, t.byteOffset, t.byteLength);
    expect(bytes(garmentsTensor({ top: flatPlanes(decoded) })).equals(bytes(garmentsTensor({ top: flatPlanes(source) })))).toBe(true);
  });
});

describe("layout, person and composition", () => {
  const PHOTO = { width: 384, height: 512 };
  const box = { x0: 120, y0: 40, x1: 264, y1: 480 };
  const body: BodyModel = toBodyModel(syntheticParse(PHOTO.width, PHOTO.height, box, standingPose(box)));
  const photo: PixelImage = { data: new Uint8Array(PHOTO.width * PHOTO.height * 3).fill(90), ...PHOTO, channels: 3 };

  it("argmax picks the largest logit per pixel and one-hot has exactly one 1 per pixel", () => {
    const logits = new Float32Array(TRYON_CHANNELS.layout * PLANE);
    logits.fill(-1);
    for (let p = 0; p < PLANE; p++) logits[(p % 9) * PLANE + p] = 2;
    const layout = argmaxLayout(logits);
    expect(layout[0]).toBe(0);
    expect(layout[13]).toBe(13 % 9);
    const hot = oneHotLayout(layout);
    for (const p of [0, 1, 500, PLANE - 1]) {
      const column = Array.from({ length: 9 }, (_, c) => hot[c * PLANE + p]);
      expect(column.reduce((a, b) => a + b, 0)).toBe(1);
      expect(column[layout[p]]).toBe(1);
    }
  });

  it("keeps the keep mask and still-skin pixels in the person tensor and zeroes the rest", () => {
    const frame = photoInFrame(photo, body.crop);
    const layout = new Uint8Array(PLANE).fill(PARSE_LABELS.top);
    const before = new Uint8Array(PLANE).fill(PARSE_LABELS.skin);
    layout[5] = PARSE_LABELS.skin;
    const t = personTensor(frame, body, layout, before);
    const keep = body.keepMask.findIndex((v) => v === 1);
    const covered = body.personMask.findIndex((v, i) => v === 1 && body.keepMask[i] === 0);
    expect(t[keep]).toBeCloseTo((90 / 255) * 2 - 1, 5);
    expect(t[5]).toBeCloseTo((frame[5] / 255) * 2 - 1, 5);
    expect(t[covered]).toBe(0);
  });

  it("leaves the photo untouched where nothing changed and paints garment regions at the photo's resolution", () => {
    const frame = photoInFrame(photo, body.crop);
    const same = new Float32Array(3 * PLANE).map((_, i) => (frame[i] / 255) * 2 - 1);
    const empty = new Uint8Array(PLANE);
    const untouched = composeIntoPhoto(photo, same, pasteAlpha(same, frame, empty, body), body.crop);
    expect(untouched.length).toBe(PHOTO.width * PHOTO.height * 3);
    expect(untouched.every((v) => v === 90)).toBe(true);

    const white = new Float32Array(3 * PLANE).fill(1);
    const layout = new Uint8Array(PLANE);
    for (let p = 0; p < PLANE; p++) if (body.personMask[p] && !body.keepMask[p]) layout[p] = PARSE_LABELS.top;
    const out = composeIntoPhoto(photo, white, pasteAlpha(white, frame, layout, body), body.crop);
    const centre = ((Math.round((box.y0 + box.y1) / 2) * PHOTO.width) + Math.round((box.x0 + box.x1) / 2)) * 3;
    expect(out[centre]).toBeGreaterThan(250); // torso painted
    expect(out[(5 * PHOTO.width + 5) * 3]).toBe(90); // corner outside the person untouched
  });
});

describe("gallery ground truth", () => {
  it("turns stored keypoints and a label map into a parse whose body model frames the figure", () => {
    const [w, h] = [384, 512];
    const labels = new Uint8Array(w * h);
    for (let y = 40; y < 480; y++) for (let x = 140; x < 244; x++) labels[y * w + x] = y < 100 ? PARSE_LABELS.face : PARSE_LABELS.top;
    const pose = standingPose({ x0: 140, y0: 40, x1: 244, y1: 480 }).map(([x, y]) => [x, y, 2] as [number, number, number]);
    const parse = parseFromTruth({ frame: { width: w, height: h }, keypoints: pose }, labels, w, h);
    expect(parse.keypoints.every((k) => k[2] === 1)).toBe(true);
    const body = toBodyModel(parse);
    expect([body.width, body.height]).toEqual([BODY_MODEL_SIZE.width, BODY_MODEL_SIZE.height]);
    const share = body.personMask.reduce((n, v) => n + v, 0) / PLANE;
    expect(share).toBeGreaterThan(0.15);
    expect(body.keepMask.some((v) => v === 1)).toBe(true);
  });
});

describe("garment mask", () => {
  it("keeps a studio-coloured patch inside the garment's outline, and drops the background around it", () => {
    const img = flat(256);
    // A background-coloured window in the middle of the red garment (a white stripe, a cream panel).
    for (let y = 120; y < 136; y++) for (let x = 120; x < 136; x++) img.data.set(STUDIO, (y * 256 + x) * 3);
    const mask = garmentMask(img);
    expect(mask[128 * 256 + 128]).toBe(1);
    expect(mask[10 * 256 + 10]).toBe(0);
    expect(mask[70 * 256 + 70]).toBe(1);
  });
});
