// Outerwear flats: jackets, coats and blazers, drawn closed over an eased figure (cut roomier to go over other
// clothes). Coats and blazers share a notched-lapel front; jackets follow their cloth: a denim trucker with
// gold topstitching, a leather biker with an asymmetric or centre zip, or a bomber or chore jacket.
import type { DrawGarment, FabricPiece } from "./garment";
import type { FlatSpec } from "../types";
import { chance, pickOf, range, type Rng } from "./rng";
import { CX, L, n, Q, symPath, type P } from "./svg";
import { acrossSleeve, both, button, fold, offD, outline, seam, stitch, zip, type Figure, type Pen, type Sleeve } from "./upper-parts";
import {
  bandPiece, bandRib, bodyD, bodyFolds, cuffPieces, cuffRib, finish, mirrorPath, placket,
  shiftY, sleeveEnds, topLayers, topOf, zipLine, type Top,
} from "./upper-pieces";

/** Body length per length value (neck point at 0; waist 340, knee about 800). */
const OUTER_HEM: Record<string, number> = { cropped: 380, mini: 540, above_knee: 700, knee: 800, midi: 960, maxi: 1120 };
const HEIGHT: Record<string, number> = { cropped: 0.66, mini: 0.74, above_knee: 0.78, knee: 0.8, midi: 0.84, maxi: 0.86 };

function outerTop(spec: FlatSpec, ease: number, fallback: string, o: { breakY?: number; breakX?: number; neckline?: string } = {}): Top {
  const length = spec.attributes.length ?? fallback;
  return topOf(spec, { ease, hemY: OUTER_HEM[length] ?? 540, dip: 0, strap: 72, neckline: o.neckline ?? "lapel", breakY: o.breakY, breakX: o.breakX, hemFlare: 4 });
}

// ---- Lapels ---------------------------------------------------------------------------------------------

/** The inside of the V above the closure, the collar round the back neck, and two notched lapels. */
function lapelPieces(f: Figure, breakY: number, bx: number, s = 1): FabricPiece[] {
  const w = f.nw;
  const inside: FabricPiece = { d: symPath([0, 12], [Q(w * 0.6, 10, w + 2, 0), L(2, breakY), L(0, breakY)]), tone: "deep", printed: false, shade: "none" };
  const collar: FabricPiece = { d: symPath([0, -22], [Q(w * 0.7, -24, w + 6, -12), L(w + 10, 14), Q(w * 0.6, 10, 0, 12)]), shade: "none" };
  const lapel = offD([w - 4, -16], [L(w + 28 * s, 54 * s), L(w + 14 * s, 68 * s), L(w + 50 * s, 76 * s), Q(w + 34 * s, breakY * 0.72, bx, breakY), L(2, breakY), L(w - 6, 8)]) + "Z";
  return [inside, collar, { d: mirrorPath(lapel), shade: "gS" }, { d: lapel, shade: "gS" }];
}

/** Roll and gorge lines on the lapels, and the front edge running down from the break point. */
function lapelLines(p: Pen, f: Figure, breakY: number, bx: number, hemY: number, s = 1): string {
  const w = f.nw;
  const gorge = both(offD([w + 14 * s, 68 * s], [L(w - 8, 36)]));
  const edge = offD([bx, breakY], [L(bx, hemY - 30), Q(bx, hemY, bx + 30, hemY)]);
  return seam(p, gorge) + stitch(p, both(offD([w + 40 * s, 80 * s], [Q(w + 26 * s, breakY * 0.7, bx + 8, breakY - 10)]))) + outline(p, edge);
}

function flapPockets(p: Pen, y: number, x0: number, x1: number, slant = 0): string {
  const d = offD([x0, y], [L(x1, y + slant), L(x1, y + slant + 34), L(x0, y + 34), L(x0, y)]) + "Z";
  return both(outline(p, d, p.pal.base) + stitch(p, shiftY(offD([x0 + 4, y + 6], [L(x1 - 4, y + slant + 6)]), 0)));
}

/** Tailoring cuffs: a seam line near the end and a row of small buttons. */
function tailoredCuff(p: Pen, s: Sleeve | null, count: number): string {
  if (!s) return "";
  let out = sleeveEnds(p, s, "hem");
  for (let i = 0; i < count; i++) {
    const [o, inner] = acrossSleeve(s, 24 + i * 16);
    const x = inner[0] + (o[0] - inner[0]) * 0.25, y = inner[1] + (o[1] - inner[1]) * 0.25;
    out += button(p, x, y, 5) + button(p, 2 * CX - x, y, 5);
  }
  return out;
}

// ---- Blazer and coat ----------------------------------------------------------------------------------------

const blazer: DrawGarment = (spec, pal, rng) => {
  const cropped = spec.attributes.length === "cropped";
  const breakY = cropped ? 230 : 300;
  const t = outerTop(spec, 12, "mini", { breakY, breakX: 2 });
  const pieces = [...topLayers(t, { d: bodyD(t) }), ...lapelPieces(t.f, breakY, 4)];
  const buttons = cropped ? 1 : pickOf(rng, [1, 2, 2]);
  return finish(pieces, pal, HEIGHT[spec.attributes.length ?? "mini"], (p) => {
    let out = lapelLines(p, t.f, breakY, 4, t.hem[1], 1) + tailoredCuff(p, t.sleeve, spec.attributes.sleeve === "long" ? 3 : 0);
    for (let i = 0; i < buttons; i++) out += button(p, CX - 8, breakY + 14 + i * 80, 10);
    if (!cropped) out += flapPockets(p, t.f.waistY + 70, 44, Math.min(160, t.hem[0] - 20));
    out += seam(p, `M${CX + 70} 208L${CX + 134} 200`, 3) + bodyFolds(p, t, rng);
    out += seam(p, both(offD([t.f.armX - 40, t.f.armY + 40], [Q(t.f.waistX - 50, t.f.waistY, t.f.waistX - 40, t.hem[1] - 10)])), 1.6);
    return out;
  });
};

const coat: DrawGarment = (spec, pal, rng) => {
  const double = chance(rng, 0.45);
  const bx = double ? 62 : 6;
  const breakY = double ? 250 : 290;
  const t = outerTop(spec, 26, "knee", { breakY, breakX: 2 });
  const belted = chance(rng, 0.4);
  const pieces = [...topLayers(t, { d: bodyD(t) }), ...lapelPieces(t.f, breakY, bx, 1.25)];
  return finish(pieces, pal, HEIGHT[spec.attributes.length ?? "knee"], (p) => {
    let out = lapelLines(p, t.f, breakY, bx, t.hem[1], 1.25) + tailoredCuff(p, t.sleeve, 0) + bodyFolds(p, t, rng);
    const rows = double ? 3 : Math.min(5, Math.round((t.hem[1] - breakY) / 130));
    for (let i = 0; i < rows; i++) {
      const y = breakY + 16 + i * (double ? 86 : 100);
      if (double) out += button(p, CX + 36, y, 11) + button(p, CX - 36, y, 11);
      else out += button(p, CX - 10, y, 11);
    }
    out += flapPockets(p, t.f.waistY + 110, 60, Math.min(180, t.hem[0] - 30), -8);
    if (belted) out += belt(p, t.f, rng);
    out += fold(p, both(offD([t.hem[0] * 0.55, t.f.waistY + 140], [Q(t.hem[0] * 0.62, (t.f.waistY + t.hem[1]) / 2, t.hem[0] * 0.6, t.hem[1] - 8)])), 0.12);
    return out;
  });
};

/** A self belt with a metal buckle, passing through side loops. */
function belt(p: Pen, f: Figure, rng: Rng): string {
  const y = f.waistY, x = f.waistX + 12;
  const tail = range(rng, 70, 120);
  let out = outline(p, `M${CX - x} ${y - 18}L${CX + x} ${y - 18}L${CX + x} ${y + 18}L${CX - x} ${y + 18}Z`, p.pal.base);
  out += stitch(p, `M${CX - x} ${y - 11}L${CX + x} ${y - 11}M${CX - x} ${y + 11}L${CX + x} ${y + 11}`);
  out += outline(p, `M${CX + 70} ${y + 4}L${CX + 98} ${y + tail}L${CX + 128} ${y + tail - 6}L${CX + 104} ${y + 4}Z`, p.pal.base);
  out += `<rect x="${CX + 40}" y="${y - 26}" width="48" height="52" rx="6" fill="none" stroke="${p.pal.metal}" stroke-width="${n(7 / p.k)}"/>`;
  return out + both(outline(p, `M${CX + x - 30} ${y - 24}L${CX + x - 18} ${y - 24}L${CX + x - 18} ${y + 24}L${CX + x - 30} ${y + 24}Z`, p.pal.base));
}

// ---- Jackets by cloth -------------------------------------------------------------------------------------

const jacket: DrawGarment = (spec, pal, rng) => {
  const material = spec.attributes.material;
  if (material === "denim") return trucker(spec, pal, rng);
  if (material === "leather") return biker(spec, pal, rng);
  return chance(rng, 0.5) ? bomber(spec, pal, rng) : chore(spec, pal, rng);
};

const trucker: DrawGarment = (spec, pal, rng) => {
  const t = outerTop(spec, 16, "mini", { neckline: "collared" });
  const hemY = t.hem[1] + 46;
  const pieces = [...topLayers(t, { d: bodyD(t) }, 1.35), bandPiece(t.hem[0] - 4, t.hem[1] - 4, hemY), ...(t.sleeve ? cuffPieces(t.sleeve, 46) : [])];
  return finish(pieces, pal, HEIGHT[spec.attributes.length ?? "mini"], (p) => {
    const yoke = both(offD([t.f.nw + 6, 96], [Q(60, 120, 12, 124)]) + offD([t.f.nw + 6, 96], [Q(t.f.shX * 0.8, 104, t.f.armX + 2, 140)]));
    let out = seam(p, yoke) + stitch(p, shiftY(yoke, 6)) + placket(p, 60, hemY - 4, 6, 9, p.pal.metal);
    for (const s of [-1, 1]) {
      const x0 = CX + s * 40, x1 = CX + s * 130, y = 150;
      out += outline(p, `M${x0} ${y}L${x1} ${y}L${x1} ${y + 30}L${(x0 + x1) / 2} ${y + 50}L${x0} ${y + 30}Z`, p.pal.base);
      out += stitch(p, `M${x0 + s * 6} ${y + 6}L${x1 - s * 6} ${y + 6}`) + button(p, (x0 + x1) / 2, y + 32, 7, p.pal.metal);
      out += stitch(p, `M${x0} ${y + 60}L${x0} ${hemY - 50}M${x1} ${y + 60}L${x1} ${hemY - 50}`);
    }
    out += seam(p, `M${CX - t.hem[0] + 4} ${t.hem[1]}L${CX + t.hem[0] - 4} ${t.hem[1]}`) + stitch(p, `M${CX - t.hem[0] + 8} ${hemY - 8}L${CX + t.hem[0] - 8} ${hemY - 8}`);
    out += both(button(p, CX + t.hem[0] - 40, (t.hem[1] + hemY) / 2, 8, p.pal.metal));
    out += t.sleeve ? sleeveEnds(p, t.sleeve, "cuff") : "";
    return out + bodyFolds(p, t, rng);
  });
};

const biker: DrawGarment = (spec, pal, rng) => {
  const asym = chance(rng, 0.6);
  const t = outerTop(spec, 14, "cropped", asym ? { breakY: 170, breakX: 2 } : { neckline: "crew" });
  const hemY = t.hem[1] + 40;
  const collar: FabricPiece[] = asym ? lapelPieces(t.f, 170, 70, 1.4) : [{ d: symPath([0, -34], [Q(t.f.nw, -36, t.f.nw + 8, -30), L(t.f.nw + 12, 14), Q(t.f.nw * 0.6, 50, 0, 50)]), shade: "none" }];
  const pieces = [...topLayers(t, { d: bodyD(t) }), bandPiece(t.hem[0] - 2, t.hem[1] - 4, hemY), ...collar];
  return finish(pieces, pal, HEIGHT[spec.attributes.length ?? "cropped"], (p) => {
    const zx = asym ? CX + 70 : CX;
    let out = asym
      ? lapelLines(p, t.f, 170, 70, hemY, 1.4) + zip(p, [[zx, 172], [zx, hemY]])
      : zipLine(p, 40, hemY) + stitch(p, both(offD([t.f.nw + 6, -24], [L(t.f.nw + 10, 8)])));
    out += zip(p, [[CX + 50, t.f.waistY - 50], [CX + 120, t.f.waistY + 70]]) + zip(p, [[CX - 120, t.f.waistY - 50], [CX - 60, t.f.waistY + 70]]);
    out += seam(p, `M${CX - t.hem[0] + 2} ${t.hem[1]}L${CX + t.hem[0] - 2} ${t.hem[1]}`);
    out += `<rect x="${CX + t.hem[0] - 70}" y="${t.hem[1] - 4}" width="34" height="${hemY - t.hem[1] + 8}" rx="3" fill="none" stroke="${p.pal.metal}" stroke-width="${n(5 / p.k)}"/>`;
    if (t.sleeve) out += zip(p, [acrossSleeve(t.sleeve, 0)[1], acrossSleeve(t.sleeve, 90)[1]]) + sleeveEnds(p, t.sleeve, "hem");
    return out + bodyFolds(p, t, rng);
  });
};

const bomber: DrawGarment = (spec, pal, rng) => {
  const t = outerTop(spec, 20, "mini", { neckline: "crew" });
  const hemY = t.hem[1] + 48;
  const rib: FabricPiece = { d: symPath([0, 30], [Q(t.f.nw * 0.7, 30, t.f.nw + 4, -22), L(t.f.nw + 14, 4), Q(t.f.nw, 62, 0, 66)]), tone: "dark", shade: "none" };
  const cuffs = t.sleeve ? cuffPieces(t.sleeve, 46) : [];
  const pieces = [...topLayers(t, { d: bodyD(t) }), bandPiece(t.hem[0] - 14, t.hem[1] - 4, hemY), ...cuffs, rib];
  return finish(pieces, pal, HEIGHT[spec.attributes.length ?? "mini"], (p) => {
    let out = zipLine(p, 34, hemY) + bandRib(p, t.hem[0] - 16, t.hem[1], hemY - 2);
    if (t.sleeve) out += cuffRib(p, t.sleeve, 46);
    out += both(outline(p, `M${CX + 70} ${t.f.waistY + 10}L${CX + 96} ${t.f.waistY + 110}L${CX + 110} ${t.f.waistY + 106}L${CX + 84} ${t.f.waistY + 6}Z`, p.pal.base));
    if (t.sleeve && chance(rng, 0.6)) {
      const [o, i] = acrossSleeve(t.sleeve, t.sleeve.len - 100);
      const c: P = [(o[0] * 2 + i[0]) / 3, (o[1] * 2 + i[1]) / 3];
      out += zip(p, [c, [c[0] + t.sleeve.u[0] * 60, c[1] + t.sleeve.u[1] * 60]]);
    }
    return out + bodyFolds(p, t, rng);
  });
};

const chore: DrawGarment = (spec, pal, rng) => {
  const t = outerTop(spec, 18, "mini", { neckline: "collared" });
  const pieces = [...topLayers(t, { d: bodyD(t) })];
  const chestPockets = chance(rng, 0.6);
  return finish(pieces, pal, HEIGHT[spec.attributes.length ?? "mini"], (p) => {
    let out = placket(p, 56, t.hem[1] - 4, pickOf(rng, [4, 5]), 10) + sleeveEnds(p, t.sleeve, "cuff");
    const pocket = (x0: number, y0: number, w: number, h: number) => both(outline(p, `M${CX + x0} ${y0}L${CX + x0 + w} ${y0}L${CX + x0 + w} ${y0 + h}L${CX + x0} ${y0 + h}Z`, p.pal.base) + stitch(p, `M${CX + x0} ${y0 + 10}L${CX + x0 + w} ${y0 + 10}`));
    if (chestPockets) out += pocket(40, 150, 80, 88);
    out += pocket(36, t.hem[1] - 170, Math.min(120, t.hem[0] - 50), 130);
    return out + stitch(p, both(offD([t.hem[0] - 6, t.hem[1] - 14], [L(0, t.hem[1] - 14)]))) + bodyFolds(p, t, rng);
  });
};

export const OUTERWEAR: Record<string, DrawGarment> = { jacket, coat, blazer };
