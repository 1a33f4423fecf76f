import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { reencryptAll } from "~/services/key-rotation.server";

// ASVS 1.6.3: after a new key is put first, `npm run keys:reencrypt` rewrites every encrypted
// value under it; then the old key can go and everything still decrypts.

const OLD = "a".repeat(64);
const FRESH = "b".repeat(64);
const idOf = (hex: string) => createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex").slice(0, 8);
const saved = process.env.DATA_ENCRYPTION_KEY;

function useKeys(value: string) {
  process.env.DATA_ENCRYPTION_KEY = value;
  resetEnvForTests();
}

/** Every encrypted token in the database, by `table.column`. */
function tokens(): { column: string; value: string }[] {
  const sqlite = db().$client;
  const out: { column: string; value: string }[] = [];
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    for (const col of sqlite.prepare(`pragma table_info("${name}")`).all() as { name: string }[]) {
      const rows = sqlite
        .prepare(
          `select "${col.name}" as v from "${name}" where typeof("${col.name}") = 'text' and "${col.name}" like 'v1.%'`,
        )
        .all() as { v: string }[];
      for (const r of rows) out.push({ column: `${name}.${col.name}`, value: r.v });
    }
  }
  return out;
}

beforeAll(() => {
  useKeys(OLD);
  prepareDatabase();
});
afterAll(() => {
  if (saved === undefined) delete process.env.DATA_ENCRYPTION_KEY;
  else process.env.DATA_ENCRYPTION_KEY = saved;
  resetEnvForTests();
});

describe("re-encryption after a key rotation (ASVS 1.6.3)", () => {
  it("rewrites every value under the new first key, counts them, is idempotent, and the old key can then be dropped", () => {
    const before = tokens();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((t) => t.value.startsWith(`v1.${idOf(OLD)}.`))).toBe(true);
    const plain = new Map(before.map((t) => [t.value, decrypt(t.value)]));

    useKeys(`${FRESH},${OLD}`);
    const fresh = encrypt("already under the new key");
    const first = reencryptAll({ batchSize: 2 });
    expect(first.total).toBe(before.length);
    expect(first.unreadable).toBe(0);
    expect(Object.keys(first.reencrypted)).toContain("person.personnummer_encrypted");
    expect(reencryptAll().total).toBe(0);

    useKeys(FRESH);
    const after = tokens();
    expect(after).toHaveLength(before.length);
    expect(after.every((t) => t.value.startsWith(`v1.${idOf(FRESH)}.`))).toBe(true);
    const decrypted = after.map((t) => decrypt(t.value)).sort();
    expect(decrypted).toEqual([...plain.values()].sort());
    expect(decrypt(fresh)).toBe("already under the new key");
  });
});
