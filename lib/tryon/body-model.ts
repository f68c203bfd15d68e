// The body model the try-on networks take (O-VITON's "body model": pose + person segmentation), built from a raw
// parse of any photo: the person is cropped/letterboxed into a 3:4 portrait frame, keypoints and masks are mapped
// into it, and the regions try-on must keep (face, hair, hands) are marked. Pure, no tfjs: browser and server share it.
import { assertFullBody, found, KP, PERSON_PROBABILITY, personProbability } from "./full-body";
import type { Keypoint, PersonParse } from "./parsing/types";

export { NoFullBodyError, NO_FULL_BODY_MESSAGE, KEYPOINT_SCORE_THRESHOLD, personProbability } from "./full-body";
export type { Keypoint, PersonParse } from "./parsing/types";

export const COCO_KEYPOINTS = [
  "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow",
  "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
  "right_ankle",
] as const;

export interface FrameSize {
  width: number;
  height: number;
}
/** The networks' two resolutions (W×H): 192×256, and the 384×512 variant. */
export const BODY_MODEL_SIZE: FrameSize = { width: 192, height: 256 };
export const BODY_MODEL_SIZE_HD: FrameSize = { width: 384, height: 512 };
/** Room left around the person's box, as a share of its height, on every side. */
export const FRAME_MARGIN = 0.06;

/** Frame pixel → original image pixel: image = frame × scale + (x, y). The frame may reach past the image. */
export interface CropTransform {
  x: number;
  y: number;
  scale: number;
}

export interface BodyModel {
  width: number;
  height: number;
  /** COCO-17 order, [x, y, score] in frame pixels. */
  keypoints: Keypoint[];
  /** 0/1, row-major H×W. */
  personMask: Uint8Array;
  /** 0/1, H×W: face, hair and hands, which try-on must not repaint (always inside personMask). */
  keepMask: Uint8Array;
  crop: CropTransform;
}

export const frameToImage = (crop: CropTransform, x: number, y: number): [number, number] => [x * crop.scale + crop.x, y * crop.scale + crop.y];
export const imageToFrame = (crop: CropTransform, x: number, y: number): [number, number] => [(x - crop.x) / crop.scale, (y - crop.y) / crop.scale];

/** A 3:4 frame centred on the box, large enough for the box plus FRAME_MARGIN of its height on every side. */
export function cropForBox(box: { x0: number; y0: number; x1: number; y1: number }, size: FrameSize = BODY_MODEL_SIZE): CropTransform {
  const margin = FRAME_MARGIN * (box.y1 - box.y0);
  const needW = box.x1 - box.x0 + 2 * margin;
  const needH = box.y1 - box.y0 + 2 * margin;
  const scale = Math.max(needW / size.width, needH / size.height, 1e-6);
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  return { x: cx - (size.width * scale) / 2, y: cy - (size.height * scale) / 2, scale };
}

/**
 * The raw parse → the body model at `size`. Throws NoFullBodyError when the photo has no whole, upright person.
 * The same parse always gives the same body model (no randomness, no state).
 */
export function toBodyModel(parse: PersonParse, size: FrameSize = BODY_MODEL_SIZE): BodyModel {
  const box = assertFullBody(parse);
  // The box also takes in the confident keypoints: a foot or hand the mask clipped must stay in frame.
  for (const k of parse.keypoints.filter((p) => found(p))) {
    box.x0 = Math.min(box.x0, Math.max(0, k[0]));
    box.x1 = Math.max(box.x1, Math.min(parse.imageWidth, k[0]));
    box.y0 = Math.min(box.y0, Math.max(0, k[1]));
    box.y1 = Math.max(box.y1, Math.min(parse.imageHeight, k[1]));
  }
  const crop = cropForBox(box, size);
  const keypoints = parse.keypoints.map(([x, y, score]): Keypoint => [...imageToFrame(crop, x, y), score]);
  const personMask = new Uint8Array(size.width * size.height);
  for (let fy = 0; fy < size.height; fy++) {
    for (let fx = 0; fx < size.width; fx++) {
      const [x, y] = frameToImage(crop, fx + 0.5, fy + 0.5);
      personMask[fy * size.width + fx] = personProbability(parse, x, y) > PERSON_PROBABILITY ? 1 : 0;
    }
  }
  const keepMask = keepRegions(keypoints, personMask, size);
  return { width: size.width, height: size.height, keypoints, personMask, keepMask, crop };
}

/**
 * Face + hair: person pixels above the chin line (half-way from the face keypoints down to the shoulder line) and
 * within the shoulders' width around the face. Hands: person pixels in an ellipse just past each wrist, sized by the
 * forearm. Geometry alone cannot tell a hand from the trousers it rests on, so the hand shape is kept tight.
 */
export function keepRegions(keypoints: Keypoint[], personMask: Uint8Array, size: FrameSize): Uint8Array {
  const keep = new Uint8Array(personMask.length);
  const k = keypoints;
  const shoulders = [k[KP.leftShoulder], k[KP.rightShoulder]];
  if (!shoulders.every((s) => found(s))) return keep;
  const shoulderWidth = Math.max(4, Math.hypot(shoulders[0][0] - shoulders[1][0], shoulders[0][1] - shoulders[1][1]));
  const shoulderY = (shoulders[0][1] + shoulders[1][1]) / 2;
  const face = [KP.nose, KP.leftEye, KP.rightEye, KP.leftEar, KP.rightEar].map((i) => k[i]).filter((p) => found(p));
  const paint = (test: (x: number, y: number) => boolean, x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(size.height, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(size.width, Math.ceil(x1)); x++) {
        const i = y * size.width + x;
        if (personMask[i] && test(x + 0.5, y + 0.5)) keep[i] = 1;
      }
    }
  };
  if (face.length > 0) {
    const faceX = face.reduce((s, p) => s + p[0], 0) / face.length;
    const faceY = face.reduce((s, p) => s + p[1], 0) / face.length;
    const chinY = faceY + 0.5 * Math.max(0, shoulderY - faceY);
    const halfWidth = 0.6 * shoulderWidth;
    paint(() => true, faceX - halfWidth, 0, faceX + halfWidth, chinY);
  }
  for (const [wristIndex, elbowIndex] of [[KP.leftWrist, KP.leftElbow], [KP.rightWrist, KP.rightElbow]]) {
    const wrist = k[wristIndex];
    if (!found(wrist)) continue;
    const elbow = k[elbowIndex];
    // Without an elbow the hand is assumed to hang straight down, forearm ≈ 0.6 shoulder widths.
    const [dx, dy] = found(elbow) ? [wrist[0] - elbow[0], wrist[1] - elbow[1]] : [0, 0.6 * shoulderWidth];
    const forearm = Math.max(4, Math.hypot(dx, dy));
    const [ux, uy] = [dx / forearm, dy / forearm];
    // A hand is about 0.6 forearms long and 0.35 wide: an ellipse along the forearm, starting at the wrist.
    const [cx, cy] = [wrist[0] + ux * 0.3 * forearm, wrist[1] + uy * 0.3 * forearm];
    const [along, across] = [0.34 * forearm, 0.2 * forearm];
    const inHand = (x: number, y: number) => {
      const a = (x - cx) * ux + (y - cy) * uy;
      const b = -(x - cx) * uy + (y - cy) * ux;
      return (a / along) ** 2 + (b / across) ** 2 <= 1;
    };
    paint(inHand, cx - along, cy - along, cx + along, cy + along);
  }
  return keep;
}

/** Heatmap spread at 192×256; scales with the frame so the 384×512 variant covers the same body area. */
export const HEATMAP_SIGMA = 6;
export const BODY_MODEL_CHANNELS = 19;

/**
 * The networks' input: (19, H, W) float32, channel-major = 17 Gaussian keypoint heatmaps (COCO order, peak 1 at the
 * keypoint, all zero when its score is under the threshold) + person mask + keep mask.
 */
export function bodyModelTensor(body: BodyModel, sigma = HEATMAP_SIGMA * (body.width / BODY_MODEL_SIZE.width)): Float32Array {
  const { width: W, height: H } = body;
  const plane = W * H;
  const out = new Float32Array(BODY_MODEL_CHANNELS * plane); // (19, H, W)
  const reach = Math.ceil(3 * sigma); // exp(-4.5) ≈ 0.011 at the edge of the window: beyond it is left at 0
  body.keypoints.forEach(([kx, ky, score], c) => {
    if (!found([kx, ky, score])) return;
    for (let y = Math.max(0, Math.floor(ky - reach)); y < Math.min(H, Math.ceil(ky + reach)); y++) {
      for (let x = Math.max(0, Math.floor(kx - reach)); x < Math.min(W, Math.ceil(kx + reach)); x++) {
        out[c * plane + y * W + x] = Math.exp(-((x + 0.5 - kx) ** 2 + (y + 0.5 - ky) ** 2) / (2 * sigma * sigma));
      }
    }
  });
  for (let i = 0; i < plane; i++) {
    out[17 * plane + i] = body.personMask[i];
    out[18 * plane + i] = body.keepMask[i];
  }
  return out;
}

/** The 384×512 body model of the same parse (masks re-sampled from the parse, not upscaled from 192×256). */
export const toBodyModelHd = (parse: PersonParse) => toBodyModel(parse, BODY_MODEL_SIZE_HD);
