// The head: face with ears and simple, clean features (brows, almond eyes, a nose line, two-tone lips), and hair
// in two layers — behind the body (length, volume) and in front of the face (crown, fringe, side curtains).
import { darken, lighten, luminance, mix } from "../../catalogue/flats/colour";
import { circle, n, path, smoothPath, type P } from "../../catalogue/flats/svg";
import { PARSE_LABELS } from "../labels";
import { mirroredOutline } from "./geometry";
import type { Keypoint, Layer } from "./layers";
import { CENTRE_X, LEVEL, type Skeleton } from "./skeleton";
import type { HairStyleId } from "./vocabulary";

type Pt = [number, number];

function headPoint(sk: Skeleton, [x, y]: Pt): P {
  return [sk.x(x), sk.y(y)];
}

export function faceLayer(sk: Skeleton, skin: string, hair: string): Layer {
  const hp = (p: Pt) => headPoint(sk, p);
  const face = mirroredOutline(CENTRE_X, ([[0.01, 0.02], [0.2, 0.05], [0.31, 0.2], [0.335, 0.44], [0.31, 0.66], [0.22, 0.86], [0.08, 0.985]] as Pt[]).map(hp));
  const ears = [1, -1].map((s) => smoothPath(([[0.3, 0.44], [0.37, 0.43], [0.395, 0.53], [0.36, 0.66], [0.3, 0.66]] as Pt[]).map(([x, y]) => hp([x * s, y])), true));
  return { label: PARSE_LABELS.face, pieces: [...ears, face], paint: { kind: "skin" }, details: features(sk, skin, hair), line: 0.9 };
}

function features(sk: Skeleton, skin: string, hair: string): string {
  const h = sk.h;
  const X = (v: number) => n(sk.x(v)), Y = (v: number) => n(sk.y(v)), D = (v: number) => n(v * h);
  const line = darken(skin, 0.55);
  const brow = darken(mix(hair, skin, 0.25), 0.15);
  let out = "";
  for (const s of [1, -1]) {
    const ex = 0.145 * s, ey = LEVEL.eyes;
    out += path(`M${X(ex - 0.075 * s)} ${Y(ey - 0.075)}Q${X(ex)} ${Y(ey - 0.125)} ${X(ex + 0.085 * s)} ${Y(ey - 0.085)}`, { fill: "none", stroke: brow, "stroke-width": D(0.032), "stroke-linecap": "round" });
    out += path(`M${X(ex - 0.07)} ${Y(ey)}Q${X(ex)} ${Y(ey - 0.06)} ${X(ex + 0.07)} ${Y(ey)}Q${X(ex)} ${Y(ey + 0.04)} ${X(ex - 0.07)} ${Y(ey)}Z`, { fill: "#fbf8f3" });
    out += circle(sk.x(ex), sk.y(ey - 0.008), 0.03 * h, { fill: "#2b1d16" });
    out += path(`M${X(ex - 0.075 * s)} ${Y(ey + 0.003)}Q${X(ex)} ${Y(ey - 0.068)} ${X(ex + 0.08 * s)} ${Y(ey - 0.012)}`, { fill: "none", stroke: "#231812", "stroke-width": D(0.024), "stroke-linecap": "round" });
    out += el_ellipse(sk.x(0.2 * s), sk.y(0.72), 0.07 * h, 0.04 * h, mix(skin, "#e0707a", 0.35), 0.35);
  }
  out += path(`M${X(0.025)} ${Y(0.58)}Q${X(0.05)} ${Y(0.68)} ${X(0.045)} ${Y(0.71)}Q${X(0.02)} ${Y(0.735)} ${X(-0.03)} ${Y(0.725)}`, { fill: "none", stroke: line, "stroke-width": D(0.02), "stroke-linecap": "round", "stroke-opacity": 0.7 });
  const lip = mix(darken(skin, 0.25), "#b2414f", luminance(skin) > 0.3 ? 0.45 : 0.3);
  const my = 0.835;
  out += path(`M${X(-0.095)} ${Y(my)}Q${X(-0.04)} ${Y(my - 0.045)} ${X(0)} ${Y(my - 0.022)}Q${X(0.04)} ${Y(my - 0.045)} ${X(0.095)} ${Y(my)}Q${X(0)} ${Y(my + 0.01)} ${X(-0.095)} ${Y(my)}Z`, { fill: darken(lip, 0.1) });
  out += path(`M${X(-0.085)} ${Y(my + 0.004)}Q${X(0)} ${Y(my + 0.075)} ${X(0.085)} ${Y(my + 0.004)}Q${X(0)} ${Y(my + 0.016)} ${X(-0.085)} ${Y(my + 0.004)}Z`, { fill: lighten(lip, 0.08) });
  out += path(`M${X(-0.09)} ${Y(my + 0.003)}Q${X(0)} ${Y(my + 0.016)} ${X(0.09)} ${Y(my + 0.003)}`, { fill: "none", stroke: darken(lip, 0.45), "stroke-width": D(0.014) });
  return out;
}

function el_ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, opacity: number): string {
  return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}" fill-opacity="${opacity}"/>`;
}

/** Wavy offsets for the long wavy style: the outer points swing out and in down the length. */
function wave(points: Pt[], on: boolean): Pt[] {
  if (!on) return points;
  return points.map(([x, y], i) => [x + (y > 0.9 ? Math.sin(i * 1.9) * 0.05 * Math.sign(x || 1) : 0), y]);
}

export interface HairLayers { back: Layer | null; front: Layer; earsCovered: boolean }

export function hairLayers(sk: Skeleton, style: HairStyleId, colour: string): HairLayers {
  const hp = (p: Pt) => headPoint(sk, p);
  const mirror = (right: Pt[]) => mirroredOutline(CENTRE_X, right.map(hp));
  const strands = (d: string) => path(d, { fill: "none", stroke: lighten(colour, 0.22), "stroke-width": n(0.022 * sk.h), "stroke-opacity": 0.55, "stroke-linecap": "round" });
  const layer = (pieces: string[], details = ""): Layer => ({ label: PARSE_LABELS.hair, pieces, paint: { kind: "hair" }, details, line: 1 });
  const X = (v: number) => n(sk.x(v)), Y = (v: number) => n(sk.y(v));
  const crownStrands = [0.12, 0.24].map((x) => `M${X(0.02)} ${Y(0.0)}Q${X(x + 0.06)} ${Y(0.02)} ${X(x + 0.12)} ${Y(0.2)}M${X(-0.02)} ${Y(0.0)}Q${X(-x - 0.06)} ${Y(0.02)} ${X(-x - 0.12)} ${Y(0.2)}`).join("");
  switch (style) {
    case "pixie":
      return {
        back: null, earsCovered: false,
        front: layer([smoothPath(([[0.0, -0.09], [0.27, -0.06], [0.39, 0.12], [0.37, 0.42], [0.32, 0.3], [0.2, 0.23], [0.02, 0.27], [-0.2, 0.22], [-0.33, 0.3], [-0.37, 0.43], [-0.39, 0.12], [-0.27, -0.06]] as Pt[]).map(hp))], strands(crownStrands)),
      };
    case "bob":
      return {
        back: layer([mirror([[0.01, -0.1], [0.38, -0.02], [0.5, 0.35], [0.5, 0.85], [0.46, 1.06], [0.02, 1.02]])]),
        earsCovered: true,
        front: layer([mirror([[0.01, -0.1], [0.33, -0.05], [0.47, 0.3], [0.49, 0.8], [0.47, 1.06], [0.36, 1.0], [0.32, 0.7], [0.31, 0.36], [0.22, 0.24], [0.02, 0.26]])], strands(crownStrands)),
      };
    case "long_straight":
    case "long_wavy": {
      const wavy = style === "long_wavy";
      const spread = wavy ? 0.07 : 0;
      return {
        back: layer([mirror(wave([[0.01, -0.11], [0.4, 0.0], [0.52 + spread, 0.45], [0.54 + spread, 1.1], [0.6 + spread, 1.8], [0.58 + spread, 2.5], [0.02, 2.3]], wavy))]),
        earsCovered: true,
        front: layer([mirror(wave([[0.01, -0.11], [0.33, -0.06], [0.46 + spread, 0.2], [0.49 + spread, 0.6], [0.52 + spread, 1.1], [0.6 + spread, 1.6], [0.63 + spread, 2.2], [0.54 + spread, 2.42], [0.44, 2.1], [0.38, 1.5], [0.34, 1.0], [0.315, 0.5], [0.2, 0.22], [0.05, 0.14]], wavy))],
          strands(crownStrands + [1, -1].map((s) => `M${X(0.4 * s)} ${Y(0.9)}Q${X(0.48 * s)} ${Y(1.5)} ${X(0.55 * s)} ${Y(2.15)}`).join(""))),
      };
    }
    case "bun":
      return {
        back: layer([smoothPath(([[0, -0.4], [0.18, -0.3], [0.2, -0.1], [0, -0.02], [-0.2, -0.1], [-0.18, -0.3]] as Pt[]).map(hp))]),
        earsCovered: false,
        front: layer([mirror([[0.01, -0.09], [0.3, -0.04], [0.37, 0.18], [0.345, 0.4], [0.3, 0.26], [0.14, 0.17], [0.02, 0.15]])], strands(crownStrands)),
      };
    case "afro": {
      const pts: Pt[] = [];
      for (let i = 0; i < 22; i++) {
        const a = (i / 22) * Math.PI * 2;
        const r = 0.62 + (i % 2 ? 0.04 : -0.02);
        pts.push([Math.cos(a) * r * 1.02, 0.36 + Math.sin(a) * r * 0.82]);
      }
      return {
        back: layer([smoothPath(pts.map(hp))]),
        earsCovered: false,
        front: layer([mirror([[0.01, -0.06], [0.3, -0.02], [0.38, 0.2], [0.36, 0.38], [0.31, 0.27], [0.16, 0.21], [0.02, 0.2]])]),
      };
    }
  }
}

/** COCO head keypoints; ears under long hair or a bob are labelled but occluded (v = 1). */
export function headKeypoints(sk: Skeleton, earsCovered: boolean): Keypoint[] {
  const k = (name: string, x: number, y: number, v: 0 | 1 | 2 = 2): Keypoint => ({ name, x: sk.x(x), y: sk.y(y), v });
  const ear = earsCovered ? 1 : 2;
  return [k("nose", 0.03, LEVEL.nose), k("left_eye", 0.145, LEVEL.eyes), k("right_eye", -0.145, LEVEL.eyes), k("left_ear", 0.35, 0.55, ear), k("right_ear", -0.35, 0.55, ear)];
}
