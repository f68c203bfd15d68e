// Tiny SVG-writing helpers for the fashion flats: number formatting (one decimal keeps files small and
// output byte-stable), element strings, symmetric garment outlines and smooth closed curves.

export type P = readonly [number, number];

/** Canvas size and the vertical axis every symmetric item is drawn around. */
export const SIZE = 1024;
export const CX = 512;

export function n(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

export function pt([x, y]: P): string {
  return `${n(x)} ${n(y)}`;
}

type AttrValue = string | number | undefined | null | false;

export function el(tag: string, attrs: Record<string, AttrValue>, children?: string): string {
  let out = `<${tag}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${key}="${typeof value === "number" ? n(value) : value}"`;
  }
  return children === undefined ? `${out}/>` : `${out}>${children}</${tag}>`;
}

export const path = (d: string, attrs: Record<string, AttrValue> = {}) => el("path", { d, ...attrs });
export const circle = (x: number, y: number, r: number, attrs: Record<string, AttrValue> = {}) =>
  el("circle", { cx: x, cy: y, r, ...attrs });
export const group = (children: string, attrs: Record<string, AttrValue> = {}) => el("g", attrs, children);

/** A segment of an outline: a line, or a quadratic (c1) or cubic (c1, c2) curve ending at `to`. */
export interface Seg { to: P; c1?: P; c2?: P }

export const L = (x: number, y: number): Seg => ({ to: [x, y] });
export const Q = (cx: number, cy: number, x: number, y: number): Seg => ({ c1: [cx, cy], to: [x, y] });
export const C = (ax: number, ay: number, bx: number, by: number, x: number, y: number): Seg => ({
  c1: [ax, ay], c2: [bx, by], to: [x, y],
});

function segD(s: Seg): string {
  if (s.c1 && s.c2) return `C${pt(s.c1)} ${pt(s.c2)} ${pt(s.to)}`;
  if (s.c1) return `Q${pt(s.c1)} ${pt(s.to)}`;
  return `L${pt(s.to)}`;
}

/** An open or closed path from a start point through segments (absolute coordinates). */
export function segPath(start: P, segs: Seg[], close = false): string {
  return `M${pt(start)}${segs.map(segD).join("")}${close ? "Z" : ""}`;
}

/**
 * A closed outline symmetric about x = cx. `start` and the segments describe the right half (x offsets
 * from the axis, >= 0) from a point on the axis to another point on the axis; the left half is mirrored.
 */
export function symPath(start: P, segs: Seg[], cx = CX): string {
  const abs = (p: P): P => [cx + p[0], p[1]];
  const mir = (p: P): P => [cx - p[0], p[1]];
  const right = segs.map((s) => ({ to: abs(s.to), c1: s.c1 && abs(s.c1), c2: s.c2 && abs(s.c2) }));
  const points = [start, ...segs.map((s) => s.to)];
  const left: Seg[] = [];
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i];
    const to = mir(points[i]);
    if (s.c1 && s.c2) left.push({ c1: mir(s.c2), c2: mir(s.c1), to });
    else if (s.c1) left.push({ c1: mir(s.c1), to });
    else left.push({ to });
  }
  return segPath(abs(start), [...right, ...left], true);
}

/** Mirrors a right-half segment list (offsets from cx) to the left, keeping direction (for open details). */
export function mirrorSegs(start: P, segs: Seg[], cx = CX): { start: P; segs: Seg[] } {
  const m = (p: P): P => [2 * cx - p[0], p[1]];
  return { start: m(start), segs: segs.map((s) => ({ to: m(s.to), c1: s.c1 && m(s.c1), c2: s.c2 && m(s.c2) })) };
}

export function mirrorX([x, y]: P, cx = CX): P {
  return [2 * cx - x, y];
}

export function polyline(points: P[], close = false): string {
  return `M${points.map(pt).join("L")}${close ? "Z" : ""}`;
}

/** A smooth curve through points (Catmull-Rom converted to cubic Béziers); closed curves loop. */
export function smoothPath(points: P[], close = true, tension = 1): string {
  const k = tension / 6;
  const count = points.length;
  const at = (i: number) => (close ? points[(i + count) % count] : points[Math.max(0, Math.min(count - 1, i))]);
  let d = `M${pt(points[0])}`;
  const last = close ? count : count - 1;
  for (let i = 0; i < last; i++) {
    const p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
    const c1: P = [p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k];
    const c2: P = [p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k];
    d += `C${pt(c1)} ${pt(c2)} ${pt(p2)}`;
  }
  return close ? `${d}Z` : d;
}

export function lerp(a: P, b: P, t: number): P {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

export function add(a: P, b: P, scale = 1): P {
  return [a[0] + b[0] * scale, a[1] + b[1] * scale];
}

/** Unit vector from a to b and its left normal. */
export function dir(a: P, b: P): { u: P; nrm: P; len: number } {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  return { u: [dx / len, dy / len], nrm: [dy / len, -dx / len], len };
}

/** Axis-aligned bounds an item reports so the page can centre it and place the floor shadow. */
export interface Box { x0: number; y0: number; x1: number; y1: number }

export function boxOf(points: P[]): Box {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export function unionBox(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
