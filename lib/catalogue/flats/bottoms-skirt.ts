// The skirt flat. The waistband always sits at the same height, so the five lengths read from the hem alone
// (upper thigh, mid-thigh, knee, calf, ankle); fit reads from the flare: a pencil that narrows to the hem,
// an A-line, a full pleated or gathered skirt, and a very full one that falls in deep folds.
import type { Palette } from "./colour";
import type { DrawGarment, FabricPiece } from "./garment";
import { chance, range, type Rng } from "./rng";
import { C, CX, L, n, type P, path, Q, type Seg, segPath, symPath } from "./svg";
import {
  beltLoopPieces, clamp01, curveThrough, denimFront, type Fit, fitOf, hermite, type Inks, inks, sewnButton, shankButton,
  type WaistFrame, waistbandPiece, waistbandStitch, zip,
} from "./bottoms-parts";

const TOP = 130;
const WAIST = 136;
const WB = 30;
const HIP_DROP = 150;
/** Hem heights below the waistband's top edge. */
const HEM: Record<string, number> = { mini: 250, above_knee: 345, knee: 470, midi: 620, maxi: 775 };

/**
 * Half-width at the hip; how fast the skirt widens leaving the waist and below the hip (px per px); and the
 * width a long full skirt settles towards, so a maxi spreads without running off the canvas.
 */
const FLARE: Record<Fit, { hip: number; waistSlope: number; slope: number; cap: number }> = {
  fitted: { hip: 170, waistSlope: 0.45, slope: -0.035, cap: 170 },
  regular: { hip: 180, waistSlope: 0.4, slope: 0.24, cap: 360 },
  loose: { hip: 206, waistSlope: 0.5, slope: 0.52, cap: 400 },
  oversized: { hip: 232, waistSlope: 0.6, slope: 0.8, cap: 450 },
};

type Fullness = "plain" | "pleated" | "gathered";

interface SkirtFrame extends WaistFrame {
  hipY: number;
  hemY: number;
  /** How far the hem's middle dips below its ends (a flared hem curves round the body). */
  bow: number;
  /** Hem folds: the x offsets where the hem's scallops meet, outermost first, and their depth. */
  cusps: number[];
  amp: number;
}

function skirtFrame(fit: Fit, hemUnits: number, fullness: Fullness): SkirtFrame {
  const g = FLARE[fit];
  const hipY = TOP + HIP_DROP, hemY = TOP + hemUnits;
  // Waist to hip: a Hermite curve that leaves the hip at the skirt's own slope, so the flare has no shoulder.
  // Below the hip: the slope eases off towards the cap rather than hitting it.
  const room = g.cap - g.hip;
  const flared = (y: number) => g.slope <= 0 ? Math.max(140, g.hip + g.slope * (y - hipY)) : g.hip + room * (1 - Math.exp((-g.slope * (y - hipY)) / room));
  const outer = (y: number) => (y < hipY ? hermite(clamp01((y - TOP) / HIP_DROP), HIP_DROP, WAIST, g.waistSlope, g.hip, g.slope) : flared(y));
  const hemHalf = outer(hemY);
  const perSide = fullness === "pleated" ? (fit === "oversized" ? 7 : 6) : fullness === "gathered" ? (fit === "oversized" ? 4 : 3) : 0;
  const cusps = Array.from({ length: perSide + 1 }, (_, i) => hemHalf * (1 - i / perSide)).filter(() => perSide > 0);
  const amp = fullness === "pleated" ? 6 : fit === "oversized" ? 18 : 14;
  return { top: TOP, wb: WB, waist: WAIST, s: 1, outer, hipY, hemY, bow: fit === "fitted" ? 3 : 10, cusps, amp };
}

function skirtOutline(f: SkirtFrame): string {
  const ys = [TOP, TOP + HIP_DROP * 0.5, ...steps(f.hipY, f.hemY)].filter((y) => y <= f.hemY);
  const side = curveThrough(ys.map((y): P => [f.outer(y), y]));
  const hemHalf = f.outer(f.hemY);
  let hem: Seg[];
  if (f.cusps.length) {
    // Scalloped hem: each fold's rounded bottom hangs between two cusps.
    hem = f.cusps.slice(1).map((x, i) => Q((x + f.cusps[i]) / 2, f.hemY + 2 * f.amp, x, f.hemY));
  } else {
    hem = [Q(hemHalf * 0.5, f.hemY + f.bow, 0, f.hemY + f.bow)];
  }
  return symPath([0, TOP], [L(WAIST, TOP), ...side, ...hem]);
}

function steps(a: number, b: number): number[] {
  const count = Math.max(1, Math.ceil((b - a) / 110));
  return Array.from({ length: count + 1 }, (_, i) => a + ((b - a) * i) / count);
}

/** The inside of the skirt's back, glimpsed under the front hem and between its folds. */
function hemOpening(f: SkirtFrame): FabricPiece {
  const half = f.outer(f.hemY) - 5, y = f.hemY - 30;
  const low = f.hemY + (f.cusps.length ? f.amp * 1.5 : f.bow * 2 + 14);
  return { d: `M${n(CX - half)} ${n(y)}H${n(CX + half)}L${n(CX + half)} ${n(f.hemY - 2)}Q${n(CX)} ${n(low)} ${n(CX - half)} ${n(f.hemY - 2)}Z`, tone: "deep", printed: false, shade: "none", line: 0.7 };
}

/** Knife or box pleats: a pressed edge from the waistband down to each cusp, stitched flat over the hip. */
function pleatLines(f: SkirtFrame, ink: Inks): string {
  const y0 = TOP + WB, inner = f.outer(y0) - 6, hemHalf = f.outer(f.hemY);
  let out = "";
  for (const x of f.cusps.slice(1, -1)) {
    for (const side of [1, -1]) {
      const xt = CX + side * x * (inner / hemHalf), xb = CX + side * x;
      out += ink.edge(`M${n(xt)} ${n(y0)}L${n(xb)} ${n(f.hemY)}`, 1.6);
      out += ink.stitch(`M${n(xt + side * 4)} ${n(y0 + 3)}L${n(xt + side * 4 + (xb - xt) * 0.08)} ${n(y0 + 58)}`);
    }
  }
  return out;
}

/** Gathers: a ripple of short pulls under the waistband, and deep folds falling to each cusp. */
function gatherLines(f: SkirtFrame, ink: Inks, rng: Rng): string {
  const y0 = TOP + WB, inner = f.outer(y0) - 8, hemHalf = f.outer(f.hemY);
  let out = "";
  for (let x = -inner + 8; x < inner - 6; x += 15) {
    out += ink.fold(`M${n(CX + x)} ${n(y0 + 2)}l${n(range(rng, -2, 2))} ${n(range(rng, 12, 24))}`, 1.1);
  }
  for (const x of f.cusps.slice(1, -1)) {
    for (const side of [1, -1]) {
      const xt = CX + side * x * (inner / hemHalf) * 0.9, xb = CX + side * x;
      const ym = (y0 + f.hemY) / 2 + range(rng, -20, 20);
      out += ink.fold(segPath([xt, y0 + 14], [C(xt, ym, xb, ym, xb, f.hemY - 2)]), 1.5);
    }
  }
  return out;
}

/** A flat-fronted skirt's shaping: waist darts, and soft flare folds on an A-line. */
function plainShaping(f: SkirtFrame, fit: Fit, ink: Inks, rng: Rng, darts: boolean): string {
  let out = "";
  for (const side of [1, -1]) {
    const x = CX + side * WAIST * 0.5;
    if (darts) out += ink.seam(`M${n(x)} ${n(TOP + WB)}L${n(x + side * 3)} ${n(TOP + WB + 72)}`, 1.6);
    if (fit === "regular" && f.hemY - f.hipY > 60) {
      for (const t of [0.45, 0.78]) {
        const xb = CX + side * (f.outer(f.hemY) * t + range(rng, -10, 10));
        const xt = CX + side * (f.outer(f.hipY) * t * 0.8);
        out += ink.fold(segPath([xt, f.hipY - 10], [Q(xt + side * 4, (f.hipY + f.hemY) / 2, xb, f.hemY + f.bow * t - 4)]));
      }
    }
  }
  return out;
}

/** A vent at the hem of a pencil skirt, centre front or over one thigh. */
function slit(f: SkirtFrame, pal: Palette, ink: Inks, x: number): string {
  const h = Math.min(110, (f.hemY - f.hipY) * 0.35), y = f.hemY + f.bow - 1;
  return path(`M${n(x - 7)} ${n(y)}L${n(x)} ${n(y - h)}L${n(x + 7)} ${n(y)}Z`, { fill: pal.deep, stroke: pal.line, "stroke-width": 2, "stroke-linejoin": "round" }) +
    ink.stitch(`M${n(x - 12)} ${n(y - 6)}L${n(x - 4)} ${n(y - h - 6)}M${n(x + 12)} ${n(y - 6)}L${n(x + 4)} ${n(y - h - 6)}`);
}

/** A button-through front: a placket down the centre and evenly spaced buttons. */
function buttonFront(f: SkirtFrame, pal: Palette, ink: Inks): string {
  const y0 = TOP + WB, y1 = f.hemY + (f.cusps.length ? 0 : f.bow);
  let out = ink.seam(`M${n(CX - 12)} ${n(y0)}V${n(y1)}M${n(CX + 12)} ${n(y0)}V${n(y1)}`, 1.6);
  const count = Math.max(3, Math.min(9, Math.round((y1 - y0 - 40) / 70)));
  const step = (y1 - y0 - 40) / count;
  for (let i = 0; i < count; i++) out += sewnButton(pal, CX, y0 + 24 + i * step, 7.5);
  return out;
}

export const drawSkirt: DrawGarment = (spec, pal, rng) => {
  const fit = fitOf(spec.attributes.fit);
  const denim = spec.attributes.material === "denim";
  const full = fit === "loose" || fit === "oversized";
  const fullness: Fullness = !full ? "plain" : chance(rng, 0.5) ? "pleated" : "gathered";
  const f = skirtFrame(fit, HEM[spec.attributes.length ?? "knee"] ?? HEM.knee, fullness);
  const ink = inks(pal);
  const closure = denim ? "fly" : chance(rng, 0.35) ? "buttons" : "zip";

  const pieces: FabricPiece[] = [
    ...(fit === "fitted" ? [] : [hemOpening(f)]),
    { d: skirtOutline(f), shade: "gH" },
    waistbandPiece(f),
    ...(denim ? beltLoopPieces(f, [WAIST - 20, WAIST * 0.5]) : []),
  ];

  let details = fullness === "pleated" ? pleatLines(f, ink) : fullness === "gathered" ? gatherLines(f, ink, rng) : plainShaping(f, fit, ink, rng, !denim);
  if (closure === "fly") details += denimFront(f, TOP + WB + 96, TOP + WB + 112, pal, ink);
  if (closure === "buttons") details += buttonFront(f, pal, ink);
  if (closure === "zip") {
    // A concealed zip in the left side seam, its pull just under the waistband.
    const ys = [TOP + WB + 2, TOP + WB + 60, TOP + WB + 118];
    details += zip(pal, ys.map((y): P => [CX + f.outer(y) - 9, y]));
  }
  if (fit === "fitted" && f.hemY - f.hipY > 120 && closure !== "buttons") {
    details += slit(f, pal, ink, chance(rng, 0.5) ? CX : CX - f.outer(f.hemY) * 0.45);
  }
  if (!f.cusps.length) {
    const y = f.hemY - 12, half = f.outer(y) - 6;
    const hemRow = `M${n(CX - half)} ${n(y)}Q${n(CX - half * 0.5)} ${n(y + f.bow)} ${n(CX)} ${n(y + f.bow)}Q${n(CX + half * 0.5)} ${n(y + f.bow)} ${n(CX + half)} ${n(y)}`;
    details += denim ? ink.stitch(hemRow) : ink.seam(hemRow, 1.2);
  }
  details += waistbandStitch(f, ink);
  details += closure === "fly" ? shankButton(pal, CX - 12, TOP + WB / 2, 8.5) : sewnButton(pal, CX + (closure === "buttons" ? 0 : WAIST - 34), TOP + WB / 2, 7);

  const hemHalf = f.outer(f.hemY);
  const bottom = f.hemY + (f.cusps.length ? f.amp : f.bow) + (fit === "fitted" ? 2 : 12);
  return {
    pieces,
    details,
    printArea: { x0: CX - 85, y0: TOP + WB + 28, x1: CX + 85, y1: Math.min(TOP + WB + 150, f.hemY - 20) },
    bounds: { x0: CX - hemHalf - 2, y0: TOP - 4, x1: CX + hemHalf + 2, y1: bottom },
  };
};
