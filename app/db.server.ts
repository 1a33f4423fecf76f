import { openDatabase, type DB } from "../db/client";
import { seed } from "../db/seed/index";
import { env } from "./env.server";

let instance: DB | undefined;

/** The one database connection of this process (better-sqlite3 is synchronous). */
export function db(): DB {
  instance ??= openDatabase(env().DATABASE_PATH);
  return instance;
}

/** Migrate (on open) and seed; called once before the server starts listening. */
export function prepareDatabase() {
  seed(db());
}

export function closeDatabase() {
  if (!instance) return;
  instance.$client.pragma("wal_checkpoint(TRUNCATE)");
  instance.$client.close();
  instance = undefined;
}

export function databaseAnswers(): boolean {
  try {
    return db().$client.prepare("select 1 as ok").get() !== undefined;
  } catch {
    return false;
  }
}
