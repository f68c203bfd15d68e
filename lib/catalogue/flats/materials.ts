// Fabric texture overlays, one per material, laid semi-transparently over the print: denim twill, knit rib,
// linen slub, wool heather, lace openwork, sequin sparkle, canvas weave, suede nap. Leather, silk and satin
// read through sheen gradients instead (see sheenDefs); cotton stays plain.
import { BACKGROUND, lighten, type Palette } from "./colour";
import { range, type Rng } from "./rng";
import { circle, el, n, path } from "./svg";

const W = "#ffffff";
const K = "#000000";

const tile = (id: string, w: number, h: number, body: string, transform?: string) =>
  el("pattern", { id, patternUnits: "userSpaceOnUse", width: w, height: h, patternTransform: transform }, body);

export function materialDef(id: string, material: string | undefined, pal: Palette, rng: Rng): string {
  switch (material) {
    case "denim":
      return tile(id, 9, 9, path("M0 9L9 0M-2 2L2 -2M7 11L11 7", { stroke: W, "stroke-opacity": 0.16, "stroke-width": 1.8 }) +
        path("M0 4.5L4.5 0M4.5 9L9 4.5", { stroke: K, "stroke-opacity": 0.12, "stroke-width": 1.2 }));
    case "knit":
      return tile(id, 16, 12, el("rect", { x: 0, y: 0, width: 5, height: 12, fill: K, "fill-opacity": 0.13 }) +
        path("M8 0l3 6l3 -6M8 6l3 6l3 -6", { fill: "none", stroke: W, "stroke-opacity": 0.16, "stroke-width": 1.5 }));
    case "linen": {
      let d1 = "", d2 = "";
      for (let i = 0; i < 16; i++) {
        const x = range(rng, 0, 100), y = range(rng, 2, 58), len = range(rng, 12, 40);
        const seg = `M${n(x)} ${n(y)}h${n(len)}`;
        if (i % 2) d1 += seg; else d2 += seg;
      }
      return tile(id, 120, 60, path(d1, { stroke: W, "stroke-opacity": 0.22, "stroke-width": 2 }) +
        path(d2, { stroke: K, "stroke-opacity": 0.12, "stroke-width": 1.6 }) +
        path("M0 0v60M30 0v60M60 0v60M90 0v60", { stroke: K, "stroke-opacity": 0.05, "stroke-width": 1 }));
    }
    case "wool": {
      let light = "", dark = "";
      for (let i = 0; i < 36; i++) {
        const dot = `M${n(range(rng, 0, 40))} ${n(range(rng, 0, 40))}h2.2`;
        if (i % 2) light += dot; else dark += dot;
      }
      return tile(id, 40, 40, path(light, { stroke: W, "stroke-opacity": 0.3, "stroke-width": 2, "stroke-linecap": "round" }) +
        path(dark, { stroke: K, "stroke-opacity": 0.2, "stroke-width": 2, "stroke-linecap": "round" }));
    }
    case "lace": {
      const ring = pal.isDark ? lighten(pal.base, 0.4) : lighten(pal.base, 0.55);
      let body = "";
      for (const [x, y] of [[11, 11], [33, 33]]) {
        body += circle(x, y, 6.5, { fill: BACKGROUND, "fill-opacity": 0.8, stroke: ring, "stroke-width": 2 });
        for (let k = 0; k < 6; k++) {
          const a = (k / 6) * Math.PI * 2;
          body += circle(x + Math.cos(a) * 10.5, y + Math.sin(a) * 10.5, 1.8, { fill: BACKGROUND, "fill-opacity": 0.7 });
        }
      }
      body += path("M0 22h44M22 0v44", { stroke: ring, "stroke-opacity": 0.45, "stroke-width": 1.2 });
      return tile(id, 44, 44, body, "rotate(45)");
    }
    case "sequin": {
      let body = "";
      for (let row = 0; row < 4; row++) {
        for (let col = 0; col < 4; col++) {
          const x = col * 14 + (row % 2) * 7, y = row * 12 + 6;
          const bright = rng();
          body += circle(x, y, 5.6, { fill: bright > 0.55 ? W : K, "fill-opacity": n(bright > 0.55 ? 0.15 + bright * 0.45 : 0.05 + bright * 0.2), stroke: K, "stroke-opacity": 0.18, "stroke-width": 0.8 });
        }
      }
      body += path("M20 14l2 -7l2 7l7 2l-7 2l-2 7l-2 -7l-7 -2z", { fill: W, "fill-opacity": 0.9 });
      return tile(id, 56, 48, body);
    }
    case "canvas":
      return tile(id, 7, 7, path("M0 1.5h7M0 5h7", { stroke: W, "stroke-opacity": 0.12, "stroke-width": 1.4 }) +
        path("M1.5 0v7M5 0v7", { stroke: K, "stroke-opacity": 0.1, "stroke-width": 1.2 }));
    case "suede": {
      let body = "";
      for (let i = 0; i < 7; i++) {
        body += el("ellipse", { cx: range(rng, 0, 90), cy: range(rng, 0, 90), rx: range(rng, 14, 26), ry: range(rng, 8, 14), fill: i % 2 ? W : K, "fill-opacity": i % 2 ? 0.07 : 0.06 });
      }
      let dots = "";
      for (let i = 0; i < 24; i++) dots += `M${n(range(rng, 0, 90))} ${n(range(rng, 0, 90))}h1.4`;
      return tile(id, 90, 90, body + path(dots, { stroke: K, "stroke-opacity": 0.15, "stroke-width": 1.4 }));
    }
    default:
      return "";
  }
}

/** How strong the sheen overlay is: leather and satin shine, silk glows, shiny colours gleam. */
export function sheenStrength(material: string | undefined, shinyColor: boolean): number {
  const byMaterial: Record<string, number> = { satin: 0.55, leather: 0.45, silk: 0.38, sequin: 0.35 };
  return Math.max(byMaterial[material ?? ""] ?? 0, shinyColor ? 0.5 : 0);
}

/** Static gradients: side shading for body pieces, a top-lit fall-off, and the diagonal sheen band. */
export function gradientDefs(sheen: number): string {
  const stop = (offset: number, color: string, opacity: number) => el("stop", { offset, "stop-color": color, "stop-opacity": opacity });
  const lin = (id: string, x2: number, y2: number, stops: string) => el("linearGradient", { id, x1: 0, y1: 0, x2, y2 }, stops);
  let defs = lin("gH", 1, 0, stop(0, K, 0.2) + stop(0.16, K, 0.04) + stop(0.42, W, 0.1) + stop(0.7, K, 0) + stop(1, K, 0.22));
  defs += lin("gV", 0, 1, stop(0, W, 0.1) + stop(0.5, W, 0) + stop(1, K, 0.16));
  defs += lin("gS", 1, 0.4, stop(0, K, 0.04) + stop(0.5, W, 0.05) + stop(1, K, 0.24));
  if (sheen > 0) {
    defs += lin("gSheen", 1, 1, stop(0.18, W, 0) + stop(0.36, W, sheen) + stop(0.44, W, sheen * 0.25) +
      stop(0.56, W, sheen * 0.7) + stop(0.7, W, 0) + stop(0.9, K, sheen * 0.25));
  }
  return defs;
}
