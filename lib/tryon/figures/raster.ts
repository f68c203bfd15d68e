// Rasterising figures: the illustration to a PNG, and the label drawing to a one-channel label map in which every
// pixel is snapped to the nearest label colour (so no anti-aliased edge can invent a label).
import sharp from "sharp";
import { LABEL_COLOURS, LABEL_PREVIEW_COLOURS, type ParseLabel } from "../labels";
import { FRAME } from "./skeleton";

export async function figurePng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).flatten({ background: "#f6f4f1" }).png({ compressionLevel: 6 }).toBuffer();
}

const ENTRIES = Object.entries(LABEL_COLOURS).map(([label, rgb]) => [Number(label), rgb] as const);

/** The label map as one byte per pixel (row-major, FRAME.width × FRAME.height). */
export async function labelMap(labelSvg: string): Promise<Uint8Array> {
  const { data, info } = await sharp(Buffer.from(labelSvg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const out = new Uint8Array(info.width * info.height);
  for (let i = 0, p = 0; i < out.length; i++, p += info.channels) {
    const r = data[p], g = data[p + 1], b = data[p + 2];
    let best = 0, bestD = Infinity;
    for (const [label, [lr, lg, lb]] of ENTRIES) {
      const d = (r - lr) ** 2 + (g - lg) ** 2 + (b - lb) ** 2;
      if (d < bestD) { bestD = d; best = label; if (d === 0) break; }
    }
    out[i] = best;
  }
  return out;
}

/** A label map as a greyscale PNG whose pixel values are the labels (0..8), as VITON's image-parse files are. */
export async function labelPng(labels: Uint8Array): Promise<Buffer> {
  return sharp(Buffer.from(labels), { raw: { width: FRAME.width, height: FRAME.height, channels: 1 } }).toColourspace("b-w").png({ compressionLevel: 9 }).toBuffer();
}

/** A readable colour picture of a label map, for docs and for looking at the ground truth. */
export async function labelPreviewPng(labels: Uint8Array): Promise<Buffer> {
  const rgb = Buffer.alloc(labels.length * 3);
  labels.forEach((l, i) => rgb.set(LABEL_PREVIEW_COLOURS[l as ParseLabel], i * 3));
  return sharp(rgb, { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } }).png().toBuffer();
}

/** Pixels per label, for tests and summaries. */
export function labelCounts(labels: Uint8Array): number[] {
  const counts = new Array(9).fill(0);
  for (const l of labels) counts[l]++;
  return counts;
}
