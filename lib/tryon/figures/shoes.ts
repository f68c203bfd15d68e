// Shoes on the figure, seen from the front with the feet pointing down and out as fashion illustrators draw them:
// sneakers with a white sole rim, boots with a shaft up the calf, pumps with a visible heel, sandals as straps
// over the bare foot, loafers with a saddle.
import { darken } from "../../catalogue/flats/colour";
import { n, type P } from "../../catalogue/flats/svg";
import { PARSE_LABELS } from "../labels";
import { footSpine, legSpine } from "./body";
import { along, limbOutline, sliceSpine, widen } from "./geometry";
import type { Layer } from "./layers";
import type { Side, Skeleton } from "./skeleton";
import { seamLine } from "./strokes";
import type { GarmentInput, GarmentLayers } from "./worn";

const closed = (pts: P[]) => `M${pts.map((p) => `${n(p[0])} ${n(p[1])}`).join("L")}Z`;

/** A stiletto or block heel under the back of the foot, on its outer side. */
function heelPiece(sk: Skeleton, s: Side, sign: number, block: boolean): string {
  const top: P = [s.ankle[0] + sign * 0.07 * sk.h, s.ankle[1] + 0.12 * sk.h];
  const ground = sk.y(9 + sk.lift) - 0.02 * sk.h;
  const wTop = (block ? 0.06 : 0.045) * sk.h, wBot = (block ? 0.05 : 0.015) * sk.h;
  return closed([[top[0] - wTop, top[1]], [top[0] + wTop, top[1]], [top[0] + sign * 0.01 * sk.h + wBot, ground], [top[0] + sign * 0.01 * sk.h - wBot, ground]]);
}

export function shoeLayers(input: GarmentInput): GarmentLayers {
  const { sk, g, pal } = input;
  const heel = g.attributes.heel ?? "flat";
  const front: string[] = [];
  const under: string[] = [];
  let details = "";
  for (const [s, sign] of [[sk.left, 1], [sk.right, -1]] as const) {
    const foot = footSpine(sk, s);
    const tip = foot.points[foot.points.length - 1];
    switch (g.category) {
      case "sneakers": {
        under.push(limbOutline(widen(sliceSpine(foot, 0.25, 1, 5), 0.05 * sk.h), { end: 1 }));
        front.push(limbOutline(widen(sliceSpine(foot, 0, 0.93, 5), 0.035 * sk.h), { end: 0.9 }));
        for (const t of [0.3, 0.45, 0.6]) {
          const c = sliceSpine(foot, t, t, 2).points[0];
          details += seamLine(pal, `M${n(c[0] - 0.06 * sk.h)} ${n(c[1])}L${n(c[0] + 0.06 * sk.h)} ${n(c[1])}`, 0.9);
        }
        break;
      }
      case "boots": {
        const leg = legSpine(sk, s);
        const shaftFrom = heel === "high" || heel === "mid" ? 0.62 : 0.72;
        front.push(limbOutline(widen(sliceSpine(leg, shaftFrom, 1, 5), 0.03 * sk.h), { start: 0, end: 0 }));
        front.push(limbOutline(widen(sliceSpine(foot, 0, 1, 5), 0.03 * sk.h), { end: 0.9 }));
        if (heel !== "flat") under.push(heelPiece(sk, s, sign, heel !== "high"));
        break;
      }
      case "heels": {
        under.push(heelPiece(sk, s, sign, heel === "low"));
        front.push(limbOutline(widen(sliceSpine(foot, 0.42, 1, 5), 0.02 * sk.h), { start: 0.3, end: 1 }));
        break;
      }
      case "sandals": {
        if (heel !== "flat") under.push(heelPiece(sk, s, sign, heel !== "high"));
        for (const [t, w] of [[0.0, 0.05], [0.52, 0.045], [0.8, 0.04]] as const) {
          const c = sliceSpine(foot, t, Math.min(1, t + 0.01), 2);
          const p = c.points[0], half = c.widths[0] + 0.015 * sk.h;
          const d = foot.points[1][0] - foot.points[0][0], e = foot.points[1][1] - foot.points[0][1];
          const len = Math.hypot(d, e) || 1;
          const nx = -e / len, ny = d / len, ux = d / len, uy = e / len;
          const ww = w * sk.h * 0.5;
          front.push(closed([[p[0] - nx * half - ux * ww, p[1] - ny * half - uy * ww], [p[0] + nx * half - ux * ww, p[1] + ny * half - uy * ww], [p[0] + nx * half + ux * ww, p[1] + ny * half + uy * ww], [p[0] - nx * half + ux * ww, p[1] - ny * half + uy * ww]]));
        }
        break;
      }
      default: {
        front.push(limbOutline(widen(sliceSpine(foot, 0.2, 1, 5), 0.025 * sk.h), { start: 0.4, end: 0.9 }));
        const c = along(tip, [-(tip[0] - s.ankle[0]) / sk.footLength, -(tip[1] - s.ankle[1]) / sk.footLength], 0.42 * sk.footLength);
        details += seamLine(pal, `M${n(c[0] - 0.07 * sk.h)} ${n(c[1])}Q${n(c[0])} ${n(c[1] + 0.06 * sk.h)} ${n(c[0] + 0.07 * sk.h)} ${n(c[1])}`, 1);
      }
    }
  }
  const body: Layer[] = [];
  if (under.length) {
    const sole = g.category === "sneakers" ? "#f4f2ee" : darken(pal.base, 0.35);
    body.push({ label: PARSE_LABELS.shoes, pieces: under, paint: { kind: "flat", fill: sole, line: darken(sole, 0.45) } });
  }
  body.push({ label: PARSE_LABELS.shoes, pieces: front, paint: { kind: "fabric", garment: input.index, shade: "gS" }, details, line: 0.9 });
  return { body, sleeves: [] };
}
