// Accessory flats, drawn face-on as on a line sheet: bags (handbag, backpack), hat, scarf, belt and
// sunglasses. Footwear lives in shoes.ts. Logo prints reach these as an all-over monogram, so a printArea
// only matters for the face of a bag; sunglasses carry theirs as a wordmark on the lens, as branded frames do
// (a monogram repeat on a rim a few millimetres wide cannot be read in any product photo).
import { band, chainAlong, cubicPts, fold, metalLine, metalShape, offsetLine, rivet, seam, stitch, zipAlong } from "./accessory-parts";
import { darken } from "./colour";
import type { DrawGarment, FabricPiece } from "./garment";
import { chance, pickOf, range } from "./rng";
import { circle, CX, el, n, path, polyline, smoothPath, symPath, L, Q, C, type P } from "./svg";
import { pickWord, wordmark } from "./prints";
import { SHOE_DRAWERS } from "./shoes";
import { hat, scarf } from "./headwear";

/** A bag body: a trapezoid (narrower at the top) with rounded bottom corners, symmetric about the axis. */
function bagBody(wTop: number, wBot: number, y0: number, y1: number, r: number): string {
  return symPath([0, y0], [L(wTop - 10, y0), Q(wTop, y0, wTop + 1, y0 + 10), L(wBot, y1 - r), Q(wBot, y1, wBot - r, y1), L(0, y1)]);
}

/** A handle arching over the bag between two attachment points. */
function handle(x0: number, x1: number, y: number, rise: number): P[] {
  return cubicPts([x0, y], [x0, y - rise * 1.3], [x1, y - rise * 1.3], [x1, y], 30);
}

const handbag: DrawGarment = (spec, pal, rng) => {
  const style = pickOf(rng, ["flap", "flap", "tote", "satchel"] as const);
  const wTop = range(rng, 200, 240), wBot = wTop + range(rng, 8, 40), h = range(rng, 290, 360);
  const rise = style === "flap" ? 230 : 170;
  const y0 = 512 - (h + rise) / 2 + rise + 10, y1 = y0 + h;
  const pieces: FabricPiece[] = [];
  let details = "", front = "";
  if (style === "tote") {
    // Back handle behind, then the open top showing the lining between the back and front panels.
    pieces.push({ d: band(handle(CX - wTop * 0.5, CX + wTop * 0.5, y0 + 14, rise).map(([x, y]) => [x + 10, y - 8] as P), 13), tone: "dark", shade: "none" });
    pieces.push({ d: symPath([0, y0 - 16], [Q(wTop * 0.6, y0 - 18, wTop - 4, y0 - 8), L(wTop, y0 + 20), L(0, y0 + 20)]), tone: "deep", printed: false, shade: "none" });
  }
  pieces.push({ d: bagBody(wTop, wBot, y0, y1, 34), shade: "gH" });
  details += stitch(bagBody(wTop - 12, wBot - 12, y0 + 12, y1 - 12, 26), pal);
  for (const s of [-1, 1]) details += fold(`M${n(CX + s * (wBot - 40))} ${n(y1 - 8)}Q${n(CX + s * (wBot - 30))} ${n(y0 + h * 0.6)} ${n(CX + s * (wTop - 30))} ${n(y0 + 20)}`, 0.1);
  if (style === "flap") {
    const yf = y0 + h * range(rng, 0.48, 0.62);
    const flap = symPath([0, y0 - 6], [L(wTop + 4, y0 - 6), L(wTop + 8, yf - 40), C(wTop + 8, yf - 10, wTop * 0.6, yf + 8, 0, yf + 10)]);
    pieces.push({ d: flap, shade: "gV" });
    details += `<path d="${flap}" fill="none" stroke="#000" stroke-opacity="0.12" stroke-width="6" transform="translate(0 5)"/>`;
    details += stitch(symPath([0, y0 + 6], [L(wTop - 8, y0 + 6), L(wTop - 4, yf - 40), C(wTop - 4, yf - 20, wTop * 0.55, yf - 4, 0, yf - 2)]), pal);
    details += metalShape(`M${n(CX - 34)} ${n(yf - 22)}h68v34q0 12 -12 12h-44q-12 0 -12 -12Z`, pal) + metalShape(`M${n(CX - 14)} ${n(yf - 10)}h28v18h-28Z`, pal, 1.6);
    const strap = cubicPts([CX - wTop + 12, y0 + 4], [CX - wTop - 20, y0 - rise * 1.2], [CX + wTop + 20, y0 - rise * 1.2], [CX + wTop - 12, y0 + 4], 40);
    if (chance(rng, 0.6)) front += chainAlong(strap, pal, 15);
    else pieces.unshift({ d: band(strap, 9), tone: "dark", shade: "none" });
    for (const s of [-1, 1]) front += rivet(CX + s * (wTop - 12), y0 + 8, 8, pal);
  } else if (style === "tote") {
    const grip = handle(CX - wTop * 0.5, CX + wTop * 0.5, y0 + 14, rise);
    pieces.push({ d: band(grip, 13) });
    details += stitch(polyline(offsetLine(grip, 5)), pal);
    for (const s of [-1, 1]) details += rivet(CX + s * wTop * 0.5, y0 + 30, 7, pal);
  } else {
    // Satchel: zip across the top, a rolled handle on D-rings, side gussets.
    details += zipAlong([[CX - wTop + 30, y0 + 22], [CX + wTop - 30, y0 + 22]], pal);
    const grip = handle(CX - wTop * 0.45, CX + wTop * 0.45, y0 - 18, rise * 0.8);
    pieces.unshift({ d: band(grip, 14) });
    for (const s of [-1, 1]) front += metalLine(`M${n(CX + s * wTop * 0.45 - 12)} ${n(y0 - 6)}q12 -26 24 0`, pal, 4) + rivet(CX + s * wTop * 0.45, y0 + 4, 6, pal);
    for (const s of [-1, 1]) details += seam(`M${n(CX + s * (wTop - 40))} ${n(y0 + 40)}L${n(CX + s * (wBot - 44))} ${n(y1 - 30)}`, pal);
  }
  const face = { x0: CX - wTop + 50, y0: y0 + h * 0.55, x1: CX + wTop - 50, y1: y1 - 40 };
  return { pieces, details, front, printArea: style === "flap" ? face : { ...face, y0: y0 + 60 }, bounds: { x0: CX - wBot, y0: y0 - rise, x1: CX + wBot, y1 } };
};

const backpack: DrawGarment = (spec, pal, rng) => {
  const w = range(rng, 190, 225), top = 210, bottom = 820;
  const flapStyle = chance(rng, 0.35);
  const pieces: FabricPiece[] = [];
  // Shoulder straps behind the body, curving out below it; a top grab handle.
  for (const s of [-1, 1]) {
    const strap = cubicPts([CX + s * (w * 0.45), top + 60], [CX + s * (w + 50), top + 200], [CX + s * (w + 40), bottom - 160], [CX + s * (w - 10), bottom - 40], 30);
    pieces.push({ d: band(strap, (t) => 26 - t * 10), tone: "dark", shade: "none" });
  }
  pieces.push({ d: band(cubicPts([CX - 40, top + 20], [CX - 40, top - 44], [CX + 40, top - 44], [CX + 40, top + 20], 24), 8), tone: "dark" });
  const body = symPath([0, top], [C(w * 0.7, top, w, top + 60, w, top + 190), L(w + 6, bottom - 40), Q(w + 6, bottom, w - 40, bottom), L(0, bottom)]);
  pieces.push({ d: body });
  const pTop = bottom - 250;
  const pocket = symPath([0, pTop], [C(w * 0.6, pTop, w * 0.78, pTop + 6, w * 0.8, pTop + 50), L(w * 0.82, bottom - 60), Q(w * 0.82, bottom - 28, w * 0.7, bottom - 28), L(0, bottom - 28)]);
  pieces.push({ d: pocket, shade: "gV" });
  let details = stitch(symPath([0, pTop + 12], [C(w * 0.58, pTop + 12, w * 0.7, pTop + 16, w * 0.7, pTop + 56), L(w * 0.7, bottom - 62), Q(w * 0.7, bottom - 40, w * 0.6, bottom - 40), L(0, bottom - 40)]), pal);
  details += zipAlong(cubicPts([CX + w * 0.62, pTop + 24], [CX + w * 0.3, pTop + 14], [CX - w * 0.3, pTop + 14], [CX - w * 0.62, pTop + 24], 20), pal);
  details += seam(`M${n(CX - w + 4)} ${n(bottom - 70)}H${n(CX + w + 4)}`, pal);
  if (flapStyle) {
    const fy = top + 250;
    const flap = symPath([0, top - 6], [C(w * 0.72, top - 6, w + 6, top + 60, w + 6, top + 180), L(w * 0.9, fy - 30), Q(w * 0.8, fy, w * 0.5, fy), L(0, fy)]);
    pieces.push({ d: flap, shade: "gV" });
    for (const s of [-1, 1]) {
      const x = CX + s * w * 0.45;
      details += path(`M${n(x - 14)} ${n(fy - 110)}h28v${n(pTop - fy + 170)}h-28Z`, { fill: pal.dark, stroke: pal.line, "stroke-width": 2 });
      details += metalLine(`M${n(x - 20)} ${n(fy + 10)}h40v26h-40Z`, pal, 4);
    }
    details += stitch(symPath([0, top + 8], [C(w * 0.66, top + 8, w - 8, top + 64, w - 8, top + 180), L(w * 0.82, fy - 40), Q(w * 0.74, fy - 14, w * 0.46, fy - 14), L(0, fy - 14)]), pal);
  } else {
    details += zipAlong(cubicPts([CX + w - 26, top + 300], [CX + w - 20, top + 20], [CX - w + 20, top + 20], [CX - w + 26, top + 300], 40), pal);
    details += fold(`M${n(CX - w * 0.5)} ${n(top + 160)}q${n(w * 0.3)} 40 ${n(w * 0.2)} 140`, 0.1);
  }
  return { pieces, details, printArea: { x0: CX - w * 0.55, y0: pTop + 50, x1: CX + w * 0.55, y1: bottom - 60 }, bounds: { x0: CX - w - 60, y0: top - 40, x1: CX + w + 60, y1: bottom } };
};

const belt: DrawGarment = (spec, pal, rng) => {
  const half = 30;
  const coiled = chance(rng, 0.5);
  let line: P[];
  if (coiled) {
    // Rolled from the tip outwards, as belts are shipped; the buckle end runs off the coil along its tangent.
    line = [];
    const turns = 2, r0 = 70, gap = 2 * half + 24, cx = CX - 50, cy = 460;
    for (let i = 0; i <= 160; i++) {
      const a = (i / 160) * turns * Math.PI * 2;
      const r = r0 + (gap * a) / (Math.PI * 2);
      line.push([cx + Math.cos(a + 0.6) * r, cy + Math.sin(a + 0.6) * r]);
    }
    const [p0, p1] = [line[line.length - 2], line[line.length - 1]];
    const len = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
    for (let i = 1; i <= 12; i++) line.push([p1[0] + ((p1[0] - p0[0]) / len) * i * 16, p1[1] + ((p1[1] - p0[1]) / len) * i * 16]);
  } else {
    line = cubicPts([880, 470], [660, 400], [380, 640], [150, 530], 60);
  }
  // Strap from the tip (line start) to the buckle end; the tip is pointed.
  const left = offsetLine(line, half), right = offsetLine(line, -half);
  const [a, b] = [line[0], line[1]];
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const tip: P = [a[0] - ((b[0] - a[0]) / len) * half * 1.2, a[1] - ((b[1] - a[1]) / len) * half * 1.2];
  const strap = polyline([tip, ...left, ...right.reverse()], true);
  let details = stitch(polyline(offsetLine(line, half - 7)), pal) + stitch(polyline(offsetLine(line, 7 - half)), pal);
  const m = line.length;
  const holeAt = coiled ? [0.035, 0.06, 0.085, 0.11, 0.135] : [0.1, 0.14, 0.18, 0.22, 0.26];
  for (const t of holeAt) {
    const [x, y] = line[Math.round(t * (m - 1))];
    details += circle(x, y, 5, { fill: darken(pal.deep, 0.4), stroke: pal.seam, "stroke-width": 1.2 });
  }
  // Buckle frame across the strap's end with its prong, and a keeper loop next to it.
  const end = line[m - 1], prev = line[m - 6];
  const angle = (Math.atan2(end[1] - prev[1], end[0] - prev[0]) * 180) / Math.PI;
  const rot = `rotate(${n(angle)} ${n(end[0])} ${n(end[1])})`;
  const frame = el("rect", { x: end[0] - 10, y: end[1] - half - 16, width: 52, height: 2 * half + 32, rx: pickOf(rng, [6, 14, 26]), transform: rot });
  const buckle = frame.replace("<rect", `<rect fill="none" stroke="${darken(pal.metal, 0.45)}" stroke-width="15"`) +
    frame.replace("<rect", `<rect fill="none" stroke="${pal.metal}" stroke-width="10"`) +
    el("rect", { x: end[0] - 14, y: end[1] - 3, width: 40, height: 6, rx: 3, fill: pal.metal, stroke: darken(pal.metal, 0.45), "stroke-width": 1.4, transform: rot });
  const keeper = el("rect", { x: end[0] - 58, y: end[1] - half - 5, width: 20, height: 2 * half + 10, rx: 3, fill: pal.base, stroke: pal.line, "stroke-width": 2.4, transform: rot });
  const xs = line.map((p) => p[0]), ys = line.map((p) => p[1]);
  return {
    pieces: [{ d: strap, shade: "none" }],
    details,
    front: keeper + buckle,
    bounds: { x0: Math.min(...xs) - 50, y0: Math.min(...ys) - 50, x1: Math.max(...xs) + 50, y1: Math.max(...ys) + 50 },
  };
};

type LensShape = (w: number, h: number) => P[];
/** Lens outlines for the left lens, centred on (0, 0), +x towards the nose. */
const LENSES: Record<string, LensShape> = {
  wayfarer: (w, h) => [[-w, -h * 0.95], [-w * 0.2, -h], [w * 0.7, -h * 0.9], [w, -h * 0.55], [w * 0.92, h * 0.3], [w * 0.55, h * 0.9], [-w * 0.2, h], [-w * 0.75, h * 0.7], [-w * 0.98, -h * 0.1]],
  round: (w, h) => Array.from({ length: 12 }, (_, i) => [Math.cos((i / 12) * Math.PI * 2) * w * 0.92, Math.sin((i / 12) * Math.PI * 2) * h] as P),
  aviator: (w, h) => [[-w, -h * 0.8], [0, -h * 0.95], [w * 0.85, -h * 0.85], [w * 0.9, -h * 0.2], [w * 0.55, h * 0.7], [-w * 0.1, h * 1.05], [-w * 0.8, h * 0.75], [-w * 1.02, -h * 0.1]],
  cateye: (w, h) => [[-w * 1.08, -h * 1.15], [-w * 0.3, -h * 0.85], [w * 0.6, -h * 0.75], [w * 0.95, -h * 0.3], [w * 0.8, h * 0.5], [w * 0.2, h * 0.95], [-w * 0.55, h * 0.8], [-w * 0.95, h * 0.1]],
};

const sunglasses: DrawGarment = (spec, pal, rng) => {
  const kind = pickOf(rng, ["wayfarer", "round", "aviator", "cateye"] as const);
  const shape = LENSES[kind];
  const rimW = kind === "aviator" ? 9 : range(rng, 18, 26);
  const lw = kind === "round" ? 118 : 138, lh = kind === "round" ? 112 : kind === "aviator" ? 110 : 92;
  const gapHalf = 44, cy = 500, lcx = CX - gapHalf - lw;
  const at = (pts: P[], cx: number, flip: boolean) => pts.map(([x, y]) => [flip ? 2 * CX - (cx + x) : cx + x, cy + y] as P);
  const pieces: FabricPiece[] = [];
  let details = "";
  for (const flip of [false, true]) {
    const inner = at(shape(lw, lh), lcx, flip), outer = at(shape(lw + rimW, lh + rimW), lcx, flip);
    pieces.push({ d: smoothPath(inner), tone: "deep", printed: false, shade: "none", line: 0.6 });
    pieces.push({ d: smoothPath(outer) + smoothPath(inner.slice().reverse()), shade: "gV" });
    // Tinted lens with a gradient fall-off and a glint.
    details += path(smoothPath(inner), { fill: "#16171d", "fill-opacity": 0.62 });
    details += path(smoothPath(inner.map(([x, y]) => [x, y + lh * 0.55] as P)), { fill: "#ffffff", "fill-opacity": 0.06 });
    const gx = flip ? 2 * CX - (lcx - lw * 0.45) : lcx - lw * 0.45;
    details += path(`M${n(gx)} ${n(cy - lh * 0.3)}l${n(flip ? -36 : 36)} -40M${n(gx + (flip ? -10 : 10))} ${n(cy - lh * 0.02)}l${n(flip ? -70 : 70)} -76`, { stroke: "#fff", "stroke-opacity": 0.35, "stroke-width": 9, "stroke-linecap": "round" });
    // Hinge block and the temple running back.
    const hx = flip ? 2 * CX - (lcx - lw - rimW + 6) : lcx - lw - rimW + 6, s = flip ? 1 : -1;
    pieces.unshift({ d: polyline([[hx, cy - lh * 0.75], [hx + s * 46, cy - lh * 0.7], [hx + s * 52, cy - lh * 0.52], [hx, cy - lh * 0.45]], true), tone: "dark", shade: "none" });
    if (kind === "aviator") details += el("ellipse", { cx: flip ? CX + gapHalf + 18 : CX - gapHalf - 18, cy: cy + lh * 0.25, rx: 8, ry: 13, fill: "#ffffff", "fill-opacity": 0.5, stroke: pal.metal, "stroke-width": 2 });
  }
  const bridge = kind === "aviator"
    ? polyline([[CX - gapHalf - 10, cy - lh * 0.9], [CX + gapHalf + 10, cy - lh * 0.9], [CX + gapHalf + 10, cy - lh * 0.8], [CX - gapHalf - 10, cy - lh * 0.8]], true)
    : symPath([0, cy - lh * 0.78], [L(gapHalf + 16, cy - lh * 0.86), L(gapHalf + 16, cy - lh * 0.45), Q(gapHalf * 0.4, cy - lh * 0.62, 0, cy - lh * 0.5)]);
  pieces.push({ d: bridge, shade: "gV" });
  if (kind === "aviator") details += metalLine(`M${n(CX - gapHalf - 4)} ${n(cy - lh * 0.62)}Q${n(CX)} ${n(cy - lh * 0.74)} ${n(CX + gapHalf + 4)} ${n(cy - lh * 0.62)}`, pal, 4);
  for (const flip of [false, true]) {
    const x = flip ? 2 * CX - (lcx - lw - rimW + 12) : lcx - lw - rimW + 12;
    details += circle(x, cy - lh * 0.6, 4, { fill: pal.metalLight, stroke: darken(pal.metal, 0.4), "stroke-width": 1.2 });
  }
  const ext = lw * 2 + gapHalf + rimW + 60;
  // A logo pair: the wordmark printed across the top of the left lens, clear of the glints, in the hardware's metal.
  const logo = spec.pattern === "logo"
    ? wordmark(pickWord(rng).slice(0, 5), lcx + lw * 0.38, cy - lh * 0.58, 26, pal.metalLight, 0.2).svg
    : undefined;
  return { pieces, details, logo, bounds: { x0: CX - ext, y0: cy - lh - rimW - 20, x1: CX + ext, y1: cy + lh + rimW + 20 } };
};

export const ACCESSORY_DRAWERS: Record<string, DrawGarment> = {
  ...SHOE_DRAWERS,
  handbag,
  backpack,
  hat,
  scarf,
  belt,
  sunglasses,
};

