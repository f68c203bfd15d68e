import "server-only";
// What /api/health reports: the database in use and reachable, the catalogue size, the models served.
import { databaseKind, db } from "./db";

export interface Health {
  ok: boolean;
  db: string;
  catalogueSize: number;
  models: Record<string, string>;
}

export async function healthReport(): Promise<Health> {
  try {
    const client = await db();
    const [catalogueSize, versions] = await Promise.all([
      client.product.count(),
      client.modelVersion.findMany({ where: { active: true }, select: { name: true, version: true }, orderBy: { createdAt: "asc" } }),
    ]);
    return { ok: true, db: databaseKind(), catalogueSize, models: Object.fromEntries(versions.map((v) => [v.name, v.version])) };
  } catch {
    return { ok: false, db: databaseKind(), catalogueSize: 0, models: {} };
  }
}
