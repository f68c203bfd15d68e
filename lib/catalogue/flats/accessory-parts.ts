// Small drawing parts shared by the shoe and accessory drawers: sampled curves, bands (straps, handles,
// belts) built around a centreline, and the recurring finishes — seams, topstitching, metal hardware.
import { darken, type Palette } from "./colour";
import { circle, el, n, path, polyline, type P } from "./svg";

/** Points along a cubic Bézier, for centrelines that bands and hardware are laid along. */
export function cubicPts(p0: P, c1: P, c2: P, p3: P, count = 24): P[] {
  const out: P[] = [];
  for (let i = 0; i <= count; i++) {
    const t = i / count, m = 1 - t;
    const a = m * m * m, b = 3 * m * m * t, c = 3 * m * t * t, d = t * t * t;
    out.push([a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0], a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1]]);
  }
  return out;
}

/** The point a fraction `t` of the way along a sampled line (by index, fine for evenly sampled curves). */
export function along(line: P[], t: number): P {
  const f = Math.max(0, Math.min(1, t)) * (line.length - 1);
  const i = Math.min(line.length - 2, Math.floor(f)), k = f - i;
  return [line[i][0] + (line[i + 1][0] - line[i][0]) * k, line[i][1] + (line[i + 1][1] - line[i][1]) * k];
}

/** Unit normal of a sampled line at index i (left of the direction of travel). */
function normalAt(line: P[], i: number): P {
  const a = line[Math.max(0, i - 1)], b = line[Math.min(line.length - 1, i + 1)];
  const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy) || 1;
  return [-dy / len, dx / len];
}

/** A line moved sideways by a (varying) distance: the edges of a strap, a row of topstitching. */
export function offsetLine(line: P[], dist: number | ((t: number) => number)): P[] {
  const at = typeof dist === "number" ? () => dist : dist;
  return line.map((p, i) => {
    const [nx, ny] = normalAt(line, i), w = at(i / (line.length - 1));
    return [p[0] + nx * w, p[1] + ny * w] as P;
  });
}

/** A band of (varying) half-width around a centreline as a closed outline: straps, handles, belts. */
export function band(line: P[], half: number | ((t: number) => number)): string {
  const at = typeof half === "number" ? () => half : half;
  const left = offsetLine(line, at), right = offsetLine(line, (t) => -at(t));
  return polyline([...left, ...right.reverse()], true);
}

export const seam = (d: string, pal: Palette, width = 2) =>
  path(d, { fill: "none", stroke: pal.seam, "stroke-width": width, "stroke-linecap": "round", "stroke-linejoin": "round" });

export const stitch = (d: string, pal: Palette) =>
  path(d, { fill: "none", stroke: pal.stitch, "stroke-width": 1.6, "stroke-dasharray": "6 5", "stroke-linecap": "round" });

/** A soft shadow stroke for creases and folds. */
export const fold = (d: string, opacity = 0.16, width = 2.4) =>
  path(d, { fill: "none", stroke: "#000", "stroke-opacity": opacity, "stroke-width": width, "stroke-linecap": "round" });

/** A filled hardware shape (buckle, plate, lock) in the palette's metal with a light edge. */
export function metalShape(d: string, pal: Palette, width = 2): string {
  return path(d, { fill: pal.metal, stroke: darken(pal.metal, 0.45), "stroke-width": width, "stroke-linejoin": "round" });
}

/** A metal outline only (a buckle frame, a ring, a chain link). */
export function metalLine(d: string, pal: Palette, width = 6): string {
  const edge = darken(pal.metal, 0.45);
  return path(d, { fill: "none", stroke: edge, "stroke-width": width + 2.4, "stroke-linecap": "round", "stroke-linejoin": "round" }) +
    path(d, { fill: "none", stroke: pal.metal, "stroke-width": width, "stroke-linecap": "round", "stroke-linejoin": "round" }) +
    path(d, { fill: "none", stroke: pal.metalLight, "stroke-width": width * 0.3, "stroke-opacity": 0.8, "stroke-linecap": "round" });
}

/** A rivet, eyelet or stud: metal disc with a highlight. */
export function rivet(x: number, y: number, r: number, pal: Palette): string {
  return circle(x, y, r, { fill: pal.metal, stroke: darken(pal.metal, 0.5), "stroke-width": 1.4 }) +
    circle(x - r * 0.3, y - r * 0.3, r * 0.35, { fill: pal.metalLight, "fill-opacity": 0.9 });
}

/** A zip: tape line plus metal teeth along a sampled line, with an optional pull at the start. */
export function zipAlong(line: P[], pal: Palette, pull = true): string {
  const d = polyline(line);
  let out = path(d, { fill: "none", stroke: darken(pal.base, 0.5), "stroke-width": 7, "stroke-opacity": 0.55 });
  out += path(d, { fill: "none", stroke: pal.metal, "stroke-width": 5, "stroke-dasharray": "2 2.6" });
  if (pull) {
    const [x, y] = line[0];
    out += metalShape(`M${n(x - 5)} ${n(y - 4)}h10v22l-5 6l-5 -6Z`, pal, 1.6);
  }
  return out;
}

/** Chain links along a sampled line (bag straps): alternating flat and edge-on ovals. */
export function chainAlong(line: P[], pal: Palette, size = 14): string {
  let out = "";
  const count = Math.max(2, Math.round(line.length));
  for (let i = 0; i < count; i++) {
    const [x, y] = along(line, i / (count - 1));
    const [nx, ny] = normalAt(line, Math.round((i / (count - 1)) * (line.length - 1)));
    const angle = (Math.atan2(nx, -ny) * 180) / Math.PI;
    const rx = size * 0.7, ry = i % 2 ? size * 0.22 : size * 0.42;
    out += el("ellipse", { cx: x, cy: y, rx, ry, transform: `rotate(${n(angle)} ${n(x)} ${n(y)})`, fill: "none", stroke: darken(pal.metal, 0.45), "stroke-width": 5.2 });
    out += el("ellipse", { cx: x, cy: y, rx, ry, transform: `rotate(${n(angle)} ${n(x)} ${n(y)})`, fill: "none", stroke: pal.metal, "stroke-width": 3 });
  }
  return out;
}
