// Fashion flats for the bottom slot: jeans, trousers and shorts (here) and skirts (bottoms-skirt.ts). Every
// pair is drawn from a waistband at a fixed height for its category, so length reads from where the hem
// falls, and fit from how wide the legs are cut: skinny, straight, wide or baggy.
import type { FlatSpec } from "../types";
import type { Palette } from "./colour";
import type { DrawGarment, FabricPiece, GarmentDrawing } from "./garment";
import { chance, range, type Rng } from "./rng";
import { CX, L, n, type P, path, Q, segPath, symPath } from "./svg";
import {
  beltLoopPieces, clamp01, curveThrough, denimFront, type Fit, fitOf, flyStitch, hermite, type Inks, inks, sewnButton,
  shankButton, slantPockets, through, type WaistFrame, waistbandPiece, waistbandStitch,
} from "./bottoms-parts";
import { drawSkirt } from "./bottoms-skirt";

/**
 * Leg cut per fit, in trouser units (x from the centre front): half-widths at the waist and hip, and each
 * leg's centre and width at the knee and at the ankle.
 */
const LEG_FITS: Record<Fit, { waist: number; hip: number; kneeC: number; kneeW: number; ankleC: number; ankleW: number }> = {
  fitted: { waist: 146, hip: 157, kneeC: 92, kneeW: 96, ankleC: 94, ankleW: 64 },
  regular: { waist: 148, hip: 163, kneeC: 100, kneeW: 118, ankleC: 104, ankleW: 104 },
  loose: { waist: 150, hip: 180, kneeC: 112, kneeW: 156, ankleC: 120, ankleW: 174 },
  oversized: { waist: 164, hip: 194, kneeC: 136, kneeW: 226, ankleC: 136, ankleW: 218 },
};

/** Heights below the waistband's top edge, in trouser units. */
const RISE = { wb: 34, hip: 150, crotch: 255, knee: 480, ankle: 785 };
/** Where a cropped (ankle-grazing) leg ends: clearly short of the full length. */
const CROPPED_HEM = 655;

interface LegFrame extends WaistFrame {
  hipY: number;
  crotchY: number;
  kneeY: number;
  hemY: number;
  inner(y: number): number;
}

function legFrame(fit: Fit, s: number, top: number, hemUnits: number, flare: number, split: number): LegFrame {
  const g = LEG_FITS[fit];
  const at = (u: number) => top + u * s;
  const hipY = at(RISE.hip), crotchY = at(RISE.crotch), kneeY = at(RISE.knee), ankleY = at(RISE.ankle), hemY = at(hemUnits);
  const lerpY = (y: number, y0: number, y1: number, a: number, b: number) => a + (b - a) * clamp01((y - y0) / (y1 - y0));
  const kneeOut = g.kneeC + g.kneeW / 2, kneeIn = g.kneeC - g.kneeW / 2;
  const ankleOut = g.ankleC + g.ankleW / 2, ankleIn = g.ankleC - g.ankleW / 2;
  const thighSlope = (kneeOut - g.hip) / (RISE.knee - RISE.hip);
  // Shorts flare a little from the hip down; `flare` is how much wider the leg opening gets at the hem.
  const flareAt = (y: number) => flare * clamp01((y - hipY) / Math.max(1, hemY - hipY));
  const outer = (y: number) => s * (flareAt(y) + (
    y < hipY ? hermite(clamp01((y - top) / (hipY - top)), RISE.hip, g.waist, 0.3, g.hip, thighSlope)
      : y < kneeY ? lerpY(y, hipY, kneeY, g.hip, kneeOut) : lerpY(y, kneeY, ankleY, kneeOut, ankleOut)));
  // The inseam leaves the crotch steeply, then runs straight to the knee and on to the ankle.
  // Shorts legs part further towards the hem (`split`), so even a mini reads as two legs, not a skirt.
  const inner = (y: number) => s * (split * clamp01((y - crotchY) / Math.max(1, hemY - crotchY)) + (y < kneeY ? 3 + (kneeIn - 3) * clamp01((y - crotchY) / (kneeY - crotchY)) ** 0.6
    : lerpY(y, kneeY, ankleY, kneeIn, ankleIn)));
  return { top, wb: RISE.wb * s, waist: g.waist * s, s, hipY, crotchY, kneeY, hemY, outer, inner };
}

/** Heights from a to b at most `step` apart, a and b included. */
function steps(a: number, b: number, step: number): number[] {
  const count = Math.max(1, Math.ceil(Math.abs(b - a) / step));
  return Array.from({ length: count + 1 }, (_, i) => a + ((b - a) * i) / count);
}

function legOutline(f: LegFrame): string {
  const outerYs = [f.top, (f.top + f.hipY) / 2, f.hipY, ...steps(f.crotchY, f.hemY, 95)];
  const innerYs = [...steps(f.hemY, f.crotchY + 24 * f.s, 95), f.crotchY];
  const outerPts: P[] = outerYs.map((y) => [f.outer(y), y]);
  const innerPts: P[] = innerYs.map((y) => [f.inner(y), y]);
  return symPath([0, f.top], [
    L(f.outer(f.top), f.top), ...curveThrough(outerPts), L(f.inner(f.hemY), f.hemY), ...curveThrough(innerPts), L(0, f.crotchY - 2 * f.s),
  ]);
}

/** A leg's centre and its inner and outer edge (absolute x) at height y, on one side. */
function legAt(f: LegFrame, side: number, y: number) {
  const i = CX + side * f.inner(y), o = CX + side * f.outer(y);
  return { i, o, c: (i + o) / 2, w: Math.abs(o - i) };
}

/** The inside of each leg opening, a dark sliver under the hem (painted first, so the leg covers its top). */
function legOpenings(f: LegFrame, below: number): FabricPiece[] {
  return [1, -1].map((side) => {
    const { i, o, c, w } = legAt(f, side, f.hemY);
    const y = f.hemY - 6, drop = below + 4 + w * 0.025;
    return { d: `M${n(i + side * 2)} ${n(y)}L${n(o - side * 2)} ${n(y)}Q${n(c)} ${n(f.hemY + 2 * drop)} ${n(i + side * 2)} ${n(y)}Z`, tone: "deep", printed: false, shade: "none", line: 0.7 };
  });
}

/** Turn-ups: a band of cloth folded up over each hem. */
function cuffPieces(f: LegFrame, height: number): FabricPiece[] {
  return [1, -1].map((side) => {
    const top = legAt(f, side, f.hemY - height), hem = legAt(f, side, f.hemY);
    const d = `M${n(top.i - side * 3)} ${n(f.hemY - height)}L${n(top.o + side * 4)} ${n(f.hemY - height)}L${n(hem.o + side * 4)} ${n(f.hemY + 2)}L${n(hem.i - side * 3)} ${n(f.hemY + 2)}Z`;
    return { d, shade: "gH" as const };
  });
}

/** A line across each leg at a height, inset from its edges (hem stitching, cuff seams). */
function acrossLegs(f: LegFrame, y: number, inset: number): string[] {
  return [1, -1].map((side) => {
    const { i, o } = legAt(f, side, y);
    return `M${n(i + side * inset)} ${n(y)}L${n(o - side * inset)} ${n(y)}`;
  });
}

/** Fold lines: pull at the crotch, bends at the knee for closer cuts, long drape down wide legs. */
function legFolds(f: LegFrame, fit: Fit, ink: Inks, rng: Rng): string {
  const s = f.s;
  let out = "";
  for (const side of [1, -1]) {
    const x = (off: number) => CX + side * off;
    if (f.hemY - f.crotchY > 80 * s) out += ink.fold(segPath([x(8 * s), f.crotchY + 10 * s], [Q(x(16 * s), f.crotchY + 34 * s, x(range(rng, 30, 40) * s), f.crotchY + range(rng, 56, 70) * s)]), 0.8);
    if ((fit === "fitted" || fit === "regular") && f.kneeY < f.hemY - 60) {
      for (let k = 0; k < 2; k++) {
        const y = f.kneeY + (k * 26 - 14 + range(rng, -6, 6)) * s;
        const { c, w } = legAt(f, side, y);
        out += ink.fold(segPath([c - side * w * 0.3, y + 4 * s], [Q(c, y - 6 * s, c + side * w * 0.28, y + 2 * s)]), 0.9);
      }
    }
    const yStart = f.crotchY + 20 * s, yEnd = f.hemY - 8 * s;
    if ((fit === "loose" || fit === "oversized") && yEnd - yStart > 90 * s) {
      const count = fit === "oversized" ? 3 : 2;
      for (let k = 0; k < count; k++) {
        const t = (k + 0.5) / count - 0.5;
        const a = legAt(f, side, yStart), b = legAt(f, side, yEnd), m = legAt(f, side, (yStart + yEnd) / 2);
        const pts: P[] = [[a.c + t * a.w * 0.5, yStart + k * (yEnd - yStart) * 0.08], [m.c + t * m.w * 0.65 + range(rng, -8, 8), (yStart + yEnd) / 2], [b.c + t * b.w * 0.72, yEnd]];
        out += ink.fold(through(pts), fit === "oversized" ? 1.25 : 1);
      }
      if (fit === "oversized" && f.hemY - f.kneeY > 150) {
        // The hem breaks over the foot: shallow stacked folds just above it.
        const { c, w } = legAt(f, side, f.hemY - 46 * s);
        out += ink.fold(segPath([c - w * 0.34, f.hemY - 40 * s], [Q(c, f.hemY - 62 * s, c + w * 0.34, f.hemY - 38 * s)]), 1.2);
      }
    }
  }
  return out;
}

/** Denim whiskers: pale worn creases fanning out from the fly onto the upper thighs. */
function whiskers(f: LegFrame, ink: Inks, rng: Rng): string {
  const s = f.s;
  let out = "";
  for (const side of [1, -1]) {
    for (let k = 0; k < 3; k++) {
      const y = f.crotchY - (12 + k * 18 + range(rng, -4, 4)) * s;
      const x0 = CX + side * (44 + k * 4) * s, x1 = CX + side * (92 + k * 10) * s;
      out += ink.highlight(segPath([x0, y + 6 * s], [Q((x0 + x1) / 2, y + 4 * s, x1, y - (8 + k * 4) * s)]), 0.8 - k * 0.15);
    }
  }
  return out;
}

/** The pressed crease down the middle of each leg, from the pleat or waistband to the hem. */
function creases(f: LegFrame, pal: Palette, ink: Inks): string {
  let out = "";
  for (const side of [1, -1]) {
    const ys = [f.crotchY + 30 * f.s, ...(f.kneeY < f.hemY - 60 ? [f.kneeY] : []), f.hemY - 3];
    const pts: P[] = [[CX + side * f.waist * 0.52, f.top + f.wb], ...ys.map((y): P => [legAt(f, side, y).c, y])];
    const ridge: P[] = pts.map(([x, y]) => [x + 2.5, y]);
    out += ink.highlight(through(ridge), 0.7) +
      path(through(pts), { fill: "none", stroke: pal.seam, "stroke-opacity": "0.6", "stroke-width": 1.5, "stroke-linecap": "round" });
  }
  return out;
}

/** Front pleats at the waist, folding towards the side seams, `count` per side. */
function pleats(f: LegFrame, ink: Inks, count: number): string {
  let out = "";
  for (const side of [1, -1]) {
    for (let k = 0; k < count; k++) {
      const x = CX + side * (f.waist * 0.52 + k * 24 * f.s), y0 = f.top + f.wb;
      out += ink.edge(segPath([x, y0], [Q(x + side * 2, y0 + 40 * f.s, x - side * 3, y0 + (72 - k * 16) * f.s)]), 1.8);
    }
  }
  return out;
}

type LegStyle = "denim" | "tailored" | "casual";

interface LegOptions {
  style: LegStyle;
  /** Drawing scale (1 = trousers) and the waistband's top edge. */
  s: number;
  top: number;
  /** The hem's height below the waist, in trouser units. */
  hemUnits: number;
  flare?: number;
  split?: number;
  cuff?: number;
  frayed?: boolean;
  crease?: boolean;
  pleats?: number;
  loops?: boolean;
}

function drawLegwear(spec: FlatSpec, pal: Palette, rng: Rng, o: LegOptions): GarmentDrawing {
  const fit = fitOf(spec.attributes.fit);
  const f = legFrame(fit, o.s, o.top, o.hemUnits, o.flare ?? 0, o.split ?? 0);
  const ink = inks(pal);
  const s = f.s, y0 = f.top + f.wb;
  const cuff = (o.cuff ?? 0) * s;

  const loopOffsets = o.loops === false ? [] : [f.waist - 20 * s, f.waist * 0.5];
  const pieces: FabricPiece[] = [
    ...legOpenings(f, cuff ? 3 : 0),
    { d: legOutline(f), shade: "gH" },
    ...(cuff ? cuffPieces(f, cuff) : []),
    waistbandPiece(f),
    ...beltLoopPieces(f, loopOffsets),
  ];

  const flyEnd = f.crotchY - 42 * s;
  let details = "";
  if (o.crease) details += creases(f, pal, ink);
  if (o.pleats) details += pleats(f, ink, o.pleats);
  details += legFolds(f, fit, ink, rng);
  if (o.style === "denim") {
    details += whiskers(f, ink, rng) + denimFront(f, flyEnd, f.crotchY - 4 * s, pal, ink);
    // Jeans inseams are felled: a topstitched row runs inside each inseam.
    for (const side of [1, -1]) {
      const ys = steps(f.crotchY + 16 * s, f.hemY - (cuff || 14 * s), 95);
      details += ink.stitch(through(ys.map((y): P => [CX + side * (f.inner(y) + 6), y])));
    }
  } else {
    details += flyStitch(f, flyEnd, f.crotchY - 4 * s, ink, 1) + slantPockets(f, ink, o.style === "casual");
  }
  details += o.style === "tailored" ? ink.seam(`M${n(CX - f.waist + 4)} ${n(y0)}H${n(CX + f.waist - 4)}`, 1.4) : waistbandStitch(f, ink);
  details += ink.seam(segPath([CX, f.top], [L(CX, y0)]), 1.4);
  details += o.style === "denim" ? shankButton(pal, CX - 12 * s, f.top + f.wb / 2, 8.5 * s) : sewnButton(pal, CX - 12 * s, f.top + f.wb / 2, 7.5 * s);
  details += hemFinish(f, o, ink, cuff);

  const thigh = legAt(f, -1, f.crotchY + 60 * s);
  const printTop = Math.min(f.crotchY + 10 * s, f.hemY - 120 * s);
  const maxHalf = Math.max(f.outer(f.hipY), f.outer(f.hemY)) + (cuff ? 4 : 0);
  return {
    pieces,
    details,
    printArea: { x0: thigh.c - 52 * s, y0: printTop, x1: thigh.c + 52 * s, y1: printTop + 104 * s },
    verticalStripes: true,
    bounds: { x0: CX - maxHalf, y0: f.top - 4, x1: CX + maxHalf, y1: f.hemY + 10 },
  };
}

/** Stitched hems, a seam along the top of each turn-up, or a frayed raw edge on cut-offs. */
function hemFinish(f: LegFrame, o: LegOptions, ink: Inks, cuff: number): string {
  if (o.frayed) {
    let fringe = "";
    for (const side of [1, -1]) {
      const { i, o: out } = legAt(f, side, f.hemY);
      for (let x = Math.min(i, out) + 5; x < Math.max(i, out) - 4; x += 7) fringe += `M${n(x)} ${n(f.hemY - 3)}l${n(((x * 7) % 5) - 2.5)} ${n(7 + ((x * 13) % 6))}`;
    }
    return ink.highlight(fringe, 1.3) + ink.seam(acrossLegs(f, f.hemY - 10 * f.s, 4).join(""), 1.2);
  }
  if (cuff) return acrossLegs(f, f.hemY - cuff + 7 * f.s, 5).map(ink.stitch).join("");
  if (o.style === "tailored") return acrossLegs(f, f.hemY - 16 * f.s, 5).map((d) => ink.seam(d, 1.2)).join("");
  return acrossLegs(f, f.hemY - 11 * f.s, 5).map(ink.stitch).join("");
}

const TROUSER_TOP = 118;
const legHem = (spec: FlatSpec) => (spec.attributes.length === "cropped" ? CROPPED_HEM : RISE.ankle);

const drawJeans: DrawGarment = (spec, pal, rng) => {
  const cropped = spec.attributes.length === "cropped";
  return drawLegwear(spec, pal, rng, { style: "denim", s: 1, top: TROUSER_TOP, hemUnits: legHem(spec), cuff: cropped && chance(rng, 0.5) ? 34 : 0 });
};

const drawTrousers: DrawGarment = (spec, pal, rng) => {
  const fit = fitOf(spec.attributes.fit);
  const material = spec.attributes.material;
  const cropped = spec.attributes.length === "cropped";
  return drawLegwear(spec, pal, rng, {
    style: "tailored", s: 1, top: TROUSER_TOP, hemUnits: legHem(spec),
    crease: material !== "leather" && material !== "satin",
    pleats: fit === "oversized" ? 2 : fit === "loose" ? 1 : 0,
    loops: chance(rng, 0.6),
    cuff: cropped && chance(rng, 0.35) ? 30 : 0,
  });
};

/** Shorts hems in trouser units below the waist: just under the crotch, mid-thigh, at the knee. */
const SHORTS_HEM: Record<string, number> = { mini: 302, above_knee: 375, knee: 468 };
const SHORTS_FLARE: Record<Fit, number> = { fitted: 0, regular: 6, loose: 12, oversized: 14 };

const drawShorts: DrawGarment = (spec, pal, rng) => {
  const denim = spec.attributes.material === "denim";
  const length = spec.attributes.length ?? "above_knee";
  const frayed = denim && length !== "knee" && chance(rng, 0.5);
  const cuff = !frayed && length !== "mini" && chance(rng, 0.4) ? 30 : 0;
  return drawLegwear(spec, pal, rng, {
    style: denim ? "denim" : "casual", s: 1.35, top: 160, hemUnits: SHORTS_HEM[length] ?? SHORTS_HEM.above_knee,
    flare: SHORTS_FLARE[fitOf(spec.attributes.fit)], split: 10, frayed, cuff,
  });
};

export const BOTTOM_DRAWERS: Record<string, DrawGarment> = {
  jeans: drawJeans,
  trousers: drawTrousers,
  shorts: drawShorts,
  skirt: drawSkirt,
};
