// Dressing generated figures: a plausible outfit from a catalogue (separates or a one-piece, sometimes a layer
// on top, always shoes) by a few stylist rules, and a figure spec spread over poses, shapes, tones and hair.
import { createRng, hashString, type Rng } from "../../catalogue/generator/random";
import type { GeneratedProduct } from "../../catalogue/generator";
import { attributeValues } from "../../ontology";
import { GARMENT_SLOTS, type GarmentSlot } from "../labels";
import type { FigureSpec } from "./index";
import { BODY_SHAPES, HAIR_COLOUR_IDS, HAIR_STYLES, HEIGHT_IDS, POSES, SKIN_TONE_IDS } from "./vocabulary";
import type { WornGarment } from "./worn";

const FORMALITY = attributeValues("formality");
const formality = (p: GeneratedProduct) => FORMALITY.indexOf(p.attributes.formality ?? "casual");

export function wornOf(p: GeneratedProduct): WornGarment {
  return { productId: p.id, slot: p.slot as GarmentSlot, category: p.category, color: p.color, pattern: p.pattern, attributes: p.attributes, drawSeed: p.drawSeed };
}

/** Whether a candidate goes with what is already chosen: formality within one step, one print at most, seasons agree. */
function fits(candidate: GeneratedProduct, chosen: GeneratedProduct[]): boolean {
  for (const c of chosen) {
    if (Math.abs(formality(c) - formality(candidate)) > 1) return false;
    const seasons = new Set([c.attributes.season, candidate.attributes.season]);
    if (seasons.has("summer") && seasons.has("winter")) return false;
  }
  const patterned = [...chosen, candidate].filter((p) => p.pattern !== "solid" && p.slot !== "shoes").length;
  return patterned <= 1;
}

function pickFrom(rng: Rng, pool: GeneratedProduct[], chosen: GeneratedProduct[]): GeneratedProduct | undefined {
  if (!pool.length) return undefined;
  const start = Math.floor(rng() * pool.length);
  for (let k = 0; k < Math.min(pool.length, 60); k++) {
    const p = pool[(start + k * 7) % pool.length];
    if (fits(p, chosen)) return p;
  }
  return pool[start];
}

export function pickOutfit(rng: Rng, catalogue: GeneratedProduct[], want?: "separates" | "one_piece"): GeneratedProduct[] {
  const bySlot = new Map<GarmentSlot, GeneratedProduct[]>(GARMENT_SLOTS.map((s) => [s, catalogue.filter((p) => p.slot === s)]));
  const hasOnePiece = bySlot.get("one_piece")!.length > 0;
  // A small catalogue may have no one-pieces (or no tops); fall back to what it has.
  const kind = !hasOnePiece ? "separates" : !bySlot.get("top")!.length ? "one_piece" : want ?? (rng() < 0.62 ? "separates" : "one_piece");
  const chosen: GeneratedProduct[] = [];
  const add = (slot: GarmentSlot) => {
    const p = pickFrom(rng, bySlot.get(slot)!, chosen);
    if (p) chosen.push(p);
  };
  if (kind === "separates") { add("top"); add("bottom"); } else add("one_piece");
  if (rng() < 0.35) add("outerwear");
  add("shoes");
  return chosen;
}

/** The i-th figure of a seeded set: attributes cycle with coprime periods so any 24 in a row cover every value. */
export function figureSpecOf(index: number, seed: number, catalogue: GeneratedProduct[]): FigureSpec {
  const rng = createRng((hashString(`figure:${seed}:${index}`) ^ seed) >>> 0);
  const at = <T>(values: readonly T[], step: number) => values[(index * step + seed) % values.length];
  return {
    pose: at(POSES, 1),
    bodyShape: at(BODY_SHAPES, 3),
    height: at(HEIGHT_IDS, 1),
    skinTone: at(SKIN_TONE_IDS, 3),
    hairStyle: at(HAIR_STYLES, 5),
    hairColour: HAIR_COLOUR_IDS[Math.floor(rng() * HAIR_COLOUR_IDS.length)],
    garments: pickOutfit(rng, catalogue, index % 3 === 2 ? "one_piece" : "separates").map(wornOf),
  };
}
