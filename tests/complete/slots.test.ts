// The dressing rules that decide which slots an outfit can still take, table-driven.
import { describe, expect, it } from "vitest";
import { outfitProblem, slotStates, targetCategories, targetProblem, type OutfitPiece } from "@/lib/complete/slots";
import { getCategory } from "@/lib/ontology";

const piece = (category: string): OutfitPiece => ({ id: category, category, slot: getCategory(category)!.slot });
const outfit = (...categories: string[]) => categories.map(piece);

describe("slot rules", () => {
  it.each([
    [["tshirt", "jeans"], "shoes", null],
    [["tshirt", "jeans", "sneakers"], "heels", /already has sneakers/],
    [["tshirt", "jeans", "sneakers"], "shoes", /already has sneakers/],
    [["dress"], "top", /covers the top/],
    [["dress"], "skirt", /covers the bottom/],
    [["blouse"], "one_piece", /replaces top and bottom/],
    [["jeans"], "outerwear", /over a top or a one-piece/],
    [["dress"], "coat", null],
    [["dress", "hat"], "accessory", /already has a hat/],
    [["dress"], "spaceship", /neither a category nor a slot/],
  ])("%j asking for %s", (categories, target, expected) => {
    const problem = targetProblem(outfit(...categories), target);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("rejects outfits that cannot be worn", () => {
    expect(outfitProblem(outfit("sneakers", "boots"))).toMatch(/one shoes.*2/);
    expect(outfitProblem(outfit("dress", "jeans"))).toMatch(/replaces top and bottom/);
    expect(outfitProblem(outfit("shirt", "trousers", "loafers"))).toBeNull();
  });

  it("lists every slot, free or with a reason", () => {
    const states = slotStates(outfit("dress", "heels"));
    expect(states.filter((s) => s.free).map((s) => s.slot).sort()).toEqual(["accessory", "bag", "outerwear"]);
    expect(states.filter((s) => !s.free).every((s) => s.reason)).toBe(true);
  });

  it("expands a slot target to its categories", () => {
    expect(targetCategories("shoes")).toEqual(["sneakers", "boots", "heels", "sandals", "loafers"]);
    expect(targetCategories("heels")).toEqual(["heels"]);
    expect(targetCategories("nope")).toBeNull();
  });
});
