// Seam and topstitch lines, in the garment palette's seam and thread colours, shared by every garment drawer.
import type { Palette } from "../../catalogue/flats/colour";
import { n, path } from "../../catalogue/flats/svg";

export const seamLine = (pal: Palette, d: string, width = 0.8, opacity = 0.8) =>
  path(d, { fill: "none", stroke: pal.seam, "stroke-width": n(width), "stroke-opacity": opacity, "stroke-linecap": "round" });
export const stitchLine = (pal: Palette, d: string) =>
  path(d, { fill: "none", stroke: pal.stitch, "stroke-width": 0.7, "stroke-dasharray": "2 1.6", "stroke-opacity": 0.9 });

