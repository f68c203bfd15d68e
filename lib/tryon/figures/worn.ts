// A garment as a figure wears it: the catalogue product's visual facts (the same ones its fashion flat is drawn
// from) plus its id and slot, and the palette both drawings share.
import { makePalette, type Palette } from "../../catalogue/flats/colour";
import { streamOf } from "../../catalogue/flats/rng";
import type { ProductAttributes } from "../../catalogue/types";
import type { GarmentSlot } from "../labels";
import type { Layer } from "./layers";
import type { Skeleton } from "./skeleton";

export interface WornGarment {
  productId: string;
  slot: GarmentSlot;
  category: string;
  color: string;
  pattern: string;
  attributes: ProductAttributes;
  drawSeed: number;
}

/** The flat's palette for the product: same colour stream, so prints pick the same accents as the catalogue image. */
export function garmentPalette(g: WornGarment): Palette {
  return makePalette(g.color, g.attributes.material, streamOf(g.drawSeed, "palette"));
}

/** What one garment contributes: layers under the arms (bodies), over the arms (sleeves), and a print area. */
export interface GarmentLayers {
  body: Layer[];
  sleeves: Layer[];
  /** Chest box for a placed logo or graphic (tops, one-pieces). */
  printArea?: { x0: number; y0: number; x1: number; y1: number };
}

export interface GarmentInput { sk: Skeleton; g: WornGarment; index: number; pal: Palette }

/** Ease (head lengths) a fit adds to the body's half-width. */
export const FIT_EASE: Record<string, number> = { fitted: 0.03, regular: 0.07, loose: 0.13, oversized: 0.2 };
export const easeOf = (g: WornGarment) => FIT_EASE[g.attributes.fit ?? "regular"] ?? 0.07;
