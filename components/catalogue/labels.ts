// Shopper-facing names for the catalogue's facets, departments and sort orders (values come from the ontology;
// these maps only name them, and the types make a missing or misspelt key a compile error).
import type { AttributeName, SlotId } from "@/lib/ontology";
import type { SORTS } from "@/lib/catalogue/schema";

export const SLOT_LABELS: Record<SlotId, string> = {
  top: "Tops",
  bottom: "Bottoms",
  one_piece: "Dresses & one-pieces",
  outerwear: "Outerwear",
  shoes: "Shoes",
  bag: "Bags",
  accessory: "Accessories",
};

export const FACET_LABELS: Record<"slot" | "category" | "color" | "pattern" | AttributeName, string> = {
  slot: "Department",
  category: "Category",
  color: "Colour",
  pattern: "Pattern",
  sleeve: "Sleeve",
  neckline: "Neckline",
  length: "Length",
  fit: "Fit",
  material: "Material",
  formality: "Occasion",
  season: "Season",
  style: "Style",
  heel: "Heel height",
};

export const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  featured: "Featured",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
};
