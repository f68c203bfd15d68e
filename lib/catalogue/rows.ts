// Maps between the database row and the API's Product, and builds the keyword-search text.
import { ATTRIBUTE_NAMES, getCategory, labelOf, type SlotId } from "../ontology";
import { imageUrl } from "../images/store";
import type { Product, ProductAttributes } from "./types";
import type { ProductInput } from "./schema";

/** Words shoppers type that the ontology spells differently. */
const SYNONYMS: Record<string, string[]> = {
  gray: ["grey"], charcoal: ["grey", "dark grey"], tshirt: ["tee", "t-shirt", "t shirt"], tank: ["cami", "vest top"],
  sneakers: ["trainers"], trousers: ["pants", "slacks"], jumpsuit: ["playsuit", "romper"], hoodie: ["sweatshirt"],
  handbag: ["bag", "purse"], backpack: ["bag", "rucksack"], polka_dot: ["dots", "dotted", "spotty"], striped: ["stripes", "stripy"],
  leopard: ["animal print"], camouflage: ["camo"], sleeveless: ["no sleeves"], long: ["long sleeves"],
  v_neck: ["v-neck", "vneck"], floral: ["flowers", "flowery"], plaid: ["check", "tartan"], sweater: ["jumper", "pullover", "knitwear"],
};

export interface ProductRowFields {
  sku: string; title: string; brand: string; priceCents: number; currency: string; category: string; slot: string;
  color: string; pattern: string; description: string; inStock: boolean; searchText: string;
  sleeve: string | null; neckline: string | null; length: string | null; fit: string | null; material: string | null;
  formality: string | null; season: string | null; style: string | null; heel: string | null;
}

export function productRowFields(input: ProductInput): ProductRowFields {
  const attrs = Object.fromEntries(ATTRIBUTE_NAMES.map((name) => [name, input.attributes[name] ?? null])) as Record<(typeof ATTRIBUTE_NAMES)[number], string | null>;
  return {
    sku: input.sku,
    title: input.title,
    brand: input.brand,
    priceCents: input.priceCents,
    currency: input.currency,
    category: input.category,
    slot: getCategory(input.category)!.slot,
    color: input.color,
    pattern: input.pattern,
    description: input.description,
    inStock: input.inStock,
    searchText: buildSearchText(input),
    ...attrs,
  };
}

export function buildSearchText(input: Pick<ProductInput, "title" | "brand" | "category" | "color" | "pattern" | "attributes">): string {
  const values = [input.category, input.color, input.pattern, ...Object.values(input.attributes).filter(Boolean)] as string[];
  const words = [input.title, input.brand, ...values.map(labelOf), ...values.flatMap((v) => SYNONYMS[v] ?? [])];
  return ` ${words.join(" ").toLowerCase().replace(/[^a-z0-9à-ÿ]+/g, " ").trim()} `;
}

export interface ProductRow extends ProductRowFields {
  id: string;
  images: { kind: string; key: string }[];
}

/** The columns a product card needs (no description or search text): what listings select. */
export type CardRow = Omit<ProductRow, "description" | "searchText">;

export const CARD_SELECT = {
  id: true, sku: true, title: true, brand: true, priceCents: true, currency: true, category: true, slot: true, color: true,
  pattern: true, inStock: true, createdAt: true,
  sleeve: true, neckline: true, length: true, fit: true, material: true, formality: true, season: true, style: true, heel: true,
  images: { select: { kind: true, key: true } },
} as const;

export function toProduct(row: CardRow): Product {
  const attributes: ProductAttributes = {};
  for (const name of ATTRIBUTE_NAMES) {
    const value = row[name];
    if (value) attributes[name] = value;
  }
  const master = row.images.find((i) => i.kind === "master") ?? row.images[0];
  return {
    id: row.id,
    sku: row.sku,
    title: row.title,
    brand: row.brand,
    priceCents: row.priceCents,
    currency: row.currency,
    category: row.category,
    slot: row.slot as SlotId,
    color: row.color,
    pattern: row.pattern,
    attributes,
    imageUrl: master ? imageUrl(master.key) : "",
  };
}

export function thumbUrlOf(row: Pick<ProductRow, "images">): string {
  const thumb = row.images.find((i) => i.kind === "thumb") ?? row.images.find((i) => i.kind === "master");
  return thumb ? imageUrl(thumb.key) : "";
}

/** Exactly the API's Product shape, dropping page-only fields (thumbUrl, stock, description). */
export function toApiProduct(p: Product): Product {
  const { id, sku, title, brand, priceCents, currency, category, slot, color, pattern, attributes, imageUrl } = p;
  return { id, sku, title, brand, priceCents, currency, category, slot, color, pattern, attributes, imageUrl };
}
