import { describe, expect, it } from "vitest";
import { CATEGORIES, COLORS, PATTERNS, attributesForSlot, ontology, getCategory } from "@/lib/ontology";
import { DEFAULT_CATALOGUE, generateCatalogue } from "@/lib/catalogue/generator";
import { productInputSchema } from "@/lib/catalogue/schema";

const catalogue = generateCatalogue(DEFAULT_CATALOGUE);

describe("catalogue generator", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    expect(generateCatalogue({ count: 200, seed: 7 })).toEqual(generateCatalogue({ count: 200, seed: 7 }));
    expect(generateCatalogue({ count: 200, seed: 8 })).not.toEqual(generateCatalogue({ count: 200, seed: 7 }));
  });

  it("makes exactly the requested number of products with unique ids and SKUs", () => {
    expect(catalogue).toHaveLength(3000);
    expect(new Set(catalogue.map((p) => p.id)).size).toBe(3000);
    expect(new Set(catalogue.map((p) => p.sku)).size).toBe(3000);
  });

  it("keeps ids unique at benchmark scale, where their 32-bit hash collides", () => {
    const large = generateCatalogue({ count: 100_000, seed: 1 });
    expect(new Set(large.map((p) => p.id)).size).toBe(100_000);
    // A smaller catalogue is a prefix of a larger one, ids included, so the seeded shop and the benchmark agree.
    expect(large.slice(0, 2000).map((p) => p.id)).toEqual(catalogue.slice(0, 2000).map((p) => p.id));
  }, 60_000);

  it("covers every category, colour and pattern of the ontology", () => {
    expect(new Set(catalogue.map((p) => p.category))).toEqual(new Set(CATEGORIES.map((c) => c.id)));
    expect(new Set(catalogue.map((p) => p.color))).toEqual(new Set(COLORS.map((c) => c.id)));
    expect(new Set(catalogue.map((p) => p.pattern))).toEqual(new Set(PATTERNS));
  });

  it("covers every attribute value for the slots it applies to", () => {
    for (const [name, spec] of Object.entries(ontology.attributes)) {
      const seen = new Set(catalogue.map((p) => p.attributes[name as keyof typeof p.attributes]).filter(Boolean));
      expect([...seen].sort(), name).toEqual([...spec.values].sort());
    }
  });

  it("gives every product only attributes that apply to its slot, all valid ontology values", () => {
    for (const product of catalogue) {
      const slot = getCategory(product.category)!.slot;
      expect(product.slot).toBe(slot);
      for (const name of Object.keys(product.attributes)) expect(attributesForSlot(slot)).toContain(name);
      const parsed = productInputSchema.safeParse({ ...product, attributes: product.attributes });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it("groups products in families that differ in few attributes (colourways and variants)", () => {
    const families = new Map<number, typeof catalogue>();
    for (const p of catalogue) families.set(p.family, [...(families.get(p.family) ?? []), p]);
    const multi = [...families.values()].filter((f) => f.length > 1);
    expect(multi.length).toBeGreaterThan(400);
    for (const family of multi) expect(new Set(family.map((p) => p.category)).size).toBe(1);
  });

  it("prices like a shop: positive, ending in .00 or .95", () => {
    for (const p of catalogue) {
      expect(p.priceCents).toBeGreaterThan(0);
      expect([0, 95]).toContain(p.priceCents % 100);
    }
  });
});
