// Prepares a benchmark database holding `count` generated products (rows and image rows; image files are not
// drawn, since the paths measured read rows only). Reused across runs when already complete.
import { spawnSync } from "node:child_process";
import { generateCatalogue } from "../../lib/catalogue/generator";
import { productRowFields } from "../../lib/catalogue/rows";
import { productInputSchema } from "../../lib/catalogue/schema";
import { keyOf } from "../../lib/images/store";

export async function ensureBenchCatalogue(databaseUrl: string, count: number): Promise<void> {
  process.env.DATABASE_URL = databaseUrl;
  const migrate = spawnSync("npm", ["run", "--silent", "db:migrate"], { stdio: "inherit", env: process.env });
  if (migrate.status !== 0) throw new Error("migration failed");
  const { db } = await import("../../lib/db");
  const client = await db();
  const existing = await client.product.count();
  if (existing >= count) return console.log(`bench catalogue: ${existing} products already in ${databaseUrl}`);
  const started = Date.now();
  const products = generateCatalogue({ count, seed: 1 }).slice(existing);
  for (let i = 0; i < products.length; i += 1000) {
    const chunk = products.slice(i, i + 1000);
    await client.$transaction([
      client.product.createMany({
        data: chunk.map((p, j) => ({
          id: p.id,
          ...productRowFields(productInputSchema.parse({ ...p })),
          createdAt: new Date(Date.UTC(2026, 0, 1) + (existing + i + j) * 1000),
        })),
      }),
      client.productImage.createMany({
        data: chunk.flatMap((p) => (["master", "thumb"] as const).map((kind) => ({
          productId: p.id, kind, key: keyOf(Buffer.from(`${p.id}:${kind}`), "webp"), width: kind === "master" ? 512 : 256,
          height: kind === "master" ? 512 : 256, bytes: 0, mime: "image/webp",
        }))),
      }),
    ]);
    if ((i / 1000) % 10 === 0) console.log(`bench catalogue: ${existing + i + chunk.length}/${count}`);
  }
  console.log(`bench catalogue: ${count} products written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
