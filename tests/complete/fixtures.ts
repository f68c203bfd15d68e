// Test fixtures for Complete the look: a small CSA-Net model folder (attention table and compatibility curve, no
// encoder: requests only read stored vectors) and deterministic synthetic subspace vectors for seeded products.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CATEGORY_IDS } from "@/lib/ontology";

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface Fixture { k: number; dim: number; attention: { categories: string[]; k: number; weights: number[][][] }; compat: { scale: number; bias: number } }

export function makeFixture(k = 3, dim = 8, seed = 7): Fixture {
  const random = rng(seed);
  const weights = CATEGORY_IDS.map(() =>
    CATEGORY_IDS.map(() => {
      const raw = Array.from({ length: k }, () => Math.exp(2 * random()));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((v) => v / sum);
    }),
  );
  return { k, dim, attention: { categories: [...CATEGORY_IDS], k, weights }, compat: { scale: -4, bias: 3 } };
}

/** models/csa/ with card.json, attention.json and compat.json; returns the models root. */
export function writeModelFolder(root: string, fixture: Fixture, version = "test-1"): string {
  const dir = path.join(root, "csa");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "card.json"), JSON.stringify({ name: "csa", version, dim: fixture.dim, k: fixture.k }));
  writeFileSync(path.join(dir, "attention.json"), JSON.stringify(fixture.attention));
  writeFileSync(path.join(dir, "compat.json"), JSON.stringify(fixture.compat));
  return root;
}

/** (K, D) subspace vectors of a product: masks applied to a random general embedding, as CSA-Net makes them. */
export function subspaceVector(productId: string, fixture: Fixture): Float32Array {
  const random = rng([...productId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 17));
  const general = Array.from({ length: fixture.dim }, () => random() * 2 - 1);
  const masks = rng(99);
  const out = new Float32Array(fixture.k * fixture.dim);
  for (let j = 0; j < fixture.k; j++) for (let d = 0; d < fixture.dim; d++) out[j * fixture.dim + d] = masks() * general[d];
  return out;
}
