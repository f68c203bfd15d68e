// Jackets, coats and blazers on the figure: worn open over the top or one-piece, two front panels with lapels
// (blazers, coats) or a collar (jackets), wider sleeves over the inner layer's, and a length from the product.
import { circle, n, type P } from "../../catalogue/flats/svg";
import { PARSE_LABELS } from "../labels";
import type { Layer } from "./layers";
import { LEVEL, type Skeleton } from "./skeleton";
import { seamLine, stitchLine } from "./strokes";
import { sleeveLayer } from "./upper";
import { OUTER_HEM, upperRightHalf } from "./upper-outline";
import { easeOf, type GarmentInput, type GarmentLayers } from "./worn";

type Pt = [number, number];

const frame = (sk: Skeleton, s: number, pts: Pt[]): P[] => pts.map(([x, y]) => [sk.x(x * s), sk.y(y)]);
const closed = (pts: P[]) => `M${pts.map((p) => `${n(p[0])} ${n(p[1])}`).join("L")}Z`;

/** One front panel (s = +1 the figure's left): the outer edge of a regular upper outline, then the open front edge. */
function panel(sk: Skeleton, s: number, hem: number, ease: number, gap: number, closedAtWaist: boolean): string {
  const outer = upperRightHalf(sk, { neckline: "crew", ease, hem, sleeveless: false, straight: true, flare: hem > 4.5 ? 0.05 : 0 });
  // Drop the neckline's centre point and the hem's centre point: the panel's inner edge replaces them.
  const side = outer.slice(1, -1);
  const nk = sk.build.neck;
  const front: Pt[] = [[gap, hem + 0.02], [closedAtWaist ? 0.02 : gap, LEVEL.waist + 0.1], [closedAtWaist ? 0.04 : gap + 0.03, LEVEL.waist - 0.25], [0.2, 2.05], [nk + 0.06, 1.3]];
  return smoothish(frame(sk, s, [...side, ...front]));
}

/** Straight segments with the corners kept: coats are tailored, not blobby. */
function smoothish(pts: P[]): string {
  return closed(pts);
}

function lapels(sk: Skeleton, s: number, gap: number, closedAtWaist: boolean): string {
  const nk = sk.build.neck;
  const breakY = LEVEL.waist - 0.28;
  return closed(frame(sk, s, [[nk + 0.06, 1.26], [nk + 0.18, 1.36], [0.47, 1.86], [0.4, 1.9], [0.44, 2.02], [closedAtWaist ? 0.05 : gap + 0.04, breakY], [0.2, 2.05], [nk + 0.05, 1.34]]));
}

function jacketCollar(sk: Skeleton, s: number): string {
  const nk = sk.build.neck;
  return closed(frame(sk, s, [[nk - 0.02, 1.08], [nk + 0.2, 1.22], [0.46, 1.5], [0.32, 1.72], [nk + 0.1, 1.4]]));
}

export function outerwearLayers(input: GarmentInput): GarmentLayers {
  const { sk, g, pal } = input;
  const cat = g.category;
  const ease = easeOf(g) * 0.7 + 0.07;
  const hem = OUTER_HEM[g.attributes.length ?? (cat === "coat" ? "knee" : "mini")] ?? 3.95;
  const tailored = cat !== "jacket";
  const closedAtWaist = cat === "blazer";
  const gap = cat === "coat" ? 0.14 : 0.18;
  const pieces = [panel(sk, 1, hem, ease, gap, closedAtWaist), panel(sk, -1, hem, ease, gap, closedAtWaist)];
  let details = "";
  const y = (l: number) => n(sk.y(l)), x = (o: number) => n(sk.x(o));
  for (const s of [1, -1]) {
    // Flap pockets at the hip, a chest welt on tailoring.
    const py = Math.min(hem - 0.35, 3.55);
    if (hem > 3.4) details += seamLine(pal, `M${x(s * 0.3)} ${y(py)}L${x(s * 0.62)} ${y(py - 0.02)}`, 1);
    if (tailored) details += seamLine(pal, `M${x(s * 0.36)} ${y(2.3)}L${x(s * 0.58)} ${y(2.28)}`, 0.8);
    else details += stitchLine(pal, `M${x(s * 0.28)} ${y(2.05)}L${x(s * 0.62)} ${y(2.05)}M${x(s * 0.3)} ${y(2.05)}L${x(s * 0.3)} ${y(2.5)}L${x(s * 0.58)} ${y(2.5)}L${x(s * 0.58)} ${y(2.05)}`);
    if (!closedAtWaist) details += stitchLine(pal, `M${x(s * (gap + 0.05))} ${y(LEVEL.waist - 0.2)}L${x(s * (gap + 0.05))} ${y(hem - 0.05)}`);
  }
  if (closedAtWaist) details += circle(sk.x(0.08), sk.y(LEVEL.waist + 0.05), 0.04 * sk.h, { fill: pal.metal, stroke: pal.line, "stroke-width": 0.5 });
  else if (cat === "coat") for (const l of [2.6, 3.2]) details += circle(sk.x(gap + 0.1), sk.y(l), 0.04 * sk.h, { fill: pal.deep, stroke: pal.line, "stroke-width": 0.5 });
  const body: Layer[] = [{ label: PARSE_LABELS.outerwear, pieces, paint: { kind: "fabric", garment: input.index }, details }];
  const trim = tailored ? [lapels(sk, 1, gap, closedAtWaist), lapels(sk, -1, gap, closedAtWaist)] : [jacketCollar(sk, 1), jacketCollar(sk, -1)];
  body.push({ label: PARSE_LABELS.outerwear, pieces: trim, paint: { kind: "fabric", garment: input.index, tone: "dark", shade: "gS" } });
  const sleeves = sleeveLayer(sk, { ...input, g: { ...g, attributes: { ...g.attributes, fit: g.attributes.fit ?? "regular" } } }, PARSE_LABELS.outerwear, 0.035);
  return { body, sleeves: sleeves ? [sleeves] : [] };
}
