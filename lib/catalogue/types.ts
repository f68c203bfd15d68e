// The Product shape of the HTTP API (SPEC §4) and the drawing spec the fashion-flat generator takes.
import type { AttributeName, SlotId } from "../ontology";

export type ProductAttributes = Partial<Record<AttributeName, string>>;

/** A catalogue product as the API returns it; every value is an ontology key. */
export interface Product {
  id: string;
  sku: string;
  title: string;
  brand: string;
  priceCents: number;
  currency: string;
  category: string;
  slot: SlotId;
  color: string;
  pattern: string;
  attributes: ProductAttributes;
  imageUrl: string;
}

/** What a fashion flat is drawn from: the visual facts of a product plus a seed for small variations. */
export interface FlatSpec {
  category: string;
  color: string;
  pattern: string;
  attributes: ProductAttributes;
  /** Deterministic variation (trim colour, pocket style, fold placement, pattern offset); same seed, same SVG. */
  seed: number;
}
