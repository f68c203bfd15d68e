// Keeps the committed PostgreSQL twin (prisma/postgres/schema.prisma) equal to what the source schema derives.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LAYOUTS, schemaFor } from "./layout";

/** Writes the twin when it differs from the derivation; returns whether it changed. */
export function writePostgresTwin(): boolean {
  const file = LAYOUTS.postgresql.schemaPath;
  const wanted = schemaFor("postgresql");
  if (existsSync(file) && readFileSync(file, "utf8") === wanted) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, wanted);
  return true;
}
