import "server-only";
// Complete the look and outfit compatibility (SPEC §1, §4): loads the outfit, checks it against the dressing
// rules, then scores the target category's candidates by the paper's retrieval scheme — each outfit item's
// pair-weighted subspace embedding against every candidate's, distances averaged over the outfit items.
import { ApiError, badRequest, notFound } from "../api/errors";
import { getProductsByIds, type ListedProduct } from "../catalogue/queries";
import { toApiProduct } from "../catalogue/rows";
import type { Product } from "../catalogue/types";
import { candidateIndex, projectionFor, subspacesOf, type CandidateIndex } from "./candidates";
import { CSA_MODEL, ModelUnavailableError } from "./model";
import { refreshEmbeddingsSoon } from "../embeddings/job";
import type { CompleteBody } from "./schema";
import { accumulateDistances, compatibilityOf, pairWeights, projectRows, scoreOfMeanDistance, smallestK, type CsaTables, type ScoredItem } from "./scoring";
import { outfitProblem, targetCategories, targetProblem } from "./slots";

export interface CompleteResult {
  items: { product: Product; score: number }[];
  compatibility: number | null;
  tookMs: number;
  modelVersion: string;
}

const unprocessable = (code: string, message: string) => new ApiError(422, code, message);

interface LoadedOutfit { products: ListedProduct[]; index: CandidateIndex; tables: CsaTables; scored: ScoredItem[] }

/** Loads and checks the outfit (and the target, when given) before touching the model, so rule errors never wait on it. */
async function loadOutfit(ids: string[], target?: string): Promise<LoadedOutfit> {
  const products = await getProductsByIds(ids);
  const missing = ids.filter((id) => !products.some((p) => p.id === id));
  if (missing.length) throw notFound(`No product with id ${missing.join(", ")}.`);
  const problem = outfitProblem(products);
  if (problem) throw unprocessable("invalid_outfit", problem);
  const taken = target === undefined ? null : targetProblem(products, target);
  if (taken) throw unprocessable("slot_taken", taken);
  let index: CandidateIndex;
  try {
    index = await candidateIndex();
  } catch (error) {
    if (error instanceof ModelUnavailableError) throw new ApiError(503, "model_unavailable", error.message);
    throw error;
  }
  const scored = products.map((p) => ({ category: p.category, subs: subspacesOf(index, p.id) }));
  const waiting = products.filter((_, i) => !scored[i].subs).map((p) => p.id);
  if (waiting.length) {
    refreshEmbeddingsSoon([CSA_MODEL]); // new or re-imaged products: compute their vectors now
    throw new ApiError(409, "not_embedded", `Not yet analysed for styling (the embedding job has not reached them): ${waiting.join(", ")}. Try again shortly.`);
  }
  return { products, index, tables: { ...index.model.tables, dim: index.dim }, scored: scored as ScoredItem[] };
}

export async function completeOutfit(body: CompleteBody): Promise<CompleteResult> {
  const started = performance.now();
  const outfit = await loadOutfit(body.productIds, body.targetCategory);
  const ranked = rankCandidates(outfit.index, outfit.scored, targetCategories(body.targetCategory)!, body.k, filterOf(body, outfit.products));
  const found = await getProductsByIds(ranked.map((r) => r.id));
  const byId = new Map(found.map((p) => [p.id, p]));
  return {
    items: ranked.flatMap((r) => (byId.has(r.id) ? [{ product: toApiProduct(byId.get(r.id)!), score: round(scoreOfMeanDistance(r.distance)) }] : [])),
    compatibility: roundOrNull(compatibilityOf(outfit.tables, outfit.scored)),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    modelVersion: outfit.index.model.version,
  };
}

export async function outfitCompatibility(productIds: string[]): Promise<{ score: number }> {
  if (productIds.length < 2) throw badRequest("Compatibility is about how pieces go together: give at least two product ids.");
  const outfit = await loadOutfit(productIds);
  return { score: round(compatibilityOf(outfit.tables, outfit.scored)!) };
}

export interface CandidateFilter { exclude: Set<string>; inStock: boolean; minPrice?: number; maxPrice?: number }

function filterOf(body: CompleteBody, outfit: { id: string }[]): CandidateFilter {
  return { exclude: new Set(outfit.map((p) => p.id)), inStock: body.inStock, minPrice: body.minPrice, maxPrice: body.maxPrice };
}

/**
 * The paper's retrieval scheme over the target categories: per candidate, the mean over outfit items of the
 * distance between effective embeddings of the pair (item category, candidate category). Smallest first.
 */
export function rankCandidates(index: CandidateIndex, outfit: ScoredItem[], categories: string[], k: number, filter: CandidateFilter): { id: string; distance: number }[] {
  const tables = { ...index.model.tables, dim: index.dim };
  const merged: { id: string; distance: number }[] = [];
  for (const target of categories) {
    const block = index.blocks.get(target);
    if (!block) continue;
    const n = block.ids.length;
    const sums = new Float64Array(n);
    for (const item of outfit) {
      const query = projectRows(item.subs, 1, pairWeights(tables, item.category, target), index.dim);
      const projection = projectionFor(index, item.category, target)!;
      accumulateDistances(query, projection.projected, n, index.dim, sums, projection.norms);
    }
    const keep = (i: number) =>
      !filter.exclude.has(block.ids[i]) &&
      (!filter.inStock || block.inStock[i] === 1) &&
      (filter.minPrice === undefined || block.priceCents[i] >= filter.minPrice) &&
      (filter.maxPrice === undefined || block.priceCents[i] <= filter.maxPrice);
    for (const i of smallestK(sums, k, keep)) merged.push({ id: block.ids[i], distance: sums[i] / outfit.length });
  }
  return merged.sort((a, b) => a.distance - b.distance).slice(0, k);
}

const round = (v: number) => Math.round(v * 10000) / 10000;
const roundOrNull = (v: number | null) => (v === null ? null : round(v));
