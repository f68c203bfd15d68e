// The shared top model for every upper-body drawer: a Top (figure, neckline cut, sleeves, hem), its layered
// pieces (hood and back neck behind, sleeves, body, collars in front), the neckline's own pieces, and the
// details every top shares (neck finishes, sleeve ends, hems, folds, plackets, zips, rib bands).
import { mix, type Palette } from "./colour";
import type { FabricPiece, GarmentDrawing } from "./garment";
import type { FlatSpec } from "../types";
import { range, type Rng } from "./rng";
import { C, CX, L, n, Q, symPath, type Box, type P } from "./svg";
import {
  acrossSleeve, backNeck, both, button, figure, fold, frameOf, hemSeg, neckCurve, offD, place, ribLines, seam, sideSegs,
  sleeveOf, sleevePieces, stitch, topCut, type Figure, type Pen, type Sleeve, type TopCut,
} from "./upper-parts";

// ---- The shared top model ---------------------------------------------------------------------------------

export interface Top {
  f: Figure; neckline: string; sleeveKind: string; sleeve: Sleeve | null; detached: boolean; cut: TopCut;
  /** Hem corner (offset x, body y) and the centre dip of the hem. */
  hem: P; dip: number;
}

export interface TopOptions { ease?: number; strap?: number; breakY?: number; breakX?: number; hemY: number; hemFlare?: number; dip?: number; wide?: number; neckline?: string }

export function topOf(spec: FlatSpec, o: TopOptions): Top {
  const a = spec.attributes;
  const f = figure(a.fit, o.ease);
  const neckline = o.neckline ?? a.neckline ?? "crew";
  const sleeveKind = a.sleeve ?? "long";
  // Off-shoulder sleeves hang from the band across the upper arm, not from the shoulder point.
  const shift: P | undefined = neckline === "off_shoulder" ? [14, 58] : undefined;
  const sleeve = sleeveOf(sleeveKind, f, { wide: o.wide, shift });
  const detached = Boolean(sleeve) && (neckline === "strapless" || neckline === "halter");
  const cut = topCut(neckline, f, { sleeveless: !sleeve || detached, strap: o.strap, breakY: o.breakY, breakX: o.breakX });
  const hx = f.hipX + (o.hemFlare ?? 0) * (o.hemY - f.hipY) / 100;
  return { f, neckline, sleeveKind, sleeve, detached, cut, hem: [Math.max(hx, f.waistX), o.hemY], dip: o.dip ?? 8 };
}

/** The full body outline of a top (neck to hem). */
export const bodyD = (t: Top, waistX?: number) => symPath(t.cut.start, [...t.cut.segs, ...sideSegs(t.cut.arm, t.f, t.hem, waistX), hemSeg(t.hem, t.dip)]);

/** The bodice down to the waist seam (dresses, jumpsuits). */
export const bodiceD = (t: Top) => symPath(t.cut.start, [...t.cut.segs, C(t.cut.arm[0], t.cut.arm[1] + 60, t.f.waistX, t.f.waistY - 80, t.f.waistX, t.f.waistY + 2), L(0, t.f.waistY + 2)]);

/** Back neck and sleeves (behind the body) and the neckline's own pieces behind and in front of it. */
export function topLayers(t: Top, body: FabricPiece, collarScale = 1): FabricPiece[] {
  const behind: FabricPiece[] = [];
  const front: FabricPiece[] = [];
  if (t.neckline === "hooded") behind.push(...hoodPieces(t.f));
  if (["crew", "scoop", "v_neck", "hooded", "collared", "turtleneck"].includes(t.neckline)) behind.push(backNeck(t.cut.neckX, t.cut.depth));
  if (t.neckline === "halter") behind.push(halterBand(t.f));
  if (t.neckline === "collared") front.push(...collarPieces(t.f, collarScale));
  if (t.neckline === "turtleneck") front.push(...turtleneckPieces(t.f));
  if (t.neckline === "off_shoulder") front.push(flouncePiece(t.f));
  const sleeves = t.sleeve ? sleevePieces(t.sleeve, t.detached) : [];
  return [...behind, ...sleeves, body, ...front];
}

// ---- Shared details ------------------------------------------------------------------------------------

/** Neck finish: a rib band (knits) or a stitched facing (wovens), plus the back neck seam. */
export function neckFinish(p: Pen, t: Top, rib: boolean): string {
  const kind = t.neckline;
  if (kind === "strapless" || kind === "off_shoulder" || kind === "halter") {
    return stitch(p, shiftY(both(offD(t.cut.start, t.cut.segs.slice(0, 1))), 10));
  }
  if (kind === "turtleneck") return turtleRib(p, t.f);
  if (kind === "hooded") return hoodRim(p, t.f);
  if (kind !== "crew" && kind !== "scoop" && kind !== "v_neck") return "";
  const band = neckCurve(kind, t.f.nw, rib ? 15 : 10);
  const line = both(offD(band.start, band.segs));
  const backLine = both(offD([0, 26], [Q(t.cut.neckX * 0.6, 22, t.cut.neckX, 12)]));
  return (rib ? seam(p, line) + stitch(p, backLine) : stitch(p, line)) + (kind === "v_neck" && rib ? seam(p, offD([0, band.depth], [L(0, t.cut.depth)])) : "");
}

/** Sleeve ends: a stitched hem, a buttoned cuff or a rib cuff. */
export function sleeveEnds(p: Pen, s: Sleeve | null, kind: "hem" | "cuff" | "rib"): string {
  if (!s) return "";
  const depth = kind === "hem" ? 14 : kind === "cuff" ? 48 : 42;
  const [o, i] = acrossSleeve(s, depth);
  let out = kind === "hem" ? stitch(p, both(`M${o.join(" ")}L${i.join(" ")}`)) : seam(p, both(`M${o.join(" ")}L${i.join(" ")}`));
  if (kind === "rib") out += ribLines(p, [o, i], [s.E, s.I], 9) + ribLines(p, [[2 * CX - o[0], o[1]], [2 * CX - i[0], i[1]]], [[2 * CX - s.E[0], s.E[1]], [2 * CX - s.I[0], s.I[1]]], 9);
  if (kind === "cuff") {
    const m: P = [(o[0] + s.E[0] + i[0] + s.I[0]) / 4, (o[1] + s.E[1] + i[1] + s.I[1]) / 4];
    out += button(p, m[0] + s.u[1] * 0, m[1], 6) + button(p, 2 * CX - m[0], m[1], 6);
  }
  return out;
}

/** A stitched hem line following the hem's dip. */
export const hemLine = (p: Pen, t: Top, up = 16) =>
  stitch(p, both(offD([t.hem[0] - 2, t.hem[1] - up], [Q(t.hem[0] * 0.55, t.hem[1] - up + t.dip, 0, t.hem[1] - up + t.dip)])));

/** Soft drape folds at the underarms and a couple down the body. */
export function bodyFolds(p: Pen, t: Top, rng: Rng, bottom = t.hem[1]): string {
  const [ax, ay] = t.cut.arm;
  let d = offD([ax - 6, ay + 14], [Q(ax - 30, ay + 40, ax - 60, ay + 52)]);
  const x = range(rng, 0.35, 0.6) * t.hem[0];
  d += offD([x, bottom - range(rng, 70, 120)], [Q(x + 6, bottom - 30, x - 4, bottom - 6)]);
  return fold(p, both(d));
}

/** A box on the chest, below the neckline, for a placed print. */
export function chestArea(t: Top): Box {
  const y0 = Math.max(t.cut.depth, t.neckline === "collared" ? 110 : 0) + 38;
  const half = Math.min(105, t.f.armX - 40);
  return { x0: CX - half, y0, x1: CX + half, y1: y0 + Math.min(170, t.f.waistY - y0 + 20) };
}

/** Finishes any drawing: fit the pieces to the canvas, then draw details with the matching pen. */
export function finish(pieces: FabricPiece[], pal: Palette, heightFrac: number, details: (p: Pen) => string, extra: { printArea?: Box; verticalStripes?: boolean } = {}): GarmentDrawing {
  const frame = frameOf(pieces, heightFrac);
  return place(frame, { pieces, details: details({ pal, k: frame.k }), ...extra });
}


// ---- Neckline pieces ------------------------------------------------------------------------------------

/** A shirt collar: the band around the back neck and two pointed leaves meeting at the top button. */
export function collarPieces(f: Figure, scale = 1): FabricPiece[] {
  const w = f.nw;
  const back: FabricPiece = { d: symPath([0, -18 * scale], [Q(w * 0.7, -19 * scale, w + 8, -6), L(w + 10, 12), Q(w * 0.6, 6, 0, 8)]), shade: "none" };
  const leaf = `M${CX + 3} 10Q${n(CX + w * 0.55)} -4 ${n(CX + w + 10)} -2Q${n(CX + w + 12 + 22 * scale)} ${n(40 * scale)} ${n(CX + w - 8 + 14 * scale)} ${n(96 * scale)}Q${n(CX + 30)} ${n(68 * scale)} ${CX + 3} ${n(52 * scale)}Z`;
  return [back, { d: mirrorPath(leaf), shade: "none" }, { d: leaf, shade: "none" }];
}

/** A turtleneck: a ribbed tube standing above the neckline with the opening at its top. */
export function turtleneckPieces(f: Figure): FabricPiece[] {
  const w = f.nw;
  return [
    { d: symPath([0, -66], [Q(w * 0.8, -68, w + 4, -62), L(w + 10, 12), Q(w * 0.6, 34, 0, 34)]), shade: "gH" },
    { d: symPath([0, -72], [Q(w * 0.78, -74, w, -63), Q(w * 0.7, -52, 0, -50)]), tone: "deep", printed: false, shade: "none" },
  ];
}

function turtleRib(p: Pen, f: Figure): string {
  const w = f.nw;
  return seam(p, offD([0, -8], [Q(w * 0.6, -8, w + 7, -16)]) + mirrorPath(offD([0, -8], [Q(w * 0.6, -8, w + 7, -16)]))) +
    ribLines(p, [[CX - w + 2, -60], [CX + w - 2, -60]], [[CX - w - 4, 10], [CX + w + 4, 10]], 12);
}

/** A hood lying up behind the neck: the outer shell and the inside of the opening. */
export function hoodPieces(f: Figure): FabricPiece[] {
  const w = f.nw;
  return [
    { d: symPath([0, -220], [C(w + 50, -220, w + 88, -132, w + 82, -50), C(w + 78, 0, w + 40, 22, w + 8, 24), L(0, 60)]), shade: "gH" },
    { d: symPath([0, -186], [C(w + 22, -186, w + 52, -118, w + 48, -50), C(w + 44, -4, w + 22, 44, 0, 96)]), tone: "deep", printed: false, shade: "none" },
  ];
}

const hoodRim = (p: Pen, f: Figure) => stitch(p, both(offD([0, -200], [C(f.nw + 34, -200, f.nw + 66, -124, f.nw + 62, -50), C(f.nw + 58, 0, f.nw + 30, 40, f.nw * 0.3, 80)])));

/** The off-shoulder band: a ruffle across both upper arms with a scalloped lower edge. */
export function flouncePiece(f: Figure): FabricPiece {
  const x = f.shX + 40, y0 = f.shY + 50, y1 = y0 + 74;
  const count = 8;
  let d = `M${n(CX - x)} ${y0}L${n(CX + x)} ${y0}L${n(CX + x + 4)} ${y1 - 8}`;
  for (let i = 1; i <= count; i++) {
    const xa = CX + x + 4 - ((2 * x + 8) * (i - 0.5)) / count, xb = CX + x + 4 - ((2 * x + 8) * i) / count;
    d += `Q${n(xa)} ${y1 + 16} ${n(xb)} ${i === count ? y1 - 8 : y1}`;
  }
  return { d: d + "Z", shade: "gV" };
}

/** The band of a halter neck, running round the back of the neck. */
export const halterBand = (f: Figure): FabricPiece =>
  ({ d: symPath([0, -16], [Q(f.nw * 0.5, -16, f.nw * 0.5 + 8, -4), L(f.nw * 0.5 + 6, 16), Q(f.nw * 0.4, 4, 0, 4)]), tone: "dark", shade: "none" });

/** A straight band piece (rib hem of a sweater or hoodie, a jacket waistband). */
export const bandPiece = (hx: number, y0: number, y1: number): FabricPiece =>
  ({ d: symPath([0, y0], [L(hx, y0), L(hx - 4, y1), L(0, y1)]), shade: "gH" });

/** A button placket down the centre front: its two edges, topstitching and evenly spaced buttons. */
export function placket(p: Pen, y0: number, y1: number, count: number, r: number, fill?: string): string {
  let out = seam(p, `M${CX - 15} ${n(y0)}L${CX - 15} ${n(y1)}M${CX + 15} ${n(y0)}L${CX + 15} ${n(y1)}`);
  const step = (y1 - y0 - 30) / Math.max(1, count - 1);
  for (let i = 0; i < count; i++) out += button(p, CX, y0 + 14 + i * step, r, fill);
  return out;
}

/** A centre-front zip with its pull. */
export function zipLine(p: Pen, y0: number, y1: number, x = CX): string {
  return `<path d="M${n(x)} ${n(y0)}L${n(x)} ${n(y1)}" stroke="${p.pal.metal}" stroke-width="${n(6 / p.k)}" stroke-dasharray="${n(2.5 / p.k)} ${n(2.5 / p.k)}"/>` +
    `<rect x="${n(x - 6)}" y="${n(y0)}" width="12" height="22" rx="3" fill="${p.pal.metal}" stroke="${p.pal.line}" stroke-width="${n(1.4 / p.k)}"/>`;
}

/** Rib cuffs: narrower bands at the sleeve ends, gathered in from the sleeve. */
export function cuffPieces(s: Sleeve, depth: number): FabricPiece[] {
  const [o, i] = acrossSleeve(s, depth);
  const pull: P = [s.nrm[0] * 6, s.nrm[1] * 6];
  const q = (a: P, sign: number) => `${n(a[0] + sign * pull[0])} ${n(a[1] + sign * pull[1])}`;
  const d = `M${q(o, 1)}L${q(s.E, 1)}L${q(s.I, -1)}L${q(i, -1)}Z`;
  return [{ d, shade: "gH" }, { d: mirrorPath(d), shade: "gH" }];
}

export function cuffRib(p: Pen, s: Sleeve, depth: number): string {
  const [o, i] = acrossSleeve(s, depth);
  return ribLines(p, [o, i], [s.E, s.I], 8) + ribLines(p, [mx(o), mx(i)], [mx(s.E), mx(s.I)], 8);
}

/** Rib lines across a straight band between y0 and y1 of half-width hx. */
export const bandRib = (p: Pen, hx: number, y0: number, y1: number) =>
  ribLines(p, [[CX - hx, y0], [CX + hx, y0]], [[CX - hx, y1], [CX + hx, y1]], Math.round(hx / 6));

const mx = (q: P): P => [2 * CX - q[0], q[1]];
const PAIR = /(-?\d*\.?\d+) (-?\d*\.?\d+)/g;
/** The mirror image of an absolute path about the centre line. */
export const mirrorPath = (d: string) => d.replace(PAIR, (_, x: string, y: string) => `${n(2 * CX - Number(x))} ${y}`);
/** The same absolute path moved down by dy (a parallel topstitch line). */
export const shiftY = (d: string, dy: number) => d.replace(PAIR, (_, x: string, y: string) => `${x} ${n(Number(y) + dy)}`);
