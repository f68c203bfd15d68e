import "server-only";
// Seeds the generated default catalogue: draws each product's flat, stores its renditions, and writes
// products in chunks, each chunk one transaction. Idempotent by SKU, so an interrupted seed resumes
// where it stopped and a finished one is a no-op.
import pLimit from "p-limit";
import { db } from "../db";
import { productRenditions, saveImage, type Rendition } from "../images/store";
import { generateCatalogue, type GeneratedProduct } from "./generator";
import { renderProductPng } from "./render";
import { productRowFields } from "./rows";
import { productInputSchema } from "./schema";

export interface SeedOptions {
  count: number;
  seed: number;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult { total: number; created: number; skipped: number; seconds: number }

export async function seedCatalogue({ count, seed, chunkSize = 100, onProgress }: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const client = await db();
  const products = generateCatalogue({ count, seed });
  const existing = new Set((await client.product.findMany({ select: { sku: true } })).map((p) => p.sku));
  const todo = products.filter((p) => !existing.has(p.sku));
  const limit = pLimit(2);
  let done = products.length - todo.length;
  onProgress?.(done, products.length);
  for (let i = 0; i < todo.length; i += chunkSize) {
    const chunk = todo.slice(i, i + chunkSize);
    const rendered = await Promise.all(chunk.map((p) => limit(() => renderAndStore(p))));
    const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 1000);
    await client.$transaction([
      client.product.createMany({
        data: chunk.map((p, j) => ({ id: p.id, ...productRowFields(inputOf(p)), source: "generated", createdAt: new Date(createdAt.getTime() + j) })),
      }),
      client.productImage.createMany({
        data: chunk.flatMap((p, j) => rendered[j].map((r) => ({ productId: p.id, kind: r.kind, key: r.key, width: r.width, height: r.height, bytes: r.bytes, mime: r.mime }))),
      }),
    ]);
    done += chunk.length;
    onProgress?.(done, products.length);
  }
  return { total: products.length, created: todo.length, skipped: products.length - todo.length, seconds: (Date.now() - started) / 1000 };
}

async function renderAndStore(product: GeneratedProduct): Promise<Rendition[]> {
  const renditions = await productRenditions(await renderProductPng(product, 512));
  await Promise.all(renditions.map((r) => saveImage(r.key, r.data)));
  return renditions;
}

function inputOf(p: GeneratedProduct) {
  return productInputSchema.parse({
    sku: p.sku, title: p.title, brand: p.brand, priceCents: p.priceCents, currency: p.currency, category: p.category,
    color: p.color, pattern: p.pattern, attributes: p.attributes, description: p.description, inStock: p.inStock,
  });
}
