// A generated model photo with its ground truth, ready to store or export: the figure PNG, the label map (bytes
// and PNG), COCO-17 keypoints and the garments worn, all from one drawing.
import { PARSE_LABELS, type GarmentSlot } from "../labels";
import { renderFigure, type FigureSpec, type Keypoint } from "./index";
import { figurePng, labelMap, labelPng } from "./raster";
import { FRAME } from "./skeleton";
import { hairKey } from "./vocabulary";

export interface ModelPhoto {
  spec: FigureSpec;
  png: Buffer;
  labels: Uint8Array;
  labelPng: Buffer;
  keypoints: Keypoint[];
  garments: { productId: string; slot: GarmentSlot }[];
}

export async function drawModelPhoto(spec: FigureSpec): Promise<ModelPhoto> {
  const drawing = renderFigure(spec);
  const [png, labels] = await Promise.all([figurePng(drawing.svg), labelMap(drawing.labelSvg)]);
  return { spec, png, labels, labelPng: await labelPng(labels), keypoints: drawing.keypoints, garments: drawing.garments };
}

/** The ground truth stored with a person (Person.truth) and written next to exported figures. */
export interface FigureTruth {
  version: 1;
  frame: { width: number; height: number };
  keypointFormat: "coco17";
  /** [x, y, v] per COCO keypoint in order; v: 2 visible, 1 labelled but occluded (ears under hair). */
  keypoints: [number, number, number][];
  /** Image-store key of the label PNG (pixel value = label), when stored. */
  parseKey?: string;
  labels: typeof PARSE_LABELS;
  garments: { productId: string; slot: GarmentSlot }[];
  figure: { pose: string; bodyShape: string; height: string; skinTone: string; hair: string };
}

export function truthOf(photo: ModelPhoto, parseKey?: string): FigureTruth {
  const s = photo.spec;
  return {
    version: 1,
    frame: { ...FRAME },
    keypointFormat: "coco17",
    keypoints: photo.keypoints.map((k) => [k.x, k.y, k.v]),
    ...(parseKey ? { parseKey } : {}),
    labels: PARSE_LABELS,
    garments: photo.garments,
    figure: { pose: s.pose, bodyShape: s.bodyShape, height: s.height, skinTone: s.skinTone, hair: hairKey(s.hairStyle, s.hairColour) },
  };
}
