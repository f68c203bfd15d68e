// Puts a SQLite database file in write-ahead-log mode before anything else opens it. WAL is a property of the
// file (it persists), and switching needs a moment with no other connection, which migration time provides;
// lib/db.ts asks for it again on every connection in case the file was made some other way.
import Database from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS } from "../../lib/db-url";

export function prepareSqliteFile(file: string): void {
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
