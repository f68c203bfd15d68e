// CSA-Net's scoring in plain TypeScript, the same arithmetic as training/complete/model.py: for an outfit item of
// category s and a target category t, the attention table gives K weights w(s, t); an item's effective embedding for
// that pair is Σ_k w_k · sub_k, L2-normalised; two items are compared by Euclidean distance between effective
// embeddings of the same pair. Retrieval (the paper's scheme) averages, per candidate, the distances from each
// outfit item; compatibility averages the pair distances of the outfit and maps them to [0, 1] by the logistic
// curve fitted in training. Pure and allocation-light: the request path runs it over thousands of candidates.

export interface CsaTables {
  /** Ontology category ids, in the order the attention table uses. */
  categories: string[];
  k: number;
  dim: number;
  /** Attention weights, (C source, C target, K) flattened. */
  weights: Float32Array;
  /** P(compatible) = sigmoid(scale · mean pair distance + bias). */
  compat: { scale: number; bias: number };
}

/** The K attention weights for an (outfit item category, target category) pair. */
export function pairWeights(tables: CsaTables, source: string, target: string): Float32Array {
  const s = tables.categories.indexOf(source);
  const t = tables.categories.indexOf(target);
  if (s < 0 || t < 0) throw new Error(`category ${s < 0 ? source : target} is not in the model's attention table`);
  const c = tables.categories.length;
  const at = (s * c + t) * tables.k;
  return tables.weights.subarray(at, at + tables.k);
}

/**
 * Effective embeddings of `count` items for one pair: rows of `subs` (count, K, D) weighted by `w`, each
 * L2-normalised (a zero vector stays zero, as torch's F.normalize leaves it) -> (count, D) written to `out`.
 */
export function projectRows(subs: Float32Array, count: number, w: Float32Array, dim: number, out = new Float32Array(count * dim)): Float32Array {
  const k = w.length;
  for (let i = 0; i < count; i++) {
    const base = i * k * dim;
    const o = i * dim;
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      let v = 0;
      for (let j = 0; j < k; j++) v += w[j] * subs[base + j * dim + d];
      out[o + d] = v;
      norm += v * v;
    }
    const scale = norm > 1e-24 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dim; d++) out[o + d] *= scale;
  }
  return out;
}

/** Distance between two unit (or zero) vectors from their dot product: |a - b| = sqrt(|a|² + |b|² - 2a·b). */
function distanceOf(dot: number, aa: number, bb: number): number {
  return Math.sqrt(Math.max(0, aa + bb - 2 * dot));
}

function squaredNorm(v: Float32Array, offset: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s += v[offset + d] * v[offset + d];
  return s;
}

/**
 * Adds, for every candidate, its distance to one outfit item's effective embedding `query` (D) into `sums`,
 * given the candidates' effective embeddings for the same pair, `projected` (N, D).
 */
export function accumulateDistances(query: Float32Array, projected: Float32Array, count: number, dim: number, sums: Float64Array, norms?: Float32Array): void {
  const qq = squaredNorm(query, 0, dim);
  for (let i = 0; i < count; i++) {
    const o = i * dim;
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += query[d] * projected[o + d];
    sums[i] += distanceOf(dot, qq, norms ? norms[i] : squaredNorm(projected, o, dim));
  }
}

/** Squared norms of projected rows (1 or 0), cached beside each projection so the scan does one dot per row. */
export function rowNorms(projected: Float32Array, count: number, dim: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = squaredNorm(projected, i * dim, dim);
  return out;
}

/** Retrieval score shown to clients: 1 − mean distance / 2, in [0, 1], higher is a better match. */
export function scoreOfMeanDistance(meanDistance: number): number {
  return 1 - meanDistance / 2;
}

export interface ScoredItem { subs: Float32Array; category: string }

/** Mean distance between two items, each pair measured in its own (c_i, c_j) subspace and both directions averaged. */
export function pairDistance(tables: CsaTables, a: ScoredItem, b: ScoredItem): number {
  const { dim } = tables;
  let total = 0;
  for (const [s, t] of [[a.category, b.category], [b.category, a.category]] as const) {
    const w = pairWeights(tables, s, t);
    const pa = projectRows(a.subs, 1, w, dim);
    const pb = projectRows(b.subs, 1, w, dim);
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += pa[d] * pb[d];
    total += distanceOf(dot, squaredNorm(pa, 0, dim), squaredNorm(pb, 0, dim));
  }
  return total / 2;
}

/** The outfit's mean pair distance (lower: more compatible), or null for fewer than two items. */
export function meanPairDistance(tables: CsaTables, items: ScoredItem[]): number | null {
  if (items.length < 2) return null;
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      total += pairDistance(tables, items[i], items[j]);
      pairs++;
    }
  }
  return total / pairs;
}

/**
 * compatibilityOf([...outfit, candidate]) for each candidate, sharing the outfit's own pair distances (computed
 * once) across candidates.
 */
export function compatibilityWithEach(tables: CsaTables, outfit: ScoredItem[], candidates: ScoredItem[]): number[] {
  let within = 0;
  for (let i = 0; i < outfit.length; i++) for (let j = i + 1; j < outfit.length; j++) within += pairDistance(tables, outfit[i], outfit[j]);
  const n = outfit.length + 1;
  const pairs = (n * (n - 1)) / 2;
  return candidates.map((candidate) => {
    let total = within;
    for (const item of outfit) total += pairDistance(tables, item, candidate);
    return compatibilityOfDistance(tables, total / pairs);
  });
}

/** P(compatible) in [0, 1] through the logistic curve fitted on the validation split. */
export function compatibilityOf(tables: CsaTables, items: ScoredItem[]): number | null {
  const d = meanPairDistance(tables, items);
  return d === null ? null : compatibilityOfDistance(tables, d);
}

function compatibilityOfDistance(tables: CsaTables, meanDistance: number): number {
  return 1 / (1 + Math.exp(-(tables.compat.scale * meanDistance + tables.compat.bias)));
}

/** Indices of the `k` smallest values among those `keep` accepts, smallest first (k is small: ≤ 100). */
export function smallestK(values: Float64Array, k: number, keep: (i: number) => boolean = () => true): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (top.length === k && values[i] >= values[top[k - 1]]) continue;
    if (!keep(i)) continue;
    let at = top.length < k ? top.length : k - 1;
    if (top.length < k) top.push(i);
    while (at > 0 && values[top[at - 1]] > values[i]) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = i;
  }
  return top;
}
