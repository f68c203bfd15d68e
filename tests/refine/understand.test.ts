import { describe, expect, it } from "vitest";
import { meetsAll, normalise, understand, type Facets } from "@/lib/refine/understand";

const blouse: Facets = { color: "navy", pattern: "solid", sleeve: "long", neckline: "v_neck", fit: "regular", material: "silk", formality: "smart_casual" };
const midiDress: Facets = { color: "red", pattern: "floral", sleeve: "short", neckline: "crew", length: "midi", fit: "fitted", formality: "casual" };
const item = (over: Partial<Facets>, base: Facets = blouse): Facets => ({ ...base, ...over });

const meets = (text: string, facets: Facets, source?: Facets) => meetsAll(facets, understand(text, source));
const labels = (text: string, source?: Facets) => understand(text, source).map((r) => r.label);

describe("understand: what a shopper's text asks of a product", () => {
  it.each([
    // text, source, a product that meets it, one that does not
    ["is red", blouse, item({ color: "red" }), item({ color: "pink" })],
    ["has no sleeves", blouse, item({ sleeve: "sleeveless" }), item({ sleeve: "short" })],
    ["sleeveless", blouse, item({ sleeve: "sleeveless" }), item({ sleeve: "long" })],
    ["has long sleeves", midiDress, item({ sleeve: "long" }, midiDress), item({ sleeve: "three_quarter" }, midiDress)],
    ["long sleeve", midiDress, item({ sleeve: "long" }, midiDress), item({ sleeve: "short" }, midiDress)],
    ["has shorter sleeves", blouse, item({ sleeve: "elbow" }), item({ sleeve: "long" })],
    ["is darker", midiDress, item({ color: "burgundy" }, midiDress), item({ color: "pink" }, midiDress)],
    ["is lighter in color", blouse, item({ color: "light_blue" }), item({ color: "black" })],
    ["is shorter", midiDress, item({ length: "knee" }, midiDress), item({ length: "maxi" }, midiDress)],
    ["is longer", midiDress, item({ length: "maxi" }, midiDress), item({ length: "midi" }, midiDress)],
    ["has a floral print", blouse, item({ pattern: "floral" }), item({ pattern: "striped" })],
    ["is not floral", midiDress, item({ pattern: "solid" }, midiDress), item({}, midiDress)],
    ["is solid black", blouse, item({ color: "black", pattern: "solid" }), item({ color: "black", pattern: "striped" })],
    ["is grey", blouse, item({ color: "gray" }), item({ color: "black" })],
    ["is black or white", blouse, item({ color: "white" }), item({ color: "red" })],
    ["more casual", blouse, item({ formality: "casual" }), item({ formality: "business" })],
    ["is more colorful", blouse, item({ color: "red" }), item({ color: "gray" })],
    ["a different color", blouse, item({ color: "teal" }), item({})],
    ["has a v-neck", midiDress, item({ neckline: "v_neck" }, midiDress), item({}, midiDress)],
    ["is darker with long sleeves", midiDress, item({ color: "black", sleeve: "long" }, midiDress), item({ color: "black", sleeve: "short" }, midiDress)],
  ])("%s", (text, source, yes, no) => {
    expect(understand(text, source).length).toBeGreaterThan(0);
    expect(meets(text, yes, source)).toBe(true);
    expect(meets(text, no, source)).toBe(false);
  });

  it("reads misspellings and punctuation the way shoppers write them", () => {
    expect(normalise("Is SLEEVLESS, and blak!")).toBe("is sleeveless and black");
    expect(labels("is sleevless")).toEqual(["sleeveless"]);
  });

  it("prefers the longest phrase: light blue is a colour, not 'lighter'", () => {
    expect(labels("is light blue", blouse)).toEqual(["light blue"]);
    expect(meets("is light blue", item({ color: "light_blue" }), blouse)).toBe(true);
  });

  it("skips relative words when there is no source product to compare with (an uploaded photo)", () => {
    expect(understand("is darker and longer")).toEqual([]);
    expect(labels("is darker with long sleeves")).toEqual(["long sleeves"]);
  });

  it("asks nothing of words it does not know, leaving them to VAL", () => {
    expect(understand("looks more fun and has buttons", blouse)).toEqual([]);
  });

  it("a product without the attribute does not meet a requirement on it", () => {
    expect(meets("has long sleeves", { color: "blue", pattern: "solid", length: "full" })).toBe(false);
  });
});
