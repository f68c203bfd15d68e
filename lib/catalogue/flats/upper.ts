// Fashion flats for the upper body: tops (tees, blouses, shirts, sweaters, tanks, hoodies) and one-pieces
// (dresses, jumpsuits); outerwear lives in upper-outer.ts. Each drawer builds a Top from upper-pieces.ts — the
// fit's figure, the neckline cut, angled sleeves — adds its construction details in body space, and `finish`
// scales the result onto the canvas.
import { mix } from "./colour";
import type { DrawGarment, FabricPiece } from "./garment";
import { chance, pickOf, range, type Rng } from "./rng";
import { C, CX, L, n, Q, symPath } from "./svg";
import { both, fold, hemSeg, offD, seam, stitch, type Figure, type Pen } from "./upper-parts";
import {
  bandPiece, bandRib, bodiceD, bodyD, bodyFolds, chestArea, cuffPieces, cuffRib, finish, hemLine, neckFinish, placket,
  shiftY, sleeveEnds, topLayers, topOf, zipLine, type Top,
} from "./upper-pieces";
import { OUTERWEAR } from "./upper-outer";

const SILKY = new Set(["silk", "satin", "lace", "sequin"]);
const TOP_HEM: Record<string, number> = { fitted: 520, regular: 540, loose: 560, oversized: 590 };

// ---- Tops ---------------------------------------------------------------------------------------------------

const tshirt: DrawGarment = (spec, pal, rng) => {
  const t = topOf(spec, { hemY: TOP_HEM[spec.attributes.fit ?? "regular"], dip: 4 });
  const pieces = topLayers(t, { d: bodyD(t) });
  return finish(pieces, pal, 0.74, (p) => neckFinish(p, t, true) + sleeveEnds(p, t.sleeve, "hem") + hemLine(p, t) + bodyFolds(p, t, rng), { printArea: chestArea(t) });
};

const blouse: DrawGarment = (spec, pal, rng) => {
  const long = spec.attributes.sleeve === "long";
  const t = topOf(spec, { hemY: TOP_HEM[spec.attributes.fit ?? "regular"] + 10, dip: 18, wide: long ? 8 : 22, strap: 54 });
  const pieces = topLayers(t, { d: bodyD(t) });
  const buttons = t.neckline === "collared" || (t.neckline === "crew" && chance(rng, 0.5));
  return finish(pieces, pal, 0.74, (p) => {
    let out = neckFinish(p, t, false) + sleeveEnds(p, t.sleeve, long ? "cuff" : "hem") + hemLine(p, t, 12) + bodyFolds(p, t, rng);
    if (buttons) out += placket(p, t.cut.depth + 4, t.hem[1] + t.dip - 4, 5, 6);
    // Soft gathers under the neckline where the front is eased into it.
    if (["crew", "scoop", "off_shoulder", "strapless"].includes(t.neckline)) {
      const y = t.cut.depth + 10;
      out += fold(p, both([18, 36, 54].map((x) => `M${CX + x} ${y}L${n(CX + x + x / 8)} ${y + 34}`).join("")), 0.2);
    }
    return out;
  }, { printArea: chestArea(t), verticalStripes: true });
};

const shirt: DrawGarment = (spec, pal, rng) => {
  const t = topOf(spec, { hemY: TOP_HEM[spec.attributes.fit ?? "regular"] + 40, dip: 34, neckline: "collared" });
  const pieces = topLayers(t, { d: bodyD(t) });
  const pocket = chance(rng, 0.65);
  return finish(pieces, pal, 0.76, (p) => {
    const yoke = both(offD([t.f.nw + 8, 52], [Q(t.f.shX * 0.7, 60, t.f.shX - 4, t.f.shY + 28)]));
    let out = seam(p, yoke) + stitch(p, shiftY(yoke, 5));
    out += placket(p, t.cut.depth - 12, t.hem[1] + t.dip - 4, pickOf(rng, [6, 7]), 7);
    out += sleeveEnds(p, t.sleeve, t.sleeveKind === "long" ? "cuff" : "hem") + hemLine(p, t, 10) + bodyFolds(p, t, rng);
    if (pocket) {
      const x0 = CX + 46, y0 = 190, w = 82, h = 94;
      const d = `M${x0} ${y0}L${x0} ${y0 + h - 14}L${x0 + w / 2} ${y0 + h}L${x0 + w} ${y0 + h - 14}L${x0 + w} ${y0}Z`;
      out += seam(p, d) + stitch(p, `M${x0} ${y0 + 12}L${x0 + w} ${y0 + 12}`);
    }
    return out;
  }, { printArea: chestArea(t), verticalStripes: true });
};
const sweater: DrawGarment = (spec, pal, rng) => {
  const hemY = TOP_HEM[spec.attributes.fit ?? "regular"] + 10;
  const t = topOf(spec, { hemY: hemY - 40, dip: 0, strap: 70, wide: -4 });
  const band = bandPiece(t.hem[0] - 10, hemY - 44, hemY);
  const cuffs = t.sleeve && !t.detached ? cuffPieces(t.sleeve, 44) : [];
  const pieces = [...topLayers(t, { d: bodyD(t) }), band, ...cuffs];
  return finish(pieces, pal, 0.74, (p) => {
    let out = neckFinish(p, t, true) + bodyFolds(p, t, rng, hemY - 44);
    out += bandRib(p, t.hem[0] - 12, hemY - 42, hemY - 2);
    if (t.sleeve) out += cuffRib(p, t.sleeve, 44);
    if (!t.sleeve) out += stitch(p, both(offD(t.cut.arm, [Q(t.cut.arm[0] - 40, t.cut.arm[1] - 20, t.cut.arm[0] - 60, 60)])));
    if (t.neckline === "collared") out += placket(p, 50, 170, 3, 6);
    return out;
  }, { printArea: chestArea(t) });
};

const tank: DrawGarment = (spec, pal, rng) => {
  const silky = SILKY.has(spec.attributes.material ?? "");
  const t = topOf(spec, { hemY: TOP_HEM[spec.attributes.fit ?? "regular"] - 10, dip: silky ? 14 : 4, strap: silky ? 16 : 44 });
  const pieces = topLayers(t, { d: bodyD(t) });
  return finish(pieces, pal, 0.72, (p) => {
    let out = neckFinish(p, t, !silky) + hemLine(p, t, 14) + bodyFolds(p, t, rng);
    if (t.neckline !== "strapless" && t.neckline !== "halter") {
      const [ax, ay] = t.cut.arm;
      out += stitch(p, both(offD([ax - 4, ay - 8], [Q(ax - 40, ay - 20, t.cut.neckX + (silky ? 12 : 36), 30)])));
    }
    return out;
  }, { printArea: chestArea(t) });
};

const hoodie: DrawGarment = (spec, pal, rng) => {
  const hemY = TOP_HEM[spec.attributes.fit ?? "regular"] + 20;
  const t = topOf(spec, { hemY: hemY - 46, dip: 0, neckline: "hooded", wide: -6 });
  const zipped = chance(rng, 0.3);
  const band = bandPiece(t.hem[0] - 12, hemY - 50, hemY);
  const cuffs = t.sleeve && t.sleeveKind !== "short" ? cuffPieces(t.sleeve, 44) : [];
  const py0 = hemY - 200, py1 = hemY - 54, pw = t.hem[0] * 0.82;
  const pocket: FabricPiece = { d: symPath([0, py0], [L(pw * 0.56, py0), C(pw * 0.64, py0 + 50, pw * 0.88, py1 - 40, pw, py1), L(0, py1)]), shade: "none" };
  const pieces = [...topLayers(t, { d: bodyD(t) }), band, ...cuffs, pocket];
  return finish(pieces, pal, 0.78, (p) => {
    let out = bandRib(p, t.hem[0] - 14, hemY - 48, hemY - 2);
    out += t.sleeve && t.sleeveKind !== "short" ? cuffRib(p, t.sleeve, 44) : sleeveEnds(p, t.sleeve, "hem");
    out += stitch(p, both(offD([pw * 0.6, py0 + 8], [C(pw * 0.67, py0 + 50, pw * 0.83, py1 - 40, pw * 0.93, py1 - 4)])));
    out += drawcords(p, t, rng) + bodyFolds(p, t, rng, py0);
    if (zipped) out += zipLine(p, t.cut.depth - 6, hemY);
    return out;
  }, { printArea: zipped ? undefined : { x0: CX - 92, y0: 150, x1: CX + 92, y1: hemY - 220 } });
};

function drawcords(p: Pen, t: Top, rng: Rng): string {
  const drop = range(rng, 120, 170);
  let out = "";
  for (const s of [-1, 1]) {
    const x = CX + s * 26, y = t.cut.depth - 30;
    out += `<circle cx="${x}" cy="${y}" r="${n(5)}" fill="${p.pal.metal}" stroke="${p.pal.line}" stroke-width="${n(1.4 / p.k)}"/>`;
    out += `<path d="M${x} ${y}Q${x + s * 8} ${y + drop / 2} ${x + s * 4} ${y + drop}" fill="none" stroke="${mix(p.pal.light, "#ffffff", 0.3)}" stroke-width="${n(6 / p.k)}" stroke-linecap="round"/>`;
    out += `<rect x="${x + s * 4 - 4}" y="${y + drop - 2}" width="8" height="18" rx="2" fill="${p.pal.metal}" stroke="${p.pal.line}" stroke-width="${n(1.2 / p.k)}"/>`;
  }
  return out;
}

// ---- One-pieces ---------------------------------------------------------------------------------------------

const DRESS_HEM: Record<string, number> = { mini: 620, above_knee: 710, knee: 810, midi: 970, maxi: 1150 };
const LENGTH_FRAC: Record<string, number> = { mini: 0.7, above_knee: 0.74, knee: 0.78, midi: 0.82, maxi: 0.86, full: 0.86, cropped: 0.8 };
/** Skirt sweep per fit: how far the hem flares out per 100 units of length below the waist. */
const FLARE: Record<string, number> = { fitted: 6, regular: 30, loose: 40, oversized: 52 };

const dress: DrawGarment = (spec, pal, rng) => {
  const a = spec.attributes;
  const fit = a.fit ?? "regular";
  const hemY = DRESS_HEM[a.length ?? "knee"];
  const flare = FLARE[fit] * range(rng, 0.85, 1.15);
  // Shift and tent dresses hang from the shoulders in one piece; fitted and A-line ones have a waist seam.
  const seamed = fit === "fitted" || fit === "regular";
  const t = topOf(spec, { hemY, dip: -10, hemFlare: seamed ? 0 : flare * 0.8, strap: 54 });
  const hx = seamed ? t.f.waistX + (flare * (hemY - t.f.waistY)) / 100 + (fit === "fitted" ? 18 : 0) : t.hem[0];
  const skirt: FabricPiece = { d: symPath([0, t.f.waistY - 4], [L(t.f.waistX, t.f.waistY - 4), C(t.f.waistX + 10, t.f.waistY + 120, hx - 10, hemY - 160, hx, hemY), hemSeg([hx, hemY], 18)]) };
  const body: FabricPiece = seamed ? { d: bodiceD(t) } : { d: bodyD(t) };
  const layers = topLayers(t, body);
  const pieces = seamed ? [skirt, ...layers] : layers;
  return finish(pieces, pal, LENGTH_FRAC[a.length ?? "knee"], (p) => {
    let out = neckFinish(p, t, a.material === "knit") + sleeveEnds(p, t.sleeve, "hem");
    out += stitch(p, both(offD([hx - 2, hemY - 14], [Q(hx * 0.55, hemY + 4, 0, hemY + 4)])));
    if (seamed) {
      const wy = t.f.waistY;
      out += darts(p, t, wy) + skirtFolds(p, t.f.waistX, wy, hx, hemY, fit === "fitted" ? 1 : 3, rng);
      if (fit === "fitted") out += seam(p, `M${CX} ${hemY - 110}L${CX} ${hemY + 18}`); // back vent line
    } else out += skirtFolds(p, t.cut.arm[0] - 30, t.f.armY + 60, hx, hemY, 3, rng);
    if (a.neckline === "collared") out += placket(p, t.cut.depth - 12, seamed ? t.f.waistY - 10 : t.f.waistY + 80, 5, 6);
    return out;
  }, { printArea: chestArea(t), verticalStripes: a.neckline === "collared" });
};

/** Bust darts from the side seams and waist darts up from the waist seam. */
function darts(p: Pen, t: Top, wy: number): string {
  const [ax, ay] = t.cut.arm;
  return seam(p, both(offD([ax + 2, ay + 50], [L(ax - 46, ay + 40)]) + offD([58, wy], [L(62, wy - 90)])), 1.8);
}

function skirtFolds(p: Pen, wx: number, wy: number, hx: number, hy: number, count: number, rng: Rng): string {
  let d = "";
  for (let i = 0; i < count; i++) {
    const t = (i + range(rng, 0.4, 0.7)) / (count + 0.3);
    const top = wx * t * 0.8, bot = hx * t;
    d += offD([top, wy + range(rng, 60, 140)], [Q((top + bot) / 2 + 6, (wy + hy) / 2 + 60, bot, hy + 8)]);
  }
  return fold(p, both(d), 0.14);
}

const LEG_HEM: Record<string, number> = { full: 1150, cropped: 1010, above_knee: 680 };
const LEG_WIDTH: Record<string, number> = { fitted: 58, regular: 80, loose: 108, oversized: 138 };

const jumpsuit: DrawGarment = (spec, pal, rng) => {
  const a = spec.attributes;
  const t = topOf(spec, { hemY: 600, strap: 54 });
  const { waistX, waistY, hipY } = t.f;
  const hemY = LEG_HEM[a.length ?? "full"];
  const hipX = t.f.hipX + 6;
  const legW = LEG_WIDTH[a.fit ?? "regular"] + (hemY < 800 ? 20 : 0);
  const crotchY = 570;
  const outX = Math.max(hipX - 10 + (legW - 80) * 0.6, hipX * 0.5 + legW);
  const legs: FabricPiece = {
    d: symPath([0, waistY - 4], [L(waistX, waistY - 4), C(waistX + 20, waistY + 60, hipX, hipY - 40, hipX, hipY), C(hipX, hipY + 120, outX, hemY - 200, outX, hemY), L(outX - legW * 2 + 10, hemY), C(outX - legW * 2 + 6, hemY - 220, 20, crotchY + 70, 0, crotchY)]),
  };
  const belt = chance(rng, 0.5);
  const pieces = [legs, ...topLayers(t, { d: bodiceD(t) })];
  return finish(pieces, pal, LENGTH_FRAC[a.length ?? "full"], (p) => {
    let out = neckFinish(p, t, false) + sleeveEnds(p, t.sleeve, "hem");
    out += seam(p, `M${CX} ${waistY + 4}L${CX} ${crotchY}`) + stitch(p, `M${CX + 8} ${waistY + 6}L${CX + 8} ${waistY + 150}Q${CX + 8} ${waistY + 176} ${CX - 2} ${waistY + 186}`);
    out += stitch(p, `M${CX + outX - 2} ${hemY - 16}L${CX + outX - legW * 2 + 12} ${hemY - 16}M${CX - outX + 2} ${hemY - 16}L${CX - outX + legW * 2 - 12} ${hemY - 16}`);
    out += seam(p, both(offD([waistX + 8, waistY + 20], [Q(waistX - 20, waistY + 50, waistX - 40, waistY + 90)])));
    out += fold(p, both(offD([outX - legW * 0.9, hipY + 120], [Q(outX - legW, (hipY + hemY) / 2, outX - legW * 0.95, hemY - 20)])), 0.12);
    if (belt) out += sashBelt(p, t.f, rng);
    if (a.neckline === "collared") out += placket(p, t.cut.depth - 12, waistY, 4, 6);
    return out;
  }, { printArea: chestArea(t) });
};

/** A self-fabric tie belt with a bow at the front. */
function sashBelt(p: Pen, f: Figure, rng: Rng): string {
  const y = f.waistY, x = f.waistX + 4, tail = range(rng, 90, 140);
  const fill = p.pal.base;
  const stroke = `stroke="${p.pal.line}" stroke-width="${n(2.2 / p.k)}" stroke-linejoin="round"`;
  return `<path d="M${CX - x} ${y - 16}L${CX + x} ${y - 16}L${CX + x} ${y + 16}L${CX - x} ${y + 16}Z" fill="${fill}" ${stroke}/>` +
    `<path d="M${CX + 30} ${y}L${CX + 48} ${y + tail}L${CX + 66} ${y + tail - 8}L${CX + 42} ${y}ZM${CX + 26} ${y}L${CX + 4} ${y + tail + 10}L${CX + 22} ${y + tail + 14}L${CX + 36} ${y}Z" fill="${fill}" ${stroke}/>` +
    `<path d="M${CX + 12} ${y - 14}L${CX + 48} ${y - 28}L${CX + 48} ${y + 26}L${CX + 12} ${y + 12}Z" fill="${fill}" ${stroke}/>` +
    `<rect x="${CX + 8}" y="${y - 16}" width="26" height="32" rx="6" fill="${fill}" ${stroke}/>`;
}

export const UPPER_DRAWERS: Record<string, DrawGarment> = {
  tshirt, blouse, shirt, sweater, tank, hoodie, dress, jumpsuit, ...OUTERWEAR,
};
