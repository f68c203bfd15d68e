// Painting a figure's layers: garment fabric reuses the fashion flats' print, texture and sheen definitions (the
// same palette and seeds as the product's catalogue image, scaled to the figure), skin and hair get their own
// soft shading. Each layer is outlined once around all its pieces, so overlapping pieces read as one shape.
import { darken, lighten, type Palette } from "../../catalogue/flats/colour";
import { gradientDefs, materialDef, sheenStrength } from "../../catalogue/flats/materials";
import { colorBlockDefs, patternDef } from "../../catalogue/flats/patterns";
import { graphicArt, logoArt, monogramTile } from "../../catalogue/flats/prints";
import { streamOf } from "../../catalogue/flats/rng";
import { el, n, path } from "../../catalogue/flats/svg";
import type { Layer } from "./layers";
import { FRAME } from "./skeleton";
import type { GarmentLayers, WornGarment } from "./worn";

/** Prints are drawn for a 1024 px flat where a tee is ~600 px wide; on the figure it is ~90 px. */
const PRINT_SCALE = 0.24;
/** Textures stay a little coarser than true scale so denim twill or knit rib still reads at 384 px. */
const TEXTURE_SCALE = 0.42;

export interface FabricPaint { pal: Palette; print: "none" | "frame" | "piece"; texture: boolean; sheen: boolean; art: string }

function scaled(def: string, k: number): string {
  if (!def || def.includes('patternUnits="objectBoundingBox"')) return def;
  const head = def.slice(0, def.indexOf(">"));
  const withScale = head.includes("patternTransform=")
    ? head.replace(/patternTransform="([^"]*)"/, `patternTransform="scale(${k}) $1"`)
    : `${head} patternTransform="scale(${k})"`;
  return withScale + def.slice(head.length);
}

/** Defs for one worn garment (ids suffixed with its index) and how its pieces are to be painted. */
export function fabricDefs(g: WornGarment, i: number, pal: Palette, layers: GarmentLayers): { defs: string; paint: FabricPaint } {
  const printRng = streamOf(g.drawSeed, "print");
  const placed = (g.pattern === "logo" || g.pattern === "graphic") && Boolean(layers.printArea);
  let printDef = "";
  let print: FabricPaint["print"] = "frame";
  if (g.pattern === "color_block") { printDef = colorBlockDefs(`p${i}`, pal, printRng); print = "piece"; }
  else if (g.pattern === "logo" && !placed) printDef = monogramTile(`p${i}`, pal, printRng);
  else if (g.pattern === "graphic" && !placed) printDef = patternDef(`p${i}`, "geometric", pal, printRng, { vertical: false });
  else if (g.pattern !== "solid" && !placed) printDef = patternDef(`p${i}`, g.pattern, pal, printRng, { vertical: ["shirt", "blouse", "trousers", "jeans"].includes(g.category) });
  if (!printDef) print = "none";
  const textureDef = scaled(materialDef(`t${i}`, g.attributes.material, pal, streamOf(g.drawSeed, "texture")), TEXTURE_SCALE);
  const sheen = sheenStrength(g.attributes.material, pal.shiny);
  const sheenDef = sheen > 0 ? (gradientDefs(sheen).match(/<linearGradient id="gSheen"[\s\S]*?<\/linearGradient>/)?.[0] ?? "").replace('id="gSheen"', `id="s${i}"`) : "";
  const art = placed && layers.printArea
    ? g.pattern === "logo" ? logoArt(layers.printArea, pal, printRng) : graphicArt(layers.printArea, pal, printRng)
    : "";
  return { defs: scaled(printDef, PRINT_SCALE) + textureDef + sheenDef, paint: { pal, print, texture: Boolean(textureDef), sheen: sheen > 0, art } };
}

/** Shading shared by every layer: objectBoundingBox gradients, side-lit like the flats. */
export function sharedDefs(): string {
  return gradientDefs(0) +
    el("radialGradient", { id: "gFloor", cx: 0.5, cy: 0.5, r: 0.5 }, el("stop", { offset: 0, "stop-color": "#000", "stop-opacity": 0.16 }) + el("stop", { offset: 1, "stop-color": "#000", "stop-opacity": 0 }));
}

export interface LayerPaints { skin: string; hair: string; fabrics: FabricPaint[] }

let clipCounter = 0;

export function paintLayer(layer: Layer, paints: LayerPaints, layerIndex: number): string {
  clipCounter = layerIndex;
  const p = layer.paint;
  let fill: string, line: string;
  let overlays = "";
  let shade = "gH";
  if (p.kind === "skin") { fill = paints.skin; line = darken(paints.skin, 0.45); }
  else if (p.kind === "hair") { fill = paints.hair; line = darken(paints.hair, 0.55); shade = "gV"; }
  else if (p.kind === "flat") { fill = p.fill; line = p.line; shade = "none"; }
  else {
    const f = paints.fabrics[p.garment];
    const tone = p.tone ?? "base";
    fill = f.pal[tone];
    line = f.pal.line;
    shade = p.shade ?? "gH";
    const printed = (p.printed ?? true) && f.print !== "none";
    const clipId = `c${clipCounter}`;
    const frameRect = (fillRef: string, extra: Record<string, string | number> = {}) =>
      el("rect", { x: 0, y: 0, width: FRAME.width, height: FRAME.height, fill: fillRef, ...extra });
    let clipped = "";
    if (printed && f.print === "frame") clipped += frameRect(`url(#p${p.garment})`, tone === "base" ? {} : { "fill-opacity": 0.8 });
    if (printed && f.print === "piece") overlays += layer.pieces.map((d) => path(d, { fill: `url(#p${p.garment})` })).join("");
    if (tone !== "base" && printed) clipped += frameRect(fill, { "fill-opacity": 0.35 });
    if (f.texture) clipped += frameRect(`url(#t${p.garment})`);
    if (clipped) overlays += el("clipPath", { id: clipId }, layer.pieces.map((d) => path(d)).join("")) + el("g", { "clip-path": `url(#${clipId})` }, clipped);
    // Half strength: a full-figure piece is far larger than a flat's, and full sheen reads as plastic.
    if (f.sheen) overlays += layer.pieces.map((d) => path(d, { fill: `url(#s${p.garment})`, "fill-opacity": 0.5 })).join("");
  }
  const width = layer.line ?? 1.2;
  const strokes = width > 0 ? layer.pieces.map((d) => path(d, { fill: fill, stroke: line, "stroke-width": n(width * 1.6), "stroke-linejoin": "round" })).join("") : "";
  const fills = layer.pieces.map((d) => path(d, { fill })).join("");
  const shading = shade === "none" ? "" : layer.pieces.map((d) => path(d, { fill: `url(#${shade})` })).join("");
  const hairShine = p.kind === "hair" ? layer.pieces.map((d) => path(d, { fill: "none", stroke: lighten(paints.hair, 0.3), "stroke-width": 0.6, "stroke-opacity": 0.4 })).join("") : "";
  return strokes + fills + overlays + shading + hairShine + (layer.details ?? "");
}
