// Placed artwork for the "graphic" and "logo" patterns: a chest print, a wordmark or a monogram, drawn with
// a tiny stroke alphabet so no font is needed (librsvg text would depend on the machine's fonts).
import type { Palette } from "./colour";
import { pickOf, range, type Rng } from "./rng";
import { circle, el, n, path, type Box } from "./svg";

/** Stroke glyphs on a 4 x 6 grid; each glyph is a list of polylines. */
const GLYPHS: Record<string, number[][][]> = {
  A: [[[0, 6], [2, 0], [4, 6]], [[0.7, 4], [3.3, 4]]],
  C: [[[4, 0.6], [3.4, 0], [1, 0], [0, 1], [0, 5], [1, 6], [3.4, 6], [4, 5.4]]],
  D: [[[0, 0], [0, 6], [3, 6], [4, 5], [4, 1], [3, 0], [0, 0]]],
  E: [[[4, 0], [0, 0], [0, 6], [4, 6]], [[0, 3], [3, 3]]],
  H: [[[0, 0], [0, 6]], [[4, 0], [4, 6]], [[0, 3], [4, 3]]],
  I: [[[2, 0], [2, 6]]],
  K: [[[0, 0], [0, 6]], [[4, 0], [0, 3.6]], [[1.3, 2.5], [4, 6]]],
  L: [[[0, 0], [0, 6], [4, 6]]],
  M: [[[0, 6], [0, 0], [2, 3.2], [4, 0], [4, 6]]],
  N: [[[0, 6], [0, 0], [4, 6], [4, 0]]],
  O: [[[1, 0], [3, 0], [4, 1], [4, 5], [3, 6], [1, 6], [0, 5], [0, 1], [1, 0]]],
  R: [[[0, 6], [0, 0], [3, 0], [4, 1], [4, 2], [3, 3], [0, 3]], [[2, 3], [4, 6]]],
  S: [[[4, 0.6], [3.4, 0], [0.6, 0], [0, 0.6], [0, 2.4], [0.6, 3], [3.4, 3], [4, 3.6], [4, 5.4], [3.4, 6], [0.6, 6], [0, 5.4]]],
  T: [[[0, 0], [4, 0]], [[2, 0], [2, 6]]],
  U: [[[0, 0], [0, 5], [1, 6], [3, 6], [4, 5], [4, 0]]],
  V: [[[0, 0], [2, 6], [4, 0]]],
  Y: [[[0, 0], [2, 3], [4, 0]], [[2, 3], [2, 6]]],
};

const WORDS = ["ATELIER", "NORD", "LUMA", "VESTA", "KOSMO", "MIRA", "AURA", "ONDA", "SOLEN", "HALDEN", "CORSO", "DUNE"];

/** A word as one stroked path, centred on (x, y), letters `h` tall. Returns the path and its width. */
export function wordmark(word: string, x: number, y: number, h: number, color: string, weight = 0.16): { svg: string; width: number } {
  const u = h / 6, advance = 5.4 * u;
  const width = word.length * advance - 1.4 * u;
  let d = "";
  [...word].forEach((ch, i) => {
    const ox = x - width / 2 + i * advance, oy = y - h / 2;
    for (const line of GLYPHS[ch] ?? []) {
      d += line.map(([gx, gy], k) => `${k ? "L" : "M"}${n(ox + gx * u)} ${n(oy + gy * u)}`).join("");
    }
  });
  const svg = path(d, { fill: "none", stroke: color, "stroke-width": n(h * weight), "stroke-linecap": "square", "stroke-linejoin": "miter" });
  return { svg, width };
}

export function pickWord(rng: Rng): string {
  return pickOf(rng, WORDS);
}

/** Ink for prints: light on dark fabric, dark on light fabric, with the accent for a second colour. */
function inks(pal: Palette): [string, string, string] {
  return pal.isDark ? [pal.contrast, pal.accent, pal.accent2] : [pal.contrast, pal.accent, pal.accent2];
}

/** A logo placed in a front area: a small chest wordmark, a big centred one, or a circled monogram. */
export function logoArt(area: Box, pal: Palette, rng: Rng, big?: boolean): string {
  const [ink, accent] = inks(pal);
  const word = pickWord(rng);
  const w = area.x1 - area.x0, cx = (area.x0 + area.x1) / 2, cy = (area.y0 + area.y1) / 2;
  const style = big === undefined ? pickOf(rng, ["small", "big", "monogram"] as const) : big ? "big" : "small";
  if (style === "monogram") {
    const r = Math.min(w, area.y1 - area.y0) * 0.34;
    const m = wordmark(word.slice(0, 1) + word.slice(-1), cx, cy, r * 0.8, ink, 0.14);
    return circle(cx, cy, r, { fill: "none", stroke: accent, "stroke-width": n(r * 0.08) }) + m.svg;
  }
  if (style === "small") {
    const h = Math.max(14, w * 0.07);
    return wordmark(word, area.x0 + w * 0.72, area.y0 + (area.y1 - area.y0) * 0.18, h, ink, 0.2).svg;
  }
  const h = Math.min((w * 0.8) / (word.length * 0.9), (area.y1 - area.y0) * 0.3);
  const mark = wordmark(word, cx, cy, h, ink, 0.2);
  const bar = el("rect", { x: cx - mark.width / 2, y: cy + h * 0.85, width: mark.width, height: h * 0.18, fill: accent });
  return mark.svg + bar;
}

/** A chest print: a sunset disc, mountains, a wave badge or a varsity block, seeded. */
export function graphicArt(area: Box, pal: Palette, rng: Rng): string {
  const [ink, accent] = inks(pal);
  const w = area.x1 - area.x0, hgt = area.y1 - area.y0;
  const cx = (area.x0 + area.x1) / 2, cy = area.y0 + hgt * 0.45;
  const r = Math.min(w, hgt) * 0.32;
  const kind = pickOf(rng, ["sunset", "mountain", "wave", "varsity"] as const);
  let art = "";
  if (kind === "varsity") {
    const num = String(Math.floor(range(rng, 1, 9))) + String(Math.floor(range(rng, 0, 9)));
    art += digits(num, cx, cy, r * 1.5, accent, ink);
  } else {
    art += motif(kind, cx, cy, r, pal);
  }
  const caption = wordmark(pickWord(rng), cx, cy + r * 1.35, Math.max(12, r * 0.22), ink, 0.2);
  return art + caption.svg;
}

/** One pictorial badge of a chest print, centred on (cx, cy) with radius r. */
function motif(kind: "sunset" | "mountain" | "wave", cx: number, cy: number, r: number, pal: Palette): string {
  const [ink, accent, accent2] = inks(pal);
  let art = "";
  if (kind === "sunset") {
    art += circle(cx, cy, r, { fill: accent });
    for (let i = 0; i < 4; i++) {
      art += el("rect", { x: cx - r, y: cy + r * (0.1 + i * 0.22), width: 2 * r, height: r * (0.05 + i * 0.03), fill: pal.base });
    }
    art += circle(cx, cy, r, { fill: "none", stroke: ink, "stroke-width": n(r * 0.06) });
  } else if (kind === "mountain") {
    art += circle(cx, cy, r, { fill: accent2 });
    art += path(`M${n(cx - r)} ${n(cy + r * 0.6)}L${n(cx - r * 0.3)} ${n(cy - r * 0.4)}L${n(cx + 0.05 * r)} ${n(cy + r * 0.1)}L${n(cx + r * 0.4)} ${n(cy - r * 0.6)}L${n(cx + r)} ${n(cy + r * 0.6)}Z`, { fill: ink });
    art += path(`M${n(cx - r * 0.42)} ${n(cy - r * 0.22)}L${n(cx - r * 0.3)} ${n(cy - r * 0.4)}L${n(cx - r * 0.18)} ${n(cy - r * 0.22)}Z`, { fill: accent });
  } else {
    art += el("rect", { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, rx: r * 0.25, fill: accent });
    const amp = r * 0.18;
    let d = "";
    for (let k = 0; k < 3; k++) {
      const y = cy - r * 0.4 + k * r * 0.45;
      d += `M${n(cx - r * 0.8)} ${n(y)}q${n(r * 0.2)} ${n(-amp)} ${n(r * 0.4)} 0t${n(r * 0.4)} 0t${n(r * 0.4)} 0t${n(r * 0.4)} 0`;
    }
    art += path(d, { fill: "none", stroke: ink, "stroke-width": n(r * 0.1), "stroke-linecap": "round" });
  }
  return art;
}

/**
 * The graphic print of a piece with no front to place artwork on (a hat, a boot, a bag, a blazer): the chest print's
 * badges repeated all over, half-dropped, so it reads as pictures, not as the geometric repeat.
 */
export function graphicTile(id: string, pal: Palette, rng: Rng): string {
  // Not the sunset disc: that small, its bars vanish and it reads as a polka dot.
  const s = 144, r = 30;
  const kind = pickOf(rng, ["mountain", "wave"] as const);
  return el("pattern", { id, patternUnits: "userSpaceOnUse", width: s, height: s },
    el("rect", { x: 0, y: 0, width: s, height: s, fill: pal.base }) + motif(kind, s / 4, s / 4, r, pal) + motif(kind, (3 * s) / 4, (3 * s) / 4, r, pal));
}

/** Two varsity digits built from blocks (a seven-segment face, outlined). */
function digits(text: string, cx: number, cy: number, h: number, fill: string, outline: string): string {
  const SEG: Record<string, string> = { "0": "abcdef", "1": "bc", "2": "abged", "3": "abgcd", "4": "fgbc", "5": "afgcd", "6": "afgedc", "7": "abc", "8": "abcdefg", "9": "abcdfg" };
  const w = h * 0.5, t = h * 0.14;
  let d = "";
  [...text].forEach((ch, i) => {
    const x = cx - w - h * 0.06 + i * (w + h * 0.12), y = cy - h / 2;
    const segs: Record<string, [number, number, number, number]> = {
      a: [x, y, w, t], b: [x + w - t, y, t, h / 2], c: [x + w - t, y + h / 2, t, h / 2], d: [x, y + h - t, w, t],
      e: [x, y + h / 2, t, h / 2], f: [x, y, t, h / 2], g: [x, y + h / 2 - t / 2, w, t],
    };
    for (const s of SEG[ch] ?? "") {
      const [sx, sy, sw, sh] = segs[s];
      d += `M${n(sx)} ${n(sy)}h${n(sw)}v${n(sh)}h${n(-sw)}z`;
    }
  });
  return path(d, { fill, stroke: outline, "stroke-width": n(h * 0.03) });
}

/** An all-over monogram repeat (bags, scarves): two letters and a small diamond, in the contrast ink. */
export function monogramTile(id: string, pal: Palette, rng: Rng): string {
  const s = 64;
  const word = pickWord(rng);
  const mark = wordmark(word.slice(0, 1) + word.slice(-1), s / 4, s / 4, 13, pal.contrast, 0.14).svg;
  const mark2 = wordmark(word.slice(0, 1) + word.slice(-1), (3 * s) / 4, (3 * s) / 4, 13, pal.contrast, 0.14).svg;
  const dia = (x: number, y: number) => `M${x} ${y - 6}l6 6l-6 6l-6 -6z`;
  return el("pattern", { id, patternUnits: "userSpaceOnUse", width: s, height: s },
    el("rect", { x: 0, y: 0, width: s, height: s, fill: pal.base }) + mark + mark2 +
    path(dia((3 * s) / 4, s / 4) + dia(s / 4, (3 * s) / 4), { fill: pal.accent, "fill-opacity": 0.8 }));
}
