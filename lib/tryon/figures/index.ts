// Model photos: a seeded, full-body, front-facing fashion-illustration figure wearing catalogue garments, with
// its exact ground truth (a parse-label drawing of the same layers, COCO-17 keypoints, the garments worn).
import { BACKGROUND } from "../../catalogue/flats/colour";
import { el, n } from "../../catalogue/flats/svg";
import { LABEL_COLOURS, PARSE_LABELS, type GarmentSlot } from "../labels";
import { armSkinLayer, legSkinLayer, SKIN_LINE } from "./body";
import { faceLayer, hairLayers, headKeypoints } from "./head";
import type { Keypoint, Layer } from "./layers";
import { bottomLayers } from "./lower";
import { outerwearLayers } from "./outerwear";
import { fabricDefs, paintLayer, sharedDefs, type FabricPaint } from "./paint";
import { shoeLayers } from "./shoes";
import { buildSkeleton, FRAME, GROUND_Y, type Side, type Skeleton } from "./skeleton";
import { onePieceLayers, topLayers } from "./upper";
import { HAIR_COLOURS, SKIN_TONES, type BodyShapeId, type HairColourId, type HairStyleId, type HeightId, type PoseId, type SkinToneId } from "./vocabulary";
import { garmentPalette, type GarmentInput, type GarmentLayers, type WornGarment } from "./worn";
import { darken } from "../../catalogue/flats/colour";

export interface FigureSpec {
  pose: PoseId;
  bodyShape: BodyShapeId;
  height: HeightId;
  skinTone: SkinToneId;
  hairStyle: HairStyleId;
  hairColour: HairColourId;
  garments: WornGarment[];
}

export interface FigureDrawing {
  /** The illustration, 384×512. */
  svg: string;
  /** The same layers in flat label colours (LABEL_COLOURS), no outlines beyond the silhouette, no anti-aliasing. */
  labelSvg: string;
  keypoints: Keypoint[];
  garments: { productId: string; slot: GarmentSlot }[];
}

const DRAWERS: Record<GarmentSlot, (input: GarmentInput) => GarmentLayers> = {
  top: topLayers, bottom: bottomLayers, one_piece: onePieceLayers, outerwear: outerwearLayers, shoes: shoeLayers,
};

/** Slots that may be worn together; a one-piece replaces top and bottom. */
export function checkOutfit(garments: WornGarment[]): void {
  const slots = garments.map((g) => g.slot);
  if (new Set(slots).size !== slots.length) throw new Error(`a figure wears one garment per slot, got ${slots.join(", ")}`);
  if (slots.includes("one_piece") && (slots.includes("top") || slots.includes("bottom"))) throw new Error("a one-piece is worn without a top or bottom");
}

export function renderFigure(spec: FigureSpec): FigureDrawing {
  checkOutfit(spec.garments);
  const shoes = spec.garments.find((g) => g.slot === "shoes");
  const sk = buildSkeleton(spec.pose, spec.bodyShape, spec.height, shoes ? shoes.attributes.heel ?? (shoes.category === "heels" ? "mid" : "flat") : "flat");
  const skin = SKIN_TONES[spec.skinTone], hair = HAIR_COLOURS[spec.hairColour];

  const worn = new Map<GarmentSlot, GarmentLayers>();
  const fabrics: FabricPaint[] = [];
  let defs = sharedDefs();
  spec.garments.forEach((g, index) => {
    const pal = garmentPalette(g);
    const layers = DRAWERS[g.slot]({ sk, g, index, pal });
    const fabric = fabricDefs(g, index, pal, layers);
    defs += fabric.defs;
    fabrics.push(fabric.paint);
    // A placed logo or chest graphic goes on the garment's main body, under the arms and outer layers.
    const main = layers.body.find((l) => l.label === PARSE_LABELS[g.slot]);
    if (main && fabric.paint.art) main.details = (main.details ?? "") + fabric.paint.art;
    worn.set(g.slot, layers);
  });
  const bodies = (slot: GarmentSlot) => worn.get(slot)?.body ?? [];
  const sleeves = (slot: GarmentSlot) => worn.get(slot)?.sleeves ?? [];
  const hairs = hairLayers(sk, spec.hairStyle, hair);

  const layers: Layer[] = [
    ...(hairs.back ? [hairs.back] : []),
    legSkinLayer(sk),
    ...bodies("shoes"), ...bodies("bottom"), ...bodies("top"), ...bodies("one_piece"), ...bodies("outerwear"),
    armSkinLayer(sk),
    ...sleeves("top"), ...sleeves("one_piece"), ...sleeves("outerwear"),
    faceLayer(sk, skin, hair),
    hairs.front,
  ];

  const paints = { skin, hair, fabrics };
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${FRAME.width} ${FRAME.height}" width="${FRAME.width}" height="${FRAME.height}"`;
  const body = layers.map((layer, i) => paintLayer(layer, paints, i)).join("").replaceAll(SKIN_LINE, darken(skin, 0.45));
  const svg = `${open}>${el("defs", {}, defs)}${el("rect", { x: 0, y: 0, width: FRAME.width, height: FRAME.height, fill: BACKGROUND })}${floorShadow(sk)}${body}</svg>`;

  const labelBody = layers.map((layer) => {
    const [r, g, b] = LABEL_COLOURS[layer.label];
    const colour = `rgb(${r},${g},${b})`;
    const width = n((layer.line ?? 1.2) * 1.6);
    return layer.pieces.map((d) => `<path d="${d}" fill="${colour}" stroke="${colour}" stroke-width="${width}" stroke-linejoin="round"/>`).join("");
  }).join("");
  const labelSvg = `${open} shape-rendering="crispEdges"><rect x="0" y="0" width="${FRAME.width}" height="${FRAME.height}" fill="rgb(0,0,0)"/>${labelBody}</svg>`;

  return { svg, labelSvg, keypoints: keypointsOf(sk, hairs.earsCovered), garments: spec.garments.map((g) => ({ productId: g.productId, slot: g.slot })) };
}

function floorShadow(sk: Skeleton): string {
  const w = (sk.build.hip + 0.5) * sk.h;
  return el("ellipse", { cx: FRAME.width / 2, cy: GROUND_Y + 2, rx: n(w), ry: n(7), fill: "url(#gFloor)" });
}

function keypointsOf(sk: Skeleton, earsCovered: boolean): Keypoint[] {
  const joint = (name: string, p: readonly [number, number]): Keypoint => ({ name, x: Math.round(p[0] * 10) / 10, y: Math.round(p[1] * 10) / 10, v: 2 });
  const pair = (part: keyof Side & ("shoulder" | "elbow" | "wrist" | "hip" | "knee" | "ankle")) => [joint(`left_${part}`, sk.left[part]), joint(`right_${part}`, sk.right[part])];
  const head = headKeypoints(sk, earsCovered).map((k) => ({ ...k, x: Math.round(k.x * 10) / 10, y: Math.round(k.y * 10) / 10 }));
  return [...head, ...pair("shoulder"), ...pair("elbow"), ...pair("wrist"), ...pair("hip"), ...pair("knee"), ...pair("ankle")];
}

export type { WornGarment } from "./worn";
export type { Keypoint } from "./layers";
export * from "./vocabulary";
