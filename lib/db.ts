import "server-only";
// The app's one database client. DATABASE_URL picks the database: a SQLite file through better-sqlite3 (the
// embedded default, no server process) or PostgreSQL (`postgres://` / `postgresql://`, `?schema=` honoured).
// Both generated clients share one model API, so callers see the SQLite client's type either way.
//
//   import { db } from "@/lib/db";
//   const product = await (await db()).product.findUnique({ where: { sku } });
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { PrismaClient } from "./generated/prisma-sqlite/client";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, SQLITE_BUSY_TIMEOUT_MS, type PostgresTarget, type SqliteTarget } from "./db-url";

export type Db = PrismaClient;

interface CachedClient {
  url: string;
  client: Promise<Db>;
}

// On globalThis so that Next's dev hot reload, which re-evaluates this module, reuses the client instead of
// leaking one connection (or pool) per edit; the promise is cached so concurrent first calls share one client.
const holder = globalThis as typeof globalThis & { __atelierDb?: CachedClient };

function currentUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The shared client for DATABASE_URL (a changed URL, as in tests, gets a fresh client). */
export function db(): Promise<Db> {
  const url = currentUrl();
  const cached = holder.__atelierDb;
  if (cached?.url === url) return cached.client;
  if (cached) void cached.client.then((old) => old.$disconnect()).catch(() => undefined);
  const client = createClient(url);
  holder.__atelierDb = { url, client };
  // A failed start (file not writable, server down) is not cached: the next call tries again.
  client.catch(() => {
    if (holder.__atelierDb?.client === client) holder.__atelierDb = undefined;
  });
  return client;
}

export function databaseKind(): "sqlite" | "postgres" {
  return parseDatabaseUrl(currentUrl()).kind;
}

/** Closes the shared client (scripts and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const cached = holder.__atelierDb;
  holder.__atelierDb = undefined;
  if (cached) await (await cached.client.catch(() => undefined))?.$disconnect();
}

async function createClient(url: string): Promise<Db> {
  const target = parseDatabaseUrl(url);
  return target.kind === "sqlite" ? sqliteClient(target) : postgresClient(target);
}

async function sqliteClient(target: SqliteTarget): Promise<Db> {
  const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
    import("./generated/prisma-sqlite/client"),
    import("@prisma/adapter-better-sqlite3"),
  ]);
  if (target.file !== ":memory:") mkdirSync(path.dirname(target.file), { recursive: true });
  // `timeout` is SQLite's busy timeout: a connection waits this long for another process's write lock.
  const adapter = withSqliteSettings(new PrismaBetterSqlite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS }));
  return new PrismaClient({ adapter });
}

/**
 * Per-connection SQLite settings for many processes sharing one file (Next starts several): WAL so readers never
 * block the writer, NORMAL sync (safe with WAL), foreign keys for cascades, and write transactions that take the
 * write lock up front. The adapter opens transactions with a plain (deferred) BEGIN; a deferred transaction that
 * reads first and then writes fails at once with SQLITE_BUSY when another process wrote meanwhile, whatever the
 * busy timeout, whereas BEGIN IMMEDIATE waits its turn.
 */
function withSqliteSettings(inner: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const tune = (adapter: SqlDriverAdapter) => {
    const database = (adapter as unknown as { client: import("better-sqlite3").Database }).client;
    try {
      database.pragma("journal_mode = WAL"); // a no-op once `db:migrate` has set it on the file
    } catch {
      // Another process holds the file in rollback-journal mode right now; keep working in that mode.
    }
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    const prepare = database.prepare.bind(database);
    database.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof database.prepare;
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => tune(await inner.connect()),
    connectToShadowDb: async () => tune(await inner.connectToShadowDb()),
  };
}

async function postgresClient(target: PostgresTarget): Promise<Db> {
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import("./generated/prisma-postgres/client"),
    import("@prisma/adapter-pg"),
  ]);
  // The client qualifies its tables with `schema`; search_path does the same for hand-written $queryRaw.
  const schemaPath = `-c search_path="${target.schema.replace(/"/g, '""')}"`;
  const adapter = new PrismaPg({ ...target.pool, options: schemaPath }, { schema: target.schema });
  // Same models, same API: the two generated clients differ only in provider-specific filter options.
  return new PrismaClient({ adapter }) as unknown as Db;
}
