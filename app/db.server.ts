import { openDatabase, type DB } from "../db/client";
import { seed } from "../db/seed/index";
import { seedIdentity } from "../db/seed/identity";
import { DEV_STAFF_PASSWORD } from "../db/seed/content/staff";
import { hashPasswordSync } from "./auth/password-hash.server";
import { env } from "./env.server";
import { encrypt, hmacIndex } from "./services/crypto.server";

let instance: DB | undefined;

/** The one database connection of this process (better-sqlite3 is synchronous). */
export function db(): DB {
  instance ??= openDatabase(env().DATABASE_PATH);
  return instance;
}

/** Migrate (on open) and seed; called once before the server starts listening. */
export function prepareDatabase() {
  seed(db());
  seedIdentity(db(), {
    hmacIndex,
    encrypt,
    hashPassword: hashPasswordSync,
    password: DEV_STAFF_PASSWORD,
    examples: env().PORTAL_ENV !== "production",
  });
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
