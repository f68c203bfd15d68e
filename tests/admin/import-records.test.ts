// Reading import files: JSON Lines and CSV, line numbers, bad rows, column mapping.
import { describe, expect, it } from "vitest";
import { ImportFileError, parseImportFile, recordToInput } from "@/lib/import/records";

describe("import file parsing", () => {
  it("reads JSON Lines with line numbers, skipping blank lines and reporting bad ones", () => {
    const text = ['{"sku":"A-1"}', "", "{not json", '["array"]', '{"sku":"A-2"}'].join("\n");
    const parsed = parseImportFile("x.jsonl", text);
    expect(parsed.format).toBe("jsonl");
    expect(parsed.records.map((r) => [r.line, r.fields.sku])).toEqual([[1, "A-1"], [5, "A-2"]]);
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(parsed.problems[0].message).toMatch(/not valid JSON/);
  });

  it("reads CSV, giving each record the line it starts on (quoted fields may span lines)", () => {
    const text = 'sku,title,description\nA-1,Shirt,plain\nA-2,Dress,"two\nlines"\nA-3,Bad,row,extra\n\nA-4,Skirt,ok\n';
    const parsed = parseImportFile("x.csv", text);
    expect(parsed.format).toBe("csv");
    expect(parsed.records.map((r) => [r.line, r.fields.sku])).toEqual([[2, "A-1"], [3, "A-2"], [7, "A-4"]]);
    expect(parsed.problems).toEqual([{ line: 5, message: expect.stringMatching(/bad CSV row/) }]);
  });

  it("refuses a CSV whose header has unknown columns, naming them", () => {
    expect(() => parseImportFile("x.csv", "sku,colour\nA-1,red\n")).toThrow(ImportFileError);
    expect(() => parseImportFile("x.csv", "sku,colour\nA-1,red\n")).toThrow(/"colour"/);
  });

  it("refuses an empty file", () => {
    expect(() => parseImportFile("x.jsonl", "  \n\n")).toThrow(/empty/);
  });

  it("maps flat attribute columns and text booleans onto the product input", () => {
    const { input, image, unknownFields } = recordToInput({
      sku: "A-1", title: "Shirt", priceCents: "2500", sleeve: "long", neckline: "", inStock: "no", image: "a.png", id: "ignored",
    });
    expect(input).toEqual({ sku: "A-1", title: "Shirt", priceCents: "2500", inStock: false, attributes: { sleeve: "long" } });
    expect(image).toBe("a.png");
    expect(unknownFields).toEqual([]);
  });

  it("takes a nested attributes object, with flat columns winning", () => {
    const { input } = recordToInput({ attributes: { sleeve: "short", fit: "slim" }, sleeve: "long" });
    expect(input.attributes).toEqual({ sleeve: "long", fit: "slim" });
  });

  it("lists unknown fields", () => {
    expect(recordToInput({ sku: "A", colour: "red" }).unknownFields).toEqual(["colour"]);
  });
});
