// The import's attribute tagger: fills only what is missing and only when confident, and reads a generated flat
// correctly with the committed model.
import "./test-env";
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { applyPredictions, MIN_CONFIDENCE, needsTagging, tagMissingAttributes, type TaggableInput } from "@/lib/import/tagger";
import { renderProductPng } from "@/lib/catalogue/render";
import { generateCatalogue } from "@/lib/catalogue/generator";

const sure = (value: string) => ({ value, confidence: 0.99 });
const unsure = (value: string) => ({ value, confidence: MIN_CONFIDENCE / 2 });

describe("attribute tagger at import", () => {
  it("fills missing fields with confident predictions and never changes given values", () => {
    const input: TaggableInput = { sku: "X-1", category: "dress", color: "red", attributes: { sleeve: "long" } };
    const out = applyPredictions(input, {
      color: sure("blue"), pattern: sure("floral"), sleeve: sure("short"), length: sure("midi"), neckline: unsure("v_neck"), heel: sure("high"),
    });
    expect(out.color).toBe("red");
    expect(out.pattern).toBe("floral");
    expect(out.attributes).toEqual({ sleeve: "long", length: "midi" });
    expect(input.attributes).toEqual({ sleeve: "long" });
  });

  it("skips products that already carry every field", () => {
    const full = { category: "belt", color: "black", pattern: "solid", attributes: { material: "leather", formality: "casual", season: "all_season", style: "classic" } };
    expect(needsTagging(full)).toBe(false);
    expect(needsTagging({ ...full, attributes: {} })).toBe(true);
  });

  it.skipIf(!existsSync("models/tagger/tagger.onnx"))("reads the category and colour of a generated flat", async () => {
    const png = await renderProductPng({ category: "coat", color: "red", pattern: "solid", attributes: { sleeve: "long", length: "knee", fit: "regular", material: "wool" }, drawSeed: 11 }, 512);
    const out = await tagMissingAttributes(png, { attributes: {} } as TaggableInput);
    expect(out.category).toBe("coat");
    expect(out.color).toBe("red");
  });

  it.skipIf(!existsSync("models/tagger/tagger.onnx"))("reads the print of small pieces, which it sees cropped to the product", async () => {
    // A belt, a hat or a pair of sneakers fills a fraction of the frame; the tagger 3.0.0 reads the detail view.
    const wanted = ["sneakers/gingham", "sneakers/houndstooth", "hat/polka_dot", "belt/striped"];
    const catalogue = generateCatalogue({ count: 6000, seed: 9 });
    const pieces = wanted.map((key) => catalogue.find((p) => `${p.category}/${p.pattern}` === key)!);
    for (const piece of pieces) {
      const out = await tagMissingAttributes(await renderProductPng(piece, 512), { attributes: {} } as TaggableInput);
      expect(`${out.category}/${out.pattern}`).toBe(`${piece.category}/${piece.pattern}`);
    }
  });
});
