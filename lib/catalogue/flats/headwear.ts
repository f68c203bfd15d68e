// Hats and scarves as face-on flats. A hat's shape follows its material as a shop's would (knit makes a
// beanie, felted wool a fedora, canvas and cotton a bucket hat or cap); a silk scarf lies flat as a square
// with a rolled, bordered hem, a wool or knit one hangs folded in two with fringed ends.
import { fold, rivet, seam, stitch } from "./accessory-parts";
import { darken, type Palette } from "./colour";
import type { DrawGarment, FabricPiece } from "./garment";
import { chance, range, type Rng } from "./rng";
import { circle, CX, n, path, polyline, smoothPath, symPath, L, Q, C, type P } from "./svg";

type HatKind = "fedora" | "bucket" | "beanie" | "cap";

function hatKind(material: string | undefined, rng: Rng): HatKind {
  if (material === "knit") return "beanie";
  if (material === "wool") return chance(rng, 0.7) ? "fedora" : "beanie";
  if (material === "linen") return chance(rng, 0.6) ? "fedora" : "bucket";
  return chance(rng, 0.6) ? "bucket" : "cap";
}

export const hat: DrawGarment = (spec, pal, rng) => {
  const kind = hatKind(spec.attributes.material, rng);
  const drawn = kind === "fedora" ? fedora(pal, rng) : kind === "bucket" ? bucket(pal) : kind === "beanie" ? beanie(pal, rng) : cap(pal);
  return { ...drawn, printArea: { x0: CX - 120, y0: 420, x1: CX + 120, y1: 540 } };
};

interface Drawn { pieces: FabricPiece[]; details: string; bounds: { x0: number; y0: number; x1: number; y1: number } }

function fedora(pal: Palette, rng: Rng): Drawn {
  const brimW = range(rng, 300, 340), base = 600;
  const brim = symPath([0, base - 42], [C(brimW * 0.5, base - 44, brimW * 0.9, base - 36, brimW, base - 8), Q(brimW + 8, base + 14, brimW * 0.9, base + 22), C(brimW * 0.6, base + 40, brimW * 0.3, base + 44, 0, base + 44)]);
  const crown = symPath([0, 320], [Q(70, 290, 130, 312), C(180, 330, 190, 420, 196, base - 10), Q(120, base + 14, 0, base + 16)]);
  const bandTop = base - 62;
  const hatBand = symPath([0, bandTop + 14], [Q(110, bandTop + 12, 192, bandTop - 2), L(196, base - 10), Q(120, base + 14, 0, base + 16)]);
  let details = path(hatBand, { fill: darken(pal.base, 0.55), stroke: pal.line, "stroke-width": 2.4 });
  details += path(`M${n(CX + 150)} ${n(bandTop + 8)}l24 6l-8 46l-22 -10Z`, { fill: darken(pal.base, 0.65), stroke: pal.line, "stroke-width": 1.6 });
  // The pinch and centre dent of the crown.
  details += fold(`M${n(CX)} ${n(318)}Q${n(CX - 4)} 380 ${n(CX)} ${n(430)}`, 0.22, 3) + fold(`M${n(CX - 110)} 340Q${n(CX - 130)} 400 ${n(CX - 150)} 420M${n(CX + 110)} 340Q${n(CX + 130)} 400 ${n(CX + 150)} 420`, 0.14);
  details += stitch(symPath([0, base + 30], [C(brimW * 0.3, base + 30, brimW * 0.6, base + 26, brimW - 18, base + 8)]).replace(/Z$/, ""), pal);
  return { pieces: [{ d: brim, shade: "gV" }, { d: crown }], details, bounds: { x0: CX - brimW, y0: 290, x1: CX + brimW, y1: base + 44 } };
}

function bucket(pal: Palette): Drawn {
  const top = 340, base = 560;
  const crown = symPath([0, top], [C(120, top, 178, top + 10, 182, top + 70), L(192, base + 10), L(0, base + 10)]);
  const brim = symPath([0, base + 14], [Q(120, base + 14, 196, base - 6), L(300, base + 110), Q(160, base + 150, 0, base + 150)]);
  let details = seam(`M${n(CX - 182)} ${n(top + 70)}Q${n(CX)} ${n(top + 52)} ${n(CX + 182)} ${n(top + 70)}`, pal);
  details += stitch(`M${n(CX - 178)} ${n(top + 82)}Q${n(CX)} ${n(top + 64)} ${n(CX + 178)} ${n(top + 82)}`, pal);
  for (const s of [-1, 1]) details += seam(`M${n(CX + s * 90)} ${n(top + 58)}L${n(CX + s * 98)} ${n(base + 8)}`, pal);
  for (let row = 0; row < 4; row++) {
    const t = 0.2 + row * 0.2, y = base + 12 + 130 * t, w = 196 + 104 * t;
    details += stitch(`M${n(CX - w)} ${n(y - 18 * (1 - t))}Q${n(CX)} ${n(y + 24 * t + 8)} ${n(CX + w)} ${n(y - 18 * (1 - t))}`, pal);
  }
  for (const s of [-1, 1]) details += rivet(CX + s * 140, top + 120, 6, pal);
  return { pieces: [{ d: crown }, { d: brim, shade: "gV" }], details, bounds: { x0: CX - 300, y0: top, x1: CX + 300, y1: base + 150 } };
}

function beanie(pal: Palette, rng: Rng): Drawn {
  const top = chance(rng, 0.5) ? 300 : 250, cuffTop = 570, cuffBot = 720;
  const pieces: FabricPiece[] = [];
  if (top === 300) {
    // A pompom: a fluffy ball, its edge broken into tufts.
    const pts = Array.from({ length: 22 }, (_, i) => {
      const a = (i / 22) * Math.PI * 2, r = 78 + (i % 2 ? 10 : -4) + range(rng, -4, 4);
      return [CX + Math.cos(a) * r, 250 + Math.sin(a) * r] as P;
    });
    pieces.push({ d: smoothPath(pts), tone: "dark", shade: "gS" });
  }
  pieces.push({ d: symPath([0, top], [C(150, top, 228, top + 110, 232, cuffTop + 10), L(0, cuffTop + 10)]) });
  pieces.push({ d: symPath([0, cuffTop - 6], [Q(150, cuffTop - 8, 248, cuffTop), L(250, cuffBot - 8), Q(150, cuffBot + 4, 0, cuffBot + 4)]), shade: "gV" });
  let details = "";
  for (let x = -220; x <= 220; x += 22) details += path(`M${n(CX + x)} ${n(cuffTop + 6)}L${n(CX + x * 1.02)} ${n(cuffBot - 6)}`, { stroke: "#000", "stroke-opacity": 0.16, "stroke-width": 5 });
  details += fold(`M${n(CX - 120)} ${n(cuffTop - 40)}Q${n(CX - 60)} ${n(top + 160)} ${n(CX - 20)} ${n(top + 90)}`, 0.1, 3);
  if (chance(rng, 0.5)) details += path(`M${n(CX - 40)} ${n(cuffTop + 44)}h80v50h-80Z`, { fill: pal.contrast, stroke: pal.line, "stroke-width": 1.6 });
  return { pieces, details, bounds: { x0: CX - 250, y0: top === 300 ? 170 : top, x1: CX + 250, y1: cuffBot } };
}

function cap(pal: Palette): Drawn {
  const top = 330, base = 600;
  const crown = symPath([0, top], [C(160, top, 236, top + 110, 238, base), L(0, base)]);
  const visor = symPath([0, base - 22], [C(150, base - 22, 250, base - 10, 262, base + 16), Q(240, base + 74, 0, base + 84)]);
  let details = seam(`M${n(CX)} ${n(top)}L${n(CX)} ${n(base - 20)}`, pal);
  for (const s of [-1, 1]) details += seam(`M${n(CX)} ${n(top)}Q${n(CX + s * 150)} ${n(top + 40)} ${n(CX + s * 180)} ${n(base - 6)}`, pal);
  details += stitch(symPath([0, base + 4], [C(140, base + 4, 224, base + 12, 236, base + 28), Q(220, base + 62, 0, base + 70)]), pal);
  details += circle(CX, top + 2, 12, { fill: pal.dark, stroke: pal.line, "stroke-width": 2 });
  for (const s of [-1, 1]) details += circle(CX + s * 88, top + 70, 6, { fill: pal.deep, stroke: pal.seam, "stroke-width": 2 });
  return { pieces: [{ d: crown }, { d: visor, shade: "gV" }], details, bounds: { x0: CX - 262, y0: top, x1: CX + 262, y1: base + 84 } };
}

export const scarf: DrawGarment = (spec, pal, rng) =>
  spec.attributes.material === "silk" ? silkSquare(pal, rng) : drapedScarf(pal, rng);

function silkSquare(pal: Palette, rng: Rng): Drawn {
  const a = range(rng, -0.12, 0.12), half = 290;
  const rot = ([x, y]: P): P => [CX + x * Math.cos(a) - y * Math.sin(a), 512 + x * Math.sin(a) + y * Math.cos(a)];
  const edge = (k: number): P[] => ([[-half + k, -half + k], [half - k, -half + k], [half - k, half - k], [-half + k, half - k]] as P[]).map(rot);
  const square = polyline(edge(0), true);
  const border = polyline(edge(22), true);
  let details = path(border, { fill: "none", stroke: pal.accent, "stroke-width": 14, "stroke-opacity": 0.85 });
  details += stitch(polyline(edge(7), true), pal);
  details += fold(`M${n(rot([-half, 30])[0])} ${n(rot([-half, 30])[1])}L${n(rot([half, -20])[0])} ${n(rot([half, -20])[1])}`, 0.07, 10);
  const pts = edge(0);
  return { pieces: [{ d: square, shade: "gS" }], details, bounds: { x0: Math.min(...pts.map((p) => p[0])), y0: Math.min(...pts.map((p) => p[1])), x1: Math.max(...pts.map((p) => p[0])), y1: Math.max(...pts.map((p) => p[1])) } };
}

/** Fringe strands hanging from a scarf end: outline then fill colour, slightly splayed. */
function fringe(x0: number, x1: number, y: number, pal: Palette, rng: Rng): string {
  let out = "";
  for (let x = x0 + 8; x <= x1 - 6; x += 11) {
    const len = range(rng, 44, 60), sway = range(rng, -6, 6);
    const d = `M${n(x)} ${n(y - 4)}q${n(sway / 2)} ${n(len / 2)} ${n(sway)} ${n(len)}`;
    out += path(d, { fill: "none", stroke: pal.line, "stroke-width": 7, "stroke-linecap": "round" }) + path(d, { fill: "none", stroke: pal.base, "stroke-width": 4.4, "stroke-linecap": "round" });
  }
  return out;
}

function drapedScarf(pal: Palette, rng: Rng): Drawn {
  const w = range(rng, 150, 175), top = 190, longEnd = 800, shortEnd = longEnd - range(rng, 60, 110);
  const backX = CX - 20, frontX = CX - w + 20;
  // Folded in two over a bar: the back tail is the shorter, the front tail crosses over it.
  const back: P[] = [[backX, top + 30], [backX + w, top + 30], [backX + w + 24, shortEnd], [backX + 20, shortEnd + 8]];
  const front: P[] = [[frontX, top + 30], [frontX + w, top + 30], [frontX + w - 10, longEnd + 6], [frontX - 16, longEnd]];
  const loop = smoothPath([[frontX + 4, top + 44], [frontX + 20, top], [CX, top - 14], [backX + w - 16, top], [backX + w - 2, top + 44], [CX, top + 40]]);
  const panel = (p: P[]) => `M${n(p[0][0])} ${n(p[0][1])}L${n(p[1][0])} ${n(p[1][1])}C${n(p[1][0] + 6)} ${n((p[1][1] + p[2][1]) / 2)} ${n(p[2][0] - 10)} ${n(p[2][1] - 200)} ${n(p[2][0])} ${n(p[2][1])}L${n(p[3][0])} ${n(p[3][1])}C${n(p[3][0] - 10)} ${n(p[3][1] - 220)} ${n(p[0][0] - 8)} ${n((p[0][1] + p[3][1]) / 2)} ${n(p[0][0])} ${n(p[0][1])}Z`;
  let details = fringe(back[3][0], back[2][0], shortEnd + 4, pal, rng) + fringe(front[3][0], front[2][0], longEnd + 2, pal, rng);
  for (const [x, y0, y1] of [[frontX + w * 0.35, top + 80, longEnd - 80], [frontX + w * 0.7, top + 120, longEnd - 160]] as const) details += fold(`M${n(x)} ${n(y0)}Q${n(x + 14)} ${n((y0 + y1) / 2)} ${n(x - 6)} ${n(y1)}`, 0.1, 4);
  details += stitch(`M${n(front[3][0] + 4)} ${n(longEnd - 14)}L${n(front[2][0] - 4)} ${n(longEnd - 10)}`, pal);
  return {
    pieces: [{ d: panel(back), tone: "dark", shade: "none" }, { d: loop, shade: "gV" }, { d: panel(front) }],
    details,
    bounds: { x0: frontX - 20, y0: top - 14, x1: backX + w + 30, y1: longEnd + 60 },
  };
}

