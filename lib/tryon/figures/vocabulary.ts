// The descriptive vocabulary of generated model photos: poses, body shapes, heights, skin tones and hair. The
// ids are stable values (database columns, API attributes, export metadata, upload form choices).

export const POSES = ["standing", "hand_on_hip", "hands_on_hips", "walking", "arms_out"] as const;
export type PoseId = (typeof POSES)[number];

export const BODY_SHAPES = ["slim", "average", "curvy", "broad"] as const;
export type BodyShapeId = (typeof BODY_SHAPES)[number];

/** Height classes; the value is the head length in pixels of the 512 px frame (figures are nine heads tall). */
export const HEIGHTS = { petite: 48.5, average: 50.5, tall: 52 } as const;
export type HeightId = keyof typeof HEIGHTS;
export const HEIGHT_IDS = Object.keys(HEIGHTS) as HeightId[];

/** Skin tones from light to deep; hex of the lit skin. */
export const SKIN_TONES = {
  porcelain: "#f4dccb",
  fair: "#eac5a6",
  light: "#ddb08a",
  medium: "#c89066",
  olive: "#b88a5c",
  tan: "#a56d45",
  brown: "#7b4a2d",
  deep: "#4e2e1d",
} as const;
export type SkinToneId = keyof typeof SKIN_TONES;
export const SKIN_TONE_IDS = Object.keys(SKIN_TONES) as SkinToneId[];

export const HAIR_STYLES = ["pixie", "bob", "long_straight", "long_wavy", "bun", "afro"] as const;
export type HairStyleId = (typeof HAIR_STYLES)[number];

export const HAIR_COLOURS = {
  black: "#1f1915",
  dark_brown: "#3d281b",
  brown: "#6b4529",
  auburn: "#8b3c1f",
  blonde: "#cfa96b",
  grey: "#a8a49f",
} as const;
export type HairColourId = keyof typeof HAIR_COLOURS;
export const HAIR_COLOUR_IDS = Object.keys(HAIR_COLOURS) as HairColourId[];

/** How a person's hair is stored in one column: "bob:auburn". */
export function hairKey(style: HairStyleId, colour: HairColourId): string {
  return `${style}:${colour}`;
}
