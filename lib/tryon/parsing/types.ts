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

/**
 * The same parse in the coordinates of an image `factor` times larger: a photo parsed from a smaller copy of itself
 * (the browser decodes large photos at most PARSE_MAX_SIDE on the long side) reads as a parse of the photo.
 */
export function scaleParse(parse: PersonParse, factor: number, imageWidth: number, imageHeight: number): PersonParse {
  const { region } = parse.segmentation;
  return {
    imageWidth,
    imageHeight,
    keypoints: parse.keypoints.map(([x, y, score]) => [x * factor, y * factor, score]),
    segmentation: { ...parse.segmentation, region: { x: region.x * factor, y: region.y * factor, side: region.side * factor } },
  };
}

/**
 * Longest side the browser parses at. Both models look at 256-pixel squares, so a larger photo only costs decoding,
 * copying and resampling: a 768x1024 photo took 326 ms in Chromium at full size and 181 ms at 384x512.
 */
export const PARSE_MAX_SIDE = 512;
