// The tfjs half of person parsing, shared by the server (lib/tryon/parsing/server.ts) and the browser worker
// (components/tryon/parsing.worker.ts) so both feed the models the same tensors: RGB(A) pixels → a square crop
// letterboxed with black → MoveNet keypoints and selfie-segmentation probabilities, both mapped back to image pixels.
import * as tf from "@tensorflow/tfjs";
import type { Keypoint, PersonParse, PixelImage, SquareRegion } from "./types";
import { POSE_MODEL, SEGMENTATION_MODEL } from "./model-files";

export interface ParsingModels {
  pose: tf.GraphModel;
  segmentation: tf.GraphModel;
}

/** The whole image as a square: its longer side, centred, so the shorter side is padded symmetrically. */
export function wholeImageRegion(width: number, height: number): SquareRegion {
  const side = Math.max(width, height);
  return { x: (width - side) / 2, y: (height - side) / 2, side };
}

/**
 * (1, size, size, 3) float RGB 0–255 of `region` (may reach outside the image: padded with black, as MoveNet's
 * own letterboxing does). crop-and-resize samples bilinearly, so no full-size padded copy is made.
 */
function squareCrop(image: PixelImage, region: SquareRegion, size: number): tf.Tensor4D {
  return tf.tidy(() => {
    const pixels = tf.tensor3d(image.data instanceof Uint8Array ? image.data : new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength), [image.height, image.width, image.channels], "int32");
    const rgb = image.channels === 4 ? pixels.slice([0, 0, 0], [-1, -1, 3]) : pixels;
    const batch = rgb.toFloat().expandDims(0) as tf.Tensor4D;
    // Box corners are normalised to the image with pixel centres at (i + 0.5): 0 and 1 are the first and last centres.
    const y1 = (region.y + 0.5 * (region.side / size) - 0.5) / Math.max(1, image.height - 1);
    const x1 = (region.x + 0.5 * (region.side / size) - 0.5) / Math.max(1, image.width - 1);
    const y2 = (region.y + region.side - 0.5 * (region.side / size) - 0.5) / Math.max(1, image.height - 1);
    const x2 = (region.x + region.side - 0.5 * (region.side / size) - 0.5) / Math.max(1, image.width - 1);
    return tf.image.cropAndResize(batch, [[y1, x1, y2, x2]], [0], [size, size], "bilinear", 0);
  });
}

/** MoveNet on `region`: 17 COCO keypoints as [x, y, score] in image pixels. */
export async function detectPose(models: ParsingModels, image: PixelImage, region: SquareRegion): Promise<Keypoint[]> {
  const out = tf.tidy(() => {
    const input = squareCrop(image, region, POSE_MODEL.size).toInt();
    return models.pose.execute(input) as tf.Tensor;
  });
  const rows = await out.data();
  out.dispose();
  const keypoints: Keypoint[] = [];
  for (let k = 0; k < 17; k++) {
    // MoveNet rows are [y, x, score], normalised to the input square.
    keypoints.push([region.x + rows[k * 3 + 1] * region.side, region.y + rows[k * 3] * region.side, rows[k * 3 + 2]]);
  }
  return keypoints;
}

/** Selfie segmentation on `region`: person probability per cell of a size×size grid laid over the region. */
export async function segmentPerson(models: ParsingModels, image: PixelImage, region: SquareRegion): Promise<PersonParse["segmentation"]> {
  const size = SEGMENTATION_MODEL.size;
  const out = tf.tidy(() => {
    const input = squareCrop(image, region, size).div(255);
    return models.segmentation.execute(input) as tf.Tensor;
  });
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return { width: size, height: size, data, region };
}

/** Below this share of the image's side the person gets a second, closer MoveNet pass. */
export const SECOND_PASS_BELOW = 0.7;

/**
 * Both models over the whole image; when the person is small in it, MoveNet again on a square around the person it
 * found (MoveNet is trained on person-centred crops, and the closer pass sees the body at a higher resolution). On
 * photos the person already fills, a second pass changed nothing useful and doubled the pose time.
 */
export async function parsePersonPixels(models: ParsingModels, image: PixelImage): Promise<PersonParse> {
  const whole = wholeImageRegion(image.width, image.height);
  const [first, segmentation] = await Promise.all([detectPose(models, image, whole), segmentPerson(models, image, whole)]);
  const focus = personRegion(first, whole);
  const keypoints = focus && focus.side < SECOND_PASS_BELOW * whole.side ? await detectPose(models, image, focus) : first;
  return { imageWidth: image.width, imageHeight: image.height, keypoints, segmentation };
}

/** A square around the confident keypoints with room for the head and feet, or null when too few were found. */
export function personRegion(keypoints: Keypoint[], fallback: SquareRegion, minScore = 0.2): SquareRegion | null {
  const found = keypoints.filter((k) => k[2] >= minScore);
  if (found.length < 5) return null;
  const xs = found.map((k) => k[0]);
  const ys = found.map((k) => k[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const side = Math.min(fallback.side, Math.max(x1 - x0, y1 - y0) * 1.4);
  return { x: (x0 + x1) / 2 - side / 2, y: (y0 + y1) / 2 - side / 2, side };
}
