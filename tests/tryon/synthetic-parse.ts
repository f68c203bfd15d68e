// Hand-made parses for the pure body-model tests: a person rectangle in the segmentation grid and a standing pose.
import type { Keypoint, PersonParse } from "@/lib/tryon/body-model";

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A standing pose filling `box` (image pixels), COCO-17 order, every score `score`. */
export function standingPose(box: Box, score = 0.9): Keypoint[] {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const at = (fx: number, fy: number): Keypoint => [box.x0 + fx * w, box.y0 + fy * h, score];
  // The person's left is the image's right (they face the camera).
  return [
    at(0.5, 0.06), at(0.55, 0.05), at(0.45, 0.05), at(0.6, 0.06), at(0.4, 0.06), // nose, eyes, ears
    at(0.75, 0.18), at(0.25, 0.18), at(0.85, 0.33), at(0.15, 0.33), at(0.88, 0.46), at(0.12, 0.46), // arms
    at(0.62, 0.5), at(0.38, 0.5), at(0.62, 0.72), at(0.38, 0.72), at(0.62, 0.94), at(0.38, 0.94), // legs
  ];
}

/** A parse whose segmentation (grid × grid over the whole image, letterboxed square) is 1 inside `box`. */
export function syntheticParse(width: number, height: number, box: Box | null, keypoints?: Keypoint[], grid = 128): PersonParse {
  const side = Math.max(width, height);
  const region = { x: (width - side) / 2, y: (height - side) / 2, side };
  const data = new Float32Array(grid * grid);
  if (box) {
    for (let v = 0; v < grid; v++) {
      for (let u = 0; u < grid; u++) {
        const x = region.x + ((u + 0.5) / grid) * side;
        const y = region.y + ((v + 0.5) / grid) * side;
        if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1) data[v * grid + u] = 0.95;
      }
    }
  }
  const pose = keypoints ?? (box ? standingPose(box) : standingPose({ x0: 0, y0: 0, x1: width, y1: height }, 0.02));
  return { imageWidth: width, imageHeight: height, keypoints: pose, segmentation: { width: grid, height: grid, data, region } };
}
