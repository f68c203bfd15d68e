// The vector index against exact float32 search on a small clustered set: recall@10 ≥ 0.95 with and without
// filters, filters applied inside the search (never returning a filtered-out item), and exclusion of the source.
import { describe, expect, it } from "vitest";
import { exactSearch, recallAtK, VectorIndex, type IndexItem } from "@/lib/vector/index";

function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function normalisedChunks(v: Float32Array, chunks: number): Float32Array {
  const w = v.length / chunks;
  for (let c = 0; c < chunks; c++) {
    let s = 0;
    for (let i = c * w; i < (c + 1) * w; i++) s += v[i] * v[i];
    const n = Math.sqrt(s) || 1;
    for (let i = c * w; i < (c + 1) * w; i++) v[i] /= n;
  }
  return v;
}

function dataset(n: number, dim: number, seed = 1): IndexItem[] {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: dim }, gauss));
  return Array.from({ length: n }, (_, i) => {
    const c = centres[i % centres.length];
    const v = Float32Array.from(c, (x) => x + gauss() * 0.8);
    return { id: `p${i}`, category: ["dress", "shirt", "jeans"][i % 3], priceCents: 1000 + ((i * 37) % 20000), inStock: i % 5 !== 0, vector: normalisedChunks(v, 3) };
  });
}

describe("vector index", () => {
  const items = dataset(3000, 96);
  const queries = dataset(50, 96, 7).map((q) => q.vector);

  it.each(["int8", "float32"] as const)("%s storage keeps recall@10 ≥ 0.95 against exact search", (storage) => {
    const index = new VectorIndex(items, 96, storage);
    let total = 0;
    for (const q of queries) total += recallAtK(index.search(q, 10), exactSearch(items, q, 10));
    expect(total / queries.length).toBeGreaterThanOrEqual(storage === "float32" ? 1 : 0.95);
  });

  it("filters by category, price and stock inside the search, and excludes ids", () => {
    const index = new VectorIndex(items, 96);
    const byId = new Map(items.map((i) => [i.id, i]));
    let total = 0;
    for (const q of queries) {
      const filter = { categories: ["shirt"], minPrice: 3000, maxPrice: 15000, inStock: true };
      const hits = index.search(q, 10, filter);
      expect(hits).toHaveLength(10);
      for (const h of hits) {
        const item = byId.get(h.id)!;
        expect(item.category).toBe("shirt");
        expect(item.priceCents).toBeGreaterThanOrEqual(3000);
        expect(item.priceCents).toBeLessThanOrEqual(15000);
        expect(item.inStock).toBe(true);
      }
      const keep = (r: number) => { const it = items[r]; return it.category === "shirt" && it.priceCents >= 3000 && it.priceCents <= 15000 && it.inStock; };
      total += recallAtK(hits, exactSearch(items, q, 10, keep));
    }
    expect(total / queries.length).toBeGreaterThanOrEqual(0.95);
    const top = index.search(queries[0], 1)[0].id;
    expect(index.search(queries[0], 5, { exclude: [top] }).map((h) => h.id)).not.toContain(top);
  });

  it("ranks preferred items first in one scan, as searching them and then the rest would", () => {
    const withFacets = items.map((item, i) => ({ ...item, facets: { red: i % 7 === 0 } }));
    const index = new VectorIndex(withFacets, 96, "float32");
    const red = new Set(withFacets.filter((i) => i.facets.red).map((i) => i.id));
    // Fewer preferred items than k (about 143 red jeans of 1,000) and more (red dresses, k 10; red anything, k 200).
    const cases: [Float32Array, number, string | undefined][] = [[queries[0], 10, "dress"], [queries[1], 200, "jeans"], [queries[2], 200, undefined]];
    for (const [q, k, category] of cases) {
      const inScope = (r: number) => !category || withFacets[r].category === category;
      const hits = index.search(q, k, { categories: category ? [category] : undefined, prefer: (f) => f.red });
      const first = exactSearch(withFacets, q, k, (r) => inScope(r) && red.has(withFacets[r].id));
      const rest = exactSearch(withFacets, q, k - first.length, (r) => inScope(r) && !red.has(withFacets[r].id));
      expect(hits.map((h) => h.id)).toEqual([...first, ...rest].map((h) => h.id));
    }
    expect(index.search(queries[1], 200, { categories: ["jeans"], prefer: (f) => f.red }).filter((h) => red.has(h.id)).length).toBeLessThan(200);
  });

  it("returns fewer than k when the filter leaves fewer, best first", () => {
    const index = new VectorIndex(items.slice(0, 30), 96);
    const hits = index.search(queries[0], 100, { categories: ["dress"] });
    expect(hits).toHaveLength(10);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
});
