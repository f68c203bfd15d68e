// Try-on latency (SPEC §5: ≤ 1.5 s server-side at 256×192): tryOn() in-process, sequential, on an already seeded
// database (the e2e or dev one), for gallery figures (ground-truth body model) and for an uploaded photo (person
// parsing included). Warm-up runs load the sessions and are not counted.
// Usage: DATABASE_URL=file:./data/tryon.db IMAGE_DIR=./data/tryon-images [MODELS_DIR=...] npm run bench:tryon [-- --runs 20]
import { parseArgs } from "node:util";
import sharp from "sharp";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const runs = Number(values.runs);
const { db } = await import("../../lib/db");
const { readImage } = await import("../../lib/images/store");
const { tryOn } = await import("../../lib/tryon/render");
const client = await db();
const person = await client.person.findFirstOrThrow({ where: { hidden: false }, orderBy: { position: "asc" } });
const pick = async (slot: string) => (await client.product.findFirstOrThrow({ where: { slot }, select: { id: true } })).id;
const garments = [await pick("top"), await pick("bottom")];

async function measure(name: string, input: Parameters<typeof tryOn>[0], n: number) {
  for (let i = 0; i < 2; i++) await tryOn(input);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await tryOn(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]);
  console.log(`${name.padEnd(34)} runs ${n}  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`);
}

await measure("gallery figure (384×512), top+bottom", { person: { id: person.id }, productIds: garments }, runs);
// The upload path parses the photo like a shopper's: take the first gallery figure the pose model finds whole
// (drawn figures are not all detected as full bodies; the count is printed).
let uploadable: string | null = null;
let refused = 0;
for (const candidate of await client.person.findMany({ where: { hidden: false }, orderBy: { position: "asc" } })) {
  const data = `data:image/webp;base64,${(await readImage(candidate.imageKey))!.toString("base64")}`;
  try {
    await tryOn({ person: { image: data }, productIds: garments });
    uploadable = data;
    break;
  } catch {
    refused++;
  }
}
if (uploadable) {
  await measure("uploaded photo (384×512, parsed)", { person: { image: uploadable }, productIds: garments }, Math.max(3, Math.floor(runs / 4)));
  // SPEC §5's smaller size (256×192, height × width): the same photo scaled down, so the output is that size too.
  const small = await sharp(Buffer.from(uploadable.split(",")[1], "base64")).resize(192, 256).webp({ quality: 92 }).toBuffer();
  await measure("uploaded photo (192×256, parsed)", { person: { image: `data:image/webp;base64,${small.toString("base64")}` }, productIds: garments }, Math.max(3, Math.floor(runs / 4)));
}
console.log(`upload path: ${refused} gallery figure(s) refused as "no full body" before one parsed${uploadable ? "" : " (none did)"}`);
process.exit(0);
