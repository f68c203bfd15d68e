// The import process killed half-way (SIGKILL, no chance to clean up): every product it left is whole, none is
// half-written, and running the same file again finishes the job without duplicates.
import { uniquePrefix } from "./test-env";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { FolderImages } from "@/lib/import/image-source";
import { createImportJob, failInterruptedJobs, getJob } from "@/lib/import/jobs";
import { runImport } from "@/lib/import/run";

const prefix = uniquePrefix("CRASH");
const COUNT = 30;

afterAll(async () => {
  await (await db()).product.deleteMany({ where: { sku: { startsWith: prefix } } });
});

/** Large-ish noisy images so each product takes long enough to kill the process in the middle. */
async function writeFixture(): Promise<{ file: string; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "atelier-crash-"));
  const lines: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const noise = Buffer.alloc(1200 * 1200 * 3);
    for (let j = 0; j < noise.length; j += 97) noise[j] = (i * 31 + j) % 256;
    await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } }).png({ compressionLevel: 1 }).toFile(path.join(dir, `p${i}.png`));
    lines.push(JSON.stringify({ sku: `${prefix}-${i}`, title: `Crash Tee ${i}`, brand: "Maison Test", priceCents: 1000 + i, category: "tshirt", color: "black", pattern: "solid", image: `p${i}.png` }));
  }
  const file = path.join(dir, "products.jsonl");
  writeFileSync(file, lines.join("\n"));
  return { file, dir };
}

const countImported = async () => (await db()).product.count({ where: { sku: { startsWith: prefix } } });

describe("import killed half-way", () => {
  it("leaves only whole products, and a re-run completes without duplicates", async () => {
    const { file, dir } = await writeFixture();
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin/import.ts", "--file", file, "--images", dir, "--concurrency", "1"], {
      env: { ...process.env, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    // Kill it as soon as a few products are in: mid-stream, with no chance to finish or clean up.
    const deadline = Date.now() + 90_000;
    while ((await countImported()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;

    const left = await (await db()).product.findMany({ where: { sku: { startsWith: prefix } }, include: { images: true } });
    expect(left.length).toBeGreaterThanOrEqual(3);
    expect(left.length).toBeLessThan(COUNT);
    for (const product of left) expect(product.images.map((i) => i.kind).sort()).toEqual(["master", "thumb"]);

    // The killed job is still marked running; start-up housekeeping marks it failed with advice to re-run.
    expect(await failInterruptedJobs()).toBeGreaterThanOrEqual(1);

    const jobId = await createImportJob("products.jsonl (re-run)");
    const { readFile } = await import("node:fs/promises");
    const summary = await runImport(jobId, { fileName: file, text: await readFile(file, "utf8"), images: await FolderImages.open(dir) });
    expect(summary).toMatchObject({ status: "succeeded", failed: 0, created: COUNT - left.length, updated: left.length });
    expect(await countImported()).toBe(COUNT);
    const all = await (await db()).product.findMany({ where: { sku: { startsWith: prefix } }, include: { images: true } });
    for (const product of all) expect(product.images).toHaveLength(2);
    expect(left.every((p) => all.some((q) => q.id === p.id))).toBe(true);
    expect((await getJob(jobId))?.status).toBe("succeeded");
  });
});
