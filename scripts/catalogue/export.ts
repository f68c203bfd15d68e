// Exports the generated catalogue for training: products.jsonl (the API's Product shape) and images/<id>.png.
// Usage: npx tsx scripts/catalogue/export.ts --out training/data/world --count 3000 --seed 1 --size 128
import { mkdir, writeFile, access } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pLimit from "p-limit";
import { generateCatalogue } from "../../lib/catalogue/generator";
import { renderProductPng } from "../../lib/catalogue/render";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "training/data/world" },
    count: { type: "string", default: "3000" },
    seed: { type: "string", default: "1" },
    size: { type: "string", default: "128" },
    force: { type: "boolean", default: false },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
const size = Number(values.size);
const out = path.resolve(values.out!);
const products = generateCatalogue({ count, seed });
await mkdir(path.join(out, "images"), { recursive: true });

const lines = products.map(({ drawSeed, description, inStock, ...p }) =>
  JSON.stringify({ ...p, inStock, imageUrl: `images/${p.id}.png` }),
);
await writeFile(path.join(out, "products.jsonl"), lines.join("\n") + "\n");

const started = Date.now();
let done = 0;
const limit = pLimit(2);
await Promise.all(
  products.map((product) =>
    limit(async () => {
      const file = path.join(out, "images", `${product.id}.png`);
      if (!values.force && (await exists(file))) return;
      await writeFile(file, await renderProductPng(product, size));
      if (++done % 500 === 0) console.log(`rendered ${done}/${products.length}`);
    }),
  ),
);
const seconds = (Date.now() - started) / 1000;
console.log(`exported ${products.length} products to ${out} (${done} images rendered in ${seconds.toFixed(1)} s)`);

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
