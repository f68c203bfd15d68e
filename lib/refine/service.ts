import "server-only";
// Refine (SPEC §1, §4): a source (a catalogue product or an uploaded photo) and a caption → catalogue items that
// keep what should stay and change what was asked. Only the composer runs per query: catalogue targets come from
// the embedding job, and a catalogue source's feature maps are cached (multi-turn refinement reuses them).
import { ApiError, badRequest, notFound } from "../api/errors";
import { env } from "../env";
import { getProduct, getProductsByIds } from "../catalogue/queries";
import { toApiProduct } from "../catalogue/rows";
import type { Product } from "../catalogue/types";
import { parseImageDataUrl } from "../images/validate";
import { readImage } from "../images/store";
import { viewTensor } from "../ml/decode";
import { catalogueIndex, type CatalogueIndex } from "../vector/catalogue-index";
import type { Hit, SearchFilter } from "../vector/index";
import { ALL_CATEGORIES, DEFAULT_K, MAX_K } from "./limits";
import { facetsOf, meetsAll, understand, type Facets, type Requirement } from "./understand";
import { composeQuery, encodeBatch, loadVal, type SourceMaps, type ValRuntime } from "./val";
import { VAL_MODEL, VAL_SPACES } from "./val-spec";


export interface RefineInput {
  productId?: string;
  image?: string;
  text: string;
  k?: number;
  category?: string;
}

export interface RefineResult {
  items: { product: Product; score: number }[];
  tookMs: number;
  modelVersion: string;
}

const unavailable = (message: string, code: string) => new ApiError(503, code, message);
const holder = globalThis as typeof globalThis & { __atelierRefineSources?: Map<string, Promise<SourceMaps>> };
/**
 * Catalogue sources whose feature maps stay in memory (115 kB each: ~115 MB a process at 1,024). A miss decodes the
 * image and runs the encoder (~6 ms); least recently used first out, so the products shoppers refine from stay in.
 */
const sourceCacheSize = () => env().REFINE_SOURCE_CACHE;

export interface RefineOptions {
  /** false: VAL's ranking alone, ignoring the attributes the text names (for evaluation: npm run eval:captions). */
  readAttributes?: boolean;
}

export async function refine(input: RefineInput, { readAttributes = true }: RefineOptions = {}): Promise<RefineResult> {
  const started = performance.now();
  if (Boolean(input.productId) === Boolean(input.image)) {
    throw badRequest("Give exactly one source: productId (a catalogue product) or image (a photo as a data URL).", "invalid_source");
  }
  const val = await requireVal();
  const tokens = val.tokenizer.encode(input.text);
  if (tokens.known === 0) {
    throw badRequest(`None of the words in "${input.text.slice(0, 80)}" mean anything to the model yet. Try words like "darker", "long sleeves" or "floral".`, "meaningless_text");
  }
  const { maps, category, excludeId, facets } = input.productId ? await productSource(val, input.productId) : await uploadSource(val, input.image!);
  const query = await composeQuery(val, maps, tokens);
  const wanted = input.category ?? category;
  const index = await requireIndex(val);
  const hits = searchAsked(index, query, Math.min(input.k ?? DEFAULT_K, MAX_K), {
    categories: wanted && wanted !== ALL_CATEGORIES ? [wanted] : undefined,
    exclude: excludeId ? [excludeId] : undefined,
  }, readAttributes ? understand(input.text, facets) : []);
  return { items: await withProducts(hits), tookMs: Math.round((performance.now() - started) * 10) / 10, modelVersion: val.model.version };
}

export interface VectorQuery {
  /** The composed query, the three depths concatenated (as the browser worker computes it). */
  query: number[];
  modelVersion: string;
  /** The shopper's text, for the attributes it names (see searchAsked). */
  text?: string;
  k?: number;
  category?: string;
  /** The source product: left out of the results, and what relative words ("darker") compare with. */
  excludeId?: string;
}

/** The search half alone, for queries composed in the browser. */
export async function searchComposed(input: VectorQuery): Promise<RefineResult> {
  const started = performance.now();
  const val = await requireVal();
  if (input.modelVersion !== val.model.version) {
    throw new ApiError(409, "model_changed", `The model was updated (now ${val.model.version}); reload the page to use it.`);
  }
  const index = await requireIndex(val);
  if (input.query.length !== index.dim) throw badRequest(`query must have ${index.dim} numbers; got ${input.query.length}.`);
  const source = input.excludeId && input.text ? await getProduct(input.excludeId) : null;
  const hits = searchAsked(index, Float32Array.from(input.query), Math.min(input.k ?? DEFAULT_K, MAX_K), {
    categories: input.category && input.category !== ALL_CATEGORIES ? [input.category] : undefined,
    exclude: input.excludeId ? [input.excludeId] : undefined,
  }, input.text ? understand(input.text, source ? facetsOf(source) : undefined) : []);
  return { items: await withProducts(hits), tookMs: Math.round((performance.now() - started) * 10) / 10, modelVersion: val.model.version };
}

async function requireVal(): Promise<ValRuntime> {
  const val = await loadVal();
  if (!val) throw unavailable("Refine is not available yet: its model has not been installed.", "model_unavailable");
  return val;
}

/**
 * VAL's nearest items, with those that meet every attribute the text names in so many words ("has no sleeves",
 * "is darker") first, each group in VAL's order. VAL alone reads sleeves and lengths in shoppers' words no better
 * than chance (npm run eval:captions), while every product carries those attributes; this is where they count.
 */
function searchAsked(index: CatalogueIndex, query: Float32Array, k: number, filter: SearchFilter<Facets>, asked: Requirement[]): Hit[] {
  return index.search(query, k, asked.length ? { ...filter, prefer: (facets) => meetsAll(facets, asked) } : filter);
}

async function requireIndex(val: ValRuntime): Promise<CatalogueIndex> {
  const index = await catalogueIndex({ model: VAL_MODEL, modelVersionId: val.model.id, spaces: VAL_SPACES });
  if (index.size === 0) throw unavailable("The catalogue is still being indexed for Refine; try again in a minute.", "index_building");
  return index;
}

async function productSource(val: ValRuntime, productId: string) {
  const product = productId.length <= 64 ? await getProduct(productId) : null;
  if (!product) throw notFound(`No product with id "${productId.slice(0, 64)}".`);
  const key = product.imageUrl.split("/").pop() ?? "";
  const cacheKey = `${val.model.id}|${key}`;
  const cache = (holder.__atelierRefineSources ??= new Map());
  let maps = cache.get(cacheKey);
  if (maps) {
    cache.delete(cacheKey); // Map keeps insertion order: re-inserting marks it most recently used
    cache.set(cacheKey, maps);
  } else {
    maps = (async () => {
      const bytes = await readImage(key);
      if (!bytes) throw notFound(`The image of product "${productId}" is missing.`);
      return (await encodeBatch(val, await viewTensor(bytes, val.view), 1)).maps[0];
    })();
    cache.set(cacheKey, maps);
    maps.catch(() => cache.delete(cacheKey));
    if (cache.size > sourceCacheSize()) cache.delete(cache.keys().next().value!);
  }
  return { maps: await maps, category: product.category, excludeId: product.id, facets: facetsOf(product) };
}

async function uploadSource(val: ValRuntime, dataUrl: string) {
  const check = await parseImageDataUrl(dataUrl);
  if (!check.ok) throw new ApiError(check.status, check.code, check.message);
  let tensor: Float32Array;
  try {
    tensor = await viewTensor(check.data, val.view);
  } catch {
    throw new ApiError(422, "corrupt_image", "The photo could not be decoded; try another file.");
  }
  return { maps: (await encodeBatch(val, tensor, 1)).maps[0], category: undefined, excludeId: undefined, facets: undefined };
}

async function withProducts(hits: { id: string; score: number }[]) {
  const products = await getProductsByIds(hits.map((h) => h.id));
  const byId = new Map(products.map((p) => [p.id, p]));
  return hits.flatMap((hit) => {
    const p = byId.get(hit.id);
    if (!p) return [];
    return [{ product: toApiProduct(p), score: Math.round(hit.score * 1e5) / 1e5 }];
  });
}
