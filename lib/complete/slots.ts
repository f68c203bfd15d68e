// Which slots a partial outfit still has free, and why the others are not: the dressing rules the stylist that
// generates the training outfits follows (training/atelier_data/stylist.py `is_well_formed`): top + bottom or a
// one-piece, outerwear over a top or a one-piece, and at most one piece per slot. Pure, so the API, the builder
// page and the tests share one answer.
import { CATEGORIES, getCategory, labelOf, ontology, SLOTS, type SlotId } from "../ontology";

/** The board's order, head to toe then what is carried. */
export const SLOT_ORDER: SlotId[] = ["outerwear", "top", "one_piece", "bottom", "shoes", "bag", "accessory"];

export const SLOT_LABELS: Record<SlotId, string> = {
  top: "Top", bottom: "Bottom", one_piece: "One-piece", outerwear: "Outerwear", shoes: "Shoes", bag: "Bag", accessory: "Accessory",
};

export interface OutfitPiece { id: string; category: string; slot: SlotId }

export interface SlotState {
  slot: SlotId;
  /** Can the outfit take a piece of this slot now? */
  free: boolean;
  /** Why not, in words a shopper understands; absent when free. */
  reason?: string;
}

export function isSlotId(value: string): value is SlotId {
  return (SLOTS as string[]).includes(value);
}

/** A target is a category id or a slot id; a slot means every category of that slot. */
export function targetCategories(target: string): string[] | null {
  if (isSlotId(target)) return CATEGORIES.filter((c) => c.slot === target).map((c) => c.id);
  return getCategory(target) ? [target] : null;
}

export function targetSlot(target: string): SlotId | null {
  return isSlotId(target) ? target : (getCategory(target)?.slot ?? null);
}

function holding(outfit: OutfitPiece[], slot: SlotId): OutfitPiece | undefined {
  return outfit.find((p) => p.slot === slot);
}

const named = (p: OutfitPiece) => labelOf(p.category).toLowerCase();

/** Free or taken, with the reason, for one slot given the pieces already chosen. */
export function slotState(outfit: OutfitPiece[], slot: SlotId): SlotState {
  const same = holding(outfit, slot);
  if (same) return { slot, free: false, reason: `The outfit already has ${article(named(same))} (${SLOT_LABELS[slot].toLowerCase()}); swap it instead.` };
  const onePiece = holding(outfit, "one_piece");
  if ((slot === "top" || slot === "bottom") && onePiece) {
    return { slot, free: false, reason: `The ${named(onePiece)} already covers the ${slot}; ${ontology.slots.one_piece}.` };
  }
  if (slot === "one_piece") {
    const covering = holding(outfit, "top") ?? holding(outfit, "bottom");
    if (covering) return { slot, free: false, reason: `A one-piece replaces top and bottom, and the outfit has ${article(named(covering))}.` };
  }
  if (slot === "outerwear" && !holding(outfit, "top") && !onePiece) {
    return { slot, free: false, reason: "Outerwear goes over a top or a one-piece: add one of those first." };
  }
  return { slot, free: true };
}

export function slotStates(outfit: OutfitPiece[]): SlotState[] {
  return SLOT_ORDER.map((slot) => slotState(outfit, slot));
}

/** Problems with the outfit itself (two pieces in one slot, a one-piece with a top), or null when it is wearable. */
export function outfitProblem(outfit: OutfitPiece[]): string | null {
  for (const slot of SLOT_ORDER) {
    const pieces = outfit.filter((p) => p.slot === slot);
    if (pieces.length > 1) return `An outfit takes one ${SLOT_LABELS[slot].toLowerCase()}, and this one has ${pieces.length}: ${pieces.map(named).join(", ")}.`;
  }
  const onePiece = holding(outfit, "one_piece");
  const covered = holding(outfit, "top") ?? holding(outfit, "bottom");
  if (onePiece && covered) return `A one-piece replaces top and bottom: the ${named(onePiece)} cannot be worn with ${article(named(covered))}.`;
  return null;
}

/** Null when the outfit can take a piece of `target`, else the reason it cannot. */
export function targetProblem(outfit: OutfitPiece[], target: string): string | null {
  const slot = targetSlot(target);
  if (!slot) return `"${target}" is neither a category nor a slot.`;
  return slotState(outfit, slot).reason ?? null;
}

function article(noun: string): string {
  if (noun.endsWith("s") && !noun.endsWith("ss") && noun !== "dress") return noun; // "sneakers", "jeans", "sunglasses"
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
