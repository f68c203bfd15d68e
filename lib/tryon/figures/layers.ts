// What a figure is made of: layers painted back to front. Each layer is a set of closed outlines with one parse
// label and one paint; the illustration and the label map are two renderings of the same list, so every
// pixel's label is exactly the part that is in front there.
import type { P } from "../../catalogue/flats/svg";
import type { ParseLabel } from "../labels";

export type Paint =
  | { kind: "skin"; tone?: "base" | "shade" }
  | { kind: "hair" }
  /** A worn garment's fabric; `garment` indexes the figure's garment list (its palette, print and texture). */
  | { kind: "fabric"; garment: number; tone?: "base" | "dark" | "deep"; printed?: boolean; shade?: "gH" | "gV" | "gS" | "none" }
  /** Non-fabric parts (soles, heels, metal): a flat fill and line. */
  | { kind: "flat"; fill: string; line: string };

export interface Layer {
  label: ParseLabel;
  pieces: string[];
  paint: Paint;
  /** Markup drawn over the fill, inside the pieces: seams, buttons, facial features, strands. */
  details?: string;
  /** Outline width in pixels (0 for none). */
  line?: number;
}

export interface Keypoint { name: string; x: number; y: number; v: 0 | 1 | 2 }

/** One helper so every module writes a point the same way. */
export const xy = (p: P) => `${Math.round(p[0] * 10) / 10} ${Math.round(p[1] * 10) / 10}`;
