// Brands, titles, SKUs and prices that read like a real shop's line sheet.
import { getCategory, labelOf } from "../../ontology";
import type { ProductAttributes } from "../types";
import { pick, type Rng } from "./random";

export const BRANDS = [
  { name: "Maison Ardent", tier: 1.6 }, { name: "Norrland", tier: 1.1 }, { name: "Atelier Sève", tier: 1.8 },
  { name: "Kōyō", tier: 1.3 }, { name: "Field & Fold", tier: 0.9 }, { name: "Luma Studio", tier: 1.0 },
  { name: "Castellane", tier: 2.2 }, { name: "Oakridge Supply", tier: 0.8 }, { name: "Vesper & Vine", tier: 1.4 },
  { name: "Halcyon", tier: 1.2 }, { name: "Rue Marbeuf", tier: 2.0 }, { name: "Tidewater", tier: 0.85 },
  { name: "Brume", tier: 1.15 }, { name: "Ostrava", tier: 1.05 }, { name: "Sable Row", tier: 1.5 },
  { name: "Common Thread", tier: 0.7 },
] as const;

const COLOR_NAMES: Record<string, string> = { light_blue: "Light Blue" };

const PATTERN_WORDS: Record<string, string[]> = {
  solid: [""], striped: ["Striped", "Stripe"], polka_dot: ["Polka-Dot", "Dotted"], floral: ["Floral", "Flower-Print"],
  plaid: ["Plaid", "Check"], gingham: ["Gingham"], houndstooth: ["Houndstooth"], leopard: ["Leopard-Print"],
  camouflage: ["Camo"], geometric: ["Geometric"], color_block: ["Colour-Block"], graphic: ["Graphic"], logo: ["Logo"],
};

const MATERIAL_WORDS: Record<string, string[]> = {
  cotton: ["Cotton", "Organic Cotton", ""], denim: ["Denim", ""], knit: ["Ribbed Knit", "Knit"], leather: ["Leather"],
  silk: ["Silk"], satin: ["Satin"], linen: ["Linen"], wool: ["Wool", "Merino", "Wool-Blend"], lace: ["Lace"],
  sequin: ["Sequin", "Sequinned"], canvas: ["Canvas"], suede: ["Suede"],
};

const SHAPE_WORDS: Partial<Record<keyof ProductAttributes, Record<string, string>>> = {
  fit: { fitted: "Slim", loose: "Relaxed", oversized: "Oversized" },
  length: { cropped: "Cropped", mini: "Mini", midi: "Midi", maxi: "Maxi" },
  neckline: { v_neck: "V-Neck", turtleneck: "Turtleneck", off_shoulder: "Off-Shoulder", halter: "Halter", strapless: "Strapless", scoop: "Scoop-Neck" },
  heel: { high: "High", mid: "Mid-Heel", flat: "Flat" },
  sleeve: { sleeveless: "Sleeveless", long: "Long-Sleeve", three_quarter: "Three-Quarter-Sleeve" },
};

export function colorName(color: string): string {
  return COLOR_NAMES[color] ?? labelOf(color);
}

export function makeTitle(rng: Rng, category: string, color: string, pattern: string, attrs: ProductAttributes): string {
  const shapeKeys = (Object.keys(SHAPE_WORDS) as (keyof ProductAttributes)[]).filter((k) => {
    const value = attrs[k];
    return value !== undefined && SHAPE_WORDS[k]?.[value];
  });
  const shapeKey = shapeKeys.length ? pick(rng, shapeKeys) : undefined;
  const shape = shapeKey ? SHAPE_WORDS[shapeKey]?.[attrs[shapeKey] ?? ""] ?? "" : "";
  const materialWord = attrs.material ? pick(rng, MATERIAL_WORDS[attrs.material] ?? [""]) : "";
  const patternWord = pick(rng, PATTERN_WORDS[pattern] ?? [""]);
  const label = getCategory(category)?.label ?? labelOf(category);
  const words = [shape, patternWord, materialWord, label].filter(Boolean);
  return `${dedupe(words).join(" ")} in ${colorName(color)}`;
}

function dedupe(words: string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const MATERIAL_PRICE: Record<string, number> = {
  leather: 1.9, suede: 1.8, silk: 1.7, sequin: 1.6, wool: 1.5, satin: 1.35, lace: 1.3, linen: 1.1,
  knit: 1.05, denim: 1, cotton: 0.9, canvas: 0.85,
};

/** Prices end in .00 or .95, as line sheets print them. */
export function makePriceCents(rng: Rng, basePriceCents: number, material: string | undefined, tier: number): number {
  const raw = basePriceCents * (MATERIAL_PRICE[material ?? ""] ?? 1) * tier * (0.85 + rng() * 0.3);
  const euros = Math.max(9, Math.round(raw / 100 / 5) * 5);
  return rng() < 0.5 ? euros * 100 : euros * 100 - 5;
}

export function makeSku(category: string, family: number, variant: number, color: string): string {
  const cat = category.slice(0, 3).toUpperCase();
  const col = color.replace("_", "").slice(0, 3).toUpperCase();
  return `${cat}-${String(family).padStart(5, "0")}-${variant + 1}${col}`;
}
