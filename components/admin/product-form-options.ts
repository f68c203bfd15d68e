// The ontology choices the product form offers, computed on the server and passed to the client form as plain
// data, so the client bundle carries labels and ids only.
import { ATTRIBUTE_NAMES, CATEGORIES, COLORS, PATTERNS, SLOTS, attributesForSlot, labelOf, ontology, type AttributeName, type SlotId } from "@/lib/ontology";

export interface Choice { value: string; label: string }

export interface ProductFormOptions {
  categories: { slot: string; label: string; options: (Choice & { slot: SlotId })[] }[];
  colors: (Choice & { hex: string })[];
  patterns: Choice[];
  attributes: { name: AttributeName; label: string; options: Choice[] }[];
  /** Attribute names that apply, per slot. */
  attributesBySlot: Record<string, AttributeName[]>;
  currencies: string[];
}

const choice = (value: string): Choice => ({ value, label: labelOf(value) });

export function productFormOptions(): ProductFormOptions {
  return {
    categories: SLOTS.map((slot) => ({
      slot,
      label: labelOf(slot),
      options: CATEGORIES.filter((c) => c.slot === slot).map((c) => ({ value: c.id, label: c.label, slot: c.slot })),
    })),
    colors: COLORS.map((c) => ({ ...choice(c.id), hex: c.hex })),
    patterns: PATTERNS.map(choice),
    attributes: ATTRIBUTE_NAMES.map((name) => ({ name, label: labelOf(name), options: ontology.attributes[name].values.map(choice) })),
    attributesBySlot: Object.fromEntries(SLOTS.map((slot) => [slot, attributesForSlot(slot)])),
    currencies: ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "JPY"],
  };
}
