import "server-only";
// The catalogue embedding job: encodes every product's master image with each active model and stores one vector
// per (product, model version, space). Only what is missing or stale (the image changed since) is computed, one
// batch per transaction, so an interrupted run loses at most a batch and the next run finishes it. Progress is a
// Job row (kind "embed"), shown in the merchandiser console like imports.
import { announceCatalogueChange } from "../catalogue/changes";
import { db } from "../db";
import { readImage } from "../images/store";
import { log } from "../log";
import { viewTensor } from "../ml/decode";
import { cardView, stackTensors } from "../ml/preprocess";
import { registeredModel } from "../ml/registry";
import { EMBEDDERS, type Embedder } from "./embedders";
import { vectorToBytes } from "./vectors";

export interface EmbedOptions {
  /** Model names to run (default: every embedder whose model has landed). */
  models?: string[];
  batchSize?: number;
  /** ONNX Runtime threads for the encoder. */
  threads?: number;
  onProgress?: (model: string, done: number, total: number) => void;
}

export interface EmbedSummary {
  model: string;
  version: string;
  jobId: string | null;
  total: number;
  embedded: number;
  failed: number;
  seconds: number;
}

const PROGRESS_INTERVAL_MS = 500;
const holder = globalThis as typeof globalThis & {
  __atelierEmbedRuns?: Map<string, Promise<EmbedSummary | null>>;
  __atelierEmbedTriggers?: Map<string, number>;
};

export async function runEmbeddingJob(options: EmbedOptions = {}): Promise<EmbedSummary[]> {
  const out: EmbedSummary[] = [];
  for (const embedder of EMBEDDERS) {
    if (options.models && !options.models.includes(embedder.model)) continue;
    const summary = await embedOnce(embedder, options);
    if (summary) out.push(summary);
  }
  return out;
}

/** One run per model at a time in a process: a second caller waits for the running one. */
function embedOnce(embedder: Embedder, options: EmbedOptions): Promise<EmbedSummary | null> {
  const runs = (holder.__atelierEmbedRuns ??= new Map());
  let run = runs.get(embedder.model);
  if (!run) {
    run = embedModel(embedder, options).finally(() => runs.delete(embedder.model));
    runs.set(embedder.model, run);
  }
  return run;
}

/** Products whose vectors for this model version are missing or were computed from another image. */
export async function staleProducts(modelVersionId: string, spaces: string[]): Promise<{ productId: string; key: string }[]> {
  const client = await db();
  const [images, stored] = await Promise.all([
    client.productImage.findMany({ where: { kind: "master" }, select: { productId: true, key: true }, orderBy: { productId: "asc" } }),
    client.embedding.findMany({ where: { modelVersionId, space: { in: spaces } }, select: { productId: true, space: true, imageKey: true } }),
  ]);
  const fresh = new Map<string, number>();
  const keyOf = new Map(images.map((i) => [i.productId, i.key]));
  for (const e of stored) if (keyOf.get(e.productId) === e.imageKey) fresh.set(e.productId, (fresh.get(e.productId) ?? 0) + 1);
  return images.filter((i) => (fresh.get(i.productId) ?? 0) < spaces.length);
}

async function embedModel(embedder: Embedder, options: EmbedOptions): Promise<EmbedSummary | null> {
  const model = await registeredModel(embedder.model);
  if (!model) return null;
  const started = Date.now();
  const client = await db();
  const todo = await staleProducts(model.id, embedder.spaces);
  const summary: EmbedSummary = { model: model.name, version: model.version, jobId: null, total: todo.length, embedded: 0, failed: 0, seconds: 0 };
  if (todo.length === 0) return summary;

  const job = await client.job.create({
    data: { kind: "embed", status: "running", label: `${model.name} ${model.version}: catalogue embeddings`, total: todo.length, startedAt: new Date() },
    select: { id: true },
  });
  summary.jobId = job.id;
  const errors: { line: number; sku?: string; message: string }[] = [];
  const batchSize = options.batchSize ?? 32;
  const view = cardView(model.card); // what the model's CNN was trained to see (the tagger, CSA-Net and VAL: the detail view)
  let lastSaved = 0;
  try {
    for (let i = 0; i < todo.length; i += batchSize) {
      const batch = todo.slice(i, i + batchSize);
      const tensors: Float32Array[] = [];
      const ready: typeof batch = [];
      for (const item of batch) {
        const bytes = await readImage(item.key);
        const tensor = bytes ? await viewTensor(bytes, view).catch(() => null) : null;
        if (!tensor) {
          summary.failed += 1;
          if (errors.length < 100) errors.push({ line: 0, sku: item.productId, message: `image ${item.key} could not be read` });
          continue;
        }
        tensors.push(tensor);
        ready.push(item);
      }
      if (ready.length) {
        const vectors = await embedder.embed(stackTensors(tensors), ready.length, options.threads ?? 2);
        await client.$transaction([
          client.embedding.deleteMany({ where: { modelVersionId: model.id, space: { in: embedder.spaces }, productId: { in: ready.map((r) => r.productId) } } }),
          client.embedding.createMany({
            data: ready.flatMap((item, j) =>
              embedder.spaces.map((space, s) => ({
                productId: item.productId, modelVersionId: model.id, space, dim: vectors[j][s].length, vector: vectorToBytes(vectors[j][s]), imageKey: item.key,
              })),
            ),
          }),
        ]);
        summary.embedded += ready.length;
        announceCatalogueChange(); // the indexes pick the new vectors up on their next query
      }
      const done = Math.min(i + batchSize, todo.length);
      options.onProgress?.(model.name, done, todo.length);
      if (Date.now() - lastSaved > PROGRESS_INTERVAL_MS || done === todo.length) {
        lastSaved = Date.now();
        await client.job.update({ where: { id: job.id }, data: { processed: done, created: summary.embedded, failed: summary.failed, errors: JSON.stringify(errors) } });
      }
    }
    await client.job.update({ where: { id: job.id }, data: { status: "succeeded", finishedAt: new Date() } });
  } catch (error) {
    log.error({ err: error, jobId: job.id }, "embedding job failed");
    errors.push({ line: 0, message: `The embedding job stopped: ${(error as Error).message}. Vectors already stored are complete; it resumes where it stopped on the next run.` });
    await client.job.update({ where: { id: job.id }, data: { status: "failed", finishedAt: new Date(), errors: JSON.stringify(errors) } }).catch(() => undefined);
    throw error;
  } finally {
    summary.seconds = (Date.now() - started) / 1000;
  }
  return summary;
}

/**
 * Starts an embedding run in this process without waiting for it (after an import, when the index finds
 * products without vectors). Failures are logged and recorded on the job; the next trigger resumes.
 */
export function refreshEmbeddingsSoon(models?: string[]): void {
  // Under the clustered server every process refreshes its index and would notice the same missing vectors: the
  // first process does the background work, the others pick the vectors up on their next index refresh.
  if (Number(process.env.ATELIER_WORKER ?? 1) > 1) return;
  // At most one trigger a minute per set of models, so a product whose image cannot be read does not start a run
  // (and a Job row) on every index refresh.
  const key = (models ?? ["*"]).join(",");
  const last = (holder.__atelierEmbedTriggers ??= new Map());
  if (Date.now() - (last.get(key) ?? 0) < 60_000) return;
  last.set(key, Date.now());
  void runEmbeddingJob({ models, threads: 1 }).catch((error) => log.warn({ err: error }, "background embedding run failed"));
}
