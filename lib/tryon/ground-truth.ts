// A gallery figure's body model from its ground truth instead of the pose and segmentation models: the stored
// COCO-17 keypoints and label map are turned into the same raw parse the models would give, so toBodyModel()
// (crop, masks, keep regions) treats figures and photos alike. Pure: tests and the server share it.
import type { FigureTruth } from "./figures/photo";
import { PARSE_LABELS } from "./labels";
import type { Keypoint, PersonParse } from "./parsing/types";

/** Score for a keypoint the figure labels as occluded (v = 1): placed exactly, but not seen. */
const OCCLUDED_SCORE = 0.5;

/**
 * keypoints scaled from the truth frame to the label map's size; segmentation = "not background" on a square
 * grid (the parse format lays its grid over a square region), padded with zeros left and right.
 */
export function parseFromTruth(truth: Pick<FigureTruth, "frame" | "keypoints">, labels: Uint8Array, width: number, height: number): PersonParse {
  const sx = width / truth.frame.width, sy = height / truth.frame.height;
  const keypoints = truth.keypoints.map(([x, y, v]): Keypoint => [x * sx, y * sy, v === 2 ? 1 : v === 1 ? OCCLUDED_SCORE : 0]);
  const side = Math.max(width, height);
  const ox = Math.floor((side - width) / 2), oy = Math.floor((side - height) / 2);
  const data = new Float32Array(side * side);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (labels[y * width + x] !== PARSE_LABELS.background) data[(y + oy) * side + x + ox] = 1;
  }
  return { imageWidth: width, imageHeight: height, keypoints, segmentation: { width: side, height: side, data, region: { x: -ox, y: -oy, side } } };
}
