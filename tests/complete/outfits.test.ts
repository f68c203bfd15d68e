// Curated outfits: create, validate, reorder, publish, and the Polyvore export read back by the training reader
// (training/atelier_data/polyvore.py read_polyvore), so the round trip is checked against the real consumer.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "atelier-outfits-images-"));
process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "atelier-outfits-db-")), "o.db")}`;
process.env.LOG_LEVEL ??= "silent";

describe("curated outfits", () => {
  const byCategory = new Map<string, string>();
  const id = (category: string) => byCategory.get(category)!;

  beforeAll(async () => {
    const { migrate } = await import("@/scripts/db/migrate");
    const { parseDatabaseUrl } = await import("@/lib/db-url");
    await migrate(parseDatabaseUrl(process.env.DATABASE_URL!));
    await (await import("@/lib/catalogue/seed")).seedCatalogue({ count: 52, seed: 3 });
    const { db } = await import("@/lib/db");
    for (const p of await (await db()).product.findMany({ select: { id: true, category: true }, orderBy: { id: "asc" } })) {
      if (!byCategory.has(p.category)) byCategory.set(p.category, p.id);
    }
  }, 180_000);

  afterAll(async () => (await import("@/lib/db")).disconnectDb());

  it("refuses unknown pieces and outfits that cannot be worn, changing nothing", async () => {
    const { createOutfit, OutfitWriteError } = await import("@/lib/outfits/write");
    const { listCuratedOutfits } = await import("@/lib/outfits/queries");
    await expect(createOutfit({ title: "Ghost", productIds: [id("tshirt"), "nope"] })).rejects.toThrow(/nope/);
    await expect(createOutfit({ title: "Two shoes", productIds: [id("sneakers"), id("boots")] })).rejects.toBeInstanceOf(OutfitWriteError);
    await expect(createOutfit({ title: " ", productIds: [id("dress"), id("heels")] })).rejects.toThrow(/title/);
    expect(await listCuratedOutfits()).toEqual([]);
  });

  it("creates, edits, reorders, publishes and shows published outfits on their products", async () => {
    const { createOutfit, updateOutfit, moveOutfit, setOutfitStatus, deleteOutfit } = await import("@/lib/outfits/write");
    const { listCuratedOutfits, publishedOutfitsWith, getCuratedOutfit } = await import("@/lib/outfits/queries");
    const a = await createOutfit({ title: "City evening", productIds: [id("dress"), id("heels"), id("handbag")] });
    const b = await createOutfit({ title: "Weekend", productIds: [id("tshirt"), id("jeans"), id("sneakers")], status: "published" });
    expect((await listCuratedOutfits()).map((o) => o.title)).toEqual(["City evening", "Weekend"]);
    await moveOutfit(b.id, "up");
    expect((await listCuratedOutfits()).map((o) => o.title)).toEqual(["Weekend", "City evening"]);
    await updateOutfit(a.id, { title: "City evening, wool", productIds: [id("dress"), id("coat"), id("heels")], status: "draft" });
    expect((await getCuratedOutfit(a.id))!.items.map((p) => p.category)).toEqual(["dress", "coat", "heels"]);
    expect(await publishedOutfitsWith(id("heels"))).toEqual([]);
    await setOutfitStatus(a.id, "published");
    expect((await publishedOutfitsWith(id("heels"))).map((o) => o.id)).toEqual([a.id]);
    const c = await createOutfit({ title: "Temporary", productIds: [id("shirt"), id("trousers")] });
    await deleteOutfit(c.id);
    expect(await getCuratedOutfit(c.id)).toBeNull();
  });

  it("exports published outfits in the Polyvore layout that the training reader reads back", async () => {
    const { exportCuratedOutfits } = await import("@/lib/outfits/export");
    const out = path.join(mkdtempSync(path.join(tmpdir(), "atelier-polyvore-")), "polyvore");
    const summary = await exportCuratedOutfits(out, { split: "train" });
    expect(summary).toMatchObject({ outfits: 2, items: 6, images: 6, missingImages: [] });
    const metadata = JSON.parse(readFileSync(path.join(out, "polyvore_item_metadata.json"), "utf8"));
    for (const meta of Object.values(metadata) as { image: string }[]) expect(existsSync(path.join(out, meta.image))).toBe(true);
    const script = [
      "import json, sys",
      "from training.atelier_data.polyvore import read_polyvore",
      "s = read_polyvore(sys.argv[1], 'train')",
      "print(json.dumps({'outfits': s.outfits, 'compatibility': s.compatibility, 'categories': {k: v['category'] for k, v in s.metadata.items()}}))",
    ].join("\n");
    const run = spawnSync("/usr/bin/python3", ["-c", script, out], { encoding: "utf8", cwd: process.cwd() });
    expect(run.stderr).toBe("");
    const read = JSON.parse(run.stdout) as { outfits: Record<string, string[]>; compatibility: [number, string[]][]; categories: Record<string, string> };
    const { listCuratedOutfits } = await import("@/lib/outfits/queries");
    const published = await listCuratedOutfits("published");
    expect(Object.values(read.outfits)).toEqual(published.map((o) => o.items.map((p) => p.id)));
    expect(read.compatibility).toEqual(published.map((o) => [1, o.items.map((p) => p.id)]));
    expect(read.categories[id("dress")]).toBe("dress");
  });
});
