// The public catalogue API (SPEC §4) against both databases the app supports: the embedded SQLite default and
// PostgreSQL (127.0.0.1:5432, database `test`, a private schema per run, dropped afterwards). Each run migrates
// with the project's own command, seeds a small generated catalogue and calls the real route handlers.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_IDS, COLOR_IDS, PATTERNS, ontology, getCategory, type AttributeName } from "@/lib/ontology";
import { getRoute as call, prepareDatabase, releaseDatabase, testDatabases } from "../support/databases";

process.env.IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "atelier-contract-images-"));
process.env.LOG_LEVEL ??= "silent";

const COUNT = 60;
const targets = testDatabases("contract");

function expectOntologyProduct(p: Record<string, unknown>) {
  expect(Object.keys(p).sort()).toEqual(
    ["id", "sku", "title", "brand", "priceCents", "currency", "category", "slot", "color", "pattern", "attributes", "imageUrl"].sort(),
  );
  expect(CATEGORY_IDS).toContain(p.category);
  expect(getCategory(p.category as string)?.slot).toBe(p.slot);
  expect(COLOR_IDS).toContain(p.color);
  expect(PATTERNS).toContain(p.pattern);
  expect(Number.isInteger(p.priceCents)).toBe(true);
  for (const [name, value] of Object.entries(p.attributes as Record<string, string>)) {
    expect(ontology.attributes[name as AttributeName].values).toContain(value);
  }
  expect(p.imageUrl).toMatch(/^\/api\/images\//);
}

describe.each(targets)("catalogue API on $name", (database) => {
  const { url, kind } = database;
  let products: typeof import("@/app/api/products/route");
  let product: typeof import("@/app/api/products/[id]/route");
  let health: typeof import("@/app/api/health/route");

  beforeAll(async () => {
    expect(await prepareDatabase(url, COUNT, 11)).toBe(COUNT);
    products = await import("@/app/api/products/route");
    product = await import("@/app/api/products/[id]/route");
    health = await import("@/app/api/health/route");
  }, 180_000);

  afterAll(() => releaseDatabase(database));

  it("seeding again is a no-op (idempotent by SKU)", async () => {
    process.env.DATABASE_URL = url;
    const { seedCatalogue } = await import("@/lib/catalogue/seed");
    expect(await seedCatalogue({ count: COUNT, seed: 11 })).toMatchObject({ total: COUNT, created: 0, skipped: COUNT });
  });

  it("GET /api/health reports the database and the catalogue size", async () => {
    process.env.DATABASE_URL = url;
    const { status, body } = await call(health, "/api/health");
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, db: kind, catalogueSize: COUNT, models: expect.any(Object) });
    // The import's tagger is named as soon as its card is there, before any import has used it.
    const { version } = JSON.parse(readFileSync("models/tagger/card.json", "utf8")) as { version: string };
    expect(body.models.tagger).toBe(version);
  });

  it("GET /api/products pages through the whole catalogue with cursors, every value an ontology key", async () => {
    process.env.DATABASE_URL = url;
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const { status, body } = await call(products, `/api/products?limit=25${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      const items = body.items as Record<string, unknown>[];
      items.forEach(expectOntologyProduct);
      items.forEach((p) => seen.add(p.id as string));
      cursor = body.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(seen.size).toBe(COUNT);
  });

  it("filters by category, colour, pattern, price and keyword inside the query", async () => {
    process.env.DATABASE_URL = url;
    const all = (await call(products, "/api/products?limit=100")).body.items as { category: string; color: string; priceCents: number; title: string }[];
    const sample = all[7];
    const byCategory = (await call(products, `/api/products?category=${sample.category}&limit=100`)).body.items as typeof all;
    expect(byCategory.length).toBe(all.filter((p) => p.category === sample.category).length);
    expect(byCategory.every((p) => p.category === sample.category)).toBe(true);
    const byColour = (await call(products, `/api/products?color=${sample.color}&limit=100`)).body.items as typeof all;
    expect(byColour.map((p) => p.color)).toEqual(all.filter((p) => p.color === sample.color).map((p) => p.color));
    const cheap = (await call(products, `/api/products?maxPrice=${sample.priceCents}&limit=100`)).body.items as typeof all;
    expect(cheap.length).toBe(all.filter((p) => p.priceCents <= sample.priceCents).length);
    const word = sample.title.split(" ").at(-1)!.toLowerCase();
    const found = (await call(products, `/api/products?q=${encodeURIComponent(word)}&limit=100`)).body.items as typeof all;
    expect(found.map((p) => p.title)).toContain(sample.title);
  });

  it("reads products by id in the asked order, from the read cache until the catalogue changes", async () => {
    process.env.DATABASE_URL = url;
    const { getProductsByIds } = await import("@/lib/catalogue/queries");
    const { announceCatalogueChange } = await import("@/lib/catalogue/changes");
    const { clearReadCache } = await import("@/lib/catalogue/read-cache");
    const { db } = await import("@/lib/db");
    clearReadCache();
    const ids = ((await call(products, "/api/products?limit=5")).body.items as { id: string }[]).map((p) => p.id);
    const asked = [ids[3], "p-unknown", ids[0], ids[3], ids[1]];
    const first = await getProductsByIds(asked.slice(0, 3));
    expect(first.map((p) => p.id)).toEqual([ids[3], ids[0]]);
    expect(first[0]).not.toHaveProperty("description");
    const client = await db();
    const before = first[0].title;
    await client.product.update({ where: { id: ids[3] }, data: { title: `${before} (renamed)` } }); // behind the cache's back
    const again = await getProductsByIds(asked);
    expect(again.map((p) => p.id)).toEqual([ids[3], ids[0], ids[3], ids[1]]);
    expect(again[0].title).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 2));
    announceCatalogueChange(); // what every write through lib/catalogue/write.ts does
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect((await getProductsByIds([ids[3]]))[0].title).toBe(`${before} (renamed)`);
    await client.product.update({ where: { id: ids[3] }, data: { title: before } });
    announceCatalogueChange();
  });

  it("GET /api/products/:id returns one product, and 404 JSON for an unknown id", async () => {
    process.env.DATABASE_URL = url;
    const first = ((await call(products, "/api/products?limit=1")).body.items as { id: string }[])[0];
    const one = await call(product, `/api/products/${first.id}`, { id: first.id });
    expect(one.status).toBe(200);
    expectOntologyProduct(one.body);
    expect(one.body.id).toBe(first.id);
    const missing = await call(product, "/api/products/nope", { id: "nope" });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "not_found", message: expect.stringContaining("nope") } });
  });

  it.each([
    ["an unknown category", "category=spaceship"],
    ["an unknown colour", "color=ultraviolet"],
    ["an unknown attribute value", "sleeve=tentacle"],
    ["a limit over 100", "limit=1000"],
    ["a negative price", "minPrice=-5"],
    ["a forged cursor", "cursor=not-a-cursor"],
  ])("rejects %s with a 400 and a message", async (_, query) => {
    process.env.DATABASE_URL = url;
    const { status, body } = await call(products, `/api/products?${query}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});
