import "server-only";
// The per-category candidate index CSA-Net retrieval scans: every embedded product's K subspace vectors grouped by
// category, with stock and price for filters, held in memory per model version. Effective embeddings for an
// (outfit item category, target category) pair are projected from the subspace vectors on first use and kept in
// a bounded LRU, so a query is one dot product per candidate and outfit item. Kept current by a cheap check (count
// and newest write of the vectors and products) at most every few seconds; a rebuild serves the old index meanwhile.
import { shouldRecheck } from "../catalogue/changes";
import { db } from "../db";
import { fingerprintOf } from "../vector/catalogue-index";
import { loadCsaModel, CSA_SUB_SPACE, type CsaModel } from "./model";
import { pairWeights, projectRows, rowNorms } from "./scoring";

export interface CategoryBlock {
  ids: string[];
  /** (N, K, D) flattened. */
  subs: Float32Array;
  inStock: Uint8Array;
  priceCents: Int32Array;
}

interface Projection { projected: Float32Array; norms: Float32Array; bytes: number }

export interface CandidateIndex {
  model: CsaModel;
  modelVersionId: string;
  dim: number;
  k: number;
  blocks: Map<string, CategoryBlock>;
  /** product id -> [category, row] */
  rows: Map<string, [string, number]>;
  stamp: string;
  projections: Map<string, Projection>;
  projectionBytes: number;
}

const PROJECTION_BUDGET_BYTES = 192 * 1024 * 1024;

const holder = globalThis as typeof globalThis & {
  __atelierCsaIndex?: { url: string; index: Promise<CandidateIndex>; checkedAt: number; rebuilding?: Promise<void> };
};

/** The current index, built on first use; later calls re-check freshness after an announced change (changes.ts). */
export async function candidateIndex(): Promise<CandidateIndex> {
  const url = process.env.DATABASE_URL ?? "";
  let entry = holder.__atelierCsaIndex;
  if (!entry || entry.url !== url) {
    entry = { url, index: buildIndex(), checkedAt: Date.now() };
    holder.__atelierCsaIndex = entry;
    entry.index.catch(() => {
      if (holder.__atelierCsaIndex === entry) holder.__atelierCsaIndex = undefined;
    });
    return entry.index;
  }
  const current = await entry.index;
  if (shouldRecheck(entry.checkedAt) && !entry.rebuilding) {
    entry.checkedAt = Date.now();
    const held = entry;
    held.rebuilding = (async () => {
      const model = await loadCsaModel();
      if (model.id !== current.modelVersionId || (await fingerprintOf(model.id, CSA_SUB_SPACE)) !== current.stamp) {
        const fresh = await buildIndex();
        if (holder.__atelierCsaIndex === held) held.index = Promise.resolve(fresh);
      }
    })()
      .catch(() => undefined)
      .finally(() => (held.rebuilding = undefined));
  }
  return current;
}

/** Drops the cached index (tests, and after the embedding job writes new vectors). */
export function resetCandidateIndex(): void {
  holder.__atelierCsaIndex = undefined;
}

async function buildIndex(): Promise<CandidateIndex> {
  const model = await loadCsaModel();
  const versionId = model.id;
  const stamp = await fingerprintOf(versionId, CSA_SUB_SPACE);
  const client = await db();
  const k = model.tables.k;
  const grouped = new Map<string, { ids: string[]; vectors: Uint8Array[]; inStock: number[]; price: number[] }>();
  let dim = model.tables.dim;
  // Paged by product id so that a 100k catalogue never holds every row object at once.
  let after = "";
  for (;;) {
    const page = await client.embedding.findMany({
      where: { modelVersionId: versionId, space: CSA_SUB_SPACE, productId: { gt: after } },
      orderBy: { productId: "asc" },
      take: 5000,
      select: { productId: true, dim: true, vector: true, product: { select: { category: true, inStock: true, priceCents: true } } },
    });
    if (page.length === 0) break;
    for (const row of page) {
      dim ||= row.dim / k;
      if (row.dim !== k * dim) throw new Error(`${CSA_SUB_SPACE} vector of ${row.productId} has ${row.dim} values, expected ${k} x ${dim}`);
      const g = grouped.get(row.product.category) ?? { ids: [], vectors: [], inStock: [], price: [] };
      grouped.set(row.product.category, g);
      g.ids.push(row.productId);
      g.vectors.push(row.vector);
      g.inStock.push(row.product.inStock ? 1 : 0);
      g.price.push(row.product.priceCents);
    }
    after = page[page.length - 1].productId;
  }
  const blocks = new Map<string, CategoryBlock>();
  const rows = new Map<string, [string, number]>();
  for (const [category, g] of grouped) {
    const subs = new Float32Array(g.ids.length * k * dim);
    g.vectors.forEach((bytes, i) => subs.set(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), i * k * dim));
    blocks.set(category, { ids: g.ids, subs, inStock: Uint8Array.from(g.inStock), priceCents: Int32Array.from(g.price) });
    g.ids.forEach((id, i) => rows.set(id, [category, i]));
  }
  return { model, modelVersionId: versionId, dim, k, blocks, rows, stamp, projections: new Map(), projectionBytes: 0 };
}

/** One product's (K, D) subspace vectors, or null when it has none for this model version yet. */
export function subspacesOf(index: CandidateIndex, productId: string): Float32Array | null {
  const at = index.rows.get(productId);
  if (!at) return null;
  const size = index.k * index.dim;
  return index.blocks.get(at[0])!.subs.subarray(at[1] * size, (at[1] + 1) * size);
}

/** The target category's effective embeddings for an (outfit item category, target) pair, cached LRU. */
export function projectionFor(index: CandidateIndex, source: string, target: string): Projection | null {
  const block = index.blocks.get(target);
  if (!block) return null;
  const key = `${source}|${target}`;
  const hit = index.projections.get(key);
  if (hit) {
    index.projections.delete(key); // re-insert: Map order is the LRU order
    index.projections.set(key, hit);
    return hit;
  }
  const w = pairWeights(index.model.tables, source, target);
  const projected = projectRows(block.subs, block.ids.length, w, index.dim);
  const entry = { projected, norms: rowNorms(projected, block.ids.length, index.dim), bytes: projected.byteLength * 1.25 };
  index.projections.set(key, entry);
  index.projectionBytes += entry.bytes;
  for (const [old, value] of index.projections) {
    if (index.projectionBytes <= PROJECTION_BUDGET_BYTES || old === key) break;
    index.projections.delete(old);
    index.projectionBytes -= value.bytes;
  }
  return entry;
}
