import { describe, expect, it } from "vitest";
import { productFilterSchema, productInputSchema } from "@/lib/catalogue/schema";

const valid = {
  sku: "TSH-1", title: "Crew T-shirt", brand: "Luma", priceCents: 2500, category: "tshirt", color: "navy", pattern: "solid",
  attributes: { sleeve: "short", neckline: "crew" },
};

describe("product input validation", () => {
  it("accepts a valid product and fills defaults", () => {
    const parsed = productInputSchema.parse(valid);
    expect(parsed.currency).toBe("EUR");
    expect(parsed.inStock).toBe(true);
  });

  it.each([
    ["unknown category", { category: "toga" }, "category"],
    ["unknown colour", { color: "octarine" }, "color"],
    ["unknown pattern", { pattern: "paisley" }, "pattern"],
    ["negative price", { priceCents: -1 }, "priceCents"],
    ["bad SKU characters", { sku: "a b/c" }, "sku"],
    ["heel on a t-shirt", { attributes: { heel: "high" } }, "attributes.heel"],
    ["unknown attribute value", { attributes: { sleeve: "very long" } }, "attributes.sleeve"],
    ["unknown attribute", { attributes: { collar: "big" } }, "attributes"],
  ])("refuses %s", (_, change, path) => {
    const result = productInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("listing filters", () => {
  it("parses comma-separated and repeated values", () => {
    const parsed = productFilterSchema.parse({ color: ["red,blue", "navy"], category: "dress" });
    expect(parsed.color).toEqual(["red", "blue", "navy"]);
    expect(parsed.category).toEqual(["dress"]);
    expect(parsed.limit).toBe(24);
  });

  it.each([
    [{ limit: "0" }], [{ limit: "101" }], [{ color: "octarine" }], [{ sort: "random" }],
    [{ minPrice: "500", maxPrice: "100" }], [{ q: "x".repeat(101) }],
  ])("refuses %j", (query) => {
    expect(productFilterSchema.safeParse(query).success).toBe(false);
  });
});
