// An in-memory vector index for one model version: exact maximum-inner-product scan, filtered inside the search.
// Storage is float32 (exact: recall 1 by construction, what the app uses) or int8 per item (scale = 127 / max |x|,
// a quarter of the memory; measured 0.93 recall@10 on near-duplicate vectors, so it needs a float re-rank before it
// can meet the 0.95 bar). Items are partitioned by category, so the usual query (one category, as Fashion IQ) scans only its partition; price and stock are checked before scoring.
// Pure TypeScript: the server, the tests and the benchmark use the same code.

export interface IndexItem<F = unknown> {
  id: string;
  category: string;
  priceCents: number;
  inStock: boolean;
  vector: Float32Array;
  /** What `match` filters read (Refine: the product's colour, pattern and attributes). */
  facets?: F;
}

export interface SearchFilter<F = unknown> {
  categories?: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  exclude?: string[];
  /**
   * Ranks the items whose facets pass first (items stored without facets never pass), the others after them, each
   * group best first: one scan, the same result as searching the passing items and then the rest.
   */
  prefer?: (facets: F) => boolean;
}

export interface Hit {
  id: string;
  score: number;
}

export type Storage = "int8" | "float32";

export class VectorIndex<F = unknown> {
  readonly size: number;
  private readonly ids: string[];
  private readonly facets: (F | undefined)[];
  private readonly codes: Int8Array | Float32Array;
  private readonly scales: Float32Array;
  private readonly price: Int32Array;
  private readonly stock: Uint8Array;
  private readonly rowsByCategory = new Map<string, Int32Array>();
  private readonly rowOf = new Map<string, number>();

  constructor(items: IndexItem<F>[], readonly dim: number, readonly storage: Storage = "int8") {
    this.size = items.length;
    this.ids = items.map((item) => item.id);
    this.facets = items.map((item) => item.facets);
    this.codes = storage === "int8" ? new Int8Array(items.length * dim) : new Float32Array(items.length * dim);
    this.scales = new Float32Array(items.length);
    this.price = Int32Array.from(items, (item) => item.priceCents);
    this.stock = Uint8Array.from(items, (item) => (item.inStock ? 1 : 0));
    const rows = new Map<string, number[]>();
    items.forEach((item, r) => {
      if (item.vector.length !== dim) throw new Error(`vector of ${item.id} has ${item.vector.length} dimensions, expected ${dim}`);
      this.store(r, item.vector);
      this.rowOf.set(item.id, r);
      const list = rows.get(item.category) ?? [];
      list.push(r);
      rows.set(item.category, list);
    });
    for (const [category, list] of rows) this.rowsByCategory.set(category, Int32Array.from(list));
  }

  private store(row: number, vector: Float32Array): void {
    const base = row * this.dim;
    if (this.storage === "float32") {
      this.codes.set(vector, base);
      this.scales[row] = 1;
      return;
    }
    let max = 0;
    for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i]));
    const scale = max > 0 ? 127 / max : 1;
    for (let i = 0; i < vector.length; i++) this.codes[base + i] = Math.round(vector[i] * scale);
    this.scales[row] = 1 / scale;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  categories(): string[] {
    return [...this.rowsByCategory.keys()];
  }

  /** The k items with the highest inner product with `query` that pass the filter, best first (preferred first). */
  search(query: Float32Array, k: number, filter: SearchFilter<F> = {}): Hit[] {
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dimensions, expected ${this.dim}`);
    const heap = new TopK(k);
    const preferred = filter.prefer ? new TopK(k) : null;
    const exclude = filter.exclude?.length ? new Set(filter.exclude.map((id) => this.rowOf.get(id)).filter((r) => r !== undefined)) : null;
    const { minPrice = -Infinity, maxPrice = Infinity, inStock, prefer } = filter;
    const wantStock = inStock === undefined ? -1 : inStock ? 1 : 0;
    const scan = (row: number) => {
      if (exclude?.has(row)) return;
      const p = this.price[row];
      if (p < minPrice || p > maxPrice) return;
      if (wantStock >= 0 && this.stock[row] !== wantStock) return;
      const facets = this.facets[row];
      const into = preferred && facets !== undefined && prefer!(facets) ? preferred : heap;
      into.push(row, this.dot(query, row));
    };
    if (filter.categories?.length) {
      for (const category of filter.categories) {
        const rows = this.rowsByCategory.get(category);
        if (rows) for (let i = 0; i < rows.length; i++) scan(rows[i]);
      }
    } else {
      for (let row = 0; row < this.size; row++) scan(row);
    }
    const ranked = preferred ? [...preferred.sorted(), ...heap.sorted()].slice(0, k) : heap.sorted();
    return ranked.map(({ row, score }) => ({ id: this.ids[row], score }));
  }

  private dot(query: Float32Array, row: number): number {
    const codes = this.codes;
    const dim = this.dim;
    let base = row * dim;
    let a = 0, b = 0, c = 0, d = 0;
    let i = 0;
    for (; i + 3 < dim; i += 4, base += 4) {
      a += query[i] * codes[base];
      b += query[i + 1] * codes[base + 1];
      c += query[i + 2] * codes[base + 2];
      d += query[i + 3] * codes[base + 3];
    }
    for (; i < dim; i++, base++) a += query[i] * codes[base];
    return (a + b + c + d) * this.scales[row];
  }
}

/** Exact float32 search over plain vectors: the reference the index's recall is measured against. */
export function exactSearch(items: Pick<IndexItem, "id" | "vector">[], query: Float32Array, k: number, keep?: (i: number) => boolean): Hit[] {
  const heap = new TopK(k);
  items.forEach((item, r) => {
    if (keep && !keep(r)) return;
    let s = 0;
    for (let i = 0; i < query.length; i++) s += query[i] * item.vector[i];
    heap.push(r, s);
  });
  return heap.sorted().map(({ row, score }) => ({ id: items[row].id, score }));
}

/** Fraction of the exact top-k that the approximate top-k found. */
export function recallAtK(found: Hit[], exact: Hit[]): number {
  if (exact.length === 0) return 1;
  const ids = new Set(found.map((h) => h.id));
  return exact.filter((h) => ids.has(h.id)).length / exact.length;
}

/** A bounded min-heap keeping the k best (row, score) pairs. */
class TopK {
  private readonly rows: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  push(row: number, score: number): void {
    if (this.k <= 0) return;
    if (this.rows.length < this.k) {
      this.rows.push(row);
      this.scores.push(score);
      this.up(this.rows.length - 1);
    } else if (score > this.scores[0]) {
      this.rows[0] = row;
      this.scores[0] = score;
      this.down(0);
    }
  }

  sorted(): { row: number; score: number }[] {
    return this.rows.map((row, i) => ({ row, score: this.scores[i] })).sort((x, y) => y.score - x.score || x.row - y.row);
  }

  private swap(i: number, j: number): void {
    [this.rows[i], this.rows[j]] = [this.rows[j], this.rows[i]];
    [this.scores[i], this.scores[j]] = [this.scores[j], this.scores[i]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.scores[parent] <= this.scores[i]) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.rows.length;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < n && this.scores[l] < this.scores[m]) m = l;
      if (r < n && this.scores[r] < this.scores[m]) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
