// Colour maths for the flats: mixing, hue shifts, and the palette one product is painted with. Every shade,
// seam, stitch and print colour derives from the ontology hex of the product colour, so that colour stays
// the dominant, learnable signal of the image.
import { getColor } from "../../ontology";
import type { Rng } from "./rng";

type RGB = [number, number, number];

export function parseHex(hex: string): RGB {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as RGB;
}

export function toHex([r, g, b]: RGB): string {
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0");
  return `#${c(r)}${c(g)}${c(b)}`;
}

export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a), y = parseHex(b);
  return toHex([0, 1, 2].map((i) => x[i] + (y[i] - x[i]) * t) as RGB);
}

export const darken = (hex: string, t: number) => mix(hex, "#0b0b0e", t);
export const lighten = (hex: string, t: number) => mix(hex, "#ffffff", t);

/** Relative luminance (0 black .. 1 white), for choosing light or dark details. */
export function luminance(hex: string): number {
  const lin = parseHex(hex).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

function toHsl(hex: string): [number, number, number] {
  const [r, g, b] = parseHex(hex).map((v) => v / 255);
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function fromHsl(h: number, s: number, l: number): string {
  const k = (m: number) => (m + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (m: number) => l - a * Math.max(-1, Math.min(k(m) - 3, 9 - k(m), 1));
  return toHex([f(0) * 255, f(8) * 255, f(4) * 255]);
}

/** The base colour with its hue turned, saturation and lightness clamped into a printable range. */
export function shiftHue(hex: string, degrees: number, lightness?: number): string {
  const [h, s, l] = toHsl(hex);
  return fromHsl((h + degrees + 360) % 360, Math.max(0.35, s), lightness ?? Math.min(0.7, Math.max(0.35, l)));
}

export function saturation(hex: string): number {
  return toHsl(hex)[1] * (1 - Math.abs(2 * toHsl(hex)[2] - 1));
}

/** Companion hues for prints on neutral colours, which have no hue of their own to turn. */
const NEUTRAL_ACCENTS = ["#b23a48", "#2f4f8f", "#c58b3a", "#3f7a5a", "#8a4f9e"];

export interface Palette {
  base: string;
  /** Shaded fabric: folds, inner sleeves, the far side of a shoe. */
  dark: string;
  /** Insides: back neckline, bag interior, trouser hem opening. */
  deep: string;
  light: string;
  /** Silhouette outline, always darker than the background. */
  line: string;
  /** Interior seams and stitches: darker than light fabrics, lighter than dark ones. */
  seam: string;
  /** Topstitch thread (contrast gold on denim, tonal elsewhere). */
  stitch: string;
  /** Second print colour: the base pushed far towards light or dark. */
  contrast: string;
  /** Third and fourth print colours: turned hues, for florals, colour blocks, graphics. */
  accent: string;
  accent2: string;
  /** Metal of buttons, buckles, zips, rivets. */
  metal: string;
  metalLight: string;
  isDark: boolean;
  shiny: boolean;
}

export const BACKGROUND = "#f6f4f1";

export function makePalette(colorId: string, material: string | undefined, rng: Rng): Palette {
  const color = getColor(colorId);
  const base = color?.hex ?? "#8a8d91";
  const lum = luminance(base);
  const isDark = lum < 0.12;
  const neutral = saturation(base) < 0.12;
  const gold = rng() < 0.5 || colorId === "gold";
  const accentSeed = NEUTRAL_ACCENTS[Math.floor(rng() * NEUTRAL_ACCENTS.length)];
  const accent = neutral ? accentSeed : shiftHue(base, 150 + Math.floor(rng() * 60));
  const accent2 = neutral ? mix(accentSeed, isDark ? "#ffffff" : "#1b1b1b", 0.45) : shiftHue(base, -35, isDark ? 0.62 : 0.4);
  return {
    base,
    dark: isDark ? lighten(base, 0.07) : darken(base, 0.22),
    deep: isDark ? mix(base, "#000000", 0.35) : darken(base, 0.45),
    light: lighten(base, isDark ? 0.18 : 0.35),
    line: isDark ? "#0d0d0f" : darken(base, 0.72),
    seam: isDark ? lighten(base, 0.3) : darken(base, 0.42),
    stitch: material === "denim" ? "#d79b3a" : isDark ? lighten(base, 0.4) : darken(base, 0.35),
    contrast: lum > 0.42 ? darken(shiftHue(base, 0, 0.3), 0.35) : mix(base, "#fbf7ee", 0.82),
    accent,
    accent2,
    metal: gold ? "#c9a44c" : "#b9bcc2",
    metalLight: gold ? "#f3dc98" : "#eef0f3",
    isDark,
    shiny: Boolean(color?.shiny),
  };
}
