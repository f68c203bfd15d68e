// Environment for the admin integration tests: the test database (`npm test` sets DATABASE_URL to a migrated
// file; run alone, these tests use data/test-admin.db and migrate it once) and a private image folder per file.
// Import this module before any lib/ module, so env() sees these values on its first read.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

if (!process.env.DATABASE_URL) {
  process.env.DATABASE_URL = "file:./data/test-admin.db";
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], { stdio: "pipe", encoding: "utf8", env: process.env });
  if (result.status !== 0) throw new Error(`migrating ${process.env.DATABASE_URL} failed:\n${result.stdout}\n${result.stderr}`);
}
process.env.IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "atelier-admin-images-"));
process.env.LOG_LEVEL ??= "silent";

/** A SKU prefix no other test run uses, so parallel test files and repeated runs never collide. */
export function uniquePrefix(tag: string): string {
  return `T-${tag}-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
}
