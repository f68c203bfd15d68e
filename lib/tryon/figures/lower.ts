// Bottoms on the figure: trousers, jeans and shorts as a seat piece plus two legs that follow the body's legs with
// the fit's width, cut at the product's length; skirts as one piece from the waist. Details are the ones a
// shopper recognises: waistband, fly, pockets, jeans topstitching and rivets, hems.
import type { Palette } from "../../catalogue/flats/colour";
import { circle, n } from "../../catalogue/flats/svg";
import { PARSE_LABELS } from "../labels";
import { legSpine } from "./body";
import { across, limbOutline, mirroredOutline, sliceSpine, type Spine } from "./geometry";
import type { Layer } from "./layers";
import { CENTRE_X, LEVEL, type Skeleton } from "./skeleton";
import { seamLine, stitchLine } from "./strokes";
import { toFrame } from "./upper-outline";
import { easeOf, type GarmentInput, type GarmentLayers } from "./worn";

/** Leg opening half-width at the hem (head lengths) per fit: skinny, straight, wide, palazzo. */
const HEM_WIDTH: Record<string, number> = { fitted: 0, regular: 0.19, loose: 0.25, oversized: 0.33 };
const LEG_EASE: Record<string, number> = { fitted: 0.025, regular: 0.05, loose: 0.08, oversized: 0.11 };

/** The leg spine extended below the ankle (full-length trousers break over the shoe), cut where y reaches `hem`. */
function trouserSpine(sk: Skeleton, side: typeof sk.left, fit: string, hem: number): Spine {
  const leg = legSpine(sk, side);
  const last = leg.points.length - 1;
  const [ax, ay] = leg.points[last], [kx, ky] = leg.points[last - 2];
  const len = Math.hypot(ax - kx, ay - ky) || 1;
  const below = 0.32 * sk.h;
  const points = [...leg.points, [ax + ((ax - kx) / len) * below, ay + ((ay - ky) / len) * below] as [number, number]];
  const hemW = HEM_WIDTH[fit] * sk.h, ease = LEG_EASE[fit] * sk.h;
  const widths = [...leg.widths, leg.widths[last]].map((w, i) => {
    const t = i / points.length;
    return Math.max(w + ease, hemW * Math.min(1, t * 1.6));
  });
  const spine = { points, widths };
  // Find the arc fraction where the spine reaches the hem level.
  const target = sk.y(hem);
  let total = 0, at = 0;
  const lengths = [0];
  for (let i = 1; i < points.length; i++) lengths.push((total += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1])));
  for (let i = 1; i < points.length; i++) {
    if (points[i][1] >= target) {
      const t = (target - points[i - 1][1]) / (points[i][1] - points[i - 1][1] || 1);
      at = (lengths[i - 1] + t * (lengths[i] - lengths[i - 1])) / total;
      break;
    }
    at = 1;
  }
  return sliceSpine(spine, 0, Math.max(0.05, at), 8);
}

export interface PantsPieces { pieces: string[]; details: (pal: Palette) => string }

export function pantsPieces(sk: Skeleton, fit: string, hem: number, waist: number, denim = false): PantsPieces {
  const b = sk.build, e = LEG_EASE[fit] ?? 0.05;
  const seat = mirroredOutline(CENTRE_X, toFrame(sk, [[0.01, waist], [b.waist + e, waist], [(b.waist + b.hip) / 2 + e + 0.05, (waist + LEVEL.hip) / 2], [b.hip + e, LEVEL.hip + 0.05], [b.hip + e - 0.04, 4.0], [0.01, 4.28]]), 0.7);
  const legs = [sk.left, sk.right].map((s) => trouserSpine(sk, s, fit, hem));
  const pieces = [...legs.map((l) => limbOutline(l, { start: 0.2, end: 0 })), seat];
  const details = (pal: Palette) => {
    const y = (l: number) => n(sk.y(l)), x = (o: number) => n(sk.x(o));
    const band = waist + 0.17;
    let out = seamLine(pal, `M${x(-b.waist - e)} ${y(band)}L${x(b.waist + e)} ${y(band)}`);
    out += seamLine(pal, `M${x(0)} ${y(band)}L${x(0)} ${y(4.05)}`, 0.7);
    out += (denim ? stitchLine : seamLine)(pal, `M${x(0.01)} ${y(band)}L${x(0.12)} ${y(band)}L${x(0.12)} ${y(3.75)}Q${x(0.1)} ${y(3.92)} ${x(0.01)} ${y(3.98)}`);
    for (const s of [1, -1]) {
      out += (denim ? stitchLine : seamLine)(pal, `M${x(s * (b.waist - 0.14))} ${y(band)}Q${x(s * (b.waist - 0.02))} ${y(band + 0.32)} ${x(s * (b.waist + e + 0.06))} ${y(band + 0.38)}`);
      if (denim) out += circle(sk.x(s * (b.waist - 0.12)), sk.y(band + 0.05), 0.025 * sk.h, { fill: pal.metal });
    }
    if (denim) out += circle(sk.x(0), sk.y(waist + 0.09), 0.035 * sk.h, { fill: pal.metal, stroke: pal.line, "stroke-width": 0.4 });
    for (const leg of legs) {
      const last = leg.points.length - 1;
      const a = across(leg, last, 1, 0.95), c = across(leg, last, -1, 0.95);
      out += stitchLine(pal, `M${n(a[0])} ${n(a[1] - 0.08 * sk.h)}L${n(c[0])} ${n(c[1] - 0.08 * sk.h)}`);
      // A crease or fade down the front of each leg.
      const mid = leg.points[Math.floor(last / 2)];
      out += seamLine(pal, `M${n(leg.points[1][0])} ${n(leg.points[1][1])}Q${n(mid[0])} ${n(mid[1])} ${n(leg.points[last][0])} ${n(leg.points[last][1] - 0.15 * sk.h)}`, 0.6, 0.35);
    }
    return out;
  };
  return { pieces, details };
}

/** Hem levels of bottoms by length attribute. */
const PANTS_HEM: Record<string, number> = { full: 8.62, cropped: 7.75, maxi: 8.62, midi: 7.3, knee: 5.9, above_knee: 5.1, mini: 4.45 };
const SKIRT_HEM: Record<string, number> = { mini: 4.5, above_knee: 5.3, knee: 6.15, midi: 7.3, maxi: 8.65, full: 8.65, cropped: 7.3 };
const SKIRT_FLARE: Record<string, number> = { fitted: 0.0, regular: 0.12, loose: 0.19, oversized: 0.26 };

export function bottomLayers(input: GarmentInput): GarmentLayers {
  const { sk, g, pal } = input;
  const a = g.attributes;
  const fit = a.fit ?? "regular";
  if (g.category === "skirt") {
    const hem = SKIRT_HEM[a.length ?? "knee"];
    const waist = LEVEL.waist - 0.02;
    const details = seamLine(pal, `M${n(sk.x(-sk.build.waist - 0.04))} ${n(sk.y(waist + 0.16))}L${n(sk.x(sk.build.waist + 0.04))} ${n(sk.y(waist + 0.16))}`) +
      stitchLine(pal, `M${n(sk.x(-0.3))} ${n(sk.y(hem - 0.06))}L${n(sk.x(0.3))} ${n(sk.y(hem - 0.06))}`);
    return { body: [{ label: PARSE_LABELS.bottom, pieces: [skirtOutline(sk, waist, hem, easeOf(g) * 0.5, SKIRT_FLARE[fit] ?? 0.1)], paint: { kind: "fabric", garment: input.index }, details }], sleeves: [] };
  }
  const hem = PANTS_HEM[a.length ?? (g.category === "shorts" ? "above_knee" : "full")] ?? 8.62;
  const waist = g.category === "jeans" ? LEVEL.waist + 0.12 : LEVEL.waist;
  const pants = pantsPieces(sk, fit, hem, waist, a.material === "denim");
  const layer: Layer = { label: PARSE_LABELS.bottom, pieces: pants.pieces, paint: { kind: "fabric", garment: input.index }, details: pants.details(pal) };
  return { body: [layer], sleeves: [] };
}

/** A skirt from the waist: follows the hips, then sweeps out by `flare` per head length to the hem. */
export function skirtOutline(sk: Skeleton, waist: number, hem: number, ease: number, flare: number): string {
  const b = sk.build;
  const hipW = b.hip + ease + 0.02;
  const hemW = Math.max(hipW * (hem < 4.6 ? 1.02 : 0.97), hipW + flare * (hem - LEVEL.hip));
  const pts: [number, number][] = [[0.01, waist], [b.waist + ease, waist], [(b.waist + hipW) / 2 + 0.04, (waist + LEVEL.hip) / 2], [hipW, LEVEL.hip + 0.05]];
  if (hem > 5) pts.push([hipW + (hemW - hipW) * 0.45, (LEVEL.hip + hem) / 2]);
  pts.push([hemW, hem - 0.05], [hemW - 0.03, hem + 0.01], [0.01, hem + 0.05]);
  return mirroredOutline(CENTRE_X, toFrame(sk, pts), 0.7);
}
