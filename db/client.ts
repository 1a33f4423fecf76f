import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema/index";
import { swedishDate } from "../app/services/permit-clock";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Lower case without combining marks (å → a, ö → o, é → e); linear in the input. */
export function foldText(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Opens the SQLite file with the pragmas the portal relies on (docs/decisions/002):
 * WAL for concurrent readers, foreign keys enforced, a busy timeout instead of
 * immediate SQLITE_BUSY, and synchronous=FULL so that an acknowledged receipt survives
 * a power cut, not only a crash.
 */
export function openDatabase(path: string, options: { migrationsFolder?: string } = {}): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  // Case- and diacritic-insensitive comparison for officer search (docs/decisions/078):
  // fold('Åsa Östlund') = 'asa ostlund'. Deterministic, so SQLite may use it in indexes.
  sqlite.function("fold", { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? foldText(value) : null,
  );
  // The Swedish day of an instant, exactly as the code computes it (swedishDate): the officer
  // queue orders and filters by a case's due day in SQL (docs/decisions/132). Null stays null.
  sqlite.function("swedish_date", { deterministic: true }, (value: unknown) =>
    typeof value === "string" && value !== "" ? swedishDate(value) : null,
  );
  const db = drizzle(sqlite, { schema }) as DB;
  // Every transaction begins IMMEDIATE, taking the write lock at BEGIN (docs/decisions/173): a
  // DEFERRED one that reads before it writes fails at once with SQLITE_BUSY when another
  // connection (a second instance, an operator's script) commits in between; the busy timeout
  // cannot help a snapshot that is already stale. A caller may still ask for another behaviour.
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as DB["transaction"];
  migrate(db, { migrationsFolder: options.migrationsFolder ?? resolve("db/migrations") });
  return db;
}
