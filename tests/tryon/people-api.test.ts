// The model gallery against both databases: the seeded default gallery, GET /api/people (SPEC §4) with its
// filters and bad-input answers, and the console's writes (hide, reorder, upload) as the route sees them.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_SHAPES, POSES, SKIN_TONE_IDS } from "@/lib/tryon/figures/vocabulary";
import { getRoute as call, prepareDatabase, releaseDatabase, testDatabases } from "../support/databases";

process.env.IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "atelier-people-images-"));
process.env.LOG_LEVEL ??= "silent";

const CATALOGUE = { count: 60, seed: 11 };
const GALLERY = 10;
const targets = testDatabases("people");

describe.each(targets)("model gallery on $name", (database) => {
  const { url } = database;
  let route: typeof import("@/app/api/people/route");
  let people: typeof import("@/lib/tryon/people");

  beforeAll(async () => {
    await prepareDatabase(url, CATALOGUE.count, CATALOGUE.seed);
    people = await import("@/lib/tryon/people");
    route = await import("@/app/api/people/route");
    expect(await people.seedPeople({ count: GALLERY, seed: 1, catalogue: CATALOGUE })).toEqual({ created: GALLERY, skipped: 0 });
  }, 180_000);

  afterAll(() => releaseDatabase(database));

  it("seeding again is a no-op, and every figure wears products that exist", async () => {
    process.env.DATABASE_URL = url;
    expect(await people.seedPeople({ count: GALLERY, seed: 1, catalogue: CATALOGUE })).toEqual({ created: 0, skipped: GALLERY });
    const { db } = await import("@/lib/db");
    const client = await db();
    for (const person of await client.person.findMany()) {
      const truth = JSON.parse(person.truth);
      expect(truth.keypoints).toHaveLength(17);
      expect(truth.parseKey).toMatch(/\.png$/);
      const ids = truth.garments.map((g: { productId: string }) => g.productId);
      expect(await client.product.count({ where: { id: { in: ids } } })).toBe(ids.length);
    }
  });

  it("GET /api/people returns the gallery in order, exactly in the SPEC shape", async () => {
    process.env.DATABASE_URL = url;
    const { status, body } = await call(route, "/api/people");
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["items"]);
    expect(body.items).toHaveLength(GALLERY);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(["attributes", "id", "imageUrl"]);
      expect(Object.keys(item.attributes).sort()).toEqual(["bodyShape", "pose", "skinTone"]);
      expect(POSES).toContain(item.attributes.pose);
      expect(BODY_SHAPES).toContain(item.attributes.bodyShape);
      expect(SKIN_TONE_IDS).toContain(item.attributes.skinTone);
      expect(item.imageUrl).toMatch(/^\/api\/images\/[a-f0-9]{32}\.webp$/);
    }
    expect(body.items.map((p: { id: string }) => p.id)).toEqual([...body.items.map((p: { id: string }) => p.id)].sort());
    expect(new Set(body.items.map((p: { attributes: { pose: string } }) => p.attributes.pose)).size).toBeGreaterThanOrEqual(4);
  });

  it("filters by body shape and skin tone", async () => {
    process.env.DATABASE_URL = url;
    const all = (await call(route, "/api/people")).body.items as { attributes: { bodyShape: string; skinTone: string } }[];
    const shape = all[0].attributes.bodyShape, tone = all[0].attributes.skinTone;
    const byShape = await call(route, `/api/people?bodyShape=${shape}`);
    expect(byShape.status).toBe(200);
    expect(byShape.body.items.length).toBe(all.filter((p) => p.attributes.bodyShape === shape).length);
    const both = await call(route, `/api/people?bodyShape=${shape}&skinTone=${tone}`);
    expect(both.body.items.every((p: { attributes: { bodyShape: string; skinTone: string } }) => p.attributes.bodyShape === shape && p.attributes.skinTone === tone)).toBe(true);
  });

  it.each([
    ["an unknown body shape", "/api/people?bodyShape=round"],
    ["an unknown skin tone", "/api/people?skinTone=green"],
    ["a repeated filter", "/api/people?bodyShape=slim&bodyShape=curvy"],
    ["an unknown parameter", "/api/people?pose=standing"],
  ])("answers 400 with a JSON error for %s", async (_, query) => {
    process.env.DATABASE_URL = url;
    const { status, body } = await call(route, query);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid_input", message: expect.any(String) });
  });

  it("hides and unhides, and reorders up and down (the console's writes)", async () => {
    process.env.DATABASE_URL = url;
    const ids = async () => ((await call(route, "/api/people")).body.items as { id: string }[]).map((p) => p.id);
    const before = await ids();
    await people.setPersonHidden(before[2], true);
    expect(await ids()).toEqual(before.filter((id) => id !== before[2]));
    expect((await people.listPeopleForAdmin()).find((p) => p.id === before[2])?.hidden).toBe(true);
    await people.setPersonHidden(before[2], false);
    expect(await ids()).toEqual(before);
    await people.movePerson(before[3], "up");
    expect((await ids()).slice(0, 4)).toEqual([before[0], before[1], before[3], before[2]]);
    await people.movePerson(before[3], "down");
    expect(await ids()).toEqual(before);
    await people.movePerson(before[0], "up"); // already first: nothing moves
    expect(await ids()).toEqual(before);
  });

  it("adds an uploaded photo at the end after sniffing and normalising it, and refuses bad uploads", async () => {
    process.env.DATABASE_URL = url;
    const photo = await sharp({ create: { width: 600, height: 900, channels: 3, background: "#c0a080" } }).jpeg().toBuffer();
    const { id } = await people.createUploadedPerson(photo, { pose: "standing", bodyShape: "curvy", skinTone: "deep" });
    const items = (await call(route, "/api/people")).body.items as { id: string; attributes: object }[];
    expect(items[items.length - 1]).toMatchObject({ id, attributes: { pose: "standing", bodyShape: "curvy", skinTone: "deep" } });
    await expect(people.createUploadedPerson(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), { pose: "standing", bodyShape: "curvy", skinTone: "deep" }))
      .rejects.toMatchObject({ field: "image", status: 415 });
    await expect(people.createUploadedPerson(photo, { pose: "cartwheel", bodyShape: "curvy", skinTone: "deep" })).rejects.toMatchObject({ field: "pose" });
  });
});
