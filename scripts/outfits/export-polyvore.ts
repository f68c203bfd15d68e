// Exports the merchandisers' curated outfits in the Polyvore Outfits layout for training/complete.
// Usage: npm run outfits:export -- [--out data/exports/polyvore-curated] [--split train] [--drafts]
// The folder then reads with training.atelier_data.polyvore.read_polyvore(out, split).
import { parseArgs } from "node:util";
import { disconnectDb } from "../../lib/db";
import { exportCuratedOutfits } from "../../lib/outfits/export";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data/exports/polyvore-curated" },
    split: { type: "string", default: "train" },
    drafts: { type: "boolean", default: false, description: "include draft outfits, not only published ones" },
  },
});
if (!/^[a-z]+$/.test(values.split!)) throw new Error("--split is a word such as train, val or test");
const summary = await exportCuratedOutfits(values.out!, { split: values.split!, status: values.drafts ? undefined : "published" });
console.log(`exported ${summary.outfits} outfits, ${summary.items} pieces (${summary.images} images) to ${summary.out}`);
if (summary.missingImages.length) console.warn(`no image file for: ${summary.missingImages.join(", ")}`);
console.log(JSON.stringify(summary));
await disconnectDb();
