import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { seedState } from "../db/schema/index";
import { openDatabase, STARTUP_BUSY_TIMEOUT_MS, withBusyTimeout, type DB } from "../db/client";
import { seed, seedReferenceData } from "../db/seed/index";
import { findDemoAccounts } from "../db/seed/demo-accounts";
import { seedIdentity } from "../db/seed/identity";
import { DEV_STAFF_PASSWORD } from "../db/seed/content/staff";
import { hashPasswordSync } from "./auth/password-hash.server";
import { stopCheckpointer } from "./db-checkpoint.server";
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
 * What the seed depends on besides the database (docs/decisions/088): the code and data it runs
 * (the server build file this module is bundled in), the mode, the migrations and the day in
 * Sweden (example review-by dates are relative to it). A few milliseconds of hashing.
 */
export function seedFingerprint(codeFile = fileURLToPath(import.meta.url)): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(codeFile));
  hash.update(`\0${env().PORTAL_ENV}\0${readFileSync(resolve("db/migrations/meta/_journal.json"), "utf8")}`);
  hash.update(`\0${new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })}`);
  return hash.digest("hex");
}

const SEED_ROW = "start-up";

/**
 * What a seed depends on in the environment, for the tests' seeded template (decision 128): every
 * setting (paths under DATA_DIR named relative to it, so each test file's own directory counts as
 * the same) and the day in Sweden.
 */
export function seedEnvironment(): string {
  const e = env();
  const relative = JSON.stringify(e, (_key, value: unknown) =>
    typeof value === "string" ? value.split(e.DATA_DIR).join("<DATA_DIR>") : value,
  );
  const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  return createHash("sha256").update(`${relative}\0${day}`).digest("hex");
}

/**
 * Tests only (PORTAL_ENV=test, decision 128): vitest migrates and seeds one database per run
 * (tests/setup/vitest.global-setup.ts, PORTAL_SEED_TEMPLATE) and a test file's first
 * prepareDatabase() copies it instead of seeding again — only when this process has not opened its
 * database yet, the file does not exist and the environment is the one the template was seeded
 * in; else it seeds as always. Returns whether it copied.
 */
function copySeedTemplate(): boolean {
  const template = process.env.PORTAL_SEED_TEMPLATE;
  if (template === undefined || instance !== undefined || env().PORTAL_ENV !== "test") return false;
  if (existsSync(env().DATABASE_PATH) || !existsSync(`${template}.json`)) return false;
  const seededIn = (JSON.parse(readFileSync(`${template}.json`, "utf8")) as { environment: string }).environment;
  if (seededIn !== seedEnvironment()) return false;
  copyFileSync(template, env().DATABASE_PATH);
  return true;
}

/**
 * Migrate (on open) and seed; called once before the server starts listening. Production
 * writes only reference data and refuses a database with demo accounts (docs/decisions/041);
 * demo and test add the example data. With a `fingerprint` (the server's start-up), the seed
 * is skipped when the last one ran with the same fingerprint: it would only fill gaps it has
 * filled already (decision 088). Returns whether it seeded.
 */
export function prepareDatabase(options: { fingerprint?: string } = {}): boolean {
  const copied = copySeedTemplate();
  // One transaction, begun IMMEDIATE and so holding the write lock from the fingerprint's read to
  // its write: a second process starting on the same file waits for it (as long as a seed takes),
  // then finds the fingerprint written and skips; two seeds at once failed one start with a unique
  // constraint (decision 174).
  return withBusyTimeout(db().$client, STARTUP_BUSY_TIMEOUT_MS, () =>
    db().transaction(() => prepareInTransaction(copied, options.fingerprint)),
  );
}

function prepareInTransaction(copied: boolean, fingerprint: string | undefined): boolean {
  const production = env().PORTAL_ENV === "production";
  if (production) assertProductionDatabase(db());
  const unchanged =
    fingerprint !== undefined &&
    db().select().from(seedState).where(eq(seedState.name, SEED_ROW)).get()?.fingerprint === fingerprint;
  if (!unchanged) {
    if (production) seedReferenceData(db());
    else if (!copied) {
      seed(db());
      seedIdentity(db(), {
        hmacIndex,
        encrypt,
        hashPassword: hashPasswordSync,
        password: DEV_STAFF_PASSWORD,
        examples: true,
      });
    }
    if (fingerprint !== undefined) {
      const row = { name: SEED_ROW, fingerprint, seededAt: new Date().toISOString() };
      db()
        .insert(seedState)
        .values(row)
        .onConflictDoUpdate({ target: seedState.name, set: { fingerprint: row.fingerprint, seededAt: row.seededAt } })
        .run();
    }
  }
  if (production) return !unchanged;
  // The demo's OIDC sign-on provider points at the local Test-SSO of this run's PUBLIC_URL (decision 064).
  seedDemoSsoProvider();
  // The demo's SAML sign-on provider trusts the local Test-SAML (decision 073).
  seedDemoSamlProvider();
  return !unchanged;
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
  // The portal's checkpoint cycles end first (decision 170); this one copies the rest, with fsyncs.
  stopCheckpointer();
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
