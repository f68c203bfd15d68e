// Draws a contact sheet of generated model photos (the default gallery's figures), optionally each with its
// label map beside it, for looking at the figures as a shopper would and checking the ground truth by eye.
// Usage: npx tsx scripts/tryon/contact-sheet.ts [--out docs/model-gallery.png] [--count 24] [--seed 1] [--cols 8]
//        [--labels] (figure and label map side by side)
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp, { type OverlayOptions } from "sharp";
import { DEFAULT_CATALOGUE, generateCatalogue } from "../../lib/catalogue/generator";
import { renderFigure } from "../../lib/tryon/figures";
import { figureSpecOf } from "../../lib/tryon/figures/outfit";
import { figurePng, labelMap, labelPreviewPng } from "../../lib/tryon/figures/raster";
import { FRAME } from "../../lib/tryon/figures/skeleton";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "docs/model-gallery.png" },
    count: { type: "string", default: "24" },
    seed: { type: "string", default: "1" },
    cols: { type: "string", default: "8" },
    scale: { type: "string", default: "0.5" },
    labels: { type: "boolean", default: false },
  },
});

const catalogue = generateCatalogue(DEFAULT_CATALOGUE);
const count = Number(values.count), cols = Number(values.cols), scale = Number(values.scale);
const w = Math.round(FRAME.width * scale), h = Math.round(FRAME.height * scale);
const per = values.labels ? 2 : 1;
const tiles: OverlayOptions[] = [];
for (let i = 0; i < count; i++) {
  const spec = figureSpecOf(i, Number(values.seed), catalogue);
  const drawing = renderFigure(spec);
  const images = [await figurePng(drawing.svg)];
  if (values.labels) images.push(await labelPreviewPng(await labelMap(drawing.labelSvg)));
  for (const [k, image] of images.entries()) {
    const slot = i * per + k;
    tiles.push({ input: await sharp(image).resize(w, h).png().toBuffer(), left: (slot % cols) * w, top: Math.floor(slot / cols) * h });
  }
  console.log(`${i}: ${spec.pose} ${spec.bodyShape} ${spec.height} ${spec.skinTone} ${spec.hairStyle}/${spec.hairColour} — ${spec.garments.map((g) => `${g.color} ${g.pattern} ${g.category} ${JSON.stringify(g.attributes)}`).join(" + ")}`);
}
const rows = Math.ceil((count * per) / cols);
await mkdir(path.dirname(path.resolve(values.out!)), { recursive: true });
await sharp({ create: { width: cols * w, height: rows * h, channels: 3, background: "#ffffff" } }).composite(tiles).png().toFile(values.out!);
console.log(`${values.out}: ${count} figures, ${cols}×${rows} tiles of ${w}×${h}`);
