// The outline of everything worn on the upper body (tops, dress bodices, jumpsuits, coats): a neckline, the
// shoulders or straps, the sides following the body with the fit's ease, and a hem. Outlines are right halves in
// head lengths, mirrored about the centre line.
import type { P } from "../../catalogue/flats/svg";
import { bodyHalfWidth } from "./body";
import { mirroredOutline } from "./geometry";
import { CENTRE_X, LEVEL, type Skeleton } from "./skeleton";

type Pt = [number, number];

export interface UpperShape {
  neckline: string;
  ease: number;
  hem: number;
  /** No sleeves: straps and armholes instead of a shoulder seam. */
  sleeveless: boolean;
  /** Loose and oversized pieces hang straight from the bust instead of following the waist in. */
  straight: boolean;
  /** Extra sweep per head length below the waist (dresses, coats). */
  flare?: number;
  dropShoulder?: boolean;
}

/** The neckline's right half from the centre front to the neck side point (where the shoulder begins). */
export function necklinePoints(neckline: string, neck: number, sleeveless: boolean): Pt[] {
  switch (neckline) {
    case "scoop": return [[0.01, 1.86], [neck + 0.1, 1.66], [neck + 0.14, 1.4], [neck + 0.12, 1.27]];
    case "v_neck": return [[0.01, 1.98], [0.09, 1.74], [neck + 0.01, 1.46], [neck + 0.07, 1.25]];
    case "collared": return [[0.01, 1.62], [neck * 0.6, 1.42], [neck + 0.05, 1.2]];
    case "turtleneck": return [[0.01, 0.9], [neck + 0.05, 0.9], [neck + 0.06, 1.16]];
    case "hooded": return [[0.01, 1.5], [neck * 0.8, 1.44], [neck + 0.08, 1.24]];
    case "halter": return [[0.01, 1.72], [neck - 0.02, 1.28], [neck + 0.02, 1.06], [neck + 0.08, 1.1]];
    case "off_shoulder": return [[0.01, 1.9], [0.36, 1.82]];
    case "strapless": return [[0.01, 2.0], [0.3, 1.92]];
    default: return sleeveless ? [[0.01, 1.5], [neck * 0.85, 1.44], [neck + 0.06, 1.26]] : [[0.01, 1.42], [neck * 0.8, 1.37], [neck + 0.05, 1.24]];
  }
}

export function upperRightHalf(sk: Skeleton, s: UpperShape): Pt[] {
  const b = sk.build, e = s.ease;
  const pts: Pt[] = necklinePoints(s.neckline, b.neck, s.sleeveless);
  const armpit: Pt = [b.bust + 0.03 + e, LEVEL.armpit + e * 0.3];
  if (s.neckline === "halter") pts.push([b.bust * 0.75, 1.82], armpit);
  else if (s.neckline === "strapless") pts.push([b.bust + e, 1.98]);
  else if (s.neckline === "off_shoulder") pts.push([b.shoulder + e + 0.06, 1.76], [b.shoulder + e * 0.8, 1.96], armpit);
  else if (s.sleeveless) pts.push([b.neck + 0.3, 1.4], [b.shoulder - 0.14, 1.5], [b.bust - 0.02, 1.8], armpit);
  else if (s.dropShoulder) pts.push([b.shoulder - 0.02, 1.44], [b.shoulder + e * 0.9, 1.6], [b.shoulder + e * 0.7, 1.95], [b.bust + e + 0.04, 2.15]);
  else pts.push([b.shoulder - 0.06 + e * 0.3, 1.44], [b.shoulder + e * 0.55, 1.6], armpit);
  let maxW = 0;
  for (const level of [2.35, 2.7, 3.0, 3.35, 3.65, 3.95, 4.4, 5.0, 5.7, 6.5, 7.3, 8.0, 8.6]) {
    if (level >= s.hem - 0.12) break;
    let w = bodyHalfWidth(sk, level) + e;
    if (s.straight) w = Math.max(w, maxW * 0.98);
    if (s.flare && level > LEVEL.hip) w = Math.max(w, maxW) + s.flare * (level - Math.max(LEVEL.hip, pts[pts.length - 1][1]));
    maxW = Math.max(maxW, w);
    pts.push([w, level]);
  }
  const last = pts[pts.length - 1];
  let hemW = bodyHalfWidth(sk, Math.min(s.hem, LEVEL.crotch)) + e;
  if (s.straight) hemW = Math.max(hemW, maxW);
  if (s.flare && s.hem > LEVEL.hip) hemW = Math.max(hemW, last[0] + s.flare * (s.hem - last[1]));
  if (s.hem > LEVEL.crotch && !s.flare) hemW = Math.max(hemW, last[0]);
  pts.push([hemW, s.hem - 0.06], [hemW - 0.02, s.hem], [0.01, s.hem + 0.03]);
  return pts;
}

export function toFrame(sk: Skeleton, pts: Pt[]): P[] {
  return pts.map(([x, y]) => [sk.x(x), sk.y(y)]);
}

export function upperOutline(sk: Skeleton, s: UpperShape): string {
  return mirroredOutline(CENTRE_X, toFrame(sk, upperRightHalf(sk, s)), 0.75);
}

/** Levels (head lengths from the top) of hems by length attribute, per kind of garment. */
export const TOP_HEM: Record<string, number> = { fitted: 3.62, regular: 3.8, loose: 3.95, oversized: 4.12 };
export const DRESS_HEM: Record<string, number> = { mini: 4.55, above_knee: 5.3, knee: 6.15, midi: 7.3, maxi: 8.62, full: 8.62, cropped: 7.3 };
export const OUTER_HEM: Record<string, number> = { cropped: 3.05, mini: 3.95, above_knee: 5.3, knee: 6.1, midi: 7.2, maxi: 8.3, full: 8.3 };
