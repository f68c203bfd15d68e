// The figure generator: deterministic, draws every vocabulary value, and its ground truth agrees with the drawing
// (garment labels exactly where garments are worn, keypoints on the figure).
import { describe, expect, it } from "vitest";
import { generateCatalogue, type GeneratedProduct } from "@/lib/catalogue/generator";
import { renderFigure, type FigureSpec } from "@/lib/tryon/figures";
import { pickOutfit, wornOf, figureSpecOf } from "@/lib/tryon/figures/outfit";
import { labelCounts, labelMap } from "@/lib/tryon/figures/raster";
import { FRAME } from "@/lib/tryon/figures/skeleton";
import { BODY_SHAPES, HAIR_STYLES, POSES, SKIN_TONE_IDS } from "@/lib/tryon/figures/vocabulary";
import { COCO_KEYPOINTS, PARSE_LABELS } from "@/lib/tryon/labels";
import { createRng } from "@/lib/catalogue/generator/random";

const catalogue = generateCatalogue({ count: 600, seed: 3 });
const first = (category: string, where: (p: GeneratedProduct) => boolean = () => true) => catalogue.find((p) => p.category === category && where(p))!;

const base: FigureSpec = {
  pose: "standing", bodyShape: "average", height: "average", skinTone: "medium", hairStyle: "bob", hairColour: "brown",
  garments: [first("tshirt"), first("jeans"), first("sneakers")].map(wornOf),
};

describe("figure generator", () => {
  it("is deterministic: the same spec (and seed) gives byte-identical SVG", () => {
    expect(renderFigure(base).svg).toBe(renderFigure(base).svg);
    const a = figureSpecOf(5, 9, catalogue), b = figureSpecOf(5, 9, catalogue);
    expect(renderFigure(a).svg).toBe(renderFigure(b).svg);
    expect(renderFigure(figureSpecOf(6, 9, catalogue)).svg).not.toBe(renderFigure(a).svg);
  });

  it.each([
    ...POSES.map((pose) => ({ pose })), ...BODY_SHAPES.map((bodyShape) => ({ bodyShape })),
    ...SKIN_TONE_IDS.map((skinTone) => ({ skinTone })), ...HAIR_STYLES.map((hairStyle) => ({ hairStyle })),
  ])("renders %o with every part it wears", async (change) => {
    const drawing = renderFigure({ ...base, ...change } as FigureSpec);
    expect(drawing.svg).toMatch(/^<svg[^>]+viewBox="0 0 384 512"/);
    const counts = labelCounts(await labelMap(drawing.labelSvg));
    for (const label of [PARSE_LABELS.hair, PARSE_LABELS.face, PARSE_LABELS.skin, PARSE_LABELS.top, PARSE_LABELS.bottom]) expect(counts[label], `label ${label}`).toBeGreaterThan(500);
    expect(counts[PARSE_LABELS.shoes]).toBeGreaterThan(100);
  });

  it("labels garments only where they are worn: a one-piece figure has no top or bottom pixels", async () => {
    const dress = renderFigure({ ...base, garments: [first("dress"), first("heels")].map(wornOf) });
    const counts = labelCounts(await labelMap(dress.labelSvg));
    expect(counts[PARSE_LABELS.one_piece]).toBeGreaterThan(2000);
    expect(counts[PARSE_LABELS.top]).toBe(0);
    expect(counts[PARSE_LABELS.bottom]).toBe(0);
    expect(counts[PARSE_LABELS.outerwear]).toBe(0);
    const layered = renderFigure({ ...base, garments: [first("shirt"), first("trousers"), first("coat"), first("boots")].map(wornOf) });
    const lc = labelCounts(await labelMap(layered.labelSvg));
    expect(lc[PARSE_LABELS.outerwear]).toBeGreaterThan(2000);
    expect(lc[PARSE_LABELS.top]).toBeGreaterThan(100);
    expect(lc[PARSE_LABELS.one_piece]).toBe(0);
    expect(layered.garments.map((g) => g.slot).sort()).toEqual(["bottom", "outerwear", "shoes", "top"]);
  });

  it("draws the product's shape: long sleeves cover more arm than short ones, a maxi skirt more leg than a mini", async () => {
    const withTop = (sleeve: string) => renderFigure({ ...base, garments: [{ ...wornOf(first("tshirt")), attributes: { ...first("tshirt").attributes, sleeve } }, wornOf(first("jeans"))] });
    const long = labelCounts(await labelMap(withTop("long").labelSvg)), short = labelCounts(await labelMap(withTop("short").labelSvg));
    expect(long[PARSE_LABELS.top]).toBeGreaterThan(short[PARSE_LABELS.top] + 500);
    expect(long[PARSE_LABELS.skin]).toBeLessThan(short[PARSE_LABELS.skin] - 500);
    const skirt = first("skirt");
    const withSkirt = (length: string) => renderFigure({ ...base, garments: [wornOf(first("tshirt")), { ...wornOf(skirt), attributes: { ...skirt.attributes, length } }] });
    const maxi = labelCounts(await labelMap(withSkirt("maxi").labelSvg)), mini = labelCounts(await labelMap(withSkirt("mini").labelSvg));
    expect(maxi[PARSE_LABELS.bottom]).toBeGreaterThan(mini[PARSE_LABELS.bottom] * 2);
  });

  it("has no anti-aliased labels: every label-map value is a label id", async () => {
    const labels = await labelMap(renderFigure(base).labelSvg);
    expect(labels.length).toBe(FRAME.width * FRAME.height);
    expect(labels.every((l) => l <= 8)).toBe(true);
  });

  it("puts the COCO-17 keypoints, in order, inside the frame and on the figure", async () => {
    for (let i = 0; i < 10; i++) {
      const drawing = renderFigure(figureSpecOf(i, 2, catalogue));
      expect(drawing.keypoints.map((k) => k.name)).toEqual([...COCO_KEYPOINTS]);
      const labels = await labelMap(drawing.labelSvg);
      for (const k of drawing.keypoints) {
        expect(k.x).toBeGreaterThan(0);
        expect(k.x).toBeLessThan(FRAME.width);
        expect(k.y).toBeGreaterThan(0);
        expect(k.y).toBeLessThan(FRAME.height);
        const label = labels[Math.round(k.y) * FRAME.width + Math.round(k.x)];
        expect(label, `${k.name} of figure ${i}`).not.toBe(PARSE_LABELS.background);
        if (k.name.endsWith("eye") || k.name === "nose") expect(label).toBe(PARSE_LABELS.face);
      }
    }
  });

  it("dresses figures plausibly: one garment per slot, a one-piece never with a top or bottom, shoes always", () => {
    const rng = createRng(7);
    for (let i = 0; i < 200; i++) {
      const slots = pickOutfit(rng, catalogue).map((p) => p.slot);
      expect(new Set(slots).size).toBe(slots.length);
      expect(slots).toContain("shoes");
      if (slots.includes("one_piece")) expect(slots).not.toContain("top");
      else expect(slots).toEqual(expect.arrayContaining(["top", "bottom"]));
    }
  });
});
