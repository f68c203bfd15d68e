// Print fills: one SVG <pattern> per ontology pattern, in colours derived from the base colour. Tiles are
// sized so each print still reads on a 256 px thumbnail, and the base colour keeps most of the area.
import { darken, lighten, mix, type Palette } from "./colour";
import { pickOf, range, type Rng } from "./rng";
import { circle, el, n, path, smoothPath, type P } from "./svg";

export interface PatternOptions {
  /** Stripes run lengthwise on tailored pieces (shirts, trousers), across elsewhere. */
  vertical: boolean;
}

const tile = (id: string, w: number, h: number, body: string, dx = 0, dy = 0, extra = "") =>
  el("pattern", { id, patternUnits: "userSpaceOnUse", width: w, height: h, x: dx, y: dy, patternTransform: extra || undefined }, body);

const rect = (x: number, y: number, w: number, h: number, fill: string, opacity?: number) =>
  el("rect", { x, y, width: w, height: h, fill, "fill-opacity": opacity });

/** Returns the <pattern> definition for a print, or "" for prints that are drawn as placed artwork. */
export function patternDef(id: string, pattern: string, pal: Palette, rng: Rng, opts: PatternOptions): string {
  const ox = Math.floor(rng() * 60), oy = Math.floor(rng() * 60);
  switch (pattern) {
    case "striped": return stripes(id, pal, rng, opts, ox, oy);
    case "polka_dot": {
      const s = Math.round(range(rng, 44, 56)), r = s * range(rng, 0.14, 0.2);
      return tile(id, s, s, rect(0, 0, s, s, pal.base) + circle(s / 4, s / 4, r, { fill: pal.contrast }) +
        circle((3 * s) / 4, (3 * s) / 4, r, { fill: pal.contrast }), ox, oy);
    }
    case "gingham": {
      const s = Math.round(range(rng, 18, 24));
      const c = pal.isDark ? lighten(pal.base, 0.85) : mix(pal.base, "#ffffff", 0.85);
      return tile(id, 2 * s, 2 * s, rect(0, 0, 2 * s, 2 * s, pal.base) + rect(0, s, 2 * s, s, c, 0.55) + rect(s, 0, s, 2 * s, c, 0.55), ox, oy);
    }
    case "plaid": return plaid(id, pal, rng, ox, oy);
    case "houndstooth": return houndstooth(id, pal, ox, oy);
    case "floral": return floral(id, pal, rng, ox, oy);
    case "leopard": return leopard(id, pal, rng, ox, oy);
    case "camouflage": return camouflage(id, pal, rng, ox, oy);
    case "geometric": return geometric(id, pal, rng, ox, oy);
    default: return "";
  }
}

function stripes(id: string, pal: Palette, rng: Rng, opts: PatternOptions, ox: number, oy: number): string {
  const period = Math.round(range(rng, 30, 44));
  const style = pickOf(rng, ["breton", "breton", "pin", "double"] as const);
  let body = rect(0, 0, period, period, pal.base);
  if (style === "breton") body += rect(0, 0, period, period * 0.36, pal.contrast);
  else if (style === "pin") body += rect(0, 0, period, 4, pal.contrast);
  else body += rect(0, 0, period, period * 0.2, pal.contrast) + rect(0, period * 0.3, period, 3, pal.accent);
  return tile(id, period, period, body, ox, oy, opts.vertical ? "rotate(90)" : "");
}

function plaid(id: string, pal: Palette, rng: Rng, ox: number, oy: number): string {
  const s = Math.round(range(rng, 110, 140));
  const band = pal.isDark ? lighten(pal.base, 0.35) : darken(pal.base, 0.45);
  const w = s * 0.26;
  const body = rect(0, 0, s, s, pal.base) +
    rect(0, s * 0.1, s, w, band, 0.45) + rect(s * 0.1, 0, w, s, band, 0.45) +
    rect(0, s * 0.62, s, 5, pal.accent, 0.9) + rect(s * 0.62, 0, 5, s, pal.accent, 0.9) +
    rect(0, s * 0.8, s, 2.5, pal.contrast, 0.8) + rect(s * 0.8, 0, 2.5, s, pal.contrast, 0.8) +
    rect(0, s * 0.2, s, 2, pal.contrast, 0.5) + rect(s * 0.2, 0, 2, s, pal.contrast, 0.5);
  return tile(id, s, s, body, ox, oy);
}

/** Houndstooth is a 2/2 twill woven with 4 dark and 4 light threads each way; the bitmap follows from that. */
function houndstooth(id: string, pal: Palette, ox: number, oy: number): string {
  const u = 6;
  const ink = pal.isDark ? lighten(pal.base, 0.75) : darken(pal.base, 0.78);
  let d = "";
  for (let i = 0; i < 8; i++) {
    for (let j = 0; j < 8; j++) {
      const warpUp = (i + j) % 4 < 2;
      const dark = warpUp ? j % 8 < 4 : i % 8 < 4;
      if (dark) d += `M${j * u} ${i * u}h${u}v${u}h-${u}z`;
    }
  }
  return tile(id, 8 * u, 8 * u, rect(0, 0, 8 * u, 8 * u, pal.base) + path(d, { fill: ink }), ox, oy);
}

function blob(rng: Rng, x: number, y: number, r: number, points = 6, jitter = 0.35): string {
  const pts: P[] = [];
  for (let i = 0; i < points; i++) {
    const a = (i / points) * Math.PI * 2 + range(rng, -0.2, 0.2);
    const rr = r * range(rng, 1 - jitter, 1 + jitter);
    pts.push([x + Math.cos(a) * rr, y + Math.sin(a) * rr * 0.8]);
  }
  return smoothPath(pts);
}

/** Draws a path-producing motif at (x, y) and at the three wrapped copies so the tile repeats seamlessly. */
function wrapped(w: number, h: number, x: number, y: number, draw: (x: number, y: number) => string): string {
  return draw(x, y) + draw(x - w, y) + draw(x, y - h) + draw(x - w, y - h);
}

function floral(id: string, pal: Palette, rng: Rng, ox: number, oy: number): string {
  const s = Math.round(range(rng, 130, 160));
  const leaf = pal.isDark ? "#5f8a5a" : mix("#3f6b3a", pal.base, 0.25);
  const petal = [pal.accent, pal.contrast, pal.accent2];
  let body = rect(0, 0, s, s, pal.base);
  const spots: [number, number, number][] = [[0.25, 0.3, 1], [0.72, 0.62, 0.85], [0.3, 0.82, 0.6], [0.8, 0.15, 0.55]];
  spots.forEach(([fx, fy, scale], k) => {
    const x = fx * s + range(rng, -6, 6), y = fy * s + range(rng, -6, 6), r = 17 * scale;
    const rot = range(rng, 0, 72);
    body += wrapped(s, s, x, y, (cx, cy) => {
      let g = path(`M${n(cx)} ${n(cy)}q${n(r * 1.6)} ${n(-r * 0.4)} ${n(r * 2.1)} ${n(r * 0.5)}q${n(-r)} ${n(r * 0.3)} ${n(-r * 2.1)} ${n(-r * 0.5)}z`, { fill: leaf });
      for (let p = 0; p < 5; p++) {
        g += el("ellipse", { cx: cx, cy: cy - r * 0.55, rx: r * 0.42, ry: r * 0.62, fill: petal[k % 3], transform: `rotate(${n(rot + p * 72)} ${n(cx)} ${n(cy)})` });
      }
      return g + circle(cx, cy, r * 0.28, { fill: pal.isDark ? "#f3d27a" : darken(petal[k % 3], 0.45) });
    });
  });
  for (let i = 0; i < 5; i++) body += circle(range(rng, 8, s - 8), range(rng, 8, s - 8), 3, { fill: petal[i % 3], "fill-opacity": 0.8 });
  return tile(id, s, s, body, ox, oy);
}

function leopard(id: string, pal: Palette, rng: Rng, ox: number, oy: number): string {
  const s = 170;
  const spot = pal.isDark ? lighten(pal.base, 0.42) : darken(mix(pal.base, "#3b2412", 0.3), 0.72);
  const inner = pal.isDark ? lighten(pal.base, 0.16) : darken(mix(pal.base, "#b8742a", 0.3), 0.14);
  let body = rect(0, 0, s, s, pal.base);
  let spots = "", centres = "";
  for (let gy = 0; gy < 3; gy++) {
    for (let gx = 0; gx < 3; gx++) {
      const x = (gx + 0.5 + (gy % 2) * 0.3) * (s / 3) + range(rng, -8, 8), y = (gy + 0.5) * (s / 3) + range(rng, -8, 8);
      const r = range(rng, 13, 19);
      const start = range(rng, 0, Math.PI * 2);
      centres += wrapped(s, s, x, y, (cx, cy) => blob(rng, cx, cy, r * 0.85, 5, 0.25));
      for (let k = 0; k < 4; k++) {
        if (rng() < 0.2) continue;
        const a = start + k * 1.57;
        spots += wrapped(s, s, x + Math.cos(a) * r, y + Math.sin(a) * r, (cx, cy) => blob(rng, cx, cy, range(rng, 5, 8), 5, 0.4));
      }
    }
  }
  body += path(centres, { fill: inner }) + path(spots, { fill: spot });
  return tile(id, s, s, body, ox, oy);
}

function camouflage(id: string, pal: Palette, rng: Rng, ox: number, oy: number): string {
  const s = 240;
  const tones = [darken(pal.base, 0.3), mix(lighten(pal.base, 0.28), "#a99d6b", 0.3), darken(pal.base, 0.62)];
  let body = rect(0, 0, s, s, pal.base);
  tones.forEach((tone, t) => {
    let d = "";
    for (let i = 0; i < 5 - t; i++) {
      const x = range(rng, 0, s), y = range(rng, 0, s), r = range(rng, 24, 42) * (t === 2 ? 0.7 : 1);
      d += wrapped(s, s, x, y, (cx, cy) => blob(rng, cx, cy, r, 7, 0.45));
    }
    body += path(d, { fill: tone });
  });
  return tile(id, s, s, body, ox, oy);
}

function geometric(id: string, pal: Palette, rng: Rng, ox: number, oy: number): string {
  const s = Math.round(range(rng, 64, 84));
  const kind = pickOf(rng, ["diamond", "triangle", "chevron"] as const);
  let body = rect(0, 0, s, s, pal.base);
  const h = s / 2;
  if (kind === "diamond") {
    body += path(`M${h} ${s * 0.12}L${s * 0.88} ${h}L${h} ${s * 0.88}L${s * 0.12} ${h}Z`, { fill: "none", stroke: pal.contrast, "stroke-width": 5 });
    body += path(`M${h} ${s * 0.36}L${s * 0.64} ${h}L${h} ${s * 0.64}L${s * 0.36} ${h}Z`, { fill: pal.accent });
  } else if (kind === "triangle") {
    body += path(`M0 ${h}L${s * 0.25} 0L${h} ${h}Z`, { fill: pal.contrast }) + path(`M${h} ${s}L${s * 0.75} ${h}L${s} ${s}Z`, { fill: pal.accent });
  } else {
    body += path(`M0 ${s * 0.3}L${h} ${s * 0.05}L${s} ${s * 0.3}M0 ${s * 0.75}L${h} ${h}L${s} ${s * 0.75}`, { fill: "none", stroke: pal.contrast, "stroke-width": 7 });
    body += path(`M0 ${s * 0.5}L${h} ${s * 0.27}L${s} ${s * 0.5}`, { fill: "none", stroke: pal.accent, "stroke-width": 3 });
  }
  return tile(id, s, s, body, ox, oy);
}

/** Colour blocking follows each piece's own box: the base on top, a contrast band, an accent below. */
export function colorBlockDefs(id: string, pal: Palette, rng: Rng): string {
  const split = range(rng, 0.5, 0.6);
  const body = rect(0, 0, 1, 1, pal.base) + rect(0, split, 1, 0.12, pal.contrast) + rect(0, split + 0.12, 1, 1, pal.accent);
  return el("pattern", { id, patternUnits: "objectBoundingBox", patternContentUnits: "objectBoundingBox", width: 1, height: 1 }, body);
}
