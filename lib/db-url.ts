// Reads DATABASE_URL into the settings of one of the two supported databases. Shared by lib/db.ts (the app's
// client) and scripts/db (migrations), so both always open the same database the same way. No "server-only"
// marker here: the migration scripts import this outside Next.js.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/atelier.db";

/** How long a SQLite connection waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

export interface SqliteTarget {
  kind: "sqlite";
  url: string;
  /** Absolute path of the database file (relative URLs resolve against the working directory), or ":memory:". */
  file: string;
}

export interface PostgresTarget {
  kind: "postgres";
  url: string;
  /** The PostgreSQL schema (namespace) holding the tables: `?schema=` of the URL, "public" by default. */
  schema: string;
  /**
   * node-postgres settings as discrete fields, never as a connection string: pg lets a connection string override
   * `database`, which would point Prisma's temporary shadow database back at the real one.
   */
  pool: {
    host: string;
    port: number;
    user?: string;
    password?: string;
    database: string;
    max?: number;
    ssl?: boolean | { rejectUnauthorized: boolean };
    application_name?: string;
  };
}

export type DatabaseTarget = SqliteTarget | PostgresTarget;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Parses a DATABASE_URL (default: the embedded SQLite file). Throws on a URL of an unsupported kind. */
export function parseDatabaseUrl(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (isPostgresUrl(url)) return parsePostgresUrl(url);
  if (url.startsWith("file:")) {
    const location = url.slice("file:".length).split("?")[0];
    if (!location) throw new Error("DATABASE_URL file: needs a path, e.g. file:./data/atelier.db");
    return { kind: "sqlite", url, file: location === ":memory:" ? location : path.resolve(location) };
  }
  throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.split(":")[0]}:...")`);
}

function parsePostgresUrl(url: string): PostgresTarget {
  const parsed = new URL(url);
  const params = parsed.searchParams;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  const sslmode = params.get("sslmode");
  const limit = Number(params.get("connection_limit") ?? "");
  return {
    kind: "postgres",
    url,
    schema: params.get("schema") || "public",
    pool: {
      // `?host=/var/run/postgresql` selects a Unix socket, as libpq allows.
      host: params.get("host") || decodeURIComponent(parsed.hostname) || "localhost",
      port: Number(parsed.port || 5432),
      user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      database,
      max: Number.isInteger(limit) && limit > 0 ? limit : undefined,
      ssl: sslmode === "require" || sslmode === "no-verify" ? { rejectUnauthorized: false } : sslmode === "verify-full" ? true : undefined,
      application_name: params.get("application_name") ?? undefined,
    },
  };
}

/** The URL with any password replaced, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@]+@/, "//$1:***@");
}
