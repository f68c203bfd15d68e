// "Is there a whole person in this photo?": try-on needs shoulders, hips and legs to place a top and a bottom, so
// a selfie, a cropped torso or an empty picture is refused before any network runs, with words a shopper can act on.
// Pure (no tfjs): the browser worker and the server share it.
import type { Keypoint, PersonParse } from "./parsing/types";

/** A keypoint counts as found at this MoveNet score (MoveNet's own demos draw from 0.3). */
export const KEYPOINT_SCORE_THRESHOLD = 0.3;
/** The person must cover at least this share of the photo, and be at least this share of its height. */
export const MIN_PERSON_AREA = 0.04;
export const MIN_PERSON_HEIGHT = 0.35;
/** A mask cell counts as person above this probability. */
export const PERSON_PROBABILITY = 0.5;

export const NO_FULL_BODY_MESSAGE = "We couldn't see a full body in this photo — use a photo from head to feet, facing the camera.";

export class NoFullBodyError extends Error {
  readonly code = "no-full-body";
  constructor(readonly reason: string) {
    super(NO_FULL_BODY_MESSAGE);
    this.name = "NoFullBodyError";
  }
}

export const KP = {
  nose: 0, leftEye: 1, rightEye: 2, leftEar: 3, rightEar: 4, leftShoulder: 5, rightShoulder: 6, leftElbow: 7,
  rightElbow: 8, leftWrist: 9, rightWrist: 10, leftHip: 11, rightHip: 12, leftKnee: 13, rightKnee: 14, leftAnkle: 15,
  rightAnkle: 16,
} as const;

export const found = (k: Keypoint | undefined, threshold = KEYPOINT_SCORE_THRESHOLD) => !!k && k[2] >= threshold;

/** The person's box in image pixels, from the mask cells above PERSON_PROBABILITY that fall inside the image. */
export function personBox(parse: PersonParse): { x0: number; y0: number; x1: number; y1: number; area: number } | null {
  const { width, height, data, region } = parse.segmentation;
  const cell = region.side / width;
  let [x0, y0, x1, y1, cells] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      if (!(data[v * width + u] > PERSON_PROBABILITY)) continue;
      const x = region.x + (u + 0.5) * cell;
      const y = region.y + (v + 0.5) * cell;
      if (x < 0 || y < 0 || x >= parse.imageWidth || y >= parse.imageHeight) continue;
      cells++;
      x0 = Math.min(x0, x - cell / 2);
      y0 = Math.min(y0, y - cell / 2);
      x1 = Math.max(x1, x + cell / 2);
      y1 = Math.max(y1, y + cell / 2);
    }
  }
  if (cells === 0) return null;
  return {
    x0: Math.max(0, x0), y0: Math.max(0, y0), x1: Math.min(parse.imageWidth, x1), y1: Math.min(parse.imageHeight, y1),
    area: cells * cell * cell,
  };
}

/** Person probability at an image point, bilinear over the segmentation grid; 0 outside the image or the grid. */
export function personProbability(parse: PersonParse, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= parse.imageWidth || y >= parse.imageHeight) return 0;
  const { width, height, data, region } = parse.segmentation;
  const u = ((x - region.x) / region.side) * width - 0.5;
  const v = ((y - region.y) / region.side) * height - 0.5;
  const u0 = Math.floor(u);
  const v0 = Math.floor(v);
  const at = (uu: number, vv: number) => (uu < 0 || vv < 0 || uu >= width || vv >= height ? 0 : data[vv * width + uu]);
  const fu = u - u0;
  const fv = v - v0;
  return (at(u0, v0) * (1 - fu) + at(u0 + 1, v0) * fu) * (1 - fv) + (at(u0, v0 + 1) * (1 - fu) + at(u0 + 1, v0 + 1) * fu) * fv;
}

/** Throws NoFullBodyError (with the reason, for logs and tests) unless the parse shows a whole, upright person. */
export function assertFullBody(parse: PersonParse): NonNullable<ReturnType<typeof personBox>> {
  const imageArea = parse.imageWidth * parse.imageHeight;
  const box = personBox(parse);
  if (!box) throw new NoFullBodyError("no person pixels");
  if (box.area / imageArea < MIN_PERSON_AREA) throw new NoFullBodyError(`person covers ${(box.area / imageArea).toFixed(3)} of the image`);
  if ((box.y1 - box.y0) / parse.imageHeight < MIN_PERSON_HEIGHT) throw new NoFullBodyError("person too short in the frame");
  const k = parse.keypoints;
  if (k.length !== 17) throw new NoFullBodyError(`expected 17 keypoints, got ${k.length}`);
  const pairs = {
    shoulders: [k[KP.leftShoulder], k[KP.rightShoulder]],
    hips: [k[KP.leftHip], k[KP.rightHip]],
    knees: [k[KP.leftKnee], k[KP.rightKnee]],
    ankles: [k[KP.leftAnkle], k[KP.rightAnkle]],
  };
  const both = (p: Keypoint[]) => p.every((x) => found(x));
  if (!both(pairs.shoulders)) throw new NoFullBodyError("shoulders not found");
  if (!both(pairs.hips)) throw new NoFullBodyError("hips not found");
  const legs = both(pairs.knees) ? pairs.knees : both(pairs.ankles) ? pairs.ankles : null;
  if (!legs) throw new NoFullBodyError("neither knees nor ankles found");
  // MoveNet always answers 17 points and can be confident about legs below a cut-off photo: each joint the check
  // relies on must sit on (or within a couple of mask cells of) the segmented person.
  const reach = (2 * parse.segmentation.region.side) / parse.segmentation.width;
  const onPerson = ([x, y]: Keypoint) => [-reach, 0, reach].some((dx) => [-reach, 0, reach].some((dy) => personProbability(parse, x + dx, y + dy) > PERSON_PROBABILITY));
  const joints = [...pairs.shoulders, ...pairs.hips, ...legs];
  if (!joints.every(onPerson)) throw new NoFullBodyError("body joints fall outside the person");
  // Upright: hips below shoulders, legs below hips (image y grows downwards); a lying or garbled pose is refused.
  const meanY = (p: Keypoint[]) => (p[0][1] + p[1][1]) / 2;
  if (!(meanY(pairs.shoulders) < meanY(pairs.hips) && meanY(pairs.hips) < meanY(legs))) throw new NoFullBodyError("pose is not upright");
  return box;
}
