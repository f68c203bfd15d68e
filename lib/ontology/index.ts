// Typed access to the canonical fashion vocabulary (ontology.json, a copy of ../shared/ontology.json).
// Every layer — API validation, generator, models, tests — reads values from here, never literals.
import ontologyJson from "./ontology.json" with { type: "json" };

export type SlotId = "top" | "bottom" | "one_piece" | "outerwear" | "shoes" | "bag" | "accessory";
export type AttributeName =
  | "sleeve" | "neckline" | "length" | "fit" | "material" | "formality" | "season" | "style" | "heel";

export interface Category { id: string; label: string; slot: SlotId }
export interface Color { id: string; hex: string; lightness: number; family: string; shiny?: boolean }
export interface AttributeSpec { values: string[]; ordered?: boolean; applies_to_slots?: SlotId[] }

export const ontology = ontologyJson as unknown as {
  version: number;
  slots: Record<SlotId, string>;
  categories: Category[];
  colors: Color[];
  patterns: string[];
  attributes: Record<AttributeName, AttributeSpec>;
  relative_phrases: Record<string, string>;
};

export const SLOTS = Object.keys(ontology.slots) as SlotId[];
export const CATEGORIES = ontology.categories;
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);
export const COLORS = ontology.colors;
export const COLOR_IDS = COLORS.map((c) => c.id);
export const PATTERNS = ontology.patterns;
export const ATTRIBUTE_NAMES = Object.keys(ontology.attributes) as AttributeName[];

const categoryById = new Map(CATEGORIES.map((c) => [c.id, c]));
const colorById = new Map(COLORS.map((c) => [c.id, c]));

export function getCategory(id: string): Category | undefined {
  return categoryById.get(id);
}

export function getColor(id: string): Color | undefined {
  return colorById.get(id);
}

export function categoriesInSlot(slot: SlotId): Category[] {
  return CATEGORIES.filter((c) => c.slot === slot);
}

/** Attributes that describe items of this slot (those without applies_to_slots apply everywhere). */
export function attributesForSlot(slot: SlotId): AttributeName[] {
  return ATTRIBUTE_NAMES.filter((name) => {
    const slots = ontology.attributes[name].applies_to_slots;
    return !slots || slots.includes(slot);
  });
}

export function attributeValues(name: AttributeName): string[] {
  return ontology.attributes[name].values;
}

export function isAttributeValue(name: AttributeName, value: string): boolean {
  return ontology.attributes[name].values.includes(value);
}

/** "three_quarter" -> "Three quarter"; category ids use their own labels. */
export function labelOf(value: string): string {
  const category = categoryById.get(value);
  if (category) return category.label;
  const words = value.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
