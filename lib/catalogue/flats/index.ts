// Fashion flats: one product as a line-sheet drawing, SVG on a 1024×1024 canvas. The category's drawer gives
// the construction (garment.ts); this compositor fills every fabric piece with the colour, the print, the
// material's texture and side-lit shading, outlines it, and lays the details and any placed artwork on top.
import type { FlatSpec } from "../types";
import { BACKGROUND, makePalette } from "./colour";
import type { DrawGarment, FabricPiece, GarmentDrawing } from "./garment";
import { gradientDefs, materialDef, sheenStrength } from "./materials";
import { colorBlockDefs, patternDef } from "./patterns";
import { graphicArt, graphicTile, logoArt, monogramTile } from "./prints";
import { streamOf } from "./rng";
import { el, n, path, SIZE } from "./svg";
import { ACCESSORY_DRAWERS } from "./accessories";
import { BOTTOM_DRAWERS } from "./bottoms";
import { UPPER_DRAWERS } from "./upper";

const DRAWERS: Record<string, DrawGarment> = { ...UPPER_DRAWERS, ...BOTTOM_DRAWERS, ...ACCESSORY_DRAWERS };

/** Categories that carry a logo as an all-over monogram rather than one placed mark. */
const MONOGRAM_LOGO = new Set(["handbag", "backpack", "scarf", "belt", "sneakers", "boots", "heels", "sandals", "loafers", "hat"]);

export function hasDrawer(category: string): boolean {
  return category in DRAWERS;
}

export function renderFlatSvg(spec: FlatSpec): string {
  const draw = DRAWERS[spec.category];
  if (!draw) throw new Error(`no fashion-flat drawer for category "${spec.category}"`);
  const material = spec.attributes.material;
  const pal = makePalette(spec.color, material, streamOf(spec.seed, "palette"));
  const garment = draw(spec, pal, streamOf(spec.seed, "shape"));

  const printRng = streamOf(spec.seed, "print");
  const placed = (spec.pattern === "logo" || spec.pattern === "graphic") && garment.printArea && !MONOGRAM_LOGO.has(spec.category);
  const ownLogo = spec.pattern === "logo" && garment.logo ? garment.logo : "";
  let printDef = "";
  if (spec.pattern === "color_block") printDef = colorBlockDefs("print", pal, printRng);
  else if (spec.pattern === "logo" && !placed && !ownLogo) printDef = monogramTile("print", pal, printRng);
  else if (spec.pattern === "graphic" && !placed) printDef = graphicTile("print", pal, printRng);
  else if (spec.pattern !== "solid" && spec.pattern !== "logo" && !placed) printDef = patternDef("print", spec.pattern, pal, printRng, { vertical: Boolean(garment.verticalStripes) });

  const textureDef = materialDef("tex", material, pal, streamOf(spec.seed, "texture"));
  const sheen = sheenStrength(material, pal.shiny);
  const defs = el("defs", {}, printDef + textureDef + gradientDefs(sheen) + shadowDef());

  const body = garment.pieces.map((piece) => paintPiece(piece, pal, { print: Boolean(printDef), texture: Boolean(textureDef), sheen: sheen > 0 })).join("");
  const art = placed && garment.printArea
    ? spec.pattern === "logo" ? logoArt(garment.printArea, pal, printRng) : graphicArt(garment.printArea, pal, printRng)
    : "";

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">` +
    defs +
    el("rect", { x: 0, y: 0, width: SIZE, height: SIZE, fill: BACKGROUND }) +
    groundShadow(garment) +
    body +
    art +
    garment.details +
    (garment.front ?? "") +
    ownLogo +
    `</svg>`
  );
}

function paintPiece(piece: FabricPiece, pal: ReturnType<typeof makePalette>, has: { print: boolean; texture: boolean; sheen: boolean }): string {
  const printed = piece.printed ?? true;
  const textured = piece.textured ?? printed;
  const tone = piece.tone ?? "base";
  let out = path(piece.d, { fill: pal[tone] });
  if (printed && has.print) out += path(piece.d, { fill: "url(#print)", "fill-opacity": tone === "base" ? 1 : 0.85 });
  if (tone !== "base") out += path(piece.d, { fill: pal[tone], "fill-opacity": 0.35 });
  if (textured && has.texture) out += path(piece.d, { fill: "url(#tex)" });
  const shade = piece.shade ?? "gH";
  if (shade !== "none") out += path(piece.d, { fill: `url(#${shade})` });
  if (has.sheen && printed) out += path(piece.d, { fill: "url(#gSheen)" });
  out += path(piece.d, { fill: "none", stroke: pal.line, "stroke-width": n(3.2 * (piece.line ?? 1)), "stroke-linejoin": "round" });
  return out;
}

function shadowDef(): string {
  return el("radialGradient", { id: "gGround", cx: 0.5, cy: 0.5, r: 0.5 },
    el("stop", { offset: 0, "stop-color": "#000", "stop-opacity": 0.13 }) + el("stop", { offset: 1, "stop-color": "#000", "stop-opacity": 0 }));
}

/** A soft contact shadow under the piece, as on a photographed line sheet. */
function groundShadow(garment: GarmentDrawing): string {
  const { x0, x1, y1 } = garment.bounds;
  const w = (x1 - x0) * 0.56;
  return el("ellipse", { cx: n((x0 + x1) / 2), cy: n(Math.min(y1 + 14, SIZE - 20)), rx: n(w), ry: n(Math.max(14, w * 0.07)), fill: "url(#gGround)" });
}
