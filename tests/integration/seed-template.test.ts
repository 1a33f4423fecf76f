import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, db, prepareDatabase } from "~/db.server";
import { env, resetEnvForTests } from "~/env.server";
import { decrypt } from "~/platform/crypto.server";

/**
 * Every table's rows as sorted JSON lines. What differs between two seeds by design is named, not
 * compared: the moment (ISO timestamps), encryption's random nonces (compared decrypted) and the
 * salts of password hashes.
 */
function dump(): Record<string, string[]> {
  const sqlite = db().$client;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  const value = (column: string, v: unknown) => {
    if (typeof v !== "string") return v;
    if (/_encrypted$|_ciphertext$/.test(column)) return `decrypted:${decrypt(v)}`;
    if (column === "password_hash") return v.startsWith("$argon2id$") ? "<argon2id>" : v;
    return v;
  };
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`select * from "${name}"`).all() as Record<string, unknown>[])
        .map((row) =>
          JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, value(k, v)]))).replace(
            /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z/g,
            "<time>",
          ),
        )
        .sort(),
    ]),
  );
}

describe("the database seeded once per vitest run (decision 128)", () => {
  const path = process.env.DATABASE_PATH;
  afterAll(() => {
    closeDatabase();
    process.env.DATABASE_PATH = path;
    resetEnvForTests();
  });

  it("gives a test file the database its own migration and seed would have made", () => {
    expect(process.env.PORTAL_SEED_TEMPLATE).toBeDefined();
    const started = new Date().toISOString();
    prepareDatabase();
    // Copied, not seeded here: the example data was written before this test began.
    const seededAt = db().$client.prepare("select created_at as at from integration_system").get() as { at: string };
    expect(seededAt.at < started).toBe(true);
    const copied = dump();
    closeDatabase();
    // Another file name under the same DATA_DIR is another environment: this one seeds itself.
    process.env.DATABASE_PATH = join(env().DATA_DIR, "seeded-here.db");
    resetEnvForTests();
    prepareDatabase();
    const seeded = dump();
    expect(copied.municipality).toHaveLength(5);
    expect(Object.keys(copied)).toEqual(Object.keys(seeded));
    for (const table of Object.keys(seeded)) expect(copied[table], table).toEqual(seeded[table]);
  });
});
