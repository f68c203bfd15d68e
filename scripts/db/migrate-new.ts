// `npm run db:migrate:new -- <name>`: writes the next migration for BOTH providers, so nobody hand-writes SQL.
// For each provider the wasm schema engine replays the existing migrations on a throw-away shadow database
// (SQLite: in memory; PostgreSQL: a temporary database on MIGRATE_POSTGRES_URL, default the local server) and
// diffs the result against prisma/schema.prisma. Both folder sets always get the same migration name.
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parseDatabaseUrl, redactDatabaseUrl, type DatabaseTarget } from "../../lib/db-url";
import { LAYOUTS, LOCKFILE_NAME, lockfileContent, NO_FILTERS, readMigrations, schemaFor, type Provider } from "./layout";
import { openSchemaEngine } from "./schema-engine";
import { writePostgresTwin } from "./twin";

const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test";
const EMPTY_MIGRATION = "-- This is an empty migration.";

/** What the migrations folder lacks compared with the schema, as SQL ("" when they agree). */
export async function pendingSchemaChange(provider: Provider, postgresUrl = postgresServerUrl()): Promise<string> {
  const layout = LAYOUTS[provider];
  const schema = schemaFor(provider);
  const target: DatabaseTarget = provider === "sqlite" ? { kind: "sqlite", url: "file::memory:", file: ":memory:" } : parseDatabaseUrl(postgresUrl);
  if (target.kind === "postgres") target.schema = "public"; // the shadow database is new: its default schema is the one to replay into
  const { engine, close, explain } = await openSchemaEngine(target, [[layout.schemaPath, schema]]);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrations(layout, { assumeLockfile: true }) },
      to: { tag: "schemaDatamodel", files: [{ path: layout.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const script = (result.stdout ?? "").trim();
    return script === EMPTY_MIGRATION ? "" : script;
  } catch (error) {
    throw new Error(`${provider}: ${explain(error)}`);
  } finally {
    await close();
  }
}

function postgresServerUrl(): string {
  const url = process.env.MIGRATE_POSTGRES_URL ?? (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : DEFAULT_POSTGRES_URL);
  return url;
}

/** Prisma's folder naming: UTC timestamp, then the name in snake case. */
export function migrationFolderName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 200);
  if (!slug) throw new Error("give the migration a name: npm run db:migrate:new -- add_outfit_notes");
  return `${stamp}_${slug}`;
}

export async function createMigration(name: string, options: { postgresUrl?: string; now?: Date } = {}): Promise<string | null> {
  if (writePostgresTwin()) console.log("updated prisma/postgres/schema.prisma from prisma/schema.prisma");
  const scripts = {} as Record<Provider, string>;
  for (const provider of ["sqlite", "postgresql"] as const) scripts[provider] = await pendingSchemaChange(provider, options.postgresUrl);
  if (!scripts.sqlite && !scripts.postgresql) return null;
  const folder = migrationFolderName(name, options.now);
  for (const provider of ["sqlite", "postgresql"] as const) {
    const { migrationsDir } = LAYOUTS[provider];
    mkdirSync(path.join(migrationsDir, folder), { recursive: true });
    writeFileSync(path.join(migrationsDir, folder, "migration.sql"), `${scripts[provider] || EMPTY_MIGRATION}\n`);
    const lock = path.join(migrationsDir, LOCKFILE_NAME);
    if (!existsSync(lock)) writeFileSync(lock, lockfileContent(provider));
  }
  return folder;
}

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true });
  const name = positionals.join("_");
  migrationFolderName(name); // validates the name before any work
  const postgresUrl = postgresServerUrl();
  console.log(`diffing migrations against prisma/schema.prisma (PostgreSQL shadow on ${redactDatabaseUrl(postgresUrl)})`);
  const folder = await createMigration(name, { postgresUrl });
  if (!folder) return console.log("no schema changes: the migrations already match prisma/schema.prisma");
  console.log(`wrote prisma/migrations/${folder}/migration.sql and prisma/postgres/migrations/${folder}/migration.sql`);
  console.log("review both, then apply with: npm run db:migrate");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(`db:migrate:new failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
