import "server-only";
// What /api/health reports: the database in use and reachable, the catalogue size, the models served.
import { databaseKind, db } from "./db";
import { registeredModel } from "./ml/registry";
import { TAGGER_MODEL } from "./import/tagger";
import { TRYON_MODEL } from "./tryon/network-io";

export interface Health {
  ok: boolean;
  db: string;
  catalogueSize: number;
  models: Record<string, string>;
}

export async function healthReport(): Promise<Health> {
  try {
    const client = await db();
    // Try-on and the import's tagger register on first use like the others, but health should name them as soon as
    // their cards have landed.
    await Promise.all([TRYON_MODEL, TAGGER_MODEL].map((name) => registeredModel(name).catch(() => null)));
    const [catalogueSize, versions] = await Promise.all([
      client.product.count(),
      client.modelVersion.findMany({ where: { active: true }, select: { name: true, version: true }, orderBy: { createdAt: "asc" } }),
    ]);
    return { ok: true, db: databaseKind(), catalogueSize, models: Object.fromEntries(versions.map((v) => [v.name, v.version])) };
  } catch {
    return { ok: false, db: databaseKind(), catalogueSize: 0, models: {} };
  }
}
