// The body's skin: torso with neck, legs with feet, arms with hands. Widths come from the build, positions from
// the skeleton; the outline is drawn once around the union, so a limb meets the torso without a seam.
import { n, path, type P } from "../../catalogue/flats/svg";
import { PARSE_LABELS } from "../labels";
import { along, limbOutline, mirroredOutline, sliceSpine, type Spine } from "./geometry";
import type { Layer } from "./layers";
import { CENTRE_X, LEVEL, unit, type Side, type Skeleton } from "./skeleton";

/** Paint tokens the compositor replaces with the figure's skin line colour (layers are built before paint). */
export const SKIN_LINE = "@skin-line";

/** The body's half-width (head lengths) at a level, interpolated between landmarks; garments ease from it. */
export function bodyHalfWidth(sk: Skeleton, level: number): number {
  const b = sk.build;
  const marks: [number, number][] = [
    [LEVEL.shoulder, b.shoulder], [LEVEL.armpit, b.bust + 0.03], [LEVEL.bust, b.bust], [LEVEL.waist, b.waist],
    [LEVEL.hip, b.hip], [LEVEL.crotch, b.hip - 0.04],
  ];
  if (level <= marks[0][0]) return marks[0][1];
  for (let i = 1; i < marks.length; i++) {
    if (level <= marks[i][0]) {
      const [l0, w0] = marks[i - 1], [l1, w1] = marks[i];
      const t = (level - l0) / (l1 - l0);
      // Smoothstep, so the waist curves in rather than bending at a point.
      return w0 + (w1 - w0) * t * t * (3 - 2 * t);
    }
  }
  return marks[marks.length - 1][1];
}

export function torsoOutline(sk: Skeleton): string {
  const b = sk.build;
  const pt = (w: number, level: number): P => [sk.x(w), sk.y(level)];
  return mirroredOutline(CENTRE_X, [
    pt(b.neck * 0.95, 0.78), pt(b.neck, 1.12), pt(b.neck * 1.2, 1.3), pt(b.neck + 0.3, 1.38), pt(b.shoulder - 0.08, 1.44),
    pt(b.shoulder, 1.6), pt(b.shoulder - 0.04, 1.82), pt(b.bust + 0.03, LEVEL.armpit), pt(b.bust, 2.3),
    pt(bodyHalfWidth(sk, 2.7), 2.7), pt(b.waist, LEVEL.waist), pt(bodyHalfWidth(sk, 3.35), 3.35), pt(b.hip, 3.7),
    pt(b.hip - 0.05, 3.98), pt(0.08, 4.1),
  ]);
}

export function legSpine(sk: Skeleton, s: Side): Spine {
  const b = sk.build, h = sk.h;
  const top: P = [s.hip[0], sk.y(3.5)];
  const at = (a: P, c: P, t: number): P => [a[0] + (c[0] - a[0]) * t, a[1] + (c[1] - a[1]) * t];
  return {
    points: [top, at(top, s.knee, 0.45), at(top, s.knee, 0.82), s.knee, at(s.knee, s.ankle, 0.3), at(s.knee, s.ankle, 0.7), s.ankle],
    widths: [b.thigh + 0.04, b.thigh * 0.86, b.knee * 1.12, b.knee, b.calf, b.calf * 0.7, b.ankle].map((w) => w * h),
  };
}

export function footSpine(sk: Skeleton, s: Side): Spine {
  const h = sk.h, L = sk.footLength, d = s.footDir;
  const slender = sk.lift > 0 ? 0.82 : 1;
  return {
    points: [s.ankle, along(s.ankle, d, L * 0.3), along(s.ankle, d, L * 0.62), along(s.ankle, d, L * 0.86)],
    widths: [sk.build.ankle * h, 0.1 * h * slender, 0.115 * h * slender, 0.08 * h * slender],
  };
}

export function armSpine(sk: Skeleton, s: Side): Spine {
  const b = sk.build, h = sk.h;
  // The arm starts at the shoulder joint; the torso's shoulder line covers the deltoid, so sleeves need not puff above it.
  const top: P = [s.shoulder[0], s.shoulder[1] + 0.02 * h];
  const at = (a: P, c: P, t: number): P => [a[0] + (c[0] - a[0]) * t, a[1] + (c[1] - a[1]) * t];
  return {
    points: [top, at(top, s.elbow, 0.45), s.elbow, at(s.elbow, s.wrist, 0.35), s.wrist],
    widths: [b.arm * 1.15, b.arm, b.arm * 0.72, b.arm * 0.78, b.wrist].map((w) => w * h),
  };
}

/** A hand: palm and fingers as one tapered shape, the thumb on the side towards the body. */
function handPieces(sk: Skeleton, s: Side, sign: 1 | -1): { pieces: string[]; details: string } {
  const h = sk.h, w = sk.build.wrist * h, d = s.handDir;
  const palm: Spine = {
    points: [along(s.wrist, d, -0.04 * h), along(s.wrist, d, 0.18 * h), along(s.wrist, d, 0.38 * h), along(s.wrist, d, 0.56 * h)],
    widths: [w, w * 1.3, w * 1.15, w * 0.7],
  };
  const pieces = [limbOutline(palm, { end: 0.9 })];
  let details = "";
  if (!s.onHip) {
    // The thumb lies on the side towards the centre line, angled a little away from the fingers.
    const inward: P = [-d[1] * sign, d[0] * sign];
    const start = along(along(s.wrist, d, 0.1 * h), inward, w * 0.75);
    const td = unit([d[0] + inward[0] * 0.5, d[1] + inward[1] * 0.5]);
    pieces.push(limbOutline({ points: [start, along(start, td, 0.13 * h), along(start, td, 0.25 * h)], widths: [w * 0.42, w * 0.36, w * 0.28] }, { end: 0.9 }));
  }
  // Two finger partings near the tip read as a hand at this size.
  for (const off of [-0.33, 0.33]) {
    const p0 = along(along(s.wrist, d, 0.36 * h), [-d[1], d[0]], off * w);
    details += `M${n(p0[0])} ${n(p0[1])}l${n(d[0] * 0.16 * h)} ${n(d[1] * 0.16 * h)}`;
  }
  return { pieces, details };
}

export function legSkinLayer(sk: Skeleton): Layer {
  const pieces = [torsoOutline(sk)];
  for (const s of [sk.left, sk.right]) pieces.push(limbOutline(legSpine(sk, s), { start: 0.2 }), limbOutline(footSpine(sk, s), { end: 0.9 }));
  const knee = [sk.left, sk.right].map((s) => {
    const k = s.knee, w = sk.build.knee * sk.h;
    return `M${n(k[0] - w * 0.5)} ${n(k[1] + w * 0.2)}q${n(w * 0.5)} ${n(w * 0.5)} ${n(w)} 0`;
  }).join("");
  const collar = `M${n(sk.x(-0.12))} ${n(sk.y(1.46))}q${n(-0.16 * sk.h)} ${n(-0.05 * sk.h)} ${n(-0.34 * sk.h)} ${n(0.01 * sk.h)}M${n(sk.x(0.12))} ${n(sk.y(1.46))}q${n(0.16 * sk.h)} ${n(-0.05 * sk.h)} ${n(0.34 * sk.h)} ${n(0.01 * sk.h)}`;
  return { label: PARSE_LABELS.skin, pieces, paint: { kind: "skin" }, details: path(knee + collar, { fill: "none", stroke: SKIN_LINE, "stroke-width": 0.8, "stroke-opacity": 0.5, "stroke-linecap": "round" }) };
}

export function armSkinLayer(sk: Skeleton): Layer {
  const pieces: string[] = [];
  let details = "";
  for (const [s, sign] of [[sk.left, 1], [sk.right, -1]] as const) {
    pieces.push(limbOutline(armSpine(sk, s)));
    const hand = handPieces(sk, s, sign);
    pieces.push(...hand.pieces);
    details += hand.details;
  }
  return { label: PARSE_LABELS.skin, pieces, paint: { kind: "skin" }, details: path(details, { fill: "none", stroke: SKIN_LINE, "stroke-width": 0.7, "stroke-opacity": 0.6, "stroke-linecap": "round" }) };
}

export { sliceSpine };
