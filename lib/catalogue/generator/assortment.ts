// What a real shop stocks per category: which attribute values make sense (with how common each is),
// materials, base prices. The generator samples designs from here; weights are relative frequencies.
import type { AttributeName } from "../../ontology";

type Weighted = readonly (readonly [string, number])[];

export interface CategoryAssortment {
  basePriceCents: number;
  material: Weighted;
  sleeve?: Weighted;
  neckline?: Weighted;
  length?: Weighted;
  fit?: Weighted;
  heel?: Weighted;
  /** Patterns this category comes in; omitted means every pattern, solid most often. */
  patterns?: Weighted;
}

const w = (...values: (string | [string, number])[]): Weighted =>
  values.map((v) => (typeof v === "string" ? ([v, 1] as const) : ([v[0], v[1]] as const)));

const FITS = w("fitted", ["regular", 2], "loose", "oversized");
const ALL_SLEEVES = w("sleeveless", "short", "elbow", "three_quarter", "long");

export const ASSORTMENT: Record<string, CategoryAssortment> = {
  tshirt: { basePriceCents: 2400, material: w(["cotton", 4], "linen", "knit"), sleeve: w(["short", 4], "elbow", "three_quarter", "long"), neckline: w(["crew", 3], "v_neck", "scoop"), fit: FITS },
  blouse: { basePriceCents: 5900, material: w(["silk", 2], "satin", "cotton", "linen", "lace"), sleeve: ALL_SLEEVES, neckline: w("v_neck", "scoop", "collared", "off_shoulder", "halter", "crew"), fit: FITS },
  shirt: { basePriceCents: 5500, material: w(["cotton", 3], "linen", "denim", "silk"), sleeve: w(["long", 3], "short", "elbow", "three_quarter"), neckline: w("collared"), fit: FITS },
  sweater: { basePriceCents: 7900, material: w(["knit", 2], "wool", "cotton"), sleeve: w(["long", 4], "three_quarter", "elbow", "short", "sleeveless"), neckline: w(["crew", 2], "v_neck", "turtleneck", "scoop", "collared"), fit: FITS },
  tank: { basePriceCents: 1900, material: w(["cotton", 3], "knit", "silk", "satin", "lace", "sequin"), sleeve: w("sleeveless"), neckline: w(["scoop", 2], "crew", "v_neck", "halter", "strapless"), fit: FITS },
  hoodie: { basePriceCents: 6500, material: w(["cotton", 3], "knit", "wool"), sleeve: w(["long", 4], "short", "three_quarter"), neckline: w("hooded"), fit: w("fitted", "regular", ["loose", 2], ["oversized", 2]) },
  dress: { basePriceCents: 8900, material: w(["cotton", 2], "silk", "satin", "linen", "lace", "sequin", "knit", "denim"), sleeve: ALL_SLEEVES, neckline: w("crew", "v_neck", "scoop", "collared", "turtleneck", "off_shoulder", "halter", "strapless"), length: w("mini", "above_knee", "knee", "midi", "maxi"), fit: FITS },
  jumpsuit: { basePriceCents: 9900, material: w(["cotton", 2], "linen", "denim", "satin", "silk"), sleeve: ALL_SLEEVES, neckline: w("v_neck", "halter", "strapless", "collared", "scoop", "off_shoulder"), length: w(["full", 3], "cropped", "above_knee"), fit: FITS },
  jeans: { basePriceCents: 7900, material: w("denim"), length: w(["full", 3], "cropped"), fit: FITS, patterns: w(["solid", 12], "striped", "floral", "leopard", "camouflage", "color_block", "logo", "polka_dot", "plaid", "geometric", "graphic") },
  trousers: { basePriceCents: 8500, material: w(["wool", 2], ["cotton", 2], "linen", "leather", "satin"), length: w(["full", 3], "cropped"), fit: FITS },
  shorts: { basePriceCents: 3900, material: w(["denim", 2], ["cotton", 2], "linen", "leather"), length: w(["mini", 2], ["above_knee", 2], "knee"), fit: FITS },
  skirt: { basePriceCents: 5900, material: w(["cotton", 2], "denim", "wool", "leather", "satin", "silk", "lace", "sequin", "suede"), length: w("mini", "above_knee", "knee", "midi", "maxi"), fit: FITS },
  jacket: { basePriceCents: 12900, material: w(["denim", 2], ["leather", 2], "suede", "cotton", "wool", "canvas"), sleeve: w(["long", 6], "three_quarter", "sleeveless"), length: w(["cropped", 2], ["mini", 3]), fit: FITS },
  coat: { basePriceCents: 22900, material: w(["wool", 4], "cotton", "leather", "suede"), sleeve: w(["long", 6], "three_quarter"), length: w("above_knee", ["knee", 2], "midi", "maxi"), fit: FITS },
  blazer: { basePriceCents: 15900, material: w(["wool", 3], "linen", "cotton", "satin", "sequin"), sleeve: w(["long", 6], "three_quarter", "elbow"), length: w("cropped", ["mini", 4]), fit: FITS },
  sneakers: { basePriceCents: 9900, material: w(["canvas", 2], ["leather", 2], "suede", "knit"), heel: w(["flat", 4], "low") },
  boots: { basePriceCents: 16900, material: w(["leather", 3], "suede"), heel: w("flat", ["low", 2], "mid", "high") },
  heels: { basePriceCents: 11900, material: w(["leather", 3], "suede", "satin", "sequin"), heel: w("low", ["mid", 2], ["high", 3]) },
  sandals: { basePriceCents: 6900, material: w(["leather", 3], "suede", "canvas"), heel: w(["flat", 3], "low", "mid", "high") },
  loafers: { basePriceCents: 11900, material: w(["leather", 3], "suede"), heel: w(["flat", 3], "low") },
  handbag: { basePriceCents: 14900, material: w(["leather", 4], "suede", "canvas", "satin", "sequin") },
  backpack: { basePriceCents: 8900, material: w(["canvas", 3], "leather", "suede", "denim") },
  hat: { basePriceCents: 3500, material: w(["wool", 2], "canvas", "cotton", "knit", "linen") },
  scarf: { basePriceCents: 4500, material: w(["wool", 2], "knit", "silk", "cotton") },
  belt: { basePriceCents: 4900, material: w(["leather", 4], "suede", "canvas"), patterns: w(["solid", 8], "leopard", "striped", "logo", "plaid", "color_block") },
  sunglasses: { basePriceCents: 12900, material: w(), patterns: w(["solid", 6], "leopard", "color_block", "logo", "geometric") },
};

/** Shape attributes a family variant may change (the rest are derived from the design). */
export const VARIABLE_SHAPE_ATTRIBUTES: AttributeName[] = ["sleeve", "neckline", "length", "fit", "heel"];

export const DEFAULT_PATTERNS: Weighted = w(
  ["solid", 14], ["striped", 2], ["polka_dot", 1.3], ["floral", 2], ["plaid", 1.3], ["gingham", 1],
  ["houndstooth", 1], ["leopard", 1], ["camouflage", 1], ["geometric", 1.2], ["color_block", 1.3],
  ["graphic", 1.3], ["logo", 1.3],
);
