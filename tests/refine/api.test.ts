// POST /api/refine and POST /api/refine/search against a real SQLite database: a small seeded catalogue, the
// embedding job (resumable, only what is missing), the response contract, and table-driven bad input.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postRoute, prepareDatabase, type Route } from "../support/databases";

process.env.IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "atelier-refine-images-"));
process.env.LOG_LEVEL ??= "silent";
process.env.MODELS_DIR ??= "models";
const DB_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "atelier-refine-db-")), "refine.db")}`;
const COUNT = 80;
const hasModel = existsSync(path.join(process.env.MODELS_DIR, "val", "card.json"));

const post = (route: Route, body: unknown, raw?: string) => postRoute(route, "/api/refine", body, raw);

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: "#b33" } }).png().toBuffer();
const dataUrl = (buf: Buffer, type = "image/png") => `data:${type};base64,${buf.toString("base64")}`;

describe.skipIf(!hasModel)("Refine API", () => {
  let route: Route;
  let search: Route;
  let ids: string[];
  let byId: Map<string, { category: string }>;

  beforeAll(async () => {
    await prepareDatabase(DB_URL, COUNT, 5);
    const { db } = await import("@/lib/db");
    const products = await (await db()).product.findMany({ select: { id: true, category: true }, orderBy: { id: "asc" } });
    ids = products.map((p) => p.id);
    byId = new Map(products.map((p) => [p.id, p]));
    route = await import("@/app/api/refine/route");
    search = await import("@/app/api/refine/search/route");
  }, 240_000);

  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  });

  it("embeds the catalogue once, resumably: a second run computes nothing", async () => {
    const { runEmbeddingJob } = await import("@/lib/embeddings/job");
    const [first] = await runEmbeddingJob({ batchSize: 16 });
    expect(first).toMatchObject({ model: "val", total: COUNT, embedded: COUNT, failed: 0 });
    const [second] = await runEmbeddingJob();
    expect(second).toMatchObject({ total: 0, embedded: 0, jobId: null });
    const { db } = await import("@/lib/db");
    const job = await (await db()).job.findUniqueOrThrow({ where: { id: first.jobId! } });
    expect(job).toMatchObject({ kind: "embed", status: "succeeded", processed: COUNT, total: COUNT });
    // Three VAL spaces (one per depth) per product; other models' vectors (CSA-Net) are not this test's business.
    expect(await (await db()).embedding.count({ where: { space: { startsWith: "val." } } })).toBe(COUNT * 3);
  });

  it("answers the SPEC §4 contract, excluding the source and keeping its category", async () => {
    const source = ids[0];
    const { status, body } = await post(route, { productId: source, text: "is darker with long sleeves", k: 5 });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["items", "modelVersion", "tookMs"]);
    expect(typeof body.tookMs).toBe("number");
    expect(typeof body.modelVersion).toBe("string");
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(5);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(["product", "score"]);
      expect(item.product.id).not.toBe(source);
      expect(item.product.category).toBe(byId.get(source)!.category);
      expect(Object.keys(item.product).sort()).toEqual(
        ["id", "sku", "title", "brand", "priceCents", "currency", "category", "slot", "color", "pattern", "attributes", "imageUrl"].sort(),
      );
    }
    // Items with every attribute the text names come first; each group is in VAL's order.
    const { facetsOf, meetsAll, understand } = await import("@/lib/refine/understand");
    const { getProduct } = await import("@/lib/catalogue/queries");
    const asked = understand("is darker with long sleeves", facetsOf((await getProduct(source))!));
    const meets = body.items.map((i: any) => meetsAll(facetsOf(i.product), asked));
    expect(meets).toEqual([...meets].sort((a, b) => Number(b) - Number(a)));
    for (const group of [true, false]) {
      const scores = body.items.filter((_: unknown, i: number) => meets[i] === group).map((i: { score: number }) => i.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it("puts the items with the attributes the text names first (has no sleeves, is red)", async () => {
    const { db } = await import("@/lib/db");
    const client = await db();
    const source = await client.product.findFirstOrThrow({ where: { sleeve: "long" }, orderBy: { id: "asc" } });
    const sleeveless = await client.product.count({ where: { sleeve: "sleeveless" } });
    expect(sleeveless).toBeGreaterThan(0);
    const { body } = await post(route, { productId: source.id, text: "has no sleeves", k: 10, category: "all" });
    const sleeves = body.items.map((i: any) => i.product.attributes.sleeve);
    const expected = Math.min(10, sleeveless);
    expect(sleeves.slice(0, expected)).toEqual(new Array(expected).fill("sleeveless"));
    const red = await post(route, { productId: ids[3], text: "is red", k: 5, category: "all" });
    const redCount = await client.product.count({ where: { color: "red", id: { not: ids[3] } } });
    expect(red.body.items.slice(0, Math.min(5, redCount)).every((i: any) => i.product.color === "red")).toBe(true);
  });

  it("lifts the category filter with category: all, and accepts an uploaded photo", async () => {
    const all = await post(route, { productId: ids[1], text: "is red", k: 40, category: "all" });
    expect(all.status).toBe(200);
    expect(new Set(all.body.items.map((i: any) => i.product.category)).size).toBeGreaterThan(1);
    const upload = await post(route, { image: dataUrl(await png(200, 300)), text: "has long sleeves", k: 3 });
    expect(upload.status).toBe(200);
    expect(upload.body.items).toHaveLength(3);
  });

  it("serves a product's pixels in the view VAL reads, and refuses an unknown product", async () => {
    const sourceRoute = await import("@/app/api/refine/source/[id]/route");
    const { loadVal } = await import("@/lib/refine/val");
    const { viewTensor } = await import("@/lib/ml/decode");
    const { pixelsToTensor } = await import("@/lib/ml/preprocess");
    const { readImage } = await import("@/lib/images/store");
    const { getProduct } = await import("@/lib/catalogue/queries");
    const val = (await loadVal())!;
    const get = (id: string) => sourceRoute.GET(new NextRequest(new URL(`/api/refine/source/${id}`, "http://atelier.test")), { params: Promise.resolve({ id }) });
    const response = await get(ids[3]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-model-version")).toBe(val.model.version);
    // The PNG decodes to exactly the tensor the server encodes, so the worker's query equals the server's.
    const { data } = await sharp(Buffer.from(await response.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    const product = (await getProduct(ids[3]))!;
    expect(pixelsToTensor(data, 3)).toEqual(await viewTensor((await readImage(product.imageUrl.split("/").pop()!))!, val.view));
    for (const id of ["no-such-product", "x".repeat(200)]) {
      const missing = await get(id);
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe("not_found");
    }
  });

  it("gives the same ranking for a query composed elsewhere (the browser path's search)", async () => {
    const { loadVal, encodeBatch, composeQuery } = await import("@/lib/refine/val");
    const { viewTensor } = await import("@/lib/ml/decode");
    const { readImage } = await import("@/lib/images/store");
    const { getProduct } = await import("@/lib/catalogue/queries");
    const val = (await loadVal())!;
    const product = (await getProduct(ids[2]))!;
    const maps = (await encodeBatch(val, await viewTensor((await readImage(product.imageUrl.split("/").pop()!))!, val.view), 1)).maps[0];
    const query = await composeQuery(val, maps, val.tokenizer.encode("is more casual"));
    const server = await post(route, { productId: ids[2], text: "is more casual", k: 10 });
    const composed = await post(search, { query: [...query], modelVersion: server.body.modelVersion, text: "is more casual", k: 10, category: product.category, excludeId: ids[2] });
    expect(composed.status).toBe(200);
    expect(composed.body.items.map((i: any) => i.product.id)).toEqual(server.body.items.map((i: any) => i.product.id));
  });

  const bad: [string, () => Promise<unknown>, number, string][] = [
    ["neither source", async () => ({ text: "darker" }), 400, "invalid_source"],
    ["both sources", async () => ({ productId: "x", image: dataUrl(await png(100, 100)), text: "darker" }), 400, "invalid_source"],
    ["empty text", async () => ({ productId: "p", text: "   " }), 400, "invalid_input"],
    ["meaningless text", async () => ({ productId: ids[0], text: "qqq zzzz !!" }), 400, "meaningless_text"],
    ["unknown product", async () => ({ productId: "no-such-product", text: "darker" }), 404, "not_found"],
    ["k over 100", async () => ({ productId: ids[0], text: "darker", k: 101 }), 400, "invalid_input"],
    ["unknown category", async () => ({ productId: ids[0], text: "darker", category: "spaceship" }), 400, "invalid_input"],
    ["unknown field", async () => ({ productId: ids[0], text: "darker", colour: "red" }), 400, "invalid_input"],
    ["not an image", async () => ({ image: dataUrl(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "image/png"), text: "darker" }), 415, "unsupported_media_type"],
    ["not a data URL", async () => ({ image: "http://example.com/a.png", text: "darker" }), 400, "invalid_image"],
    ["image too small", async () => ({ image: dataUrl(await png(20, 20)), text: "darker" }), 422, "image_too_small"],
  ];

  it.each(bad)("refuses %s", async (_name, body, status, code) => {
    const response = await post(route, await body());
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(typeof response.body.error.message).toBe("string");
  });

  it("refuses a huge upload before reading it, and malformed JSON", async () => {
    const huge = await post(route, null, JSON.stringify({ image: `data:image/png;base64,${"A".repeat(15 * 1024 * 1024)}`, text: "darker" }));
    expect(huge.status).toBe(413);
    const broken = await post(route, null, "{not json");
    expect(broken.body.error.code).toBe("invalid_json");
  });

  it("refuses a browser query from another model version or of the wrong size", async () => {
    const stale = await post(search, { query: [1, 2, 3], modelVersion: "0.0.0-old" });
    expect(stale.status).toBe(409);
    const { body } = await post(route, { productId: ids[0], text: "darker", k: 1 });
    const wrong = await post(search, { query: [1, 2, 3], modelVersion: body.modelVersion });
    expect(wrong.status).toBe(400);
  });
});
