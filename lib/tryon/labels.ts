// The person-parsing label set shared by the figure generator's ground truth, the VITON-style export and the
// try-on models: one integer per pixel of an image-parse PNG. Garment labels are the ontology's wearable slots.
export const PARSE_LABELS = {
  background: 0,
  hair: 1,
  face: 2,
  /** Neck, arms, hands, legs, feet: every visible skin that is not the face. */
  skin: 3,
  top: 4,
  bottom: 5,
  one_piece: 6,
  outerwear: 7,
  shoes: 8,
} as const;

export type ParseLabelName = keyof typeof PARSE_LABELS;
export type ParseLabel = (typeof PARSE_LABELS)[ParseLabelName];

export const PARSE_LABEL_NAMES = Object.keys(PARSE_LABELS) as ParseLabelName[];

/** Slots a figure can wear, each with its own label. */
export const GARMENT_SLOTS = ["top", "bottom", "one_piece", "outerwear", "shoes"] as const;
export type GarmentSlot = (typeof GARMENT_SLOTS)[number];

/**
 * Colours the label version of a figure is drawn in, far apart in RGB so that snapping a pixel to the nearest one
 * is unambiguous; also the palette of the colour visualisation of a label map.
 */
export const LABEL_COLOURS: Record<ParseLabel, [number, number, number]> = {
  0: [0, 0, 0],
  1: [255, 0, 0],
  2: [0, 255, 0],
  3: [255, 255, 0],
  4: [0, 0, 255],
  5: [255, 0, 255],
  6: [0, 255, 255],
  7: [255, 128, 0],
  8: [128, 0, 255],
};

/** Readable colours for looking at a label map next to its figure (docs, contact sheets). */
export const LABEL_PREVIEW_COLOURS: Record<ParseLabel, [number, number, number]> = {
  0: [246, 244, 241],
  1: [92, 58, 40],
  2: [240, 196, 160],
  3: [214, 160, 120],
  4: [60, 110, 200],
  5: [40, 150, 110],
  6: [200, 70, 150],
  7: [230, 140, 40],
  8: [40, 40, 40],
};

export const COCO_KEYPOINTS = [
  "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow",
  "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle",
] as const;
export type CocoKeypointName = (typeof COCO_KEYPOINTS)[number];
