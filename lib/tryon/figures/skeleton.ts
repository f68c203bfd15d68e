// The figure's skeleton: where every joint sits in the 384×512 frame for a pose, body shape and height, and how
// wide the body is at each level. Body, garments, label map and keypoints are all drawn from this one object,
// which is what makes the ground truth exact.
import type { P } from "../../catalogue/flats/svg";
import { HEIGHTS, type BodyShapeId, type HeightId, type PoseId } from "./vocabulary";

export const FRAME = { width: 384, height: 512 } as const;
export const CENTRE_X = FRAME.width / 2;
/** Where the soles stand; the frame keeps a margin below for the floor shadow. */
export const GROUND_Y = 500;

/** Half-widths in head lengths at each level of the body. */
export interface Build {
  shoulder: number; bust: number; waist: number; hip: number; thigh: number; knee: number; calf: number;
  ankle: number; arm: number; wrist: number; neck: number;
}

const BUILDS: Record<BodyShapeId, Build> = {
  slim: { shoulder: 0.8, bust: 0.55, waist: 0.41, hip: 0.6, thigh: 0.26, knee: 0.14, calf: 0.165, ankle: 0.085, arm: 0.115, wrist: 0.07, neck: 0.14 },
  average: { shoulder: 0.84, bust: 0.61, waist: 0.49, hip: 0.7, thigh: 0.3, knee: 0.155, calf: 0.18, ankle: 0.09, arm: 0.13, wrist: 0.075, neck: 0.15 },
  curvy: { shoulder: 0.85, bust: 0.72, waist: 0.52, hip: 0.88, thigh: 0.36, knee: 0.175, calf: 0.2, ankle: 0.095, arm: 0.145, wrist: 0.08, neck: 0.155 },
  broad: { shoulder: 0.98, bust: 0.74, waist: 0.64, hip: 0.74, thigh: 0.32, knee: 0.17, calf: 0.2, ankle: 0.1, arm: 0.155, wrist: 0.085, neck: 0.19 },
};

/** Vertical landmarks in head lengths from the top of the head. */
export const LEVEL = {
  eyes: 0.5, nose: 0.7, chin: 1.0, neckBase: 1.3, shoulder: 1.48, armpit: 1.98, bust: 2.2, waist: 3.0, hip: 3.65,
  crotch: 4.08, knee: 6.0, ankle: 8.55,
} as const;

/** How much each heel height lifts the body off the ground, in head lengths. */
export const HEEL_LIFT: Record<string, number> = { flat: 0, low: 0.08, mid: 0.16, high: 0.25 };

export interface Side {
  shoulder: P; elbow: P; wrist: P; hip: P; knee: P; ankle: P;
  /** Direction the hand points (unit), and the foot (unit, towards the toes). */
  handDir: P; footDir: P;
  /** Whether the hand rests on the hip (its fingers turn in). */
  onHip: boolean;
}

export interface Skeleton {
  h: number;
  top: number;
  build: Build;
  /** Figure's left is the image's right (+x), as for a person facing the camera. */
  left: Side;
  right: Side;
  /** Absolute y of a level (head lengths from the top). */
  y: (level: number) => number;
  /** Absolute x of an offset from the centre line (head lengths, + is image right). */
  x: (offset: number) => number;
  lift: number;
  footLength: number;
}

type ArmPlan = { elbow: P; wrist: P; onHip?: boolean };
type LegPlan = { knee: P; ankle: P };

/** Joint offsets per pose in head lengths: arms relative to the shoulder joint, legs absolute. `s` is +1 for the figure's left. */
function plan(pose: PoseId, b: Build, s: 1 | -1): { arm: ArmPlan; leg: LegPlan } {
  const standLeg: LegPlan = { knee: [0.3, LEVEL.knee], ankle: [0.26, LEVEL.ankle] };
  const hang: ArmPlan = { elbow: [0.13, 1.45], wrist: [0.2, 2.62] };
  const onHip: ArmPlan = { elbow: [0.7, 1.1], wrist: [b.waist + 0.2 - (b.shoulder - 0.1), 1.95], onHip: true };
  switch (pose) {
    case "standing": return { arm: hang, leg: standLeg };
    case "hand_on_hip": return { arm: s === 1 ? onHip : hang, leg: s === 1 ? { knee: [0.36, LEVEL.knee], ankle: [0.36, LEVEL.ankle] } : { knee: [0.24, LEVEL.knee], ankle: [0.16, LEVEL.ankle] } };
    case "hands_on_hips": return { arm: onHip, leg: { knee: [0.36, LEVEL.knee], ankle: [0.38, LEVEL.ankle] } };
    case "arms_out": return { arm: { elbow: [0.46, 1.36], wrist: [0.92, 2.42] }, leg: { knee: [0.34, LEVEL.knee], ankle: [0.34, LEVEL.ankle] } };
    case "walking":
      // Runway walk seen from the front: the weight leg straight under the body, the other knee bent with its
      // heel raised, and the arm opposite the forward leg swinging in front of the hip.
      return s === 1
        ? { arm: { elbow: [0.2, 1.42], wrist: [0.36, 2.52] }, leg: { knee: [0.3, LEVEL.knee - 0.15], ankle: [0.24, LEVEL.ankle - 0.28] } }
        : { arm: { elbow: [0.06, 1.44], wrist: [-0.02, 2.58] }, leg: { knee: [0.14, LEVEL.knee], ankle: [0.06, LEVEL.ankle] } };
  }
}

export function buildSkeleton(pose: PoseId, shape: BodyShapeId, height: HeightId, heel: string = "flat"): Skeleton {
  const h = HEIGHTS[height];
  const b = BUILDS[shape];
  const lift = HEEL_LIFT[heel] ?? 0;
  const top = GROUND_Y - (9 + lift) * h;
  const x = (offset: number) => CENTRE_X + offset * h;
  const y = (level: number) => top + level * h;
  const side = (s: 1 | -1): Side => {
    const { arm, leg } = plan(pose, b, s);
    const sh: P = [x(s * (b.shoulder - 0.1)), y(LEVEL.shoulder)];
    const elbow: P = [sh[0] + s * arm.elbow[0] * h, sh[1] + arm.elbow[1] * h];
    const wrist: P = [sh[0] + s * arm.wrist[0] * h, sh[1] + arm.wrist[1] * h];
    const fore = unit([wrist[0] - elbow[0], wrist[1] - elbow[1]]);
    // A hand on the hip turns in along the hip bone; a hanging hand continues the forearm.
    const handDir: P = arm.onHip ? unit([-s * 0.45, 1]) : fore;
    const knee: P = [x(s * leg.knee[0]), y(leg.knee[1])];
    const ankle: P = [x(s * leg.ankle[0]), y(leg.ankle[1])];
    const footDir = unit([s * (0.22 - lift * 0.4), 1]);
    return { shoulder: sh, elbow, wrist, hip: [x(s * b.hip * 0.55), y(3.75)], knee, ankle, handDir, footDir, onHip: Boolean(arm.onHip) };
  };
  return { h, top, build: b, left: side(1), right: side(-1), x, y, lift, footLength: (0.45 + lift) * h * 1.02 };
}

export function unit([dx, dy]: P): P {
  const len = Math.hypot(dx, dy) || 1;
  return [dx / len, dy / len];
}
