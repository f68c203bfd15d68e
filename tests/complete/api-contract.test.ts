// POST /api/complete and POST /api/compatibility (SPEC §4) through the real route handlers, on the embedded SQLite
// default and on PostgreSQL: a seeded catalogue, a small CSA-Net model folder and synthetic subspace vectors stored
// in the Embedding table as the embedding job stores them. Contract shape, filters, and table-driven bad input.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postRoute, prepareDatabase, releaseDatabase, testDatabases, type Route } from "../support/databases";
import { makeFixture, subspaceVector, writeModelFolder } from "./fixtures";

process.env.IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "atelier-complete-images-"));
process.env.MODELS_DIR = writeModelFolder(mkdtempSync(path.join(tmpdir(), "atelier-complete-models-")), makeFixture());
process.env.LOG_LEVEL ??= "silent";

const targets = testDatabases("complete");
const post = (route: Route, url: string, body: unknown) => postRoute(route, url, body);

describe.each(targets)("Complete the look API on $name", (database) => {
  const { url } = database;
  let complete: Route;
  let compatibility: Route;
  const byCategory = new Map<string, { id: string; inStock: boolean; priceCents: number }[]>();
  const first = (category: string) => byCategory.get(category)![0].id;

  beforeAll(async () => {
    await prepareDatabase(url, 78, 5);
    const { db } = await import("@/lib/db");
    const { forgetRegisteredModels, registeredModel } = await import("@/lib/ml/registry");
    const { vectorToBytes } = await import("@/lib/embeddings/vectors");
    const { resetCandidateIndex } = await import("@/lib/complete/candidates");
    forgetRegisteredModels();
    resetCandidateIndex();
    const model = (await registeredModel("csa"))!;
    const client = await db();
    const products = await client.product.findMany({ select: { id: true, category: true, inStock: true, priceCents: true }, orderBy: { id: "asc" } });
    const fixture = makeFixture();
    await client.embedding.createMany({
      data: products.map((p) => ({ productId: p.id, modelVersionId: model.id, space: "csa.sub", dim: fixture.k * fixture.dim, vector: vectorToBytes(subspaceVector(p.id, fixture)), imageKey: "test" })),
    });
    for (const p of products) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
    complete = await import("@/app/api/complete/route");
    compatibility = await import("@/app/api/compatibility/route");
  }, 180_000);

  afterAll(async () => {
    const { resetCandidateIndex } = await import("@/lib/complete/candidates");
    resetCandidateIndex();
    await releaseDatabase(database);
  });

  it("returns pieces of the target category with scores, the outfit's compatibility and the model version", async () => {
    process.env.DATABASE_URL = url;
    const outfit = [first("tshirt"), first("jeans")];
    const { status, body } = await post(complete, "/api/complete", { productIds: outfit, targetCategory: "sneakers", k: 5 });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["compatibility", "items", "modelVersion", "tookMs"]);
    expect(body.modelVersion).toBe("test-1");
    expect(body.compatibility).toBeGreaterThanOrEqual(0);
    expect(body.compatibility).toBeLessThanOrEqual(1);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(Object.keys(item.product).sort()).toEqual(["attributes", "brand", "category", "color", "currency", "id", "imageUrl", "pattern", "priceCents", "sku", "slot", "title"]);
      expect(item.product.category).toBe("sneakers");
      expect(outfit).not.toContain(item.product.id);
    }
    const scores = body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("searches every category of a slot, and keeps to the stock and price filters", async () => {
    process.env.DATABASE_URL = url;
    const { status, body } = await post(complete, "/api/complete", { productIds: [first("dress")], targetCategory: "shoes", k: 100, maxPrice: 20000 });
    expect(status).toBe(200);
    const shoes = ["sneakers", "boots", "heels", "sandals", "loafers"];
    const expected = shoes.flatMap((c) => byCategory.get(c) ?? []).filter((p) => p.inStock && p.priceCents <= 20000);
    expect(body.items.map((i: any) => i.product.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(body.compatibility).toBeNull(); // one piece: nothing to hold together yet
  });

  it("scores compatibility for two or more pieces", async () => {
    process.env.DATABASE_URL = url;
    const { status, body } = await post(compatibility, "/api/compatibility", { productIds: [first("shirt"), first("trousers"), first("loafers")] });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["score"]);
    expect(body.score).toBeGreaterThan(0);
    expect(body.score).toBeLessThan(1);
  });

  it.each([
    ["an empty outfit", { productIds: [], targetCategory: "shoes" }, 400, "invalid_input", /empty/],
    ["a repeated piece", { productIds: ["X", "X"], targetCategory: "shoes" }, 400, "invalid_input", /repeated: X/],
    ["an unknown target", { productIds: ["X"], targetCategory: "spaceship" }, 400, "invalid_input", /neither a category nor a slot/],
    ["k over 100", { productIds: ["X"], targetCategory: "shoes", k: 500 }, 400, "invalid_input", /k/],
    ["an unknown field", { productIds: ["X"], targetCategory: "shoes", colour: "red" }, 400, "invalid_input", /colour/],
    ["unknown ids", { productIds: ["nope-1", "nope-2"], targetCategory: "shoes" }, 404, "not_found", /nope-1, nope-2/],
  ])("rejects %s", async (_, body, status, code, message) => {
    process.env.DATABASE_URL = url;
    const answer = await post(complete, "/api/complete", body);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: expect.stringMatching(message) } });
  });

  it.each([
    ["a second pair of shoes", ["tshirt", "jeans", "sneakers"], "heels", /already has sneakers/],
    ["a top for a dress", ["dress"], "top", /covers the top/],
    ["a one-piece over a top", ["blouse"], "jumpsuit", /replaces top and bottom/],
    ["outerwear with nothing under it", ["jeans"], "coat", /over a top or a one-piece/],
  ])("explains why an outfit cannot take %s (422)", async (_, categories, target, message) => {
    process.env.DATABASE_URL = url;
    const answer = await post(complete, "/api/complete", { productIds: categories.map(first), targetCategory: target });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ error: { code: "slot_taken", message: expect.stringMatching(message) } });
  });

  it("rejects outfits that cannot be worn, and compatibility of a single piece", async () => {
    process.env.DATABASE_URL = url;
    const shoes = await post(compatibility, "/api/compatibility", { productIds: [first("sneakers"), first("boots")] });
    expect(shoes.status).toBe(422);
    expect(shoes.body.error.code).toBe("invalid_outfit");
    const single = await post(compatibility, "/api/compatibility", { productIds: [first("sneakers")] });
    expect(single.status).toBe(400);
    expect(single.body.error.message).toMatch(/at least two/);
  });
});
