// Test databases and route calls shared by the integration suites: the embedded SQLite default (a temp file) and
// PostgreSQL (127.0.0.1:5432, database `test`, a private schema per run that is dropped afterwards), each migrated
// with the project's own command and seeded with a small generated catalogue.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import pg from "pg";

export interface TestDatabase {
  name: string;
  url: string;
  kind: "sqlite" | "postgres";
}

/** Both databases for a suite; `tag` keeps the PostgreSQL schema and the temp folder recognisable. */
export function testDatabases(tag: string): TestDatabase[] {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return [
    { name: "SQLite (embedded default)", url: `file:${path.join(mkdtempSync(path.join(tmpdir(), `atelier-${tag}-db-`)), `${tag}.db`)}`, kind: "sqlite" },
    { name: "PostgreSQL", url: process.env.TEST_POSTGRES_URL ?? `postgresql://postgres@127.0.0.1:5432/test?schema=${tag}_${run}`, kind: "postgres" },
  ];
}

/** Migrates the database and seeds `count` generated products; returns how many the seed created. */
export async function prepareDatabase(url: string, count: number, seed: number): Promise<number> {
  process.env.DATABASE_URL = url;
  const { migrate } = await import("@/scripts/db/migrate");
  const { parseDatabaseUrl } = await import("@/lib/db-url");
  await migrate(parseDatabaseUrl(url));
  const { seedCatalogue } = await import("@/lib/catalogue/seed");
  return (await seedCatalogue({ count, seed })).created;
}

/** Closes the shared client and, for PostgreSQL, drops the run's schema. */
export async function releaseDatabase(database: TestDatabase): Promise<void> {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  if (database.kind !== "postgres") return;
  const schema = new URL(database.url).searchParams.get("schema");
  if (!schema || schema === "public") return;
  const client = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database: "test" });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  await client.end();
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Route = { GET?: Handler; POST?: Handler };

export interface RouteAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: Record<string, any>;
}

/** Calls a route handler's GET as Next would. */
export async function getRoute(route: Route, url: string, params: Record<string, string> = {}): Promise<RouteAnswer> {
  const response = await route.GET!(new NextRequest(new URL(url, "http://atelier.test")), { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json() };
}

/** Calls a route handler's POST with a JSON body (or `raw` text, for malformed-body cases). */
export async function postRoute(route: Route, url: string, body: unknown, raw?: string): Promise<RouteAnswer> {
  const request = new NextRequest(new URL(url, "http://atelier.test"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ?? JSON.stringify(body),
  });
  const response = await route.POST!(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}
