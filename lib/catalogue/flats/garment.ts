// The contract between the flat compositor (index.ts) and the per-category drawers. A drawer knows a
// garment's construction — silhouette, seams, closures, pockets, folds — and nothing about prints, fabric
// textures or shading, which the compositor lays over every fabric piece the same way.
import type { FlatSpec } from "../types";
import type { Palette } from "./colour";
import type { Rng } from "./rng";
import type { Box } from "./svg";

/** One fabric piece, an SVG path `d` in the 1024×1024 canvas. Pieces are painted back to front. */
export interface FabricPiece {
  d: string;
  /** Which palette colour the fabric is: the face (`base`), a shaded or inner face (`dark`, `deep`). */
  tone?: "base" | "dark" | "deep";
  /** Whether the product's print runs over this piece (insides, soles, lenses do not take it). */
  printed?: boolean;
  /** Whether the material texture (denim twill, knit rib, ...) runs over it; defaults to `printed`. */
  textured?: boolean;
  /** Side-lit body shading (`gH`), top-lit fall-off (`gV`), a diagonal (`gS`), or none. */
  shade?: "gH" | "gV" | "gS" | "none";
  /** Outline weight multiplier (1 = the standard 3.2 px line). */
  line?: number;
}

export interface GarmentDrawing {
  pieces: FabricPiece[];
  /** Finished SVG markup over the fabric: seams, topstitching, buttons, zips, pockets, folds, hardware. */
  details: string;
  /** Markup painted after the details: parts that sit in front (a strap over a bag, a lens over a frame). */
  front?: string;
  /** Where a placed print (logo or graphic) goes; drawers without one get the print as an all-over repeat. */
  printArea?: Box;
  /** The brand mark of a logo piece that carries it in a place of its own (a lens), drawn over everything; the
   * compositor then lays no monogram over the fabric. */
  logo?: string;
  /** Stripes run lengthwise on tailored pieces (shirts, trousers) and across elsewhere. */
  verticalStripes?: boolean;
  /** The garment's bounding box, for the ground shadow. */
  bounds: Box;
}

export type DrawGarment = (spec: FlatSpec, pal: Palette, rng: Rng) => GarmentDrawing;
