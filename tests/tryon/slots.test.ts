// Which garments try-on can dress together (lib/tryon/slots.ts), table-driven.
import { describe, expect, it } from "vitest";
import { checkTryOnSlots, slotFree } from "@/lib/tryon/slots";

const piece = (slot: string, id = slot) => ({ id, slot, title: `A ${slot}` });

describe("try-on slot rules", () => {
  it.each([
    [["top"]],
    [["top", "bottom"]],
    [["top", "bottom", "outerwear"]],
    [["one_piece"]],
    [["one_piece", "outerwear"]],
    [["outerwear"]],
  ])("accepts %j", (slots) => {
    const check = checkTryOnSlots(slots.map((s) => piece(s)));
    expect(check.ok).toBe(true);
    if (check.ok) expect(Object.keys(check.bySlot).sort()).toEqual([...slots].sort());
  });

  it.each([
    [[], "no_garments", /at least one/],
    [["shoes"], "not_wearable", /shoes.*tops, bottoms, one-pieces and outerwear/],
    [["top", "bag"], "not_wearable", /bag/],
    [["top", "top"], "slot_taken", /both tops: pick one/],
    [["one_piece", "top"], "one_piece_conflict", /replaces a top and a bottom/],
    [["bottom", "one_piece"], "one_piece_conflict", /cannot be worn with "A bottom"/],
  ])("refuses %j with %s", (slots, code, message) => {
    const check = checkTryOnSlots(slots.map((s, i) => piece(s, `${s}-${i}`)));
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.code).toBe(code);
      expect(check.message).toMatch(message);
    }
  });

  it("says which slots the picker can still fill", () => {
    expect(slotFree("top", [])).toEqual({ free: true });
    expect(slotFree("top", [piece("top")]).free).toBe(false);
    expect(slotFree("one_piece", [piece("bottom")])).toEqual({ free: false, reason: "Remove the top and bottom first" });
    expect(slotFree("bottom", [piece("one_piece")]).free).toBe(false);
    expect(slotFree("outerwear", [piece("one_piece")]).free).toBe(true);
    expect(slotFree("shoes", []).free).toBe(false);
  });
});
