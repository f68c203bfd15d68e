// Refine at catalogue scale (SPEC §5): POST /api/refine p50/p95 under 8 concurrent clients against the production
// server, index recall@10 against exact float32 search, and embedding throughput.
// Usage: npm run bench:refine [-- --count 100000 --rendered 600 --requests 2000 --port 3198]
// Honest shortcut: drawing 100,000 flats takes too long here, so `--rendered` products are drawn and encoded with the
// real VAL encoder (that is the throughput measured); every other product gets the vector of a rendered product of
// the same category (same colour and pattern where one exists) plus Gaussian noise, re-normalised per depth. The
// output says how many were real.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { generateCatalogue, type GeneratedProduct } from "../../lib/catalogue/generator";
import { renderProductPng } from "../../lib/catalogue/render";
import { keyOf, productRenditions, saveImage } from "../../lib/images/store";
import { printCpuPerRequest, printTable, round, runLoad, runLoadMeasured, startServer } from "./load";
import { ensureBenchCatalogue } from "./catalogue";

const { values } = parseArgs({ options: {
  count: { type: "string", default: "100000" }, rendered: { type: "string", default: "600" }, requests: { type: "string", default: "2000" },
  port: { type: "string", default: "3198" }, noise: { type: "string", default: "0.35" },
} });
const count = Number(values.count);
const databaseUrl = `file:./data/bench-${count}.db`;
process.env.IMAGE_DIR = `./data/bench-images`;
await ensureBenchCatalogue(databaseUrl, count);

const { db } = await import("../../lib/db");
const { loadVal, encodeBatch } = await import("../../lib/refine/val");
const { viewTensor } = await import("../../lib/ml/decode");
const { stackTensors } = await import("../../lib/ml/preprocess");
const { vectorToBytes, bytesToVector } = await import("../../lib/embeddings/vectors");
const { VAL_SPACES } = await import("../../lib/refine/val-spec");
const { VectorIndex, exactSearch, recallAtK } = await import("../../lib/vector/index");

const val = await loadVal(2);
if (!val) throw new Error("models/val is missing: the benchmark needs the VAL model");
const client = await db();
const products = generateCatalogue({ count, seed: 1 });
const masterKey = (p: GeneratedProduct) => keyOf(Buffer.from(`${p.id}:master`), "webp");

// 1. Real embeddings for a rendered subset spread over the catalogue; throughput = draw + preprocess + encode.
const renderedCount = Math.min(count, Number(values.rendered));
const stride = Math.max(1, Math.floor(count / renderedCount));
const subset = products.filter((_, i) => i % stride === 0).slice(0, renderedCount);
const real = new Map<string, Float32Array[]>();
const masters: Buffer[] = [];
const drawStarted = performance.now();
for (const p of subset) {
  const master = (await productRenditions(await renderProductPng(p, 512))).find((r) => r.kind === "master")!;
  await saveImage(masterKey(p), master.data); // so catalogue sources resolve in the server
  masters.push(master.data);
}
const drawSeconds = (performance.now() - drawStarted) / 1000;
// The embedding job's work per item: decode the stored master, preprocess, encode (batches of 32).
let encodeMs = 0;
const started = performance.now();
for (let i = 0; i < subset.length; i += 32) {
  const tensors = await Promise.all(masters.slice(i, i + 32).map((m) => viewTensor(m, val.view)));
  const t0 = performance.now();
  const { targets } = await encodeBatch(val, stackTensors(tensors), tensors.length);
  encodeMs += performance.now() - t0;
  subset.slice(i, i + 32).forEach((p, j) => real.set(p.id, targets[j]));
}
const totalSeconds = (performance.now() - started) / 1000;
const throughput = { endToEnd: subset.length / totalSeconds, encoderOnly: subset.length / (encodeMs / 1000), drawing: subset.length / drawSeconds };
console.log(`embedding throughput: ${throughput.endToEnd.toFixed(1)} items/s decode+preprocess+encode (the job's work), ${throughput.encoderOnly.toFixed(1)} items/s encoder only; drawing the flats (seed's work, not embedding) ${throughput.drawing.toFixed(1)} items/s (${subset.length} real items)`);

// 2. Vectors for everyone (real where drawn, else a noisy copy of a similar drawn product), stored like the job does.
const model = val.model;
await client.embedding.deleteMany({ where: { modelVersionId: model.id } });
const bySimilar = new Map<string, Float32Array[][]>();
for (const p of subset) for (const key of [`${p.category}|${p.color}|${p.pattern}`, p.category]) bySimilar.set(key, [...(bySimilar.get(key) ?? []), real.get(p.id)!]);
let seed = 7;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
const sigma = Number(values.noise);
const vectorsOf = (p: GeneratedProduct): Float32Array[] => {
  const own = real.get(p.id);
  if (own) return own;
  const pool = bySimilar.get(`${p.category}|${p.color}|${p.pattern}`) ?? bySimilar.get(p.category) ?? [...real.values()];
  return pool[Math.floor(rand() * pool.length)].map((v) => {
    const out = Float32Array.from(v, (x) => x + (gauss() * sigma) / Math.sqrt(v.length));
    const n = Math.hypot(...out);
    return out.map((x) => x / n);
  });
};
const allVectors: { id: string; category: string; priceCents: number; inStock: boolean; vector: Float32Array }[] = [];
for (let i = 0; i < products.length; i += 500) {
  const chunk = products.slice(i, i + 500);
  const rows = chunk.flatMap((p) => {
    const parts = vectorsOf(p);
    const joined = new Float32Array(parts.reduce((n, v) => n + v.length, 0));
    parts.reduce((o, v) => (joined.set(v, o), o + v.length), 0);
    allVectors.push({ id: p.id, category: p.category, priceCents: p.priceCents, inStock: p.inStock, vector: joined });
    return VAL_SPACES.map((space, s) => ({ productId: p.id, modelVersionId: model.id, space, dim: parts[s].length, vector: vectorToBytes(parts[s]), imageKey: masterKey(p) }));
  });
  await client.embedding.createMany({ data: rows });
}
console.log(`stored ${products.length * VAL_SPACES.length} embeddings (${subset.length} products real, ${products.length - subset.length} replicated with noise σ=${sigma})`);
void bytesToVector;

// 3. Index recall@10 and in-process query time, int8 index vs exact float32, with and without the category filter.
const storage = (process.env.BENCH_INDEX_STORAGE === "int8" ? "int8" : "float32") as "int8" | "float32";
const index = new VectorIndex(allVectors, allVectors[0].vector.length, storage);
const queries = Array.from({ length: 100 }, (_, i) => allVectors[(i * 7919) % allVectors.length]);
const measure = (filtered: boolean) => {
  let recall = 0;
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const hits = index.search(q.vector, 10, filtered ? { categories: [q.category] } : {});
    times.push(performance.now() - t0);
    recall += recallAtK(hits, exactSearch(allVectors, q.vector, 10, filtered ? (r) => allVectors[r].category === q.category : undefined));
  }
  times.sort((a, b) => a - b);
  return { recallAt10: recall / queries.length, p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
};
const indexFiltered = measure(true);
const indexAll = measure(false);
console.log(`index (${storage} exact scan): recall@10 ${indexFiltered.recallAt10.toFixed(3)} in-category, ${indexAll.recallAt10.toFixed(3)} whole catalogue; query p50 ${indexFiltered.p50.toFixed(2)} ms in-category, ${indexAll.p50.toFixed(2)} ms whole catalogue`);

// 4. The API under load, against the production server.
const server = await startServer(values.port!, { DATABASE_URL: databaseUrl });
const base = server.base;
const captions = ["is darker with long sleeves", "is red", "has a floral print", "is more casual and shorter", "is black and has no sleeves", "is lighter", "has a v-neck", "is longer and blue"];
let n = 0;
const request = () => {
  const p = subset[n % subset.length];
  const text = captions[n++ % captions.length];
  return { kind: "refine", url: `${base}/api/refine`, init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ productId: p.id, text, k: 24 }) } };
};
try {
  // Warm-up: every process builds its index and caches each source's feature maps once (steady state of a running
  // shop; a source the cache has not seen costs ~6 ms more: decode + encoder).
  await runLoad(request, { clients: 8, total: subset.length * (Number(process.env.WEB_CONCURRENCY) || availableParallelism()) });
  const { rows, cpuPerRequest } = await runLoadMeasured(server, request, { clients: 8, total: Number(values.requests), seconds: 120 });
  console.log(`\nPOST /api/refine at ${count} products, 8 concurrent clients`);
  printTable(rows);
  printCpuPerRequest(cpuPerRequest);
  const all = rows.find((r) => r.kind === "ALL")!;
  console.log(JSON.stringify({
    bench: "refine", products: count, realEmbeddings: subset.length, replicatedWithNoise: count - subset.length, clients: 8,
    p50: round(all.p50), p95: round(all.p95), errors: all.errors, serverCpuMsPerRequest: round(cpuPerRequest!, 2),
    recallAt10: { inCategory: round(indexFiltered.recallAt10, 3), wholeCatalogue: round(indexAll.recallAt10, 3) },
    indexQueryMs: { inCategoryP50: round(indexFiltered.p50, 2), wholeCatalogueP50: round(indexAll.p50, 2) },
    embeddingItemsPerSecond: { job: round(throughput.endToEnd), encoderOnly: round(throughput.encoderOnly), drawingFlats: round(throughput.drawing) },
    bars: { p95: 60, recallAt10: 0.95, itemsPerSecond: 50 },
  }));
} finally {
  server.stop();
}
process.exit(0);


