// The geometry every side-view shoe is built on: a "last" (footbed line, sole, heel) for one heel height,
// and the view that places it on the canvas (toe left or right, scaled to fit boots). Shoe parts are given
// in foot space — u along the foot from toe (0) to heel (1), v height above the footbed — so one upper
// outline fits every heel height: the higher the heel, the steeper the arch it is bent over.
import { cubicPts } from "./accessory-parts";
import { n, polyline, pt, smoothPath, type P } from "./svg";

export type Heel = "flat" | "low" | "mid" | "high";
export type HeelKind = "none" | "wedge" | "stiletto" | "block" | "stack";

/** Heel heights in local px on a 25 cm last (≈25.6 px/cm): on the ground, ≈3 cm, ≈6 cm, ≈10 cm. */
export const HEEL_PX: Record<Heel, number> = { flat: 0, low: 76, mid: 150, high: 250 };
const LAST_LENGTH = 640;
/** Upper heights are written for a sleek last; this opens them up to a real shoe's volume. */
export const V_SCALE = 1.35;

export function heelOf(value: string | undefined, fallback: Heel): Heel {
  return value === "flat" || value === "low" || value === "mid" || value === "high" ? value : fallback;
}

export interface View { ox: number; oy: number; s: number; flip: boolean }

export class Last {
  readonly span: number;
  constructor(readonly h: number, readonly sole: number, readonly heel: HeelKind, readonly spring: number, readonly view: View) {
    // A raised heel tilts the foot, so its side view gets shorter.
    this.span = LAST_LENGTH - 0.3 * h;
  }

  static span(h: number): number {
    return LAST_LENGTH - 0.3 * h;
  }

  private springAt(u: number): number {
    return this.spring * Math.max(0, 1 - u / 0.2) ** 2;
  }

  /** Local height of the footbed (top of the sole): flat forefoot, an S-shaped arch up to the heel seat. */
  bedY(u: number): number {
    const t = Math.max(0, Math.min(1, (u - 0.28) / 0.56));
    return this.sole + this.h * t * t * (3 - 2 * t) + this.springAt(u);
  }

  /** Local height of the outsole's underside: on the ground for flats and wedges, lifted under a heel's arch. */
  underY(u: number): number {
    return this.heel === "none" || this.heel === "wedge" ? this.springAt(u) : this.bedY(u) - this.sole;
  }

  /** Local point → canvas point. */
  at([x, y]: P): P {
    const { ox, oy, s, flip } = this.view;
    return [ox + (flip ? -s : s) * x, oy - s * y];
  }

  /** Foot-space point (u along the foot, v above the footbed) on the canvas. */
  F(u: number, v: number): P {
    return this.at([u * this.span, this.bedY(u) + v * V_SCALE]);
  }

  /** Local (x, height above the ground) point on the canvas, for the vertical parts of boots. */
  X(x: number, y: number): P {
    return this.at([x, y]);
  }

  /** Canvas points along the footbed, or `v` above it, from u0 to u1. */
  bed(u0: number, u1: number, v = 0, steps = 28): P[] {
    return Array.from({ length: steps + 1 }, (_, i) => this.F(u0 + ((u1 - u0) * i) / steps, v));
  }

  under(u0: number, u1: number, steps = 28): P[] {
    return Array.from({ length: steps + 1 }, (_, i) => {
      const u = u0 + ((u1 - u0) * i) / steps;
      return this.at([u * this.span, this.underY(u)]);
    });
  }

  /** The sole in side view: footbed on top, the outsole below, a rounded toe edge. */
  soleOutline(u0 = -0.02, u1 = 1.01): string {
    const toe = this.at([u0 * this.span - 6, (this.bedY(0) + this.underY(0)) / 2]);
    return polyline([...this.bed(u0, u1, 0, 40), ...this.under(u1, u0, 40), toe], true);
  }

  /** The heel's two edges (front and back, top to bottom) in canvas points; empty for flats and wedges. */
  heelEdges(): { front: P[]; back: P[] } | null {
    const { h, span } = this;
    if (this.heel === "none" || this.heel === "wedge") return null;
    const u0 = this.heel === "stiletto" ? 0.83 : 0.8;
    const top: P = [u0 * span, this.underY(u0)], back: P = [span + 2, this.underY(1)];
    let front: P[], rear: P[];
    if (this.heel === "stiletto") {
      // A stiletto: the breast curves hard back from the seat into a thin, near-vertical post.
      const b: P = [span - 24, 0], f: P = [span - 24 - Math.max(11, h * 0.05), 0];
      front = cubicPts(top, [top[0] + (f[0] - top[0]) * 0.85, top[1] - h * 0.12], [f[0] + 1, h * 0.5], f);
      rear = cubicPts(back, [span + 1, h * 0.75], [b[0] + 2, h * 0.4], b);
    } else {
      // Blocks narrow a little towards the ground, and more the taller they are.
      const width = (span + 2 - top[0]) * (this.heel === "stack" ? 0.86 : h > 100 ? 0.5 : 0.68);
      const b: P = [span - 4, 0], f: P = [b[0] - width, 0];
      front = cubicPts(top, [top[0] + 8, top[1] * 0.6], [f[0] - 2, h * 0.25], f);
      rear = cubicPts(back, [span + 2, h * 0.6], [b[0], h * 0.3], b);
    }
    return { front: front.map((p) => this.at(p)), back: rear.map((p) => this.at(p)) };
  }
}

/** Places a shoe: centred, toe left or right, scaled down only when a tall boot would not fit. */
export function layout(h: number, height: number, flip: boolean, behind: boolean): { main: View; back: View } {
  const span = Last.span(h);
  const s = Math.min(1.08, 700 / height, 700 / span);
  const dir = flip ? -1 : 1;
  const shift = behind ? 24 : 0;
  const ox = 512 - (dir * span * s) / 2 + dir * shift;
  const oy = 512 + (height * s) / 2 + 20 + shift * 0.6;
  return { main: { ox, oy, s, flip }, back: { ox: ox - dir * 56 * s, oy: oy - 34 * s, s, flip } };
}

/** A smooth open curve through canvas points continued by straight runs: the usual upper outline. */
export function outline(curve: P[], ...rest: P[][]): string {
  let d = smoothPath(curve, false);
  for (const run of rest) d += run.map((p) => `L${pt(p)}`).join("");
  return `${d}Z`;
}

/** The curve part of a smooth path without its move-to, for joining several curves into one outline. */
export function curveTail(points: P[]): string {
  return smoothPath(points, false).replace(/^M[-\d. ]+/, "");
}

export const fmt = (p: P) => `${n(p[0])} ${n(p[1])}`;
