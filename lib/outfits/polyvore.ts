// Curated outfits in the Polyvore Outfits layout (Vasileva et al., 2018), the files training/atelier_data/polyvore.py
// reads: <split>.json (outfits as set_id + item_id/index), polyvore_item_metadata.json (release fields plus our
// ontology values) and compatibility_<split>.txt (every curated outfit is a positive, "1 <set_id>_<index> ...").
// Pure: scripts/outfits/export-polyvore.ts feeds it the outfits and writes the files and images.
import { CATEGORY_IDS } from "../ontology";
import type { Product } from "../catalogue/types";

const SEMANTIC_CATEGORY: Record<string, string> = {
  top: "tops", bottom: "bottoms", one_piece: "all-body", outerwear: "outerwear", shoes: "shoes", bag: "bags",
};
const ACCESSORY_SEMANTIC: Record<string, string> = { hat: "hats", scarf: "scarves", sunglasses: "sunglasses", belt: "accessories" };

export interface ExportOutfit { id: string; items: Product[] }

export interface PolyvoreFiles {
  /** file name -> contents */
  files: Record<string, string>;
  /** product id -> the image path written in its metadata (relative to the export folder) */
  images: Map<string, string>;
}

/** As training/atelier_data/polyvore.py `item_metadata`. */
export function itemMetadata(p: Product, image: string) {
  return {
    category_id: String(CATEGORY_IDS.indexOf(p.category) + 1),
    semantic_category: SEMANTIC_CATEGORY[p.slot] ?? ACCESSORY_SEMANTIC[p.category] ?? "accessories",
    title: p.title,
    url_name: p.title.toLowerCase().replace(/ /g, "-"),
    description: "",
    category: p.category,
    slot: p.slot,
    color: p.color,
    pattern: p.pattern,
    attributes: p.attributes,
    image,
  };
}

/**
 * Set ids are the outfit ids with anything but letters and digits dropped: the reader splits "<set_id>_<index>"
 * on the first underscore, so a set id must not contain one.
 */
export function setIdOf(outfitId: string): string {
  return outfitId.replace(/[^A-Za-z0-9]/g, "");
}

export function buildPolyvoreExport(outfits: ExportOutfit[], split = "train", imageExt: (p: Product) => string = () => "webp"): PolyvoreFiles {
  const images = new Map<string, string>();
  const metadata: Record<string, ReturnType<typeof itemMetadata>> = {};
  for (const o of outfits) {
    for (const p of o.items) {
      if (metadata[p.id]) continue;
      const image = `images/${p.id}.${imageExt(p)}`;
      images.set(p.id, image);
      metadata[p.id] = itemMetadata(p, image);
    }
  }
  const sets = outfits.map((o) => ({ set_id: setIdOf(o.id), items: o.items.map((p, i) => ({ item_id: p.id, index: i + 1 })) }));
  const compatibility = sets.map((s) => `1 ${s.items.map((it) => `${s.set_id}_${it.index}`).join(" ")}`);
  return {
    files: {
      [`${split}.json`]: JSON.stringify(sets, null, 1),
      "polyvore_item_metadata.json": JSON.stringify(metadata, null, 1),
      [`compatibility_${split}.txt`]: compatibility.length ? `${compatibility.join("\n")}\n` : "",
    },
    images,
  };
}
