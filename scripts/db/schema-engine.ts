// Prisma's own schema engine (the Rust code behind `prisma migrate`), compiled to WebAssembly and driven through
// a driver adapter, because the native migrate binary cannot be downloaded here. Loading the .wasm by hand, rather
// than through the package's `import "./schema_engine_bg.wasm"` entry, avoids Node 20's --experimental-wasm-modules
// flag, so tsx and vitest can run it as they are.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { SQLITE_BUSY_TIMEOUT_MS, type DatabaseTarget, type PostgresTarget } from "../../lib/db-url";

type Bindings = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bindingsPromise: Promise<Bindings> | undefined;

/** Instantiates the engine's WebAssembly module once per process. */
function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as Bindings;
    const bytes = readFileSync(gluePath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    // The engine reports Rust panics through this registry; without it a panic is a bare "unreachable".
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(`schema engine panic: ${message}`) };
    return glue;
  })();
  return bindingsPromise;
}

export async function schemaEngineVersion(): Promise<string> {
  return (await loadBindings()).version();
}

/**
 * node-postgres client whose results report PostgreSQL's internal one-byte `"char"` type (OID 18, used by the
 * catalogue columns the engine reads, such as pg_constraint.contype) as text: @prisma/adapter-pg 7.10 has no
 * mapping for it and the engine would fail with "Column type 'char' could not be deserialized".
 */
class CatalogueSafeClient extends pg.Client {
  // pg's query() has many overloads; forward them untouched and only rewrite the field types of results.
  query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, error ? result : textifyCharFields(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    return (returned instanceof Promise ? returned.then(textifyCharFields) : returned) as never;
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function textifyCharFields<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

/** The adapter factory the engine migrates through (the shadow database, where used, comes from the same factory). */
export function migrationAdapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") return new PostgresMigrationFactory(target);
  const inner = new PrismaBetterSqlite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => acceptScripts(await inner.connect()),
    connectToShadowDb: async () => acceptScripts(await inner.connectToShadowDb()),
  };
}

/**
 * When it replays migrations on the SQLite shadow database, the engine sends each whole migration file as one raw
 * command; better-sqlite3 prepares one statement at a time and refuses ("contains more than one statement").
 * Such parameterless scripts go to executeScript (SQLite's exec), as they would with the native engine.
 */
function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  const isScript = (error: unknown, args: unknown[]) => args.length === 0 && error instanceof RangeError && /more than one statement/.test(error.message);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!isScript(error, query.args)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (!isScript(error, query.args)) throw error;
      await adapter.executeScript(query.sql);
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return adapter;
}

/**
 * PrismaPg for the engine, with two repairs: every pool uses CatalogueSafeClient, and the temporary shadow
 * database is dropped only after its pool has ended (adapter-pg 7.10 drops it first, which PostgreSQL refuses
 * while the shadow connection is open, leaving a stray database behind).
 */
class PostgresMigrationFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";

  constructor(private readonly target: PostgresTarget) {}

  connect(): Promise<SqlDriverAdapter> {
    // One connection: the engine works sequentially, and one session keeps its search_path and locks together.
    const pool = new pg.Pool({ ...this.target.pool, max: 1, Client: CatalogueSafeClient, options: searchPathOption(this.target.schema) });
    return new PrismaPg(pool, { schema: this.target.schema, disposeExternalPool: true }).connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE "${database}"`);
    const pool = new pg.Pool({ ...this.target.pool, database, max: 1, Client: CatalogueSafeClient });
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.admin(`DROP DATABASE IF EXISTS "${database}"`);
    };
    return adapter;
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ ...this.target.pool });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

export function searchPathOption(schema: string): string {
  return `-c search_path="${schema.replace(/"/g, '""')}"`;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** A readable message for an engine error, with driver errors ("External error id#N") spelled out. */
  explain(error: unknown): string;
  close(): Promise<void>;
}

/** Starts the engine on a database; `schemaFiles` (path, content) are what it reads namespaces and settings from. */
export async function openSchemaEngine(target: DatabaseTarget, schemaFiles: [string, string][]): Promise<OpenEngine> {
  const { SchemaEngine } = await loadBindings();
  const inner = migrationAdapterFactory(target);
  // Freeing the engine does not close the connections it opened; remember them so close() can.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => remember(opened, await inner.connect()),
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracked);
  const engine = await SchemaEngine.new({ datamodels: schemaFiles.length > 0 ? schemaFiles : undefined }, engineLog, bound);
  return {
    engine,
    explain: (error) => engineErrorMessage(error, (id) => bound.errorRegistry.consumeError(id)?.error),
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

function remember(list: SqlDriverAdapter[], adapter: SqlDriverAdapter): SqlDriverAdapter {
  list.push(adapter);
  return adapter;
}

function engineLog(line: string): void {
  if (process.env.DB_ENGINE_DEBUG) console.error(`[schema-engine] ${line}`);
}

/** The engine's errors carry a Rust span trace after the message, and refer to driver errors by id. */
export function engineErrorMessage(error: unknown, lookup: (id: number) => unknown = () => undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split("\n   0: ")[0]
    .replace(/External error id#(\d+)/g, (whole, id: string) => {
      const cause = lookup(Number(id)) as { message?: string; cause?: unknown } | undefined;
      if (!cause) return whole;
      const detail = cause.cause ? ` (${JSON.stringify(cause.cause)})` : "";
      return `${cause.message ?? String(cause)}${detail}`;
    })
    .trim();
}
