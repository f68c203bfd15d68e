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
import { accumulateDistances, compatibilityOf, compatibilityWithEach, pairWeights, projectRows, scoreOfMeanDistance, smallestK, type CsaTables, type ScoredItem } from "./scoring";
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
    items: ranked.flatMap((r) => (byId.has(r.id) ? [{ product: toApiProduct(byId.get(r.id)!), score: round(r.score) }] : [])),
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

/** Candidates per category a slot query re-ranks by compatibility (more than any page of suggestions shows). */
export const SLOT_POOL = 24;

export interface RankedCandidate {
  id: string;
  /** Mean retrieval distance over the outfit items (the paper's score; smaller is better). */
  distance: number;
  /** What clients see, higher is better: 1 − distance / 2 for one category; for a slot, the outfit's compatibility with the candidate added. */
  score: number;
}

/**
 * The paper's retrieval scheme for one target category: per candidate, the mean over outfit items of the distance
 * between effective embeddings of the pair (item category, target category); smallest first.
 *
 * A slot query ("shoes") spans several categories, and the paper never compares distances measured in different
 * categories' subspaces (its queries name one category). Each category's best SLOT_POOL candidates by that
 * retrieval are therefore ranked together by the same model's outfit compatibility with the candidate added — every
 * pair measured in its own subspace, in both directions, the score the model was trained to make comparable across
 * outfits (AUC). On the generated test split this lifts heeled shoes in evening-dress outfits' top 5 (README).
 */
export function rankCandidates(index: CandidateIndex, outfit: ScoredItem[], categories: string[], k: number, filter: CandidateFilter): RankedCandidate[] {
  const tables = { ...index.model.tables, dim: index.dim };
  const slot = categories.length > 1;
  const pooled: (RankedCandidate & { item: ScoredItem })[] = [];
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
    const width = index.k * index.dim;
    for (const i of smallestK(sums, slot ? Math.max(k, SLOT_POOL) : k, keep)) {
      const distance = sums[i] / outfit.length;
      pooled.push({ id: block.ids[i], distance, score: scoreOfMeanDistance(distance), item: { category: target, subs: block.subs.subarray(i * width, (i + 1) * width) } });
    }
  }
  if (!slot) return pooled.sort((a, b) => a.distance - b.distance).slice(0, k).map(({ item: _, ...rest }) => rest);
  const compatibility = compatibilityWithEach(tables, outfit, pooled.map((p) => p.item));
  const withCompatibility = pooled.map(({ item: _, ...rest }, i) => ({ ...rest, score: compatibility[i] }));
  return withCompatibility.sort((a, b) => b.score - a.score || a.distance - b.distance).slice(0, k);
}

const round = (v: number) => Math.round(v * 10000) / 10000;
const roundOrNull = (v: number | null) => (v === null ? null : round(v));
