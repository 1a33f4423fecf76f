import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase, type DB } from "../db/client";
import { seed, seedReferenceData } from "../db/seed/index";
import { findDemoAccounts } from "../db/seed/demo-accounts";
import { seedIdentity } from "../db/seed/identity";
import { DEV_STAFF_PASSWORD } from "../db/seed/content/staff";
import { hashPasswordSync } from "./auth/password-hash.server";
import { seedDemoSsoProvider } from "./auth/staff-sso/providers.server";
import { seedDemoSamlProvider } from "./auth/staff-sso/test-saml.server";
import { env } from "./env.server";
import { encrypt, hmacIndex } from "./platform/crypto.server";

let instance: DB | undefined;

/** The one database connection of this process (better-sqlite3 is synchronous). */
export function db(): DB {
  instance ??= openDatabase(env().DATABASE_PATH);
  return instance;
}

/**
 * Migrate (on open) and seed; called once before the server starts listening. Production
 * writes only reference data and refuses a database with demo accounts (docs/decisions/041);
 * demo and test add the example data.
 */
export function prepareDatabase() {
  if (env().PORTAL_ENV === "production") {
    assertProductionDatabase(db());
    seedReferenceData(db());
    return;
  }
  seed(db());
  seedIdentity(db(), {
    hmacIndex,
    encrypt,
    hashPassword: hashPasswordSync,
    password: DEV_STAFF_PASSWORD,
    examples: true,
  });
  // The demo's OIDC sign-on provider points at the local Test-SSO of this run's PUBLIC_URL (decision 064).
  seedDemoSsoProvider();
  // The demo's SAML sign-on provider trusts the local Test-SAML (decision 073).
  seedDemoSamlProvider();
}

/** Throws, naming what it found, when the database holds accounts whose secrets are published. */
export function assertProductionDatabase(database: DB) {
  const found = findDemoAccounts(database);
  if (found.length === 0) return;
  throw new Error(
    `Refusing to start with PORTAL_ENV=production: the database ${env().DATABASE_PATH} was seeded in demo mode and holds\n` +
      found.map((f) => `  ${f}`).join("\n") +
      "\n  Start production on a new database (or remove these accounts first).",
  );
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

/**
 * For /readyz: the database answers and has as many applied migrations as db/migrations holds
 * (drizzle's journal), so an instance whose migration failed half-way is not put in rotation.
 */
export function databaseReady(): { ok: boolean; database: boolean; migrations: { applied: number; expected: number } } {
  let expected = -1;
  try {
    const journal = JSON.parse(readFileSync(resolve("db/migrations/meta/_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    expected = journal.entries.length;
  } catch {
    expected = -1;
  }
  try {
    const row = db().$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    return { ok: expected >= 0 && row.n >= expected, database: true, migrations: { applied: row.n, expected } };
  } catch {
    return { ok: false, database: false, migrations: { applied: 0, expected } };
  }
}
