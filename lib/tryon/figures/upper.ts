// Tops and one-pieces on the figure: body with its neckline, sleeves that follow the arms to the product's sleeve
// length, collars, hoods, plackets, rib bands, and dress skirts or jumpsuit legs below the waist.
import type { Palette } from "../../catalogue/flats/colour";
import { circle, n, type P } from "../../catalogue/flats/svg";
import { PARSE_LABELS } from "../labels";
import { armSpine } from "./body";
import { across, along, limbOutline, sliceSpine, widen } from "./geometry";
import type { Layer } from "./layers";
import { pantsPieces, skirtOutline } from "./lower";
import { seamLine, stitchLine } from "./strokes";
import { CENTRE_X, LEVEL, unit, type Skeleton } from "./skeleton";
import { DRESS_HEM, TOP_HEM, toFrame, upperOutline, type UpperShape } from "./upper-outline";
import { easeOf, type GarmentInput, type GarmentLayers } from "./worn";

/** How far down the arm (fraction of shoulder-to-wrist) each sleeve length reaches. */
export const SLEEVE_REACH: Record<string, number> = { short: 0.3, elbow: 0.55, three_quarter: 0.76, long: 1.03 };

/** Both sleeves, widened by the fit, cut at the sleeve length; `extra` widens coat sleeves worn over others. */
export function sleeveLayer(sk: Skeleton, input: GarmentInput, label: number, extra = 0, start = 0): Layer | null {
  const reach = SLEEVE_REACH[input.g.attributes.sleeve ?? ""];
  if (!reach) return null;
  const ease = easeOf(input.g);
  const pieces: string[] = [];
  let details = "";
  for (const s of [sk.left, sk.right]) {
    const arm = armSpine(sk, s);
    // A narrow, nearly flat cap at the top, so the sleeve head sits on the shoulder instead of puffing above it.
    const spine = widen(sliceSpine(arm, start, Math.min(1, reach), 7), (i) => (0.02 + ease * 0.35 + extra) * sk.h * (i === 0 ? 0.85 : 1));
    pieces.push(limbOutline(spine, { start: start > 0 ? 0 : 0.45, end: 0 }));
    // The hem stitch runs across the sleeve a little above its end.
    const last = spine.points.length - 1;
    const t = unit([spine.points[last][0] - spine.points[last - 1][0], spine.points[last][1] - spine.points[last - 1][1]]);
    const [a, b] = [across(spine, last, 1, 0.92), across(spine, last, -1, 0.92)].map((p) => along(p, t, -0.08 * sk.h));
    details += stitchLine(input.pal, `M${n(a[0])} ${n(a[1])}L${n(b[0])} ${n(b[1])}`);
  }
  return { label: label as Layer["label"], pieces, paint: { kind: "fabric", garment: input.index }, details };
}

function collarLayer(sk: Skeleton, input: GarmentInput, label: number): Layer {
  const nk = sk.build.neck;
  const right = toFrame(sk, [[0.02, 1.5], [nk + 0.05, 1.16], [nk + 0.18, 1.3], [0.17, 1.72]]);
  const left = right.map(([x, y]) => [2 * CENTRE_X - x, y] as P);
  const d = (pts: P[]) => `M${pts.map((p) => `${n(p[0])} ${n(p[1])}`).join("L")}Z`;
  return { label: label as Layer["label"], pieces: [d(right), d(left)], paint: { kind: "fabric", garment: input.index, shade: "none" } };
}

function hoodLayer(sk: Skeleton, input: GarmentInput): Layer {
  const nk = sk.build.neck;
  const lobe = (s: number) => mirroredOutlineSide(sk, s, [[nk - 0.01, 1.1], [nk + 0.14, 1.06], [0.34, 1.2], [0.38, 1.38], [nk + 0.12, 1.4], [nk + 0.02, 1.28]]);
  return { label: PARSE_LABELS.top, pieces: [lobe(1), lobe(-1)], paint: { kind: "fabric", garment: input.index, tone: "dark", shade: "gV" } };
}

function mirroredOutlineSide(sk: Skeleton, s: number, pts: [number, number][]): string {
  const frame = pts.map(([x, y]) => [sk.x(x * s), sk.y(y)] as P);
  return `M${frame.map((p) => `${n(p[0])} ${n(p[1])}`).join("L")}Z`;
}

function placket(sk: Skeleton, pal: Palette, from: number, to: number, buttons: number): string {
  const x = sk.x(0);
  let out = seamLine(pal, `M${n(x + 0.045 * sk.h)} ${n(sk.y(from))}L${n(x + 0.045 * sk.h)} ${n(sk.y(to))}`);
  for (let i = 0; i < buttons; i++) out += circle(x, sk.y(from + 0.12 + ((to - from - 0.2) * i) / Math.max(1, buttons - 1)), 0.028 * sk.h, { fill: pal.light, stroke: pal.seam, "stroke-width": 0.5 });
  return out;
}

function hemStitch(sk: Skeleton, pal: Palette, level: number, halfWidth: number): string {
  return stitchLine(pal, `M${n(sk.x(-halfWidth))} ${n(sk.y(level))}L${n(sk.x(halfWidth))} ${n(sk.y(level))}`);
}

/** The shape of a top (or a one-piece's bodice) from the product's attributes. */
function upperShapeOf(input: GarmentInput, hem: number, extra: Partial<UpperShape> = {}): UpperShape {
  const a = input.g.attributes;
  const fit = a.fit ?? "regular";
  return {
    neckline: a.neckline ?? (input.g.category === "hoodie" ? "hooded" : "crew"), ease: easeOf(input.g), hem,
    sleeveless: !a.sleeve || a.sleeve === "sleeveless", straight: fit === "loose" || fit === "oversized", dropShoulder: fit === "oversized", ...extra,
  };
}

function chestArea(sk: Skeleton) {
  return { x0: sk.x(-0.36), y0: sk.y(1.98), x1: sk.x(0.36), y1: sk.y(2.95) };
}

export function topLayers(input: GarmentInput): GarmentLayers {
  const { sk, g, pal } = input;
  const fit = g.attributes.fit ?? "regular";
  const cat = g.category;
  const hem = TOP_HEM[fit] + (cat === "shirt" ? 0.18 : cat === "hoodie" || cat === "sweater" ? 0.08 : cat === "tank" ? -0.05 : 0);
  const shape = upperShapeOf(input, hem);
  const w = sk.build.hip + shape.ease;
  let details = "";
  if (cat === "shirt" || shape.neckline === "collared") details += placket(sk, pal, 1.6, hem, 5);
  if (cat === "sweater" || cat === "hoodie") details += seamLine(pal, `M${n(sk.x(-w))} ${n(sk.y(hem - 0.22))}L${n(sk.x(w))} ${n(sk.y(hem - 0.22))}`, 0.9);
  else details += hemStitch(sk, pal, hem - 0.07, w * 0.95);
  if (shape.neckline === "turtleneck") details += seamLine(pal, `M${n(sk.x(-sk.build.neck - 0.05))} ${n(sk.y(1.04))}L${n(sk.x(sk.build.neck + 0.05))} ${n(sk.y(1.04))}`, 0.9);
  if (cat === "hoodie") details += seamLine(pal, `M${n(sk.x(-0.4))} ${n(sk.y(hem - 0.25))}L${n(sk.x(-0.3))} ${n(sk.y(hem - 0.85))}L${n(sk.x(0.3))} ${n(sk.y(hem - 0.85))}L${n(sk.x(0.4))} ${n(sk.y(hem - 0.25))}`, 0.9);
  const body: Layer[] = [];
  if (shape.neckline === "hooded") body.push(hoodLayer(sk, input));
  body.push({ label: PARSE_LABELS.top, pieces: [upperOutline(sk, shape)], paint: { kind: "fabric", garment: input.index }, details });
  if (shape.neckline === "collared") body.push(collarLayer(sk, input, PARSE_LABELS.top));
  const sleeves = sleeveLayer(sk, input, PARSE_LABELS.top, 0, shape.neckline === "off_shoulder" ? 0.2 : 0);
  return { body, sleeves: sleeves ? [sleeves] : [], printArea: chestArea(sk) };
}

/** Flare per head length of a dress skirt, by fit. */
const DRESS_FLARE: Record<string, number> = { fitted: 0.02, regular: 0.13, loose: 0.17, oversized: 0.22 };

export function onePieceLayers(input: GarmentInput): GarmentLayers {
  const { sk, g, pal } = input;
  const a = g.attributes;
  const fit = a.fit ?? "regular";
  const pieces: string[] = [];
  let details = "";
  if (g.category === "jumpsuit") {
    pieces.push(upperOutline(sk, upperShapeOf(input, LEVEL.waist + 0.15, { straight: false })));
    const legs = pantsPieces(sk, fit, a.length === "cropped" ? 7.7 : a.length === "above_knee" ? 5.1 : 8.62, LEVEL.waist);
    pieces.push(...legs.pieces);
    details += seamLine(pal, `M${n(sk.x(-sk.build.waist - 0.05))} ${n(sk.y(LEVEL.waist))}L${n(sk.x(sk.build.waist + 0.05))} ${n(sk.y(LEVEL.waist))}`) + legs.details(pal);
  } else {
    const hem = DRESS_HEM[a.length ?? "knee"];
    const seamed = fit === "fitted" || fit === "regular";
    const flare = DRESS_FLARE[fit] ?? 0.1;
    if (seamed) {
      pieces.push(upperOutline(sk, upperShapeOf(input, LEVEL.waist + 0.1)));
      pieces.push(skirtOutline(sk, LEVEL.waist - 0.05, hem, easeOf(g) * 0.6 + (fit === "regular" ? 0.05 : 0), flare));
      details += seamLine(pal, `M${n(sk.x(-sk.build.waist - 0.04))} ${n(sk.y(LEVEL.waist))}L${n(sk.x(sk.build.waist + 0.04))} ${n(sk.y(LEVEL.waist))}`);
    } else {
      pieces.push(upperOutline(sk, upperShapeOf(input, hem, { flare })));
    }
    details += hemStitch(sk, pal, hem - 0.08, 0.2);
  }
  if (a.neckline === "collared") details += placket(sk, pal, 1.6, LEVEL.waist - 0.05, 4);
  const body: Layer[] = [{ label: PARSE_LABELS.one_piece, pieces, paint: { kind: "fabric", garment: input.index }, details }];
  if (a.neckline === "collared") body.push(collarLayer(sk, input, PARSE_LABELS.one_piece));
  const sleeves = sleeveLayer(sk, input, PARSE_LABELS.one_piece, 0, a.neckline === "off_shoulder" ? 0.2 : 0);
  return { body, sleeves: sleeves ? [sleeves] : [], printArea: chestArea(sk) };
}
