// The styling logic a person expects, measured with the committed CSA-Net on the generated test split (SPEC §2's
// stylist rules): evening-dress outfits should get heels before sneakers, wool-coat outfits should not get sandals.
// Each test outfit loses its shoes and asks for "shoes" among every shoe of the generated world, by the same
// retrieval code the API runs. Prints the measured shares; skipped while models/csa or the data sets are missing.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rankCandidates } from "@/lib/complete/complete";
import type { CandidateIndex } from "@/lib/complete/candidates";
import { encodeWith } from "@/lib/complete/embedder";
import { readTables } from "@/lib/complete/model";
import { viewTensor } from "@/lib/ml/decode";
import { cardView, stackTensors } from "@/lib/ml/preprocess";
import { loadSession } from "@/lib/ml/sessions";

const MODEL = "models/csa";
const SETS = "training/data/sets/polyvore";
const WORLD = "training/data/world";
// The world's images in the view CSA-Net reads (its card says): the detail world's are already that view, at 128 px.
const IMAGES = existsSync(`${MODEL}/card.json`) && cardView(JSON.parse(readFileSync(`${MODEL}/card.json`, "utf8"))) === "detail"
  ? "training/data/world-detail/images" : `${WORLD}/images`;
const ready = existsSync(`${MODEL}/csa_item.onnx`) && existsSync(`${SETS}/test.json`) && existsSync(`${WORLD}/products.jsonl`) && existsSync(IMAGES);
const SHOES = ["sneakers", "boots", "heels", "sandals", "loafers"];

interface WorldProduct { id: string; category: string; attributes: Record<string, string> }

describe.skipIf(!ready)("styling logic on the generated test split", () => {
  it("gives evening dresses heels before sneakers, and wool coats no sandals", async () => {
    const world = readFileSync(`${WORLD}/products.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l) as WorldProduct);
    const byId = new Map(world.map((p) => [p.id, p]));
    const outfits = (JSON.parse(readFileSync(`${SETS}/test.json`, "utf8")) as { items: { item_id: string }[] }[]).map((o) => o.items.map((i) => byId.get(i.item_id)!));
    const evening = outfits.filter((o) => o.some((p) => p.category === "dress" && p.attributes.formality === "evening"));
    const woolCoat = outfits.filter((o) => o.some((p) => p.category === "coat" && p.attributes.material === "wool"));
    const queries = [...evening, ...woolCoat].map((o) => o.filter((p) => !SHOES.includes(p.category)));
    const shoes = world.filter((p) => SHOES.includes(p.category));

    const tables = await readTables(MODEL);
    const session = await loadSession(path.resolve(MODEL, "csa_item.onnx"), 2);
    const needed = [...new Set([...queries.flat().map((p) => p.id), ...shoes.map((p) => p.id)])];
    const vectors = new Map<string, Float32Array>();
    for (let i = 0; i < needed.length; i += 64) {
      const ids = needed.slice(i, i + 64);
      // IMAGES are already in the model's view at 128 px, so they are only fitted (a no-op), never cropped again.
      const tensors = await Promise.all(ids.map(async (id) => viewTensor(await readFile(`${IMAGES}/${id}.png`), "full")));
      (await encodeWith(session, stackTensors(tensors), ids.length)).forEach((v, j) => vectors.set(ids[j], v));
    }
    const k = tables.k;
    const dim = vectors.get(needed[0])!.length / k;
    const blocks = new Map(SHOES.map((category) => {
      const items = shoes.filter((p) => p.category === category);
      const subs = new Float32Array(items.length * k * dim);
      items.forEach((p, i) => subs.set(vectors.get(p.id)!, i * k * dim));
      return [category, { ids: items.map((p) => p.id), subs, inStock: new Uint8Array(items.length).fill(1), priceCents: new Int32Array(items.length) }];
    }));
    const index: CandidateIndex = {
      model: { id: "eval", version: "eval", dir: MODEL, tables: { ...tables, dim } }, modelVersionId: "eval", dim, k, blocks,
      rows: new Map(), stamp: "", projections: new Map(), projectionBytes: 0,
    };
    const ranked = (outfit: WorldProduct[], k: number) =>
      rankCandidates(index, outfit.map((p) => ({ category: p.category, subs: vectors.get(p.id)! })), SHOES, k, { exclude: new Set(), inStock: false })
        .map((r) => byId.get(r.id)!);
    const top5 = (outfit: WorldProduct[]) => ranked(outfit, 5);
    // Where the first heeled shoe and the first sneaker come in the whole "shoes" answer (1-based; 101 = not in the top 100).
    const firstRank = (list: WorldProduct[], test: (p: WorldProduct) => boolean) => (list.findIndex(test) + 1 || 101);
    const heeled = (p: WorldProduct) => p.category === "heels" || (p.category === "sandals" && ["mid", "high"].includes(p.attributes.heel));

    const eveningTop = evening.map((o) => top5(o.filter((p) => !SHOES.includes(p.category))));
    const share = (lists: WorldProduct[][], test: (p: WorldProduct) => boolean) => lists.flat().filter(test).length / Math.max(1, lists.flat().length);
    const coatTop = woolCoat.map((o) => top5(o.filter((p) => !SHOES.includes(p.category))));
    const measured = {
      eveningOutfits: evening.length,
      eveningTop5Heeled: round(share(eveningTop, heeled)),
      eveningFirstHeeledRank: evening.map((o) => firstRank(ranked(o.filter((p) => !SHOES.includes(p.category)), 100), heeled)),
      eveningFirstSneakerRank: evening.map((o) => firstRank(ranked(o.filter((p) => !SHOES.includes(p.category)), 100), (p) => p.category === "sneakers")),
      eveningTop5Sneakers: round(share(eveningTop, (p) => p.category === "sneakers")),
      eveningTop1Heeled: round(eveningTop.filter((l) => heeled(l[0])).length / Math.max(1, evening.length)),
      eveningTop5Categories: countBy(eveningTop.flat().map((p) => `${p.category}${p.attributes.heel ? `/${p.attributes.heel}` : ""}`)),
      woolCoatOutfits: woolCoat.length,
      woolCoatTop5Sandals: round(share(coatTop, (p) => p.category === "sandals")),
      woolCoatTop5Categories: countBy(coatTop.flat().map((p) => p.category)),
      woolCoatOutfitsWithAnySandalInTop5: coatTop.filter((l) => l.some((p) => p.category === "sandals")).length,
      catalogueShareHeeled: round(share([shoes], heeled)),
      catalogueShareSandals: round(share([shoes], (p) => p.category === "sandals")),
    };
    console.log(`styling on the generated test split: ${JSON.stringify(measured)}`);
    expect(evening.length).toBeGreaterThan(0);
    // Heels before sneakers in every evening-dress outfit's answer for "shoes".
    measured.eveningFirstHeeledRank.forEach((heels, i) => expect(heels).toBeLessThan(measured.eveningFirstSneakerRank[i]));
    expect(measured.woolCoatTop5Sandals).toBeLessThan(measured.catalogueShareSandals);
  }, 600_000);
});

const round = (v: number) => Math.round(v * 1000) / 1000;

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
