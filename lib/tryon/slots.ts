// Which garments can be tried on together (pure: the route, the page and the tests share it). The networks dress
// four slots (network-io.ts); a one-piece replaces both top and bottom, so it cannot be worn with either, and each
// slot holds at most one piece. Messages are written for the shopper, who sees them as they are.
import { GARMENT_SLOTS_TRYON, type TryOnSlot } from "./network-io";

export const MAX_TRYON_GARMENTS = GARMENT_SLOTS_TRYON.length;

export const TRYON_SLOT_LABELS: Record<TryOnSlot, string> = { top: "Top", bottom: "Bottom", one_piece: "Dress or jumpsuit", outerwear: "Outerwear" };

export const isTryOnSlot = (slot: string): slot is TryOnSlot => (GARMENT_SLOTS_TRYON as readonly string[]).includes(slot);

export interface SlotPiece { id: string; slot: string; title?: string }

export type SlotCheck<T extends SlotPiece> =
  | { ok: true; bySlot: Partial<Record<TryOnSlot, T>> }
  | { ok: false; code: "not_wearable" | "slot_taken" | "one_piece_conflict" | "no_garments"; message: string };

const name = (p: SlotPiece) => (p.title ? `"${p.title}"` : `"${p.id}"`);

/** The pieces by slot, or why they cannot be worn together. */
export function checkTryOnSlots<T extends SlotPiece>(pieces: T[]): SlotCheck<T> {
  if (pieces.length === 0) return { ok: false, code: "no_garments", message: "Pick at least one garment to try on." };
  const bySlot: Partial<Record<TryOnSlot, T>> = {};
  for (const piece of pieces) {
    if (!isTryOnSlot(piece.slot)) {
      return { ok: false, code: "not_wearable", message: `${name(piece)} is ${piece.slot.replace("_", " ")}: try-on dresses tops, bottoms, one-pieces and outerwear only.` };
    }
    const taken = bySlot[piece.slot];
    if (taken) {
      return { ok: false, code: "slot_taken", message: `${name(taken)} and ${name(piece)} are both ${TRYON_SLOT_LABELS[piece.slot].toLowerCase()}s: pick one of them.` };
    }
    bySlot[piece.slot] = piece;
  }
  if (bySlot.one_piece && (bySlot.top || bySlot.bottom)) {
    const other = (bySlot.top ?? bySlot.bottom)!;
    return { ok: false, code: "one_piece_conflict", message: `${name(bySlot.one_piece)} replaces a top and a bottom, so it cannot be worn with ${name(other)}.` };
  }
  return { ok: true, bySlot };
}

/** What the picker may add next: free when the slot is empty and no one-piece rule forbids it. */
export function slotFree(slot: string, current: SlotPiece[]): { free: boolean; reason?: string } {
  if (!isTryOnSlot(slot)) return { free: false, reason: "Not something try-on can dress" };
  if (current.some((p) => p.slot === slot)) return { free: false, reason: `${TRYON_SLOT_LABELS[slot]} already chosen` };
  if (slot === "one_piece" && current.some((p) => p.slot === "top" || p.slot === "bottom")) return { free: false, reason: "Remove the top and bottom first" };
  if ((slot === "top" || slot === "bottom") && current.some((p) => p.slot === "one_piece")) return { free: false, reason: "Remove the one-piece first" };
  return { free: true };
}
