// POST /api/tryon (SPEC §4) on SQLite and PostgreSQL: everything that needs no network (validation, 404s, slot
// rules, upload refusal before decoding, no full body, 503 without models) always runs; the rendering contract runs
// when try-on models are installed (models/tryon/card.json, or TRYON_TEST_MODELS_DIR for a development pair).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRoute, postRoute, prepareDatabase, releaseDatabase, testDatabases, type Route } from "../support/databases";

process.env.IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "atelier-tryon-images-"));
process.env.LOG_LEVEL ??= "silent";
const MODELS_WITH_TRYON = process.env.TRYON_TEST_MODELS_DIR ?? "models";
const hasModels = existsSync(path.join(MODELS_WITH_TRYON, "tryon", "card.json"));
const NO_MODELS = mkdtempSync(path.join(tmpdir(), "atelier-no-models-"));

const CATALOGUE = { count: 80, seed: 11 };
const dataUrl = (buf: Buffer, type = "image/png") => `data:${type};base64,${buf.toString("base64")}`;

describe.each(testDatabases("tryon"))("try-on API on $name", (database) => {
  let route: Route;
  let health: Route;
  let modelRoute: Route;
  let bodyRoute: Route;
  let bySlot: Record<string, string[]>;
  let personId: string;
  const post = (body: unknown, raw?: string) => postRoute(route, "/api/tryon", body, raw);

  beforeAll(async () => {
    await prepareDatabase(database.url, CATALOGUE.count, CATALOGUE.seed);
    const { seedPeople } = await import("@/lib/tryon/people");
    await seedPeople({ count: 2, seed: 1, catalogue: CATALOGUE });
    const { db } = await import("@/lib/db");
    const client = await db();
    bySlot = {};
    for (const p of await client.product.findMany({ select: { id: true, slot: true }, orderBy: { id: "asc" } })) (bySlot[p.slot] ??= []).push(p.id);
    personId = (await client.person.findFirstOrThrow({ orderBy: { position: "asc" } })).id;
    route = await import("@/app/api/tryon/route");
    health = await import("@/app/api/health/route");
    modelRoute = await import("@/app/api/tryon/model/[file]/route");
    bodyRoute = await import("@/app/api/tryon/body/[id]/route");
  }, 240_000);

  afterAll(() => releaseDatabase(database));

  const withModels = (dir: string) => {
    process.env.DATABASE_URL = database.url;
    process.env.MODELS_DIR = dir;
  };

  it("answers 503 model_unavailable when the try-on models are missing", async () => {
    withModels(NO_MODELS);
    const { status, body } = await post({ personId, productIds: [bySlot.top[0]] });
    expect(status).toBe(503);
    expect(body.error.code).toBe("model_unavailable");
    expect(body.error.message).toMatch(/Try-on is not available yet/);
  });

  it.each([
    ["no person", () => ({ productIds: [bySlot.top[0]] }), /exactly one person/],
    ["two people", () => ({ personId: "x", personImage: "data:image/png;base64,AAAA", productIds: [bySlot.top[0]] }), /exactly one person/],
    ["no garments", () => ({ personId: "x", productIds: [] }), /at least one garment/],
    ["too many garments", () => ({ personId: "x", productIds: ["a", "b", "c", "d", "e"] }), /at most 4 garments/],
    ["productIds not a list", () => ({ personId: "x", productIds: "abc" }), /productIds/],
    ["an unknown field", () => ({ personId: "x", productIds: ["a"], size: 512 }), /size|Unrecognized/i],
    ["the same product twice", () => ({ personId, productIds: [bySlot.top[0], bySlot.top[0]] }), /same product twice/],
    ["two tops", () => ({ personId, productIds: bySlot.top.slice(0, 2) }), /both tops: pick one/],
    ["a one-piece with a bottom", () => ({ personId, productIds: [bySlot.one_piece[0], bySlot.bottom[0]] }), /replaces a top and a bottom/],
    ["shoes", () => ({ personId, productIds: [bySlot.shoes[0]] }), /tops, bottoms, one-pieces and outerwear only/],
  ])("answers 400 for %s", async (_, body, message) => {
    withModels(NO_MODELS);
    const answer = await post(body());
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(message);
  });

  it("answers 400 for a body that is not JSON", async () => {
    withModels(NO_MODELS);
    expect((await post(null, "{not json")).status).toBe(400);
  });

  it("answers 404 naming unknown products and people", async () => {
    withModels(NO_MODELS);
    const product = await post({ personId, productIds: [bySlot.top[0], "no-such-product"] });
    expect(product.status).toBe(404);
    expect(product.body.error.message).toMatch(/no-such-product/);
    const person = await post({ personId: "no-such-person", productIds: [bySlot.top[0]] });
    expect(person.status).toBe(404);
    expect(person.body.error.message).toMatch(/no-such-person/);
  });

  it.each([
    ["a non-image file", () => dataUrl(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "image/png"), 415],
    ["text that is not a data URL", () => "hello", 400],
    ["a truncated PNG", async () => dataUrl((await sharp({ create: { width: 300, height: 400, channels: 3, background: "#888" } }).png().toBuffer()).subarray(0, 200)), 422],
    // 10 MB + 8 bytes of base64 'A's: refused from the declared length, before any base64 or image decoding.
    ["an upload over 10 MB", () => `data:image/png;base64,${"A".repeat(13_981_024)}`, 413],
  ])("refuses %s before decoding it", async (_, image, status) => {
    withModels(NO_MODELS);
    const answer = await post({ personImage: await image(), productIds: [bySlot.top[0]] });
    expect(answer.status).toBe(status);
    expect(answer.body.error.message.length).toBeGreaterThan(10);
  });

  it("answers 422 with a shopper's message for a photo without a full body", async () => {
    withModels(NO_MODELS);
    const blank = await sharp({ create: { width: 384, height: 512, channels: 3, background: "#e8e2da" } }).png().toBuffer();
    const { status, body } = await post({ personImage: dataUrl(blank), productIds: [bySlot.top[0]] });
    expect(status).toBe(422);
    expect(body.error.code).toBe("no_full_body");
    expect(body.error.message).toMatch(/full body/);
  }, 120_000);

  it("serves the browser worker a gallery figure's body model, and 404s unknown ones", async () => {
    withModels(NO_MODELS);
    const { status, body } = await getRoute(bodyRoute, `/api/tryon/body/${personId}`, { id: personId });
    expect(status).toBe(200);
    expect([body.body.width, body.body.height, body.body.keypoints.length]).toEqual([192, 256, 17]);
    for (const mask of [body.body.personMask, body.body.keepMask, body.before]) expect(Buffer.from(mask, "base64").length).toBe(192 * 256);
    expect((await getRoute(bodyRoute, "/api/tryon/body/nobody", { id: "nobody" })).status).toBe(404);
  });

  it("answers 503 for the worker's model files without models, 404 for files it does not serve", async () => {
    withModels(NO_MODELS);
    const missing = await getRoute(modelRoute, "/api/tryon/model/tryon_shape.onnx", { file: "tryon_shape.onnx" });
    expect([missing.status, missing.body.error.code]).toEqual([503, "model_unavailable"]);
    expect((await getRoute(modelRoute, "/api/tryon/model/card.json", { file: "card.json" })).status).toBe(404);
  });

  describe.skipIf(!hasModels)("with the try-on models installed", () => {
    it("renders a gallery model in a top and a bottom: a PNG at the photo's size, tookMs and the model version", async () => {
      withModels(MODELS_WITH_TRYON);
      const { status, body } = await post({ personId, productIds: [bySlot.top[0], bySlot.bottom[0]] });
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(["image", "modelVersion", "tookMs"]);
      expect(body.image).toMatch(/^data:image\/png;base64,/);
      const meta = await sharp(Buffer.from(body.image.split(",")[1], "base64")).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 384, 512]);
      expect(typeof body.tookMs).toBe("number");
      const { version } = JSON.parse((await import("node:fs")).readFileSync(path.join(MODELS_WITH_TRYON, "tryon", "card.json"), "utf8"));
      expect(body.modelVersion).toBe(version);
      const report = await getRoute(health, "/api/health");
      expect(report.body.models.tryon).toBe(version);
    }, 120_000);

    it("renders a one-piece with outerwear", async () => {
      withModels(MODELS_WITH_TRYON);
      const { status } = await post({ personId, productIds: [bySlot.one_piece[0], bySlot.outerwear[0]] });
      expect(status).toBe(200);
    }, 120_000);
  });
});
