import "server-only";
// Writes curated outfits to a folder in the Polyvore Outfits layout, with each piece's master image beside them
// (images/<product id>.<ext>), so training/complete can learn from what merchandisers put together. Files are
// written to a temporary folder and renamed into place, so a failed export never leaves half a data set.
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { toApiProduct } from "../catalogue/rows";
import { imagePath } from "../images/store";
import { buildPolyvoreExport } from "./polyvore";
import { listCuratedOutfits } from "./queries";
import type { OutfitStatus } from "./schema";

export interface ExportSummary { out: string; outfits: number; items: number; images: number; missingImages: string[] }

export async function exportCuratedOutfits(out: string, { split = "train", status = "published" as OutfitStatus | undefined } = {}): Promise<ExportSummary> {
  const outfits = await listCuratedOutfits(status);
  const keyOf = (imageUrl: string) => imageUrl.split("/").pop() ?? "";
  const built = buildPolyvoreExport(
    outfits.map((o) => ({ id: o.id, items: o.items.map(toApiProduct) })),
    split,
    (p) => path.extname(keyOf(p.imageUrl)).slice(1) || "webp",
  );
  const target = path.resolve(out);
  const temp = `${target}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(path.join(temp, "images"), { recursive: true });
  for (const [name, text] of Object.entries(built.files)) await writeFile(path.join(temp, name), text);
  const urls = new Map(outfits.flatMap((o) => o.items.map((p) => [p.id, p.imageUrl] as const)));
  const missingImages: string[] = [];
  for (const [id, file] of built.images) {
    const key = keyOf(urls.get(id) ?? "");
    try {
      await copyFile(imagePath(key), path.join(temp, file));
    } catch {
      missingImages.push(id);
    }
  }
  await rm(target, { recursive: true, force: true });
  await mkdir(path.dirname(target), { recursive: true });
  await rename(temp, target);
  return { out: target, outfits: outfits.length, items: built.images.size, images: built.images.size - missingImages.length, missingImages };
}
