// The retrieval and compatibility arithmetic against a brute-force computation written the slow, obvious way
// (as training/complete/model.py does it): explicit effective embeddings, explicit distances, explicit means.
import { describe, expect, it } from "vitest";
import { rankCandidates, SLOT_POOL } from "@/lib/complete/complete";
import type { CandidateIndex } from "@/lib/complete/candidates";
import { tablesOf } from "@/lib/complete/model";
import { compatibilityOf, pairWeights, smallestK, type ScoredItem } from "@/lib/complete/scoring";
import { makeFixture, rng } from "./fixtures";

const fixture = makeFixture(4, 6, 3);
const tables = tablesOf(fixture.attention, fixture.compat, fixture.dim);

function effective(subs: Float32Array, w: ArrayLike<number>): number[] {
  const v = Array.from({ length: fixture.dim }, (_, d) => Array.from(w).reduce((s, wk, k) => s + wk * subs[k * fixture.dim + d], 0));
  const n = Math.hypot(...v);
  return n > 0 ? v.map((x) => x / n) : v;
}
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((x, i) => x - b[i]));

function randomSubs(random: () => number): Float32Array {
  return Float32Array.from({ length: fixture.k * fixture.dim }, () => random() * 2 - 1);
}

function indexOf(blocks: Record<string, Float32Array[]>, inStock: (category: string, i: number) => boolean = () => true): CandidateIndex {
  const map = new Map(Object.entries(blocks).map(([category, vectors]) => {
    const subs = new Float32Array(vectors.length * fixture.k * fixture.dim);
    vectors.forEach((v, i) => subs.set(v, i * fixture.k * fixture.dim));
    return [category, {
      ids: vectors.map((_, i) => `${category}-${i}`), subs,
      inStock: Uint8Array.from(vectors.map((_, i) => (inStock(category, i) ? 1 : 0))), priceCents: Int32Array.from(vectors.map((_, i) => 1000 + i)),
    }];
  }));
  return {
    model: { id: "v", version: "test", dir: "", tables }, modelVersionId: "v", dim: fixture.dim, k: fixture.k, blocks: map,
    rows: new Map(), stamp: "", projections: new Map(), projectionBytes: 0,
  };
}

describe("CSA-Net retrieval", () => {
  const random = rng(42);
  const outfit: ScoredItem[] = [
    { category: "dress", subs: randomSubs(random) },
    { category: "coat", subs: randomSubs(random) },
    { category: "handbag", subs: randomSubs(random) },
  ];
  const blocks = { heels: Array.from({ length: 40 }, () => randomSubs(random)), sneakers: Array.from({ length: 30 }, () => randomSubs(random)) };

  function bruteForce(categories: string[], keep: (id: string) => boolean = () => true) {
    const all: { id: string; distance: number }[] = [];
    for (const target of categories) {
      blocks[target as keyof typeof blocks].forEach((subs, i) => {
        const d = outfit.map((o) => {
          const w = pairWeights(tables, o.category, target);
          return dist(effective(o.subs, w), effective(subs, w));
        });
        const id = `${target}-${i}`;
        if (keep(id)) all.push({ id, distance: d.reduce((a, b) => a + b, 0) / d.length });
      });
    }
    return all.sort((a, b) => a.distance - b.distance);
  }

  it("ranks one category exactly as the brute-force mean of pair-weighted distances", () => {
    const got = rankCandidates(indexOf(blocks), outfit, ["heels"], 10, { exclude: new Set(), inStock: true });
    const want = bruteForce(["heels"]).slice(0, 10);
    expect(got.map((g) => g.id)).toEqual(want.map((w) => w.id));
    got.forEach((g, i) => expect(g.distance).toBeCloseTo(want[i].distance, 5));
  });

  it("ranks a slot's categories together by the outfit's compatibility with each candidate, filters inside the search", () => {
    const index = indexOf(blocks, (category, i) => !(category === "sneakers" && i % 2 === 0));
    const exclude = new Set(["heels-0", "heels-1", "heels-2"]);
    const keep = (id: string) => !exclude.has(id) && !/^sneakers-\d*[02468]$/.test(id);
    const got = rankCandidates(index, outfit, ["heels", "sneakers"], 10, { exclude, inStock: true });
    // Brute force: each category's SLOT_POOL best by retrieval, then compatibility of the outfit plus the candidate.
    const pool = ["heels", "sneakers"].flatMap((c) => bruteForce([c], keep).slice(0, SLOT_POOL));
    const subsOf = (id: string) => blocks[id.split("-")[0] as keyof typeof blocks][Number(id.split("-")[1])];
    const want = pool
      .map((p) => ({ id: p.id, score: compatibilityOf(tables, [...outfit, { category: p.id.split("-")[0], subs: subsOf(p.id) }])! }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    expect(got.map((g) => g.id)).toEqual(want.map((w) => w.id));
    got.forEach((g, i) => expect(g.score).toBeCloseTo(want[i].score, 5));
    expect(new Set(got.map((g) => g.id.split("-")[0])).size).toBeGreaterThan(0);
    expect(got.every((g) => keep(g.id))).toBe(true);
  });

  it("reuses cached pair projections without changing results", () => {
    const index = indexOf(blocks);
    const first = rankCandidates(index, outfit, ["heels"], 5, { exclude: new Set(), inStock: true });
    expect(index.projections.size).toBe(3);
    expect(rankCandidates(index, outfit, ["heels"], 5, { exclude: new Set(), inStock: true })).toEqual(first);
  });
});

describe("CSA-Net compatibility", () => {
  it("is the logistic of the mean pair distance, each pair in both directions of its subspace", () => {
    const random = rng(5);
    const items: ScoredItem[] = ["tshirt", "jeans", "sneakers", "backpack"].map((category) => ({ category, subs: randomSubs(random) }));
    let total = 0;
    let pairs = 0;
    for (let i = 0; i < items.length; i++) {
      for (let j = 0; j < items.length; j++) {
        if (i === j) continue;
        const w = pairWeights(tables, items[i].category, items[j].category);
        total += dist(effective(items[i].subs, w), effective(items[j].subs, w));
        pairs++;
      }
    }
    const expected = 1 / (1 + Math.exp(-(fixture.compat.scale * (total / pairs) + fixture.compat.bias)));
    expect(compatibilityOf(tables, items)).toBeCloseTo(expected, 5);
    expect(compatibilityOf(tables, items.slice(0, 1))).toBeNull();
  });
});

describe("smallestK", () => {
  it("returns the k smallest accepted values in order", () => {
    const random = rng(9);
    const values = Float64Array.from({ length: 500 }, () => random());
    const keep = (i: number) => i % 3 !== 0;
    const want = [...values.keys()].filter(keep).sort((a, b) => values[a] - values[b]).slice(0, 7);
    expect(smallestK(values, 7, keep)).toEqual(want);
  });
});
