// `npm run db:migrate`: applies the pending migrations of DATABASE_URL's provider (prisma/migrations for SQLite,
// prisma/postgres/migrations for PostgreSQL) with Prisma's schema engine, which records them in
// `_prisma_migrations` exactly as `prisma migrate deploy` does. Idempotent. Refuses to run when an applied
// migration's file was edited since (its checksum changed) or an earlier run failed half-way.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseDatabaseUrl, redactDatabaseUrl, type DatabaseTarget } from "../../lib/db-url";
import { layoutFor, NO_FILTERS, readMigrations, schemaFor } from "./layout";
import type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { openSchemaEngine } from "./schema-engine";
import { prepareSqliteFile } from "./sqlite-file";

export interface MigrateResult {
  applied: string[];
  total: number;
}

export class MigrationRefused extends Error {}

export async function migrate(target: DatabaseTarget = parseDatabaseUrl()): Promise<MigrateResult> {
  const layout = layoutFor(target);
  const migrations = readMigrations(layout);
  if (migrations.migrationDirectories.length === 0) throw new Error(`no migrations in ${path.relative(process.cwd(), layout.migrationsDir)}`);
  if (target.kind === "sqlite" && target.file !== ":memory:") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    prepareSqliteFile(target.file);
  }
  const { engine, close, explain } = await openSchemaEngine(target, [[layout.schemaPath, schemaFor(layout.provider)]]);
  try {
    const diagnosis = await diagnose(engine, migrations);
    if (diagnosis.editedMigrationNames.length > 0) {
      throw new MigrationRefused(
        `applied migration(s) were edited afterwards (checksum changed): ${diagnosis.editedMigrationNames.join(", ")}. ` +
          "Restore the original files, and put further changes in a new migration (npm run db:migrate:new -- <name>).",
      );
    }
    if (diagnosis.failedMigrationNames.length > 0) {
      throw new MigrationRefused(
        `migration(s) failed earlier and are marked failed in _prisma_migrations: ${diagnosis.failedMigrationNames.join(", ")}. ` +
          "Fix the database by hand, then delete their rows from _prisma_migrations (or reset a development database).",
      );
    }
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
    return { applied: appliedMigrationNames, total: migrations.migrationDirectories.length };
  } catch (error) {
    if (error instanceof MigrationRefused) throw error;
    throw new Error(explain(error));
  } finally {
    await close();
  }
}

/** Edited and failed migrations; a database without a migrations table has neither. */
async function diagnose(engine: SchemaEngine, migrationsList: MigrationList): Promise<Pick<DiagnoseMigrationHistoryOutput, "editedMigrationNames" | "failedMigrationNames">> {
  try {
    return await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS });
  } catch (error) {
    // The wasm engine reports a missing table as an error where the native one answers hasMigrationsTable: false.
    if (/_prisma_migrations` does not exist/.test(String((error as Error)?.message))) return { editedMigrationNames: [], failedMigrationNames: [] };
    throw error;
  }
}

async function main() {
  const target = parseDatabaseUrl();
  const started = Date.now();
  const { applied, total } = await migrate(target);
  const where = redactDatabaseUrl(target.url) + (target.kind === "postgres" ? ` (schema "${target.schema}")` : "");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (applied.length === 0) console.log(`database is up to date: ${total} migration(s) already applied to ${where}`);
  else console.log(`applied ${applied.length} migration(s) to ${where} in ${seconds} s:\n${applied.map((n) => `  ${n}`).join("\n")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
