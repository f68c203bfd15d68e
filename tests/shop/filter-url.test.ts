// The catalogue URL helpers: canonical form, one-filter edits and chips agree with the API's filter schema.
import { describe, expect, it } from "vitest";
import { productFilterSchema } from "@/lib/catalogue/schema";
import { activeFilters, canonicalParams, filterInput, hasFilters, hrefWith } from "@/components/catalogue/filter-url";

const canon = (query: string) => canonicalParams(new URLSearchParams(query)).toString();

describe("canonicalParams", () => {
  it("orders keys, splits commas, lower-cases and de-duplicates list values", () => {
    expect(canon("color=Red,blue&category=dress&color=red")).toBe("category=dress&color=red&color=blue");
  });

  it("turns the form's whole-unit prices into cents and swaps a reversed range", () => {
    expect(canon("priceMin=200&priceMax=50")).toBe("minPrice=5000&maxPrice=20000");
    expect(canon("priceMin=12,5")).toBe("minPrice=1250");
    expect(canon("minPrice=900&priceMin=1")).toBe("minPrice=900");
  });

  it("drops empty values, the default sort, bad prices and unknown keys", () => {
    expect(canon("q=%20&priceMin=&priceMax=abc&sort=featured&utm=x&inStock=maybe")).toBe("");
    expect(canon("q=%20linen%20%20shirt&sort=newest")).toBe("q=linen+shirt&sort=newest");
  });

  it("produces input the API's schema accepts", () => {
    const params = canonicalParams(new URLSearchParams("color=red,black&sleeve=long&priceMax=150&inStock=true"));
    const parsed = productFilterSchema.parse(filterInput(params));
    expect(parsed).toMatchObject({ color: ["red", "black"], sleeve: ["long"], maxPrice: 15000, inStock: true, sort: "featured" });
  });
});

describe("hrefWith", () => {
  const params = canonicalParams(new URLSearchParams("category=dress&color=red&cursor=abc&sort=price_asc"));

  it("toggles a list value on and off and always returns to the first page", () => {
    expect(hrefWith(params, { toggle: ["color", "black"] })).toBe("/?category=dress&color=red&color=black&sort=price_asc");
    expect(hrefWith(params, { toggle: ["color", "red"] })).toBe("/?category=dress&sort=price_asc");
  });

  it("removes one value, a whole key, or the price range", () => {
    const priced = canonicalParams(new URLSearchParams("color=red&minPrice=100&maxPrice=900"));
    expect(hrefWith(priced, { remove: ["price"] })).toBe("/?color=red");
    expect(hrefWith(params, { remove: ["category"] })).toBe("/?color=red&sort=price_asc");
  });

  it("sets and clears scalar values", () => {
    expect(hrefWith(params, { set: ["sort", "featured"] })).toBe("/?category=dress&color=red");
    expect(hrefWith(new URLSearchParams(), { set: ["q", "wool coat"] })).toBe("/?q=wool+coat");
  });
});

describe("activeFilters", () => {
  it("names each chip and links to the listing without it", () => {
    const params = canonicalParams(new URLSearchParams("slot=one_piece&category=tshirt&color=light_blue&q=linen&minPrice=5000&inStock=true"));
    const chips = activeFilters(params, "EUR");
    expect(chips.map((c) => [c.facet, c.label])).toEqual([
      ["Department", "Dresses & one-pieces"],
      ["Category", "T-shirt"],
      ["Colour", "Light blue"],
      ["Search", "“linen”"],
      ["Price", "From €50"],
      ["Availability", "In stock"],
    ]);
    expect(chips[2]!.removeHref).toBe("/?slot=one_piece&category=tshirt&q=linen&minPrice=5000&inStock=true");
  });

  it("knows when nothing but the sort is set", () => {
    expect(hasFilters(new URLSearchParams("sort=newest"))).toBe(false);
    expect(hasFilters(new URLSearchParams("color=red"))).toBe(true);
  });
});

describe("listingTitle", async () => {
  const { listingTitle } = await import("@/components/catalogue/listing-title");
  it("titles searches, one category, one department and the whole collection", () => {
    expect(listingTitle(new URLSearchParams("q=linen")).heading).toBe("“linen”");
    expect(listingTitle(new URLSearchParams("category=dress&color=red"))).toMatchObject({ eyebrow: "Dresses & one-pieces", heading: "Dress" });
    expect(listingTitle(new URLSearchParams("slot=shoes")).heading).toBe("Shoes");
    expect(listingTitle(new URLSearchParams("color=red")).heading).toBe("The collection");
  });
});

describe("canonical form is stable", () => {
  it("is idempotent", () => {
    const once = canon("priceMax=30&color=red,red&q=a%20%20b&sort=newest&category=dress");
    expect(canon(once)).toBe(once);
  });
});
