// Footwear flats, drawn in side profile as on a line sheet: one shoe large, sometimes its pair a step behind
// in shadow. The heel height is the attribute shoppers refine by, so every shoe stands on a last (shoe-last.ts)
// whose arch and heel are set by it: flat soles lie on the ground, low ones lift on a ≈3 cm block, mid on
// ≈6 cm, high on a ≈10 cm heel under a steep arch.
import { band, cubicPts, fold, metalLine, metalShape, rivet, seam, stitch, zipAlong } from "./accessory-parts";
import { darken, mix, type Palette } from "./colour";
import type { DrawGarment, FabricPiece, GarmentDrawing } from "./garment";
import { chance, pickOf, type Rng } from "./rng";
import { circle, n, path, polyline, smoothPath, type P } from "./svg";
import { Last, HEEL_PX, V_SCALE, curveTail, heelOf, layout, outline, type Heel, type HeelKind } from "./shoe-last";

interface ShoeParts { pieces: FabricPiece[]; details: string }
type Build = (k: Last, pal: Palette) => ShoeParts;

interface ShoePlan {
  heel: Heel;
  kind: HeelKind;
  sole: number;
  /** Local height of the whole shoe above the ground, for scaling tall boots to fit. */
  height: number;
  /** Covered heels take the upper's material; stacked and rubber ones are sole colour. */
  heelTone: "base" | "deep";
  spring: number;
  /** Whether the pair's second shoe may stand behind (not for soles painted in the details). */
  pairable: boolean;
  build: Build;
}

const SOLE: FabricPiece = { d: "", tone: "deep", printed: false, shade: "none" };

/** Lays out the shoe (and its pair), paints heel, sole and upper, and adds the sole's finishing. */
function drawShoe(plan: ShoePlan, pal: Palette, rng: Rng): GarmentDrawing {
  const flip = chance(rng, 0.3);
  const behind = plan.pairable && chance(rng, 0.3);
  const h = HEEL_PX[plan.heel];
  const views = layout(h, plan.height, flip, behind);
  const lastOf = (view: typeof views.main) => new Last(h, plan.sole, plan.kind, plan.spring, view);
  const pieces: FabricPiece[] = [];
  if (behind) {
    // The pair's far shoe: same construction in shadow, no details (they would sit over the near shoe).
    for (const piece of shoePieces(lastOf(views.back), plan, pal).pieces) {
      pieces.push({ ...piece, tone: piece.tone === "deep" ? "deep" : "dark", shade: "none", line: 0.9 });
    }
  }
  const k = lastOf(views.main);
  const near = shoePieces(k, plan, pal);
  pieces.push(...near.pieces);
  const far = behind ? lastOf(views.back) : k;
  const xs = [k.X(-30, 0)[0], k.X(k.span + 30, 0)[0], far.X(-30, 0)[0], far.X(k.span + 30, 0)[0]];
  return {
    pieces,
    details: heelFinish(k, plan) + near.details,
    bounds: { x0: Math.min(...xs), x1: Math.max(...xs), y0: far.X(0, plan.height)[1], y1: k.X(0, 0)[1] },
  };
}

function shoePieces(k: Last, plan: ShoePlan, pal: Palette): ShoeParts {
  const pieces: FabricPiece[] = [];
  const heel = k.heelEdges();
  if (heel) {
    const d = polyline([...heel.front, ...heel.back.slice().reverse()], true);
    pieces.push(plan.heelTone === "base" ? { d, shade: "gH" } : { ...SOLE, d });
  }
  pieces.push({ ...SOLE, d: k.soleOutline() });
  const upper = plan.build(k, pal);
  return { pieces: [...pieces, ...upper.pieces], details: upper.details };
}

/** The heel's top lift (a dark rubber tip) and, on stacked heels, the leather layers. */
function heelFinish(k: Last, plan: ShoePlan): string {
  const heel = k.heelEdges();
  if (!heel) return "";
  const m = heel.front.length - 1;
  const liftAt = plan.kind === "stiletto" ? m - 1 : m - 2;
  let out = path(polyline([heel.front[liftAt], heel.front[m], heel.back[m], heel.back[liftAt]], true), { fill: "#1d1b1c", "fill-opacity": 0.85 });
  if (plan.kind === "stack") {
    for (let i = 3; i < m - 2; i += 3) out += path(polyline([heel.front[i], heel.back[i]]), { stroke: "#000", "stroke-opacity": 0.22, "stroke-width": 1.6 });
  }
  return out;
}

const toUV = (k: Last, pts: readonly (readonly [number, number])[]) => pts.map(([u, v]) => k.F(u, v));

/** Toe shapes at the front of an upper: where the outline starts (u < 0 pokes past the last). */
const TOES = {
  pointed: [[-0.07, 5], [-0.03, 16], [0.04, 34]],
  almond: [[-0.035, 9], [-0.012, 26], [0.05, 40]],
  round: [[-0.025, 14], [-0.012, 34], [0.05, 46]],
} as const;
type Toe = keyof typeof TOES;

// ——— heels: pump or slingback, covered heel ———
function heelsPlan(heel: Heel, rng: Rng): ShoePlan {
  const toe: Toe = pickOf(rng, ["pointed", "pointed", "almond", "round"] as const);
  const kind: HeelKind = heel === "low" || chance(rng, 0.25) ? "block" : "stiletto";
  const sling = chance(rng, 0.35);
  return { heel, kind, sole: 9, height: HEEL_PX[heel] + 9 + 104 * V_SCALE, heelTone: "base", spring: 3, pairable: true, build: sling ? slingback(toe) : pump(toe) };
}

const pump = (toe: Toe): Build => (k, pal) => {
  const tip = TOES[toe][0][0];
  const top = [...TOES[toe], [0.16, 62], [0.3, 82], [0.36, 76], [0.44, 54], [0.62, 46], [0.82, 56], [0.95, 88], [1.0, 104], [1.022, 62], [1.012, 20], [1.0, 0]] as const;
  const lining = toUV(k, [[0.33, 84], [0.44, 70], [0.62, 62], [0.82, 72], [0.96, 96], [1.0, 104]]);
  const binding = toUV(k, [[0.37, 66], [0.44, 46], [0.62, 38], [0.82, 48], [0.95, 80]]);
  return {
    pieces: [
      { d: outline(lining, k.bed(1, 0.33, 6)), tone: "deep", printed: false, shade: "none" },
      { d: outline(toUV(k, top), k.bed(1, tip)) },
    ],
    details: stitch(smoothPath(binding, false), pal) + fold(smoothPath(toUV(k, [[0.08, 26], [0.2, 44]]), false), 0.1) +
      seam(smoothPath(toUV(k, [[0.985, 8], [1.0, 50], [0.99, 96]]), false), pal, 1.6),
  };
};

const slingback = (toe: Toe): Build => (k, pal) => {
  const tip = TOES[toe][0][0];
  const vamp = [...TOES[toe], [0.16, 62], [0.3, 82], [0.36, 72], [0.44, 38], [0.5, 0]] as const;
  const strapLine = cubicPts(k.F(0.45, 34), k.F(0.65, 52), k.F(0.9, 82), k.F(1.025, 78), 20);
  const buckle = strapLine[7];
  return {
    pieces: [
      { d: outline(toUV(k, [[0.3, 80], [0.42, 56], [0.7, 16], [1.0, 22], [1.02, 10]]), k.bed(1.02, 0.3)), tone: "deep", printed: false, shade: "none" },
      { d: outline(toUV(k, vamp), k.bed(0.5, tip)) },
      { d: band(strapLine, 7), shade: "none" },
    ],
    details: stitch(smoothPath(toUV(k, [[0.34, 70], [0.41, 44], [0.46, 16]]), false), pal) +
      metalLine(`M${n(buckle[0] - 9)} ${n(buckle[1] - 11)}h18v22h-18Z`, pal, 3.2),
  };
};

// ——— sneakers: chunky rubber sole (a raised wedge for "low"), laces, toe cap, heel counter ———
function sneakersPlan(heel: Heel, rng: Rng): ShoePlan {
  const gum = chance(rng, 0.2);
  const stripe = chance(rng, 0.6);
  const laces = pickOf(rng, ["#f6f3ec", "#f6f3ec", "contrast"] as const);
  return { heel, kind: "wedge", sole: 40, height: HEEL_PX[heel] + 40 + 174 * V_SCALE, heelTone: "deep", spring: 10, pairable: false, build: sneaker(gum, stripe, laces) };
}

const sneaker = (gum: boolean, stripe: boolean, laceTone: string): Build => (k, pal) => {
  const top = [[-0.03, 8], [-0.025, 40], [0.05, 66], [0.18, 86], [0.32, 102], [0.46, 128], [0.5, 162], [0.55, 174], [0.6, 160], [0.66, 134], [0.8, 120], [0.94, 136], [1.0, 160], [1.045, 140], [1.04, 60], [1.02, 0]] as const;
  const collar = toUV(k, [[0.55, 174], [0.64, 154], [0.8, 142], [0.95, 154], [1.0, 160]]);
  const soleFill = gum ? "#c79a5e" : "#f3f0e8";
  const lace = laceTone === "contrast" ? pal.contrast : laceTone;
  let details = path(k.soleOutline(-0.035, 1.04), { fill: soleFill, stroke: pal.line, "stroke-width": 3.2, "stroke-linejoin": "round" });
  details += path(polyline([...k.under(-0.02, 1.035), ...k.under(1.035, -0.02).map(([x, y]) => [x, y - 10] as P)], true), { fill: darken(soleFill, 0.3), "fill-opacity": 0.6 });
  details += path(polyline(k.bed(0.02, 1.02, -18)), { fill: "none", stroke: stripe ? pal.base : darken(soleFill, 0.2), "stroke-width": stripe ? 6 : 2 });
  details += path(polyline(k.bed(-0.02, 1.03, -3)), { fill: "none", stroke: "#000", "stroke-opacity": 0.12, "stroke-width": 3 });
  // Upper: toe cap, eyestay, side panel and heel counter seams, each topstitched.
  for (const line of [[[0.24, 0], [0.21, 40], [0.13, 72]], [[0.2, 66], [0.36, 86], [0.52, 114]], [[0.34, 0], [0.42, 50], [0.46, 90]], [[0.76, 0], [0.8, 62], [0.9, 86], [1.045, 96]]] as const) {
    const pts = toUV(k, line);
    details += seam(smoothPath(pts, false), pal) + stitch(smoothPath(pts.map(([x, y]) => [x, y + 6] as P), false), pal);
  }
  details += stitch(smoothPath(toUV(k, [[0.6, 148], [0.8, 110], [0.94, 126], [1.0, 148]]), false), pal);
  // Eyelets along the eyestay with the laces running over the throat.
  const eyes = Array.from({ length: 5 }, (_, i) => k.F(0.26 + i * 0.056, 86 + i * 9));
  for (const [i, e] of eyes.entries()) {
    const end = k.F(0.235 + i * 0.056, 104 + i * 10);
    details += path(`M${n(e[0])} ${n(e[1])}L${n(end[0])} ${n(end[1])}`, { stroke: darken(lace, 0.35), "stroke-width": 7.4, "stroke-linecap": "round" }) +
      path(`M${n(e[0])} ${n(e[1])}L${n(end[0])} ${n(end[1])}`, { stroke: lace, "stroke-width": 5, "stroke-linecap": "round" });
    details += circle(e[0], e[1], 4.6, { fill: pal.metalLight, stroke: darken(pal.base, 0.5), "stroke-width": 1.6 });
  }
  return {
    pieces: [
      { d: outline(collar, toUV(k, [[0.95, 90], [0.6, 90]])), tone: "deep", printed: false, shade: "none" },
      { d: outline(toUV(k, top), k.bed(1.02, -0.03)) },
    ],
    details,
  };
};

// ——— loafers: moc toe, penny strap or horsebit, stacked heel for "low" ———
function loafersPlan(heel: Heel, rng: Rng): ShoePlan {
  const toe: Toe = pickOf(rng, ["round", "almond"] as const);
  const trim = pickOf(rng, ["penny", "penny", "horsebit"] as const);
  return { heel, kind: heel === "flat" ? "none" : "stack", sole: 14, height: HEEL_PX[heel] + 14 + 112 * V_SCALE, heelTone: "deep", spring: 6, pairable: true, build: loafer(toe, trim) };
}

const loafer = (toe: Toe, trim: "penny" | "horsebit"): Build => (k, pal) => {
  const tip = TOES[toe][0][0];
  const top = [...TOES[toe], [0.18, 76], [0.34, 100], [0.44, 112], [0.47, 100], [0.52, 72], [0.68, 60], [0.86, 66], [0.98, 84], [1.02, 58], [1.012, 20], [1.0, 0]] as const;
  const lining = toUV(k, [[0.46, 104], [0.56, 90], [0.75, 82], [0.92, 88], [0.99, 84]]);
  const moc = toUV(k, [[-0.004, 38], [0.1, 52], [0.25, 66], [0.42, 88], [0.46, 102]]);
  let details = seam(smoothPath(moc, false), pal, 2.4) + stitch(smoothPath(moc.map(([x, y]) => [x, y + 7] as P), false), pal);
  details += stitch(polyline(k.bed(-0.01, 1.0, -6)), { ...pal, stitch: mix(pal.deep, "#ffffff", 0.3) });
  details += stitch(smoothPath(toUV(k, [[0.52, 58], [0.68, 48], [0.86, 54], [0.97, 70]]), false), pal);
  const pieces: FabricPiece[] = [
    { d: outline(lining, k.bed(1, 0.46, 8)), tone: "deep", printed: false, shade: "none" },
    { d: outline(toUV(k, top), k.bed(1, tip)) },
  ];
  if (trim === "penny") {
    const strap = cubicPts(k.F(0.29, 48), k.F(0.33, 70), k.F(0.38, 92), k.F(0.43, 110), 12);
    pieces.push({ d: band(strap, 15), shade: "none" });
    const slot = k.F(0.375, 90);
    details += path(`M${n(slot[0] - 12)} ${n(slot[1])}Q${n(slot[0])} ${n(slot[1] - 9)} ${n(slot[0] + 12)} ${n(slot[1])}Q${n(slot[0])} ${n(slot[1] + 9)} ${n(slot[0] - 12)} ${n(slot[1])}Z`, { fill: pal.deep, stroke: pal.line, "stroke-width": 1.6 });
    details += stitch(polyline(strap.map(([x, y]) => [x, y] as P).filter((_, i) => i % 3 === 0)), pal);
  } else {
    const [a, b] = [k.F(0.3, 96), k.F(0.44, 112)];
    details += metalLine(`M${n(a[0])} ${n(a[1])}L${n(b[0])} ${n(b[1])}`, pal, 5);
    for (const p of [a, b]) details += metalLine(`M${n(p[0] - 9)} ${n(p[1])}a9 9 0 1 0 18 0a9 9 0 1 0 -18 0`, pal, 3.4);
  }
  return { pieces, details };
};

// ——— boots: ankle, mid-calf or knee shaft; chelsea, lace-up or zip; lug sole on flat and low heels ———
type BootStyle = "chelsea" | "lace" | "zip";
function bootsPlan(heel: Heel, rng: Rng): ShoePlan {
  const shaft = pickOf(rng, [330, 330, 500, 780]);
  const style: BootStyle = shaft === 780 ? "zip" : pickOf(rng, shaft === 330 ? ["chelsea", "lace", "zip"] as const : ["lace", "zip"] as const);
  const kind: HeelKind = heel === "flat" ? "none" : heel === "low" ? "stack" : heel === "high" && chance(rng, 0.6) ? "stiletto" : "block";
  const sole = heel === "flat" || heel === "low" ? 24 : 11;
  return { heel, kind, sole, height: HEEL_PX[heel] + sole + shaft + 16, heelTone: heel === "mid" || heel === "high" ? "base" : "deep", spring: 7, pairable: true, build: boot(shaft, style) };
}

const boot = (shaft: number, style: BootStyle): Build => (k, pal) => {
  const base = k.bedY(1), topY = base + shaft, tall = shaft > 400;
  const fx = k.span - 232, bx = k.span + 6;
  const front = [...toUV(k, [[-0.03, 10], [-0.015, 40], [0.06, 62], [0.2, 84], [0.34, 108]]), k.X(fx - 14, base + 190), k.X(fx, base + 270)];
  if (tall) front.push(k.X(fx - 18, base + shaft * 0.62));
  front.push(k.X(fx + (tall ? 8 : 0), topY));
  const back = [k.X(bx + (tall ? 6 : 0), topY)];
  if (tall) back.push(k.X(bx + 26, base + shaft * 0.6));
  back.push(k.X(bx - 6, base + 150), k.X(bx + 10, base + 50), k.F(1.0, 0));
  const upper = smoothPath(front, false) + `L${n(back[0][0])} ${n(back[0][1])}` + curveTail(back) + k.bed(1, -0.03).map(([x, y]) => `L${n(x)} ${n(y)}`).join("") + "Z";
  const [ft, bt] = [front[front.length - 1], back[0]];
  const mid = (ft[0] + bt[0]) / 2;
  const opening = smoothPath([ft, [mid, ft[1] - 14], bt, [mid, ft[1] + 6]], true);
  const pieces: FabricPiece[] = [{ d: opening, tone: "deep", printed: false, shade: "none" }];
  let details = "";
  if (style === "lace") {
    const tongueTop = k.X(fx + 30, topY + 30);
    pieces.push({ d: smoothPath([k.X(fx + 4, topY - 20), [tongueTop[0] - 22 * (k.view.flip ? -1 : 1), tongueTop[1]], tongueTop, k.X(fx + 60, topY - 20)], true), tone: "dark" });
  }
  pieces.push({ d: upper });
  if (style === "chelsea") {
    const cx = (fx + bx) / 2 - 10;
    const gusset = smoothPath([k.X(cx - 44, topY), k.X(cx - 20, base + 150), k.X(cx, base + 120), k.X(cx + 20, base + 150), k.X(cx + 44, topY)], false) + "Z";
    pieces.push({ d: gusset, tone: "deep", printed: false, textured: false, shade: "none" });
    for (let i = -3; i <= 3; i++) details += path(polyline([k.X(cx + i * 9, topY - 4), k.X(cx + i * 4, base + 140)]), { stroke: "#000", "stroke-opacity": 0.25, "stroke-width": 2 });
    for (const x of [fx + 14, bx - 30]) {
      const a = k.X(x - 13, topY - 26), b = k.X(x + 13, topY + 30);
      details += path(`M${n(a[0])} ${n(a[1])}H${n(b[0])}V${n(b[1])}H${n(a[0])}Z`, { fill: pal.deep, stroke: pal.line, "stroke-width": 2.2 });
    }
  }
  if (style === "lace") {
    const count = Math.round(shaft / 48) + 2;
    const path0 = [k.F(0.37, 98), k.X(fx + 8, base + 150), k.X(fx + 22, topY - 26)];
    for (let i = 0; i < count; i++) {
      const t = i / (count - 1), seg = t < 0.35 ? 0 : 1, f = seg === 0 ? t / 0.35 : (t - 0.35) / 0.65;
      const e: P = [path0[seg][0] + (path0[seg + 1][0] - path0[seg][0]) * f, path0[seg][1] + (path0[seg + 1][1] - path0[seg][1]) * f];
      const dir = k.view.flip ? 1 : -1;
      details += path(`M${n(e[0])} ${n(e[1])}l${n(dir * 22)} ${n(-14)}`, { stroke: darken(pal.base, 0.55), "stroke-width": 5, "stroke-linecap": "round" });
      details += i > count - 3 && shaft < 400 ? metalLine(`M${n(e[0])} ${n(e[1])}l${n(-dir * 6)} -4`, pal, 4) : rivet(e[0], e[1], 4.4, pal);
    }
  }
  if (style === "zip") {
    const line = cubicPts(k.X(bx - 40, topY - 8), k.X(bx - 30, base + shaft * 0.6), k.X(bx - 44, base + 90), k.X(bx - 50, base + 40), 24);
    details += zipAlong(line, pal);
  }
  details += seam(smoothPath([...toUV(k, [[0.72, 0], [0.76, 60]]), k.X(bx - 60, base + 110), k.X(bx + 6, base + 120)], false), pal);
  details += stitch(smoothPath([k.X(fx + 4, topY - 12), k.X(bx - 2, topY - 12)], false), pal);
  details += fold(smoothPath([k.X(fx + 30, base + 190), k.X(fx + 80, base + 176), k.X(fx + 120, base + 196)], false), 0.14);
  if (k.heel === "none" || k.heel === "stack") {
    details += stitch(polyline(k.bed(-0.02, 1, -7)), { ...pal, stitch: mix(pal.deep, "#ffffff", 0.35) });
    const lugs = k.under(0.02, 0.98, 16).map(([x, y]) => `M${n(x - 7)} ${n(y)}v-9h14v9Z`).join("");
    details += path(lugs, { fill: "#000", "fill-opacity": 0.35 });
  }
  return { pieces, details };
};

// ——— sandals: footbed, toe band or crossed straps, ankle strap with buckle (slides go without) ———
function sandalsPlan(heel: Heel, rng: Rng): ShoePlan {
  const kind: HeelKind = heel === "flat" ? "none" : heel === "low" ? "block" : chance(rng, 0.6) ? "stiletto" : "block";
  const slide = (heel === "flat" || heel === "low") && chance(rng, 0.35);
  const crossed = !slide && chance(rng, 0.5);
  const sole = heel === "flat" ? 24 : 16;
  return { heel, kind, sole, height: HEEL_PX[heel] + sole + (slide ? 100 : 170), heelTone: heel === "flat" ? "deep" : "base", spring: 4, pairable: false, build: sandal(slide, crossed) };
}

const sandal = (slide: boolean, crossed: boolean): Build => (k, pal) => {
  const base = k.bedY(1);
  const pieces: FabricPiece[] = [{ d: polyline([...k.bed(-0.02, 1.01, 0, 40), ...k.bed(1.01, -0.02, -8, 40)], true), tone: "dark", printed: false, shade: "none" }];
  let details = "";
  if (slide) {
    pieces.push({ d: outline(toUV(k, [[0.06, 0], [0.09, 40], [0.18, 64], [0.32, 76], [0.42, 74], [0.44, 36], [0.46, 0]]), k.bed(0.46, 0.06)) });
    details += stitch(smoothPath(toUV(k, [[0.1, 36], [0.18, 56], [0.32, 68], [0.4, 66]]), false), pal);
  } else if (crossed) {
    pieces.push({ d: band(cubicPts(k.F(0.04, 2), k.F(0.1, 50), k.F(0.17, 70), k.F(0.27, 72), 14), 11) });
    pieces.push({ d: band(cubicPts(k.F(0.32, 2), k.F(0.27, 50), k.F(0.19, 70), k.F(0.1, 66), 14), 11) });
  } else {
    pieces.push({ d: outline(toUV(k, [[0.05, 0], [0.07, 34], [0.14, 62], [0.24, 74], [0.31, 68], [0.33, 30], [0.34, 0]]), k.bed(0.34, 0.05)) });
  }
  if (!slide) {
    // A slim back strap up the heel into an ankle strap that buckles at the side.
    const ankle = base + 150;
    pieces.push({ d: band(cubicPts(k.F(0.95, 0), k.X(k.span - 4, base + 50), k.X(k.span + 8, ankle - 60), k.X(k.span + 6, ankle), 14), 11), shade: "none" });
    const strap = cubicPts(k.X(k.span + 14, ankle), k.X(k.span - 60, ankle + 2), k.X(k.span - 130, ankle + 10), k.X(k.span - 196, ankle + 14), 20);
    pieces.push({ d: band(strap, 9), shade: "none" });
    const b = strap[12];
    details += metalLine(`M${n(b[0] - 9)} ${n(b[1] - 13)}h18v26h-18Z`, pal, 3.4) + metalLine(`M${n(b[0])} ${n(b[1])}h${n(k.view.flip ? 10 : -10)}`, pal, 2);
    for (const i of [15, 17, 19]) details += circle(strap[i][0], strap[i][1], 2.6, { fill: pal.deep });
  }
  return { pieces, details };
};

const plans: Record<string, (heel: string | undefined, rng: Rng) => ShoePlan> = {
  sneakers: (heel, rng) => sneakersPlan(heelOf(heel, "flat"), rng),
  boots: (heel, rng) => bootsPlan(heelOf(heel, "low"), rng),
  heels: (heel, rng) => heelsPlan(heelOf(heel, "high"), rng),
  sandals: (heel, rng) => sandalsPlan(heelOf(heel, "flat"), rng),
  loafers: (heel, rng) => loafersPlan(heelOf(heel, "flat"), rng),
};

export const SHOE_DRAWERS: Record<string, DrawGarment> = Object.fromEntries(
  Object.entries(plans).map(([category, plan]) => [
    category,
    ((spec, pal, rng) => drawShoe(plan(spec.attributes.heel, rng), pal, rng)) as DrawGarment,
  ]),
);
