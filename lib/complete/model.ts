import "server-only";
// CSA-Net's serving tables, read once per registered model version from models/csa/: the attention network as a
// (source category, target category) -> K weights table (attention.json) and the compatibility curve
// (compat.json). The item encoder (csa_item.onnx) runs in the catalogue embedding job (./embedder.ts), not on the
// request path: requests only read stored subspace vectors.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { registeredModel } from "../ml/registry";
import type { CsaTables } from "./scoring";

export const CSA_MODEL = "csa";
/** The embedding space holding each product's K subspace embeddings, (K, D) flattened. */
export const CSA_SUB_SPACE = "csa.sub";
export const CSA_FILES = { item: "csa_item.onnx", attention: "attention.json", compat: "compat.json" } as const;

const attentionSchema = z.object({
  categories: z.array(z.string()).min(1),
  k: z.number().int().positive(),
  weights: z.array(z.array(z.array(z.number()))),
});
const compatSchema = z.object({ scale: z.number(), bias: z.number() });

export interface CsaModel {
  /** ModelVersion.id */
  id: string;
  version: string;
  dir: string;
  tables: CsaTables;
}

export class ModelUnavailableError extends Error {}

const holder = globalThis as typeof globalThis & { __atelierCsa?: Map<string, Promise<CsaModel>> };

/** The active CSA-Net version's tables (cached per version: the promise is shared by concurrent first calls). */
export async function loadCsaModel(): Promise<CsaModel> {
  const model = await registeredModel(CSA_MODEL);
  if (!model) throw new ModelUnavailableError("CSA-Net has not landed yet (models/csa/card.json is missing).");
  const cache = (holder.__atelierCsa ??= new Map());
  let entry = cache.get(model.id);
  if (!entry) {
    entry = readTables(model.dir).then((tables) => ({ id: model.id, version: model.version, dir: model.dir, tables }));
    cache.set(model.id, entry);
    entry.catch(() => cache.delete(model.id));
  }
  return entry;
}

export async function readTables(dir: string): Promise<CsaTables> {
  const read = async (name: string) => {
    try {
      return JSON.parse(await readFile(path.join(dir, name), "utf8")) as unknown;
    } catch (error) {
      throw new ModelUnavailableError(`CSA-Net is incomplete: ${name} could not be read from ${dir} (${(error as Error).message}).`);
    }
  };
  const [attention, compat] = await Promise.all([read(CSA_FILES.attention), read(CSA_FILES.compat)]);
  return tablesOf(attentionSchema.parse(attention), compatSchema.parse(compat));
}

/** D is not in the tables: it comes from the stored vectors (dim / K) or the encoder's output. */
export function tablesOf(attention: z.infer<typeof attentionSchema>, compat: { scale: number; bias: number }, dim = 0): CsaTables {
  const n = attention.categories.length;
  if (attention.weights.length !== n || attention.weights.some((row) => row.length !== n)) {
    throw new Error(`attention.json: weights must be ${n} x ${n} x k`);
  }
  const weights = new Float32Array(n * n * attention.k);
  attention.weights.forEach((row, s) =>
    row.forEach((w, t) => {
      if (w.length !== attention.k) throw new Error(`attention.json: weights[${s}][${t}] has ${w.length} values, expected k=${attention.k}`);
      weights.set(w, (s * n + t) * attention.k);
    }),
  );
  return { categories: attention.categories, k: attention.k, dim, weights, compat: { scale: compat.scale, bias: compat.bias } };
}
