// POST /api/complete latency at 100,000 products under 8 concurrent clients (SPEC §5: p95 <= 60 ms).
// Usage: npm run bench:complete [-- --count 100000 --requests 3000]
// The bench catalogue (scripts/bench/catalogue.ts) has rows but no drawn images, so each product gets a
// deterministic synthetic csa.sub vector of the served model's shape (K x D): latency depends on the shapes and
// counts, not on the values. The attention tables are the committed models/csa ones when present, else a fixture
// of the same shape (printed in the result). Runs against the production build (`next start`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCatalogue } from "../../lib/catalogue/generator";
import { CATEGORY_IDS, getCategory } from "../../lib/ontology";
import { ensureBenchCatalogue } from "./catalogue";
import { printCpuPerRequest, printTable, round, runLoad, runLoadMeasured, startServer } from "./load";

const { values } = parseArgs({ options: { count: { type: "string", default: "100000" }, requests: { type: "string", default: "3000" }, port: { type: "string", default: "3198" } } });
const count = Number(values.count);
const databaseUrl = `file:./data/bench-${count}.db`;
await ensureBenchCatalogue(databaseUrl, count);

const realModel = existsSync("models/csa/card.json") && existsSync("models/csa/attention.json");
const modelsDir = realModel ? path.resolve("models") : path.resolve("data/bench-models");
const attention = realModel ? JSON.parse(readFileSync("models/csa/attention.json", "utf8")) : fixtureModel(modelsDir);
const card = JSON.parse(readFileSync(path.join(modelsDir, "csa/card.json"), "utf8"));
const k: number = attention.k;
const dim: number = Number(card.dim ?? JSON.stringify(card).match(/"dim"\s*:\s*(\d+)/)?.[1] ?? 64);
process.env.MODELS_DIR = modelsDir;
await ensureVectors(k, dim);

const server = await startServer(values.port!, { DATABASE_URL: databaseUrl, MODELS_DIR: modelsDir });
const base = server.base;
try {
  const products = generateCatalogue({ count: Math.min(count, 3000), seed: 1 });
  const of = (category: string) => products.filter((p) => p.category === category);
  const tops = [...of("tshirt"), ...of("blouse"), ...of("shirt"), ...of("sweater")];
  const bottoms = [...of("jeans"), ...of("trousers"), ...of("skirt")];
  const dresses = of("dress");
  const coats = [...of("coat"), ...of("jacket")];
  const shoes = of("heels");
  let i = 0;
  const pick = <T>(items: T[]) => items[(i++ * 7919) % items.length];
  const body = (productIds: string[], targetCategory: string) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ productIds, targetCategory, k: 12 }) });
  const kinds = [
    () => ({ kind: "top+bottom -> shoes", url: `${base}/api/complete`, init: body([pick(tops).id, pick(bottoms).id], "shoes") }),
    () => ({ kind: "dress -> heels", url: `${base}/api/complete`, init: body([pick(dresses).id], "heels") }),
    () => ({ kind: "dress+coat+heels -> bag", url: `${base}/api/complete`, init: body([pick(dresses).id, pick(coats).id, pick(shoes).id], "bag") }),
    () => ({ kind: "top+bottom -> outerwear", url: `${base}/api/complete`, init: body([pick(tops).id, pick(bottoms).id], "outerwear") }),
  ];
  const warm = await runLoad(() => pick(kinds)(), { clients: 2, total: 200, seconds: 300 }); // loads the index and the pair projections
  if (warm.find((r) => r.kind === "ALL")!.errors > 0) {
    const probe = await fetch(`${base}/api/complete`, kinds[0]().init);
    throw new Error(`warm-up requests failed: ${probe.status} ${await probe.text()}`);
  }
  const { rows, cpuPerRequest } = await runLoadMeasured(server, () => pick(kinds)(), { clients: 8, total: Number(values.requests), seconds: 180 });
  console.log(`\nPOST /api/complete at ${count} products, 8 concurrent clients, ${values.requests} requests, K=${k} D=${dim} (${realModel ? "models/csa tables" : "fixture tables"})`);
  printTable(rows);
  printCpuPerRequest(cpuPerRequest);
  const all = rows.find((r) => r.kind === "ALL")!;
  console.log(JSON.stringify({ bench: "complete", products: count, clients: 8, k, dim, model: realModel ? card.version : "fixture", p50: round(all.p50), p95: round(all.p95), p99: round(all.p99), errors: all.errors, serverCpuMsPerRequest: round(cpuPerRequest!, 2), bar: { p95: 60 } }));
} finally {
  server.stop();
}

/** A stand-in model folder (uniform-ish attention, K=5, D=64) for when models/csa has not landed. */
function fixtureModel(root: string) {
  const dir = path.join(root, "csa");
  mkdirSync(dir, { recursive: true });
  const k = 5;
  const weights = CATEGORY_IDS.map((s, a) => CATEGORY_IDS.map((t, b) => Array.from({ length: k }, (_, j) => (1 + ((a + b + j) % k)) / (k * (k + 1) / 2))));
  const attention = { categories: CATEGORY_IDS, k, weights };
  writeFileSync(path.join(dir, "card.json"), JSON.stringify({ name: "csa", version: "bench-fixture", dim: 64, k }));
  writeFileSync(path.join(dir, "attention.json"), JSON.stringify(attention));
  writeFileSync(path.join(dir, "compat.json"), JSON.stringify({ scale: -4, bias: 3 }));
  return attention;
}

/** One synthetic csa.sub vector per product that has none for the registered version. */
async function ensureVectors(k: number, dim: number) {
  const { db } = await import("../../lib/db");
  const { registeredModel } = await import("../../lib/ml/registry");
  const { vectorToBytes } = await import("../../lib/embeddings/vectors");
  const model = (await registeredModel("csa"))!;
  const client = await db();
  const have = await client.embedding.count({ where: { modelVersionId: model.id, space: "csa.sub" } });
  if (have >= count) return console.log(`bench vectors: ${have} csa.sub vectors already stored`);
  const started = Date.now();
  let after = "";
  for (;;) {
    const page = await client.product.findMany({ where: { id: { gt: after }, embeddings: { none: { modelVersionId: model.id, space: "csa.sub" } } }, orderBy: { id: "asc" }, take: 2000, select: { id: true, category: true } });
    if (!page.length) break;
    await client.embedding.createMany({
      data: page.map((p) => ({ productId: p.id, modelVersionId: model.id, space: "csa.sub", dim: k * dim, vector: vectorToBytes(syntheticVector(p.id, p.category, k, dim)), imageKey: "bench" })),
    });
    after = page[page.length - 1].id;
  }
  console.log(`bench vectors: written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function syntheticVector(id: string, category: string, k: number, dim: number): Float32Array {
  let s = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7 + (getCategory(category) ? CATEGORY_IDS.indexOf(category) : 0));
  const out = new Float32Array(k * dim);
  for (let i = 0; i < out.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}


