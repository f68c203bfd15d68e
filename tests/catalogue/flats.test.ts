// The fashion-flat drawings: every category draws, the same spec gives the same SVG, and every shape attribute
// value a category is sold in changes the drawing (the tagger and VAL learn these values from the pixels).
import { describe, expect, it } from "vitest";
import { renderFlatSvg } from "@/lib/catalogue/flats";
import { ASSORTMENT } from "@/lib/catalogue/generator/assortment";
import { renderProductPng } from "@/lib/catalogue/render";
import { CATEGORIES, COLORS, PATTERNS } from "@/lib/ontology";
import type { FlatSpec } from "@/lib/catalogue/types";
import sharp from "sharp";

const SHAPE = ["sleeve", "neckline", "length", "fit", "heel"] as const;

function baseSpec(category: string): FlatSpec {
  const a = ASSORTMENT[category];
  const attributes: FlatSpec["attributes"] = { material: a.material[0]?.[0] };
  for (const name of SHAPE) if (a[name]) attributes[name] = a[name]![0][0];
  return { category, color: "navy", pattern: "solid", attributes, seed: 7 };
}

describe("fashion flats", () => {
  it.each(CATEGORIES.map((c) => c.id))("%s draws a well-formed, deterministic SVG", (category) => {
    const spec = baseSpec(category);
    const svg = renderFlatSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(renderFlatSvg({ ...spec })).toBe(svg);
    // The seed varies construction details (pockets, buttons, folds) somewhere among a few designs.
    const variants = new Set(Array.from({ length: 12 }, (_, i) => 8 + i).map((seed) => renderFlatSvg({ ...spec, seed })));
    expect(variants.size).toBeGreaterThan(1);
  });

  it("draws every shape attribute value a category is sold in differently", () => {
    for (const category of CATEGORIES.map((c) => c.id)) {
      for (const name of SHAPE) {
        const values = ASSORTMENT[category][name]?.map(([v]) => v) ?? [];
        const drawings = new Set(values.map((value) => renderFlatSvg({ ...baseSpec(category), attributes: { ...baseSpec(category).attributes, [name]: value } })));
        expect(drawings.size, `${category} ${name}`).toBe(values.length);
      }
    }
  });

  it("draws every colour and pattern", () => {
    const colours = new Set(COLORS.map((c) => renderFlatSvg({ ...baseSpec("tshirt"), color: c.id })));
    expect(colours.size).toBe(COLORS.length);
    const patterns = new Set(PATTERNS.map((p) => renderFlatSvg({ ...baseSpec("dress"), pattern: p })));
    expect(patterns.size).toBe(PATTERNS.length);
  });

  it("draws every pattern differently on every category, pieces with no front for artwork included", () => {
    // A graphic hat or boot once got the geometric repeat, so the two patterns could not be told apart there.
    for (const category of CATEGORIES.map((c) => c.id)) {
      const drawings = new Set(PATTERNS.map((p) => renderFlatSvg({ ...baseSpec(category), pattern: p })));
      expect(drawings.size, category).toBe(PATTERNS.length);
      const print = (p: string) => renderFlatSvg({ ...baseSpec(category), pattern: p }).match(/<pattern id="print"[\s\S]*?<\/pattern>/)?.[0];
      if (print("graphic")) expect(print("graphic"), category).not.toBe(print("geometric"));
    }
  });

  it("prints a logo pair of sunglasses' brand on the lens, where a photo can read it", async () => {
    // A monogram repeat on a rim a few millimetres wide showed as a plain frame: the tagger could not tell logo
    // sunglasses from solid ones (0 of 24 in its test split).
    const solid = baseSpec("sunglasses");
    const logo = renderFlatSvg({ ...solid, pattern: "logo" });
    expect(logo).not.toContain('<pattern id="print"');
    const pixels = async (pattern: string) =>
      sharp(await renderProductPng({ ...solid, pattern, drawSeed: 3 }, 128)).removeAlpha().raw().toBuffer();
    const [a, b] = await Promise.all([pixels("solid"), pixels("logo")]);
    let changed = 0;
    for (let i = 0; i < a.length; i += 3) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 90) changed++;
    expect(changed).toBeGreaterThan(20); // a wordmark of light strokes on the dark lens, even at 128 px
  });

  it("renders a square PNG on the light studio background", async () => {
    const png = await renderProductPng({ ...baseSpec("coat"), drawSeed: 3 }, 256);
    const { width, height, channels } = await sharp(png).metadata();
    expect([width, height]).toEqual([256, 256]);
    const corner = await sharp(png).extract({ left: 0, top: 0, width: 4, height: 4 }).raw().toBuffer();
    expect(corner[0]).toBeGreaterThan(230);
    expect(channels).toBeGreaterThanOrEqual(3);
  });
});
