// Shared construction for the bottoms flats (bottoms.ts, bottoms-skirt.ts): the inks (seams, topstitching,
// folds), hardware (buttons, rivets, zips), the waistband with its belt loops, and the five-pocket denim front
// that jeans, denim shorts and denim skirts all carry.
import type { Palette } from "./colour";
import type { FabricPiece } from "./garment";
import { C, circle, CX, el, L, mirrorSegs, n, path, type P, type Seg, segPath, symPath } from "./svg";

export type Fit = "fitted" | "regular" | "loose" | "oversized";

export function fitOf(value: string | undefined): Fit {
  return value === "fitted" || value === "loose" || value === "oversized" ? value : "regular";
}

export const clamp01 = (t: number) => Math.max(0, Math.min(1, t));

/**
 * A cubic Hermite blend from value a (leaving at slope ma) to value b (arriving at slope mb) over a span,
 * at t in 0..1: how a waist curves out over the hip into the line of the leg or skirt without a shoulder.
 */
export function hermite(t: number, span: number, a: number, ma: number, b: number, mb: number): number {
  const t2 = t * t, t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * a + (t3 - 2 * t2 + t) * ma * span + (-2 * t3 + 3 * t2) * b + (t3 - t2) * mb * span;
}

/** Segments of a smooth curve through points (Catmull-Rom), continuing from points[0], the current point. */
export function curveThrough(points: P[]): Seg[] {
  const at = (i: number) => points[Math.max(0, Math.min(points.length - 1, i))];
  const segs: Seg[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    segs.push(C(
      p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6,
      p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6,
      p2[0], p2[1],
    ));
  }
  return segs;
}

/** An open path drawn on the right of the centre front, and its mirror image on the left. */
export function pair(start: P, segs: Seg[]): string[] {
  const m = mirrorSegs(start, segs);
  return [segPath(start, segs), segPath(m.start, m.segs)];
}

/** A smooth open path through absolute points. */
export const through = (points: P[]) => segPath(points[0], curveThrough(points));

export interface Inks {
  /** An interior seam. */
  seam(d: string, width?: number): string;
  /** Dashed topstitching in the thread colour (gold on denim). */
  stitch(d: string): string;
  /** A cut fabric edge inside the silhouette: a pocket mouth, a pleat fold. */
  edge(d: string, width?: number): string;
  /** A soft shadowed fold. */
  fold(d: string, strength?: number): string;
  /** A worn or pressed highlight (denim whiskers, a trouser crease's ridge). */
  highlight(d: string, strength?: number): string;
}

export function inks(pal: Palette): Inks {
  const stroke = (d: string, attrs: Record<string, string | number>) =>
    path(d, { fill: "none", "stroke-linecap": "round", "stroke-linejoin": "round", ...attrs });
  // Opacities go through toFixed: el() rounds numbers to one decimal.
  const shadow = pal.isDark ? "#ffffff" : "#000000";
  return {
    seam: (d, width = 2) => stroke(d, { stroke: pal.seam, "stroke-width": width }),
    stitch: (d) => stroke(d, { stroke: pal.stitch, "stroke-width": 1.6, "stroke-dasharray": "6 5" }),
    edge: (d, width = 2.2) => stroke(d, { stroke: pal.line, "stroke-width": width }),
    fold: (d, k = 1) => stroke(d, { stroke: shadow, "stroke-opacity": ((pal.isDark ? 0.12 : 0.15) * k).toFixed(2), "stroke-width": 2.6 }),
    highlight: (d, k = 1) => stroke(d, { stroke: pal.light, "stroke-opacity": (0.5 * k).toFixed(2), "stroke-width": 2.4 }),
  };
}

/** A jeans shank button: domed metal with a rim. */
export function shankButton(pal: Palette, x: number, y: number, r: number): string {
  return circle(x, y, r, { fill: pal.metal, stroke: pal.line, "stroke-width": 1.6 }) +
    circle(x, y, r * 0.62, { fill: "none", stroke: pal.metalLight, "stroke-width": 1.4 }) +
    circle(x - r * 0.3, y - r * 0.3, r * 0.2, { fill: pal.metalLight });
}

/** A sewn two-hole button, in a shade of the cloth. */
export function sewnButton(pal: Palette, x: number, y: number, r: number): string {
  return circle(x, y, r, { fill: pal.dark, stroke: pal.line, "stroke-width": 1.6 }) +
    circle(x - r * 0.32, y, r * 0.17, { fill: pal.line }) + circle(x + r * 0.32, y, r * 0.17, { fill: pal.line });
}

export function rivet(pal: Palette, x: number, y: number, r = 3.8): string {
  return circle(x, y, r, { fill: pal.metal, stroke: pal.line, "stroke-width": 1 }) + circle(x - r * 0.3, y - r * 0.3, r * 0.3, { fill: pal.metalLight });
}

/** A zip along a path: metal teeth, with its pull hanging at the start. */
export function zip(pal: Palette, points: P[]): string {
  const d = through(points);
  const [x, y] = points[0];
  return path(d, { fill: "none", stroke: pal.metal, "stroke-width": 4.5, "stroke-dasharray": "1.6 1.6" }) +
    el("rect", { x: x - 3.5, y: y + 2, width: 7, height: 17, rx: 2.5, fill: pal.metal, stroke: pal.line, "stroke-width": 1.2 });
}

/** Where the waist sits: the waistband's top edge, its depth, half-width, the drawing scale and side edge. */
export interface WaistFrame {
  top: number;
  wb: number;
  waist: number;
  s: number;
  /** Half-width of the garment (offset from the centre front) at height y. */
  outer(y: number): number;
}

export function waistbandPiece(f: WaistFrame): FabricPiece {
  const y1 = f.top + f.wb;
  return { d: symPath([0, f.top], [L(f.waist, f.top), L(f.outer(y1) + 1, y1), L(0, y1)]), shade: "gH" };
}

/** Topstitching along the waistband's upper and lower edges. */
export function waistbandStitch(f: WaistFrame, ink: Inks): string {
  const rows = [f.top + 5 * f.s, f.top + f.wb - 5 * f.s];
  return rows.map((y) => ink.stitch(`M${n(CX - f.outer(y) + 7)} ${n(y)}H${n(CX + f.outer(y) - 7)}`)).join("");
}

/** Belt loops at the given offsets from the centre front, on both sides. */
export function beltLoopPieces(f: WaistFrame, offsets: number[]): FabricPiece[] {
  const w = 6.5 * f.s, y0 = f.top - 4 * f.s, y1 = f.top + f.wb + 9 * f.s;
  return offsets.flatMap((off) => [CX - off, CX + off]).map((x) => ({
    d: `M${n(x - w)} ${n(y0)}H${n(x + w)}V${n(y1)}H${n(x - w)}Z`, shade: "none" as const, line: 0.6,
  }));
}

/** The topstitched J of a fly front, on the wearer's left, ending in the crotch seam at flyEnd. */
export function flyStitch(f: WaistFrame, flyEnd: number, crotchY: number, ink: Inks, rows: number): string {
  const s = f.s, y0 = f.top + f.wb;
  let out = ink.seam(`M${n(CX)} ${n(y0)}V${n(crotchY)}`);
  for (let k = 0; k < rows; k++) {
    const x = CX + (32 - 6 * k) * s, yEnd = flyEnd - 6 * k * s, r = (30 - 5 * k) * s;
    out += ink.stitch(segPath([x, y0 + 3], [L(x, yEnd - r), C(x, yEnd - r * 0.3, x - r * 0.55, yEnd, CX + 1, yEnd + 3 * s)]));
  }
  return out;
}

/**
 * The denim front: double-stitched fly, scooped front pockets with rivets at their corners, and the coin
 * pocket on the wearer's right. `flyEnd` is where the fly's J meets the centre seam, which runs on to `crotchY`.
 */
export function denimFront(f: WaistFrame, flyEnd: number, crotchY: number, pal: Palette, ink: Inks): string {
  const s = f.s, y0 = f.top + f.wb, yP = y0 + 88 * s;
  const p0: P = [CX + f.waist * 0.56, y0];
  const p1: P = [CX + f.outer(yP), yP];
  let out = flyStitch(f, flyEnd, crotchY, ink, 2);
  out += pair(p0, [C(p0[0] + 6 * s, y0 + 55 * s, p1[0] - 55 * s, yP - 4 * s, p1[0], p1[1])]).map((d) => ink.edge(d)).join("");
  const inset: P = [p0[0] - 7 * s, y0];
  out += pair(inset, [C(inset[0] + 6 * s, y0 + 62 * s, p1[0] - 60 * s, yP + 4 * s, p1[0] - 1, yP + 7 * s)]).map(ink.stitch).join("");
  for (const side of [1, -1]) {
    out += rivet(pal, CX + side * (p0[0] - CX - 4 * s), y0 + 7 * s) + rivet(pal, CX + side * (p1[0] - CX - 9 * s), yP + 4 * s);
  }
  // The coin pocket sits in the right pocket's facing, between the pocket mouth and the side seam.
  const cx0 = CX - f.waist * 0.96, cx1 = CX - f.waist * 0.69, cy0 = y0 + 5 * s, cy1 = y0 + 44 * s;
  out += ink.edge(`M${n(cx0)} ${n(cy0)}H${n(cx1)}V${n(cy1)}H${n(cx0)}Z`, 1.8);
  out += ink.stitch(`M${n(cx0 + 3)} ${n(cy0 + 5 * s)}H${n(cx1 - 3)}`);
  return out;
}

/** Slanted side pockets: the mouth from the waistband to the side seam, with an optional topstitch row. */
export function slantPockets(f: WaistFrame, ink: Inks, stitched: boolean): string {
  const s = f.s, y0 = f.top + f.wb, yP = y0 + 96 * s;
  const p0: P = [CX + f.waist * 0.62, y0];
  const p1: P = [CX + f.outer(yP) - 1, yP];
  let out = pair(p0, [L(p1[0], p1[1])]).map((d) => ink.edge(d)).join("");
  if (stitched) out += pair([p0[0] - 7 * s, y0 + 2], [L(p1[0] - 2, p1[1] + 9 * s)]).map(ink.stitch).join("");
  return out;
}
