// Outline helpers for body parts and the garments that follow them: a limb (or sleeve, trouser leg, boot shaft)
// is a centre polyline with a half-width at each point, outlined as one smooth closed curve.
import { smoothPath, type P } from "../../catalogue/flats/svg";
import { unit } from "./skeleton";

export interface Spine { points: P[]; widths: number[] }

/** The outline of a spine: both sides offset along the averaged normals, with rounded (or square) ends. */
export function limbOutline({ points, widths }: Spine, caps: { start?: number; end?: number } = {}): string {
  const left: P[] = [], right: P[] = [];
  const last = points.length - 1;
  points.forEach((p, i) => {
    const [tx, ty] = tangentAt(points, i);
    const w = widths[i];
    left.push([p[0] - ty * w, p[1] + tx * w]);
    right.push([p[0] + ty * w, p[1] - tx * w]);
  });
  const [ex, ey] = tangentAt(points, last), [sx, sy] = tangentAt(points, 0);
  const endCap = caps.end ?? 0.55, startCap = caps.start ?? 0.55;
  const outline: P[] = [...left];
  if (endCap > 0) outline.push([points[last][0] + ex * widths[last] * endCap, points[last][1] + ey * widths[last] * endCap]);
  outline.push(...right.reverse());
  if (startCap > 0) outline.push([points[0][0] - sx * widths[0] * startCap, points[0][1] - sy * widths[0] * startCap]);
  return smoothPath(outline, true, 0.9);
}

function tangentAt(points: P[], i: number): P {
  const a = points[Math.max(0, i - 1)], b = points[Math.min(points.length - 1, i + 1)];
  return unit([b[0] - a[0], b[1] - a[1]]);
}

/** The part of a spine between two arc-length fractions, resampled at `count` points. */
export function sliceSpine(spine: Spine, from: number, to: number, count = 6): Spine {
  const lengths = [0];
  for (let i = 1; i < spine.points.length; i++) lengths.push(lengths[i - 1] + dist(spine.points[i - 1], spine.points[i]));
  const total = lengths[lengths.length - 1] || 1;
  const points: P[] = [], widths: number[] = [];
  for (let k = 0; k < count; k++) {
    const target = (from + ((to - from) * k) / (count - 1)) * total;
    let i = 1;
    while (i < lengths.length - 1 && lengths[i] < target) i++;
    const t = Math.max(0, Math.min(1, (target - lengths[i - 1]) / (lengths[i] - lengths[i - 1] || 1)));
    points.push(lerpP(spine.points[i - 1], spine.points[i], t));
    widths.push(spine.widths[i - 1] + (spine.widths[i] - spine.widths[i - 1]) * t);
  }
  return { points, widths };
}

export function widen(spine: Spine, add: number | ((i: number) => number)): Spine {
  return { points: spine.points, widths: spine.widths.map((w, i) => w + (typeof add === "number" ? add : add(i))) };
}

export const dist = (a: P, b: P) => Math.hypot(a[0] - b[0], a[1] - b[1]);
export const lerpP = (a: P, b: P, t: number): P => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
export const along = (p: P, d: P, t: number): P => [p[0] + d[0] * t, p[1] + d[1] * t];
/** The point across a spine at index i, `side` +1 or -1 times the width. */
export function across(spine: Spine, i: number, side: number, scale = 1): P {
  const [tx, ty] = tangentAt(spine.points, i);
  const w = spine.widths[i] * scale * side;
  return [spine.points[i][0] - ty * w, spine.points[i][1] + tx * w];
}

/** A closed outline symmetric about x = cx from right-half points given top to bottom (smooth). */
export function mirroredOutline(cx: number, right: P[], tension = 0.9): string {
  const left = right.map(([x, y]) => [2 * cx - x, y] as P).reverse();
  return smoothPath([...right, ...left], true, tension);
}
