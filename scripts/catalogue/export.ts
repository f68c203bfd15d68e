// Exports the generated catalogue for training: products.jsonl (the API's Product shape) and images/<id>.png.
// Usage: npm run catalogue:export -- --out training/data/world --count 3000 --seed 1 --size 128 [--view detail]
// --view detail draws each flat at twice the size and writes the attribute tagger's detail view of it
// (lib/ml/decode.ts modelDetailPixels: the product's bounding box, fitted into size×size), the same function the
// catalogue import runs on an uploaded image.
import { mkdir, writeFile, access } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pLimit from "p-limit";
import { generateCatalogue } from "../../lib/catalogue/generator";
import { renderProductPng } from "../../lib/catalogue/render";
import { viewPixelsPng } from "../../lib/ml/decode";
import { DETAIL_SOURCE_SIZE, MODEL_INPUT_SIZE } from "../../lib/ml/preprocess";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "training/data/world" },
    count: { type: "string", default: "3000" },
    seed: { type: "string", default: "1" },
    size: { type: "string", default: "128" },
    view: { type: "string", default: "full" },
    force: { type: "boolean", default: false },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
const size = Number(values.size);
const out = path.resolve(values.out!);
if (values.view !== "full" && values.view !== "detail") throw new Error(`--view is full or detail, not ${values.view}`);
if (values.view === "detail" && size !== MODEL_INPUT_SIZE) throw new Error(`--view detail is drawn at ${DETAIL_SOURCE_SIZE} px for --size ${MODEL_INPUT_SIZE}`);
const draw = (product: (typeof products)[number]) =>
  values.view === "detail" ? renderProductPng(product, DETAIL_SOURCE_SIZE).then((png) => viewPixelsPng(png, "detail", size)) : renderProductPng(product, size);
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
      await writeFile(file, await draw(product));
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
