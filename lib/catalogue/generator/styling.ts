// Formality, season and style follow from what a garment is made of and looks like, as a stylist would
// judge them; deriving them (rather than drawing them at random) keeps them learnable from the image.
import { getColor } from "../../ontology";
import type { ProductAttributes } from "../types";
import { pickWeighted, type Rng } from "./random";

const FORMALITY = ["athletic", "casual", "smart_casual", "business", "evening"] as const;

const CATEGORY_FORMALITY: Record<string, number> = {
  tshirt: 1, tank: 1, hoodie: 0.6, sweater: 1.5, shirt: 2.3, blouse: 2.3, dress: 2, jumpsuit: 2,
  jeans: 1, trousers: 2.5, shorts: 0.8, skirt: 2, jacket: 1.5, coat: 2.6, blazer: 3,
  sneakers: 0.5, boots: 1.6, heels: 3.4, sandals: 1.3, loafers: 2.6,
  handbag: 2.6, backpack: 0.8, hat: 1.2, scarf: 1.8, belt: 2.4, sunglasses: 1.3,
};

const MATERIAL_FORMALITY: Record<string, number> = {
  sequin: 1.8, satin: 1.3, silk: 0.8, lace: 0.6, wool: 0.4, leather: 0.2, suede: 0.1,
  cotton: 0, linen: -0.1, knit: -0.2, denim: -0.6, canvas: -0.5,
};

const PATTERN_FORMALITY: Record<string, number> = {
  solid: 0.2, striped: 0, polka_dot: -0.2, floral: -0.1, plaid: -0.2, gingham: -0.3, houndstooth: 0.3,
  leopard: -0.1, camouflage: -1, geometric: -0.2, color_block: -0.4, graphic: -1, logo: -0.8,
};

export function deriveFormality(category: string, material: string | undefined, pattern: string, heel?: string): string {
  let score = (CATEGORY_FORMALITY[category] ?? 1.5) + (MATERIAL_FORMALITY[material ?? ""] ?? 0) + (PATTERN_FORMALITY[pattern] ?? 0);
  if (heel === "high") score += 0.5;
  if (heel === "flat" && category === "sandals") score -= 0.4;
  const index = Math.max(0, Math.min(FORMALITY.length - 1, Math.round(score)));
  return FORMALITY[index];
}

export function deriveSeason(category: string, attrs: ProductAttributes): string {
  const material = attrs.material ?? "";
  if (["coat", "boots", "scarf"].includes(category) || ["wool", "suede"].includes(material) || attrs.neckline === "turtleneck") {
    return category === "coat" && material === "cotton" ? "spring_fall" : "winter";
  }
  if (category === "sweater" || category === "hoodie" || category === "jacket" || material === "knit" || material === "leather") {
    return "spring_fall";
  }
  if (["sandals", "shorts", "tank"].includes(category) || material === "linen" || attrs.sleeve === "sleeveless" || attrs.neckline === "strapless") {
    return "summer";
  }
  return "all_season";
}

export function deriveStyle(rng: Rng, category: string, color: string, pattern: string, attrs: ProductAttributes, formality: string): string {
  const material = attrs.material ?? "";
  const neutral = getColor(color)?.family === "neutral";
  const score: Record<string, number> = { classic: 1, minimal: 0.5, sporty: 0, boho: 0, edgy: 0, romantic: 0, preppy: 0, streetwear: 0 };
  const add = (style: string, amount: number) => { score[style] += amount; };
  if (neutral && pattern === "solid") add("minimal", 2.5);
  if (["hoodie", "sneakers", "backpack"].includes(category) || formality === "athletic") add("sporty", 3);
  if (["graphic", "logo", "camouflage"].includes(pattern) || attrs.fit === "oversized") add("streetwear", 3);
  if (pattern === "floral" || material === "suede" || material === "linen" || attrs.length === "maxi") add("boho", 2.2);
  if (material === "lace" || attrs.neckline === "off_shoulder" || ["blush", "pink", "lavender"].includes(color) || pattern === "polka_dot") add("romantic", 2.4);
  if (material === "leather" || pattern === "leopard" || (color === "black" && category !== "blazer") || category === "boots") add("edgy", 2.2);
  if (["plaid", "gingham", "striped", "houndstooth"].includes(pattern) || ["blazer", "loafers"].includes(category) || attrs.neckline === "collared") add("preppy", 2.4);
  if (["trousers", "coat", "shirt", "belt"].includes(category) && pattern === "solid") add("classic", 2);
  if (pattern === "geometric" || pattern === "color_block") add("streetwear", 1);
  return pickWeighted(rng, Object.entries(score).map(([style, s]) => [style, Math.pow(s + 0.05, 3)] as const));
}
