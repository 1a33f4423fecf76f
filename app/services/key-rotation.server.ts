import { db } from "~/db.server";
import { currentKeyId, decrypt, encrypt } from "~/platform/crypto.server";

/**
 * Re-encryption after a key rotation (ASVS 1.6.3, docs/decisions/047): every encrypted field
 * value (`v1.<keyId>.…`) under a key other than the first of DATA_ENCRYPTION_KEY is decrypted
 * and encrypted again with the first key. The columns are found in the database itself (every
 * text column of every table), so a column added later is covered without a list to keep.
 * Idempotent: a value already under the first key is not touched, and a second run finds none.
 * In batches, each in one transaction; a row changed meanwhile (the value is compared before
 * the update) is left for the next run. Files at rest are not covered here.
 */
export interface ReencryptSummary {
  /** Values rewritten under the first key, per `table.column`. */
  reencrypted: Record<string, number>;
  total: number;
  /** Values that looked like tokens but could not be decrypted (unknown key or tampered). */
  unreadable: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function reencryptAll(options: { batchSize?: number } = {}): ReencryptSummary {
  const batchSize = options.batchSize ?? 500;
  const sqlite = db().$client;
  const keyId = currentKeyId();
  const summary: ReencryptSummary = { reencrypted: {}, total: 0, unreadable: 0 };
  const tables = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
    )
    .all() as { name: string; sql: string | null }[];
  // Full-text indexes and their shadow tables are derived from other tables (and some have
  // no rowid): they are rebuilt from the sources, never rewritten here.
  const virtual = tables.filter((t) => (t.sql ?? "").toUpperCase().includes("VIRTUAL TABLE")).map((t) => t.name);
  for (const { name: table, sql } of tables) {
    if (virtual.some((v) => table === v || table.startsWith(`${v}_`))) continue;
    if ((sql ?? "").toUpperCase().includes("WITHOUT ROWID")) continue;
    const columns = (
      sqlite.prepare(`pragma table_info(${quote(table)})`).all() as { name: string; type: string }[]
    ).filter((c) => /^(text|)$/i.test(c.type));
    for (const { name: column } of columns) {
      const t = quote(table);
      const c = quote(column);
      const select = sqlite.prepare(
        `select rowid as id, ${c} as value from ${t} where rowid > ? and ${c} like 'v1.%' and substr(${c}, 4, 9) <> ? order by rowid limit ?`,
      );
      const update = sqlite.prepare(`update ${t} set ${c} = ? where rowid = ? and ${c} = ?`);
      let after = 0;
      for (;;) {
        const rows = select.all(after, `${keyId}.`, batchSize) as { id: number; value: string }[];
        if (rows.length === 0) break;
        sqlite
          .transaction(() => {
            for (const row of rows) {
              let plain: string;
              try {
                plain = decrypt(row.value);
              } catch {
                summary.unreadable++;
                continue;
              }
              if (update.run(encrypt(plain), row.id, row.value).changes === 1) {
                const key = `${table}.${column}`;
                summary.reencrypted[key] = (summary.reencrypted[key] ?? 0) + 1;
                summary.total++;
              }
            }
          })
          .immediate();
        after = rows[rows.length - 1]!.id;
      }
    }
  }
  return summary;
}
