// Draws a contact sheet of generated products: one PNG grid, for looking at the catalogue as a shopper would.
// Usage: npx tsx scripts/catalogue/contact-sheet.ts [--out docs/contact-sheet.png] [--count 3000] [--seed 1]
//        [--pick 48] [--cols 8] [--cell 256] [--category tshirt,dress]


import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { generateCatalogue } from "../../lib/catalogue/generator";
import { renderProductPng } from "../../lib/catalogue/render";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "docs/contact-sheet.png" },
    count: { type: "string", default: "3000" },
    seed: { type: "string", default: "1" },
    pick: { type: "string", default: "48" },
    cols: { type: "string", default: "8" },
    cell: { type: "string", default: "256" },
    category: { type: "string" },
  },
});

const cell = Number(values.cell);
const cols = Number(values.cols);
const pick = Number(values.pick);
const categories = values.category?.split(",").filter(Boolean);
let products = generateCatalogue({ count: Number(values.count), seed: Number(values.seed) });
if (categories?.length) products = products.filter((p) => categories.includes(p.category));
// An even spread: every k-th product, so categories, colours and patterns all show.
const step = Math.max(1, Math.floor(products.length / pick));
const chosen = products.filter((_, i) => i % step === 0).slice(0, pick);
const rows = Math.ceil(chosen.length / cols);
const tiles = await Promise.all(
  chosen.map(async (product, i) => ({
    input: await renderProductPng(product, cell),
    left: (i % cols) * cell,
    top: Math.floor(i / cols) * cell,
  })),
);
await mkdir(path.dirname(path.resolve(values.out!)), { recursive: true });
await sharp({ create: { width: cols * cell, height: rows * cell, channels: 3, background: "#ffffff" } })
  .composite(tiles)
  .png()
  .toFile(values.out!);
console.log(`${values.out}: ${chosen.length} products, ${cols}×${rows} at ${cell} px`);
for (const [i, p] of chosen.entries()) {
  if (categories?.length) console.log(`  ${i}: ${p.category} ${p.color} ${p.pattern} ${JSON.stringify(p.attributes)}`);
}
