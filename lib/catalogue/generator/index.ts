// Generates the default catalogue deterministically from a seed. Products come in families, as in a real
// shop: one design in several colourways, some with a changed pattern or shape (a long-sleeve version, a midi
// length). Families give the Refine model true near-neighbour pairs that differ in one to three attributes.
import { CATEGORIES, COLORS, attributesForSlot, getCategory, labelOf, type AttributeName, type SlotId } from "../../ontology";
import type { FlatSpec, ProductAttributes } from "../types";
import { ASSORTMENT, DEFAULT_PATTERNS, VARIABLE_SHAPE_ATTRIBUTES } from "./assortment";
import { BRANDS, makePriceCents, makeSku, makeTitle, colorName } from "./naming";
import { createRng, hashString, pick, pickWeighted, shuffled, type Rng } from "./random";
import { deriveFormality, deriveSeason, deriveStyle } from "./styling";

export interface GeneratedProduct {
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
  description: string;
  inStock: boolean;
  /** Seed for the drawing's small variations; shared by a family so colourways look like one design. */
  drawSeed: number;
  family: number;
}

export interface GenerateOptions { count: number; seed: number }

export const DEFAULT_CATALOGUE = { count: 3000, seed: 1 } as const;

interface Design {
  category: string;
  slot: SlotId;
  shape: ProductAttributes;
  material?: string;
  pattern: string;
  brand: (typeof BRANDS)[number];
  drawSeed: number;
}

export function generateCatalogue({ count, seed }: GenerateOptions): GeneratedProduct[] {
  const rng = createRng(seed);
  const products: GeneratedProduct[] = [];
  // Colour order per category is a shuffled cycle, so every category comes in every colour.
  const colorCycles = new Map(CATEGORIES.map((c) => [c.id, { order: shuffled(rng, COLORS.map((k) => k.id)), next: 0 }]));
  const usedIds = new Set<string>();
  let family = 0;
  while (products.length < count) {
    const category = CATEGORIES[family % CATEGORIES.length].id;
    const design = sampleDesign(rng, category);
    const cycle = colorCycles.get(category)!;
    const size = Math.min(count - products.length, pickWeighted(rng, [[1, 2], [2, 3], [3, 3], [4, 2], [5, 1]] as const));
    const usedColors = new Set<string>();
    let variantDesign = design;
    for (let variant = 0; variant < size; variant++) {
      let color = cycle.order[cycle.next++ % cycle.order.length];
      if (usedColors.has(color)) color = pick(rng, COLORS.filter((c) => !usedColors.has(c.id))).id;
      usedColors.add(color);
      if (variant > 0 && rng() < 0.4) variantDesign = varyDesign(rng, design);
      products.push(withUniqueId(makeProduct(rng, seed, variantDesign, color, family, variant), usedIds));
    }
    family++;
  }
  return products;
}

function sampleDesign(rng: Rng, category: string): Design {
  const cat = getCategory(category)!;
  const assortment = ASSORTMENT[category];
  const shape: ProductAttributes = {};
  for (const name of VARIABLE_SHAPE_ATTRIBUTES) {
    const options = assortment[name as keyof typeof assortment];
    if (Array.isArray(options) && options.length && attributesForSlot(cat.slot).includes(name)) {
      shape[name] = pickWeighted(rng, options as [string, number][]);
    }
  }
  return {
    category,
    slot: cat.slot,
    shape,
    material: assortment.material.length ? pickWeighted(rng, assortment.material) : undefined,
    pattern: pickWeighted(rng, assortment.patterns ?? DEFAULT_PATTERNS),
    brand: pick(rng, BRANDS),
    drawSeed: Math.floor(rng() * 2 ** 31),
  };
}

/** A sibling design: the same piece with its pattern or one shape attribute changed. */
function varyDesign(rng: Rng, design: Design): Design {
  const assortment = ASSORTMENT[design.category];
  const changeable = (Object.keys(design.shape) as AttributeName[]).filter((name) => {
    const options = assortment[name as keyof typeof assortment];
    return Array.isArray(options) && options.length > 1;
  });
  if (changeable.length && rng() < 0.7) {
    const name = pick(rng, changeable);
    const options = (assortment[name as keyof typeof assortment] as [string, number][]).filter(([v]) => v !== design.shape[name]);
    return { ...design, shape: { ...design.shape, [name]: pickWeighted(rng, options) } };
  }
  const patterns = (assortment.patterns ?? DEFAULT_PATTERNS).filter(([p]) => p !== design.pattern);
  return { ...design, pattern: pickWeighted(rng, patterns) };
}

/**
 * Ids are a 32-bit hash of the SKU, which collides about once in 100,000 products; the later product of a pair is
 * rehashed with a salt, so every id of a smaller catalogue (and of the training world) stays what it was.
 */
function withUniqueId(product: GeneratedProduct, used: Set<string>): GeneratedProduct {
  let id = product.id;
  for (let salt = 1; used.has(id); salt++) id = `p${hashString(`${product.sku}#${salt}`).toString(36).padStart(7, "0")}`;
  used.add(id);
  return id === product.id ? product : { ...product, id };
}

function makeProduct(rng: Rng, seed: number, design: Design, color: string, family: number, variant: number): GeneratedProduct {
  const { category, slot, pattern } = design;
  const attributes: ProductAttributes = { ...design.shape };
  if (design.material) attributes.material = design.material;
  const formality = deriveFormality(category, design.material, pattern, attributes.heel);
  attributes.formality = formality;
  attributes.season = deriveSeason(category, attributes);
  attributes.style = deriveStyle(rng, category, color, pattern, attributes, formality);
  const sku = makeSku(category, family, variant, color);
  return {
    id: `p${hashString(`${seed}:${sku}`).toString(36).padStart(7, "0")}`,
    sku,
    title: makeTitle(rng, category, color, pattern, attributes),
    brand: design.brand.name,
    priceCents: makePriceCents(rng, ASSORTMENT[category].basePriceCents, design.material, design.brand.tier),
    currency: "EUR",
    category,
    slot,
    color,
    pattern,
    attributes: orderAttributes(attributes),
    description: describe(category, color, pattern, attributes),
    inStock: rng() > 0.08,
    drawSeed: design.drawSeed,
    family,
  };
}

function orderAttributes(attrs: ProductAttributes): ProductAttributes {
  const out: ProductAttributes = {};
  for (const name of ["sleeve", "neckline", "length", "fit", "material", "formality", "season", "style", "heel"] as const) {
    if (attrs[name] !== undefined) out[name] = attrs[name];
  }
  return out;
}

function describe(category: string, color: string, pattern: string, attrs: ProductAttributes): string {
  const parts = [
    `A ${labelOf(attrs.style ?? "classic").toLowerCase()} ${getCategory(category)?.label.toLowerCase()} in ${colorName(color).toLowerCase()}`,
    pattern !== "solid" ? `with a ${labelOf(pattern).toLowerCase()} pattern` : "",
    attrs.material ? `made in ${attrs.material}` : "",
  ].filter(Boolean);
  const details = [attrs.sleeve && (attrs.sleeve === "sleeveless" ? "sleeveless" : `${labelOf(attrs.sleeve).toLowerCase()} sleeves`), attrs.neckline && `${labelOf(attrs.neckline).toLowerCase()} neckline`, attrs.length && `${labelOf(attrs.length).toLowerCase()} length`, attrs.fit && `${attrs.fit} fit`, attrs.heel && `${attrs.heel} heel`].filter(Boolean);
  return `${parts.join(" ")}.${details.length ? ` ${details.join(", ")}.` : ""} ${labelOf(attrs.formality ?? "casual")}, for ${labelOf(attrs.season ?? "all_season").toLowerCase()}.`.replace(/_/g, " ");
}

export function flatSpecOf(product: Pick<GeneratedProduct, "category" | "color" | "pattern" | "attributes" | "drawSeed">): FlatSpec {
  return { category: product.category, color: product.color, pattern: product.pattern, attributes: product.attributes, seed: product.drawSeed };
}
