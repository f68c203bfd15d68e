// Shared construction for the upper-body flats (tops, dresses, jumpsuits, outerwear): a body figure per fit,
// necklines, sleeves angled down-and-out from the shoulder, the body outline, detail pens, and the fit of the
// finished drawing to the canvas. Everything is drawn in "body space" (neck point at y = 0, centre line at
// x = CX, roughly life-proportioned) and scaled onto the canvas at the end, so a maxi dress and a tee share
// one set of measurements.
import type { Palette } from "./colour";
import type { FabricPiece, GarmentDrawing } from "./garment";
import { C, CX, L, mirrorSegs, n, path, circle, Q, segPath, SIZE, symPath, type Box, type P, type Seg } from "./svg";

// ---- Figure: where shoulders, armholes, waist and hips sit for each fit ----------------------------------

export interface Figure {
  nw: number; shX: number; shY: number; armX: number; armY: number;
  waistX: number; waistY: number; hipX: number; hipY: number; fit: string;
}

const FITS: Record<string, [shX: number, shY: number, armX: number, armY: number, waistX: number, hipX: number]> = {
  fitted: [136, 26, 126, 176, 104, 128],
  regular: [150, 26, 142, 188, 136, 148],
  loose: [164, 30, 160, 204, 166, 176],
  // Oversized: the shoulder seam drops onto the arm and the body hangs boxy.
  oversized: [206, 56, 200, 248, 204, 210],
};

/** `ease` widens everything for garments worn over others (coats, jackets). */
export function figure(fit = "regular", ease = 0): Figure {
  const [shX, shY, armX, armY, waistX, hipX] = FITS[fit] ?? FITS.regular;
  return { nw: 58 + ease * 0.3, shX: shX + ease, shY, armX: armX + ease, armY: armY + ease * 0.6, waistX: waistX + ease, waistY: 340, hipX: hipX + ease, hipY: 480, fit };
}

// ---- Sleeves ----------------------------------------------------------------------------------------------

/** Angle from vertical (degrees), length and cuff width (body units) per sleeve length. */
const SLEEVES: Record<string, [angle: number, len: number, cuff: number]> = {
  short: [52, 165, 0],
  elbow: [42, 300, 92],
  three_quarter: [36, 420, 80],
  long: [31, 545, 68],
};

/** The right sleeve: shoulder point S, underarm point A, direction u, inward normal nrm, end points E (outer), I (inner). */
export interface Sleeve { S: P; A: P; u: P; nrm: P; len: number; E: P; I: P }

export function sleeveOf(kind: string | undefined, f: Figure, o: { wide?: number; shift?: P; lenAdd?: number } = {}): Sleeve | null {
  const spec = SLEEVES[kind ?? ""];
  if (!spec) return null;
  const [angle, baseLen, baseCuff] = spec;
  const a = (angle * Math.PI) / 180;
  const u: P = [Math.sin(a), Math.cos(a)];
  const nrm: P = [-Math.cos(a), Math.sin(a)];
  const S: P = [CX + f.shX + (o.shift?.[0] ?? 0), f.shY + (o.shift?.[1] ?? 0)];
  const A: P = [CX + f.armX, f.armY];
  // A dropped shoulder already covers part of the arm, so the sleeve itself is shorter.
  const len = baseLen - (f.fit === "oversized" ? 45 : 0) + (o.lenAdd ?? 0);
  const w0 = (A[0] - S[0]) * nrm[0] + (A[1] - S[1]) * nrm[1];
  const fitBonus = { fitted: -6, regular: 0, loose: 10, oversized: 22 }[f.fit] ?? 0;
  const cuff = (baseCuff ? baseCuff + fitBonus : w0 * 0.86) + (o.wide ?? 0);
  const E = at(S, u, len);
  return { S, A, u, nrm, len, E, I: at(E, nrm, cuff) };
}

const at = (p: P, v: P, t: number): P => [p[0] + v[0] * t, p[1] + v[1] * t];

/** A band across the sleeve `back` units up from its end: the outer and the inner point. */
export function acrossSleeve(s: Sleeve, back: number): [P, P] {
  const under = dist(s.I, s.A);
  const tIn = Math.min(1, back / under);
  return [at(s.E, s.u, -back), [s.I[0] + (s.A[0] - s.I[0]) * tIn, s.I[1] + (s.A[1] - s.I[1]) * tIn]];
}

const dist = (a: P, b: P) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * Both sleeve pieces. Attached sleeves close inside the body (which covers the armhole); a detached sleeve
 * (strapless and halter designs) starts lower on the arm with its own elastic top.
 */
export function sleevePieces(s: Sleeve, detached = false): FabricPiece[] {
  let start: P, segs: Seg[];
  const bulge = (a: P, b: P): Seg => Q((a[0] + b[0]) / 2 - s.nrm[0] * 10, (a[1] + b[1]) / 2 - s.nrm[1] * 10, b[0], b[1]);
  if (detached) {
    const [o, i] = acrossSleeve(s, s.len - 70);
    start = o;
    segs = [bulge(o, s.E), L(...s.I), L(...i)];
  } else {
    start = s.S;
    segs = [bulge(s.S, s.E), L(...s.I), L(...s.A), L(s.A[0] - 60, (s.S[1] + s.A[1]) / 2)];
  }
  const left = mirrorSegs(start, segs);
  return [segPath(start, segs, true), segPath(left.start, left.segs, true)].map((d) => ({ d, shade: "gH" as const }));
}

// ---- Necklines and the body outline --------------------------------------------------------------------

/** The right half of a neckline, from the centre front up to the neck point (offsets from the centre line). */
export function neckCurve(kind: string, nw: number, extra = 0): { start: P; segs: Seg[]; depth: number; x: number } {
  const e = extra;
  switch (kind) {
    case "scoop": { const x = nw + 24 + e * 0.8, d = 112 + e; return { start: [0, d], segs: [C(x * 0.72, d, x, 56, x, e * 0.3)], depth: d, x }; }
    case "v_neck": { const x = nw + 4 + e * 0.8, d = 138 + e * 1.6; return { start: [0, d], segs: [Q(x * 0.5, d * 0.5 - 4, x, e * 0.3)], depth: d, x }; }
    case "hooded": { const x = nw + 8, d = 92 + e; return { start: [0, d], segs: [Q(x * 0.45, 40 + e, x + e * 0.8, e * 0.3)], depth: d, x }; }
    case "turtleneck": { const x = nw, d = 26; return { start: [0, d], segs: [C(x * 0.6, d, x, 10, x, 0)], depth: d, x }; }
    case "collared": { const x = nw, d = 58; return { start: [0, d], segs: [C(x * 0.5, d, x, 20, x, 0)], depth: d, x }; }
    default: { const x = nw + e * 0.8, d = 46 + e; return { start: [0, d], segs: [C(x * 0.62, d, x, 22 + e * 0.3, x, e * 0.3)], depth: d, x }; }
  }
}

export interface TopCut { start: P; segs: Seg[]; arm: P; depth: number; neckX: number }

/**
 * The right half of a bodice top down to the underarm: neckline, shoulder and armhole, or for strapless,
 * off-shoulder and halter designs the whole top edge. `strap` narrows the shoulder of sleeveless pieces;
 * `breakY` makes a lapel V (outerwear).
 */
export function topCut(neckline: string, f: Figure, o: { sleeveless: boolean; strap?: number; breakY?: number; breakX?: number }): TopCut {
  if (neckline === "strapless") {
    const y = f.armY - 24;
    return { start: [0, y], segs: [C(38, y - 18, 76, y - 20, f.armX - 34, y - 6), Q(f.armX - 8, y - 2, f.armX - 6, f.armY - 4)], arm: [f.armX - 6, f.armY - 4], depth: y, neckX: 0 };
  }
  if (neckline === "off_shoulder") {
    const y = f.shY + 62;
    return { start: [0, y], segs: [L(f.armX + 4, y), L(f.armX, f.armY)], arm: [f.armX, f.armY], depth: y, neckX: 0 };
  }
  if (neckline === "halter") {
    const x = f.nw * 0.5;
    return {
      start: [0, 128],
      segs: [Q(10, 50, x, 4), L(x + 30, 8), C(x + 44, 80, f.armX - 40, f.armY - 34, f.armX - 8, f.armY + 10)],
      arm: [f.armX - 8, f.armY + 10], depth: 128, neckX: x,
    };
  }
  const neck = o.breakY !== undefined
    ? { start: [0, o.breakY + 1] as P, segs: [L(o.breakX ?? 0, o.breakY), L(f.nw + 2, 0)], depth: o.breakY, x: f.nw + 2 }
    : neckCurve(neckline, f.nw);
  const segs = [...neck.segs];
  if (o.sleeveless) {
    // Cut-in armhole: the shoulder ends `strap` out from the neck and the armhole curves deep under it.
    const sx = Math.min(f.shX - 10, neck.x + (o.strap ?? 60));
    const sy = f.shY * ((sx - neck.x) / (f.shX - neck.x));
    const arm: P = [f.armX - 4, f.armY + 12];
    segs.push(L(sx, sy), C(sx + 4, sy + 80, arm[0] - 38, arm[1] - 8, arm[0], arm[1]));
    return { start: neck.start, segs, arm, depth: neck.depth, neckX: neck.x };
  }
  segs.push(L(f.shX, f.shY), C(f.shX - 6, f.shY + 70, f.armX + 2, f.armY - 56, f.armX, f.armY));
  return { start: neck.start, segs, arm: [f.armX, f.armY], depth: neck.depth, neckX: neck.x };
}

/** Side seam from the underarm to the hem, through the waist when the piece is long enough to have one. */
export function sideSegs(arm: P, f: Figure, hem: P, waistX = f.waistX): Seg[] {
  const [hx, hy] = hem;
  if (hy - arm[1] < 220) return [C(arm[0], arm[1] + (hy - arm[1]) * 0.4, hx, hy - (hy - arm[1]) * 0.3, hx, hy)];
  return [
    C(arm[0] + 1, arm[1] + 60, waistX, f.waistY - 90, waistX, f.waistY),
    C(waistX, f.waistY + Math.min(80, (hy - f.waistY) * 0.4), hx, hy - Math.min(80, (hy - f.waistY) * 0.4), hx, hy),
  ];
}

/** A hem back to the centre line, dipping `dip` at the centre (shirt tails, skirt sweep). */
export const hemSeg = ([hx, hy]: P, dip = 0): Seg => Q(hx * 0.55, hy + dip, 0, hy + dip);

/** The inside of the back neck seen through the front neckline. */
export function backNeck(neckX: number, depth: number, backY = 14): FabricPiece {
  return { d: symPath([0, backY], [Q(neckX * 0.6, backY - 2, neckX, 0), L(neckX, depth + 12), L(0, depth + 12)]), tone: "deep", printed: false, shade: "none" };
}

// ---- Detail pens: strokes keep their canvas width whatever the drawing's scale ---------------------------

export interface Pen { pal: Palette; k: number }

const w = (p: Pen, px: number) => n(px / p.k);
export const seam = (p: Pen, d: string, px = 2) =>
  path(d, { fill: "none", stroke: p.pal.seam, "stroke-width": w(p, px), "stroke-linecap": "round", "stroke-linejoin": "round" });
export const stitch = (p: Pen, d: string, colour = p.pal.stitch) =>
  path(d, { fill: "none", stroke: colour, "stroke-width": w(p, 1.6), "stroke-dasharray": `${w(p, 6)} ${w(p, 5)}` });
export const fold = (p: Pen, d: string, opacity = 0.16) =>
  path(d, { fill: "none", stroke: "#000", "stroke-opacity": opacity, "stroke-width": w(p, 2.6), "stroke-linecap": "round" });
export const outline = (p: Pen, d: string, fill = "none") =>
  path(d, { fill, stroke: p.pal.line, "stroke-width": w(p, 2.4), "stroke-linejoin": "round" });

/** A sewn button with two holes. */
export function button(p: Pen, x: number, y: number, r: number, fill = p.pal.light): string {
  return circle(x, y, r, { fill, stroke: p.pal.line, "stroke-width": w(p, 1.6) }) +
    circle(x - r * 0.32, y, r * 0.16, { fill: p.pal.line }) + circle(x + r * 0.32, y, r * 0.16, { fill: p.pal.line });
}

/** A metal zip: tape line and teeth along a path of points. */
export function zip(p: Pen, pts: P[]): string {
  const d = `M${pts.map(([x, y]) => `${n(x)} ${n(y)}`).join("L")}`;
  return path(d, { fill: "none", stroke: p.pal.metal, "stroke-width": w(p, 5), "stroke-dasharray": `${w(p, 2.4)} ${w(p, 2.4)}` }) +
    path(d, { fill: "none", stroke: p.pal.line, "stroke-width": w(p, 1.2), "stroke-opacity": 0.6 });
}

/** Short parallel lines across a rib band (cuffs, hems, neckbands), between two edges given as point pairs. */
export function ribLines(p: Pen, from: [P, P], to: [P, P], count: number): string {
  let d = "";
  for (let i = 1; i < count; i++) {
    const t = i / count;
    const a: P = [from[0][0] + (from[1][0] - from[0][0]) * t, from[0][1] + (from[1][1] - from[0][1]) * t];
    const b: P = [to[0][0] + (to[1][0] - to[0][0]) * t, to[0][1] + (to[1][1] - to[0][1]) * t];
    d += `M${n(a[0])} ${n(a[1])}L${n(b[0])} ${n(b[1])}`;
  }
  return path(d, { fill: "none", stroke: p.pal.seam, "stroke-opacity": 0.55, "stroke-width": w(p, 1.3) });
}

/** One "x y" coordinate pair in a path written by svg.ts (absolute M/L/Q/C commands only). */
const PAIR = /(-?\d*\.?\d+) (-?\d*\.?\d+)/g;

/** Mirrors an absolute-coordinate detail path about the centre line: M/L/Q/C pairs only. */
export function mirrorD(d: string): string {
  return d.replace(PAIR, (_, x: string, y: string) => `${n(2 * CX - Number(x))} ${y}`);
}
export const both = (d: string) => d + mirrorD(d);

/** An absolute path from offsets (right half) — handy for details given relative to the centre line. */
export function offD(start: P, segs: Seg[]): string {
  const abs = (p: P): P => [CX + p[0], p[1]];
  return segPath(abs(start), segs.map((s) => ({ to: abs(s.to), c1: s.c1 && abs(s.c1), c2: s.c2 && abs(s.c2) })));
}

// ---- Fitting the body-space drawing onto the canvas -------------------------------------------------------

export interface Frame { k: number; ty: number }

function boxOfD(ds: string[]): Box {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const d of ds) {
    const v = d.match(/-?\d*\.?\d+/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < v.length; i += 2) {
      box.x0 = Math.min(box.x0, v[i]); box.x1 = Math.max(box.x1, v[i]);
      box.y0 = Math.min(box.y0, v[i + 1]); box.y1 = Math.max(box.y1, v[i + 1]);
    }
  }
  return box;
}

/** Scale so the garment fills `heightFrac` of the canvas height (or 86% of its width, whichever binds). */
export function frameOf(pieces: FabricPiece[], heightFrac: number): Frame {
  const b = boxOfD(pieces.map((p) => p.d));
  const k = Math.min((heightFrac * SIZE) / (b.y1 - b.y0), (0.86 * SIZE) / Math.max(b.x1 - CX, CX - b.x0) / 2);
  return { k, ty: 500 - (k * (b.y0 + b.y1)) / 2 };
}

const mapPt = (f: Frame, x: number, y: number): P => [CX + (x - CX) * f.k, f.ty + y * f.k];
const mapBox = (f: Frame, b: Box): Box => {
  const [x0, y0] = mapPt(f, b.x0, b.y0), [x1, y1] = mapPt(f, b.x1, b.y1);
  return { x0, y0, x1, y1 };
};

/** The finished drawing: pieces and boxes moved onto the canvas, details wrapped in the same transform. */
export function place(f: Frame, g: { pieces: FabricPiece[]; details: string; printArea?: Box; verticalStripes?: boolean }): GarmentDrawing {
  const pieces = g.pieces.map((p) => ({
    ...p,
    d: p.d.replace(PAIR, (_, x: string, y: string) => mapPt(f, Number(x), Number(y)).map(n).join(" ")),
  }));
  return {
    pieces,
    details: `<g transform="translate(${n(CX - CX * f.k)} ${n(f.ty)}) scale(${f.k.toFixed(4)})">${g.details}</g>`,
    printArea: g.printArea && mapBox(f, g.printArea),
    verticalStripes: g.verticalStripes,
    bounds: boxOfD(pieces.map((p) => p.d)),
  };
}
