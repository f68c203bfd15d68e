// Bulk import against the real test database: good files, bad lines, duplicate SKUs, idempotent re-runs, and
// failures half-way (the image store failing, a transaction failing) that must leave no half-written product.
import { uniquePrefix } from "./test-env";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { UploadedImages } from "@/lib/import/image-source";
import { createImportJob, getJob } from "@/lib/import/jobs";
import { runImport } from "@/lib/import/run";
import { SVG, pngOf } from "./image-fixtures";

// Faults injected into the image store, off unless a test turns them on.
const faults = vi.hoisted(() => ({ saveCalls: 0, failSaveOnCall: 0, renderCalls: 0, brokenRowsOnRender: 0 }));
vi.mock("@/lib/images/store", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/images/store")>();
  return {
    ...original,
    saveImage: async (key: string, data: Buffer) => {
      faults.saveCalls += 1;
      if (faults.saveCalls === faults.failSaveOnCall) throw new Error("disk full (simulated)");
      return original.saveImage(key, data);
    },
    productRenditions: async (input: Buffer) => {
      faults.renderCalls += 1;
      const renditions = await original.productRenditions(input);
      // Two renditions of the same kind violate (productId, kind) uniqueness inside the write transaction.
      return faults.renderCalls === faults.brokenRowsOnRender ? renditions.map((r) => ({ ...r, kind: "master" as const })) : renditions;
    },
  };
});

const prefix = uniquePrefix("IMP");
const sku = (n: number | string) => `${prefix}-${n}`;

beforeEach(() => Object.assign(faults, { saveCalls: 0, failSaveOnCall: 0, renderCalls: 0, brokenRowsOnRender: 0 }));
afterAll(async () => {
  await (await db()).product.deleteMany({ where: { sku: { startsWith: prefix } } });
});

const product = (n: number | string, extra: Record<string, unknown> = {}) => ({
  sku: sku(n), title: `Test Tee ${n}`, brand: "Maison Test", priceCents: 2900 + Number(String(n).replace(/\D/g, "") || 0),
  category: "tshirt", color: "white", pattern: "solid", sleeve: "short", image: `img-${n}.png`, ...extra,
});
const jsonl = (...records: unknown[]) => records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");

/** Distinct images (distinct colours), so each product has its own renditions and store calls are countable. */
async function imagesFor(names: (number | string)[]) {
  return Promise.all(names.map(async (n, i) => ({ name: `img-${n}.png`, data: await pngOf(96, 96, { r: (i * 37) % 255, g: (i * 91) % 255, b: 120 }) })));
}

async function run(text: string, images: { name: string; data: Uint8Array }[], fileName = "products.jsonl") {
  const jobId = await createImportJob(fileName);
  const summary = await runImport(jobId, { fileName, text, images: new UploadedImages(images), concurrency: 1 });
  return { summary, job: (await getJob(jobId))! };
}

async function stored(skus: string[]) {
  return (await db()).product.findMany({ where: { sku: { in: skus } }, include: { images: true }, orderBy: { sku: "asc" } });
}

describe("bulk import", () => {
  it("imports a good JSON Lines file: products, both renditions each, job counts", async () => {
    const { summary, job } = await run(jsonl(product("A1"), product("A2", { color: "navy", inStock: false }), product("A3")), await imagesFor(["A1", "A2", "A3"]));
    expect(summary).toMatchObject({ status: "succeeded", total: 3, processed: 3, created: 3, updated: 0, failed: 0 });
    expect(job).toMatchObject({ status: "succeeded", total: 3, processed: 3, created: 3, failed: 0, errors: [] });
    const rows = await stored([sku("A1"), sku("A2"), sku("A3")]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.images.map((i) => i.kind).sort()).toEqual(["master", "thumb"]);
    expect(rows[1]).toMatchObject({ color: "navy", inStock: false, slot: "top", sleeve: "short", source: "import" });
  });

  it("imports the same products from CSV", async () => {
    const header = "sku,title,brand,priceCents,currency,category,color,pattern,sleeve,neckline,length,fit,material,formality,season,style,heel,description,inStock,image";
    const csv = [header, `${sku("C1")},Plain Skirt,Maison Test,4500,EUR,skirt,black,solid,,,midi,,,,,,,"A skirt, midi",true,img-C1.png`].join("\n");
    const { summary } = await run(csv, await imagesFor(["C1"]), "products.csv");
    expect(summary).toMatchObject({ created: 1, failed: 0 });
    expect((await stored([sku("C1")]))[0]).toMatchObject({ category: "skirt", length: "midi", description: "A skirt, midi" });
  });

  it("fails bad lines alone, each with its line number and reason, and writes nothing for them", async () => {
    const text = jsonl(
      product("B1"), // 1 ok
      "{broken json", // 2
      product("B3", { category: "cape" }), // 3 unknown category
      product("B4", { image: "missing.png" }), // 4 image not uploaded
      product("B5", { image: "evil.png" }), // 5 SVG content named .png
      product("B6", { heel: "high" }), // 6 heel does not apply to a t-shirt
      product("B7", { image: undefined }), // 7 new SKU without image
      product("B8", { colour: "red" }), // 8 unknown field
      product("B9"), // 9 ok
    );
    const images = [...(await imagesFor(["B1", "B3", "B6", "B8", "B9"])), { name: "evil.png", data: SVG }];
    const { summary, job } = await run(text, images);
    expect(summary).toMatchObject({ total: 9, processed: 9, created: 2, failed: 7 });
    expect(job.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const byLine = Object.fromEntries(job.errors.map((e) => [e.line, e.message]));
    expect(byLine[2]).toMatch(/not valid JSON/);
    expect(byLine[3]).toMatch(/category: unknown category/);
    expect(byLine[4]).toMatch(/"missing.png" was not among the 6 image files/);
    expect(byLine[5]).toMatch(/not a PNG, JPEG, WebP or GIF/);
    expect(byLine[6]).toMatch(/heel: heel does not apply to tshirt/);
    expect(byLine[7]).toMatch(/is new, so it needs an image/);
    expect(byLine[8]).toMatch(/unknown field "colour"/);
    expect(job.errors.find((e) => e.line === 3)?.sku).toBe(sku("B3"));
    expect((await stored(["B1", "B3", "B4", "B5", "B6", "B7", "B8", "B9"].map(sku))).map((r) => r.sku)).toEqual([sku("B1"), sku("B9")]);
  });

  it("refuses a whole file that cannot be read, importing nothing", async () => {
    const { summary, job } = await run("sku,colour\nX,red\n", [], "bad.csv");
    expect(summary.status).toBe("failed");
    expect(job.status).toBe("failed");
    expect(job.errors[0].message).toMatch(/unknown column "colour"/);
  });

  it("a SKU repeated within a file fails on the repeat, naming the first line", async () => {
    const { summary, job } = await run(jsonl(product("D1"), product("D2"), product("D1", { title: "Second D1" })), await imagesFor(["D1", "D2"]));
    expect(summary).toMatchObject({ created: 2, failed: 1 });
    expect(job.errors).toEqual([{ line: 3, sku: sku("D1"), message: expect.stringMatching(/already appears on line 1/) }]);
    const rows = await stored([sku("D1")]);
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe("Test Tee D1");
  });

  it("re-running a file is idempotent: same products, same ids, updated not duplicated", async () => {
    const text = jsonl(product("E1"), product("E2"));
    const images = await imagesFor(["E1", "E2"]);
    await run(text, images);
    const before = await stored([sku("E1"), sku("E2")]);
    const { summary } = await run(text, images);
    expect(summary).toMatchObject({ created: 0, updated: 2, failed: 0 });
    const after = await stored([sku("E1"), sku("E2")]);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after.map((r) => r.images.length)).toEqual([2, 2]);
    expect(after.map((r) => r.images.map((i) => i.key).sort())).toEqual(before.map((r) => r.images.map((i) => i.key).sort()));
  });

  it("a later file updates existing SKUs (and keeps their image when the record names none)", async () => {
    await run(jsonl(product("F1")), await imagesFor(["F1"]));
    const { summary } = await run(jsonl(product("F1", { title: "Renamed Tee", image: undefined, priceCents: 3500 })), []);
    expect(summary).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const [row] = await stored([sku("F1")]);
    expect(row).toMatchObject({ title: "Renamed Tee", priceCents: 3500 });
    expect(row.images).toHaveLength(2);
  });

  it("when the image store fails on the Nth product, that product is not written and a re-run completes", async () => {
    const names = ["G1", "G2", "G3", "G4"];
    const text = jsonl(...names.map((n) => product(n)));
    const images = await imagesFor(names);
    faults.failSaveOnCall = 5; // two files per product: the 3rd product's master
    const { summary, job } = await run(text, images);
    expect(summary).toMatchObject({ created: 3, failed: 1 });
    expect(job.errors).toEqual([{ line: 3, sku: sku("G3"), message: expect.stringMatching(/disk full/) }]);
    expect((await stored(names.map(sku))).map((r) => r.sku)).toEqual([sku("G1"), sku("G2"), sku("G4")]);

    const rerun = await run(text, images);
    expect(rerun.summary).toMatchObject({ created: 1, updated: 3, failed: 0 });
    const rows = await stored(names.map(sku));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.images).toHaveLength(2);
  });

  it("a failure inside the write transaction rolls the whole product back (row and images)", async () => {
    const names = ["H1", "H2", "H3"];
    faults.brokenRowsOnRender = 2; // H2's image rows break the unique (product, kind) constraint after its row insert
    const { summary, job } = await run(jsonl(...names.map((n) => product(n))), await imagesFor(names));
    expect(summary).toMatchObject({ created: 2, failed: 1 });
    expect(job.errors[0]).toMatchObject({ line: 2, sku: sku("H2") });
    expect((await stored(names.map(sku))).map((r) => r.sku)).toEqual([sku("H1"), sku("H3")]);
    expect(await (await db()).productImage.count({ where: { product: { sku: sku("H2") } } })).toBe(0);
  });
});
