// What the models hand to the body-model mapping (pure data, shared by server, worker and tests).

/** [x, y, score] in the pixels of the image it was found in (continuous coordinates: pixel i spans [i, i + 1)). */
export type Keypoint = [number, number, number];

/** Decoded pixels, interleaved HWC: 3 = RGB, 4 = RGBA. */
export interface PixelImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** A square of the image (may reach past its edges) that a model looked at. */
export interface SquareRegion {
  x: number;
  y: number;
  side: number;
}

/** The raw parse of one image: the pose (COCO-17) and a person-probability grid laid over `region`. */
export interface PersonParse {
  imageWidth: number;
  imageHeight: number;
  keypoints: Keypoint[];
  segmentation: { width: number; height: number; data: Float32Array; region: SquareRegion };
}
