import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
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
 * How long start-up waits for another process's migration or seed on the same file (decision 174):
 * a migration of a large table or a demo seed can hold the write lock for longer than a request's
 * 5 s would wait.
 */
export const STARTUP_BUSY_TIMEOUT_MS = 120_000;

/** Runs `run` with the connection's busy timeout at `ms`, and puts the previous one back. */
export function withBusyTimeout<T>(sqlite: Database.Database, ms: number, run: () => T): T {
  const previous = Number(sqlite.pragma("busy_timeout", { simple: true }));
  sqlite.pragma(`busy_timeout = ${Math.trunc(ms)}`);
  try {
    return run();
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
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
  withBusyTimeout(sqlite, STARTUP_BUSY_TIMEOUT_MS, () =>
    migrate(sqlite, options.migrationsFolder ?? resolve("db/migrations")),
  );
  return db;
}

/**
 * drizzle's migrator (the same `__drizzle_migrations` table, files and order), in one IMMEDIATE
 * transaction that reads which migrations have run only once it holds the write lock. drizzle's
 * own reads that outside its `BEGIN`: two processes starting on one file (decision 053) both
 * found the same migrations missing, and the second failed its start with "table already exists"
 * once the first had applied them (decision 174). Now the second waits, then finds none missing.
 */
function migrate(sqlite: Database.Database, migrationsFolder: string): void {
  const migrations = readMigrationFiles({ migrationsFolder });
  sqlite
    .transaction(() => {
      sqlite.exec(
        `CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
      );
      const last = sqlite
        .prepare(`SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1`)
        .get() as { created_at: number | string } | undefined;
      const record = sqlite.prepare(`INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)`);
      for (const migration of migrations) {
        if (last !== undefined && Number(last.created_at) >= migration.folderMillis) continue;
        for (const statement of migration.sql) sqlite.exec(statement);
        record.run(migration.hash, migration.folderMillis);
      }
    })
    .immediate();
}
