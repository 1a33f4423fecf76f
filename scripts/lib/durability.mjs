// What "nothing was lost and nothing is half-written" means, checked against a data directory:
// the database's integrity and foreign keys, every acknowledged reference present, every
// attachment row with its file (size and checksum), and no file without a row. Generic: it
// finds the reference and attachment tables by their columns, so it follows the schema.
import Database from "better-sqlite3";
import { createDecipheriv, createHash, hkdfSync } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";

const q = (n) => `"${n.replace(/"/g, '""')}"`;

function columns(db, table) {
  return db
    .prepare(`pragma table_info(${q(table)})`)
    .all()
    .map((c) => c.name);
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

// Stored files are encrypted (docs/decisions/043). The check reads them as an outside reader
// would, from the documented layout `"\0DLSENC1" | key id (8) | salt (16) | iv (12) | tag (16) |
// ciphertext` and the key ring in DATA_ENCRYPTION_KEY or DATA_DIR/.data-encryption-key, so a
// file the portal wrote but could not read back counts as lost. Plaintext files from before
// encryption are read as they are.
const FILE_MAGIC = Buffer.from("\0DLSENC1", "latin1");

function fileMasters(dataDir) {
  const keyFile = join(dataDir, ".data-encryption-key");
  const source = process.env.DATA_ENCRYPTION_KEY ?? (existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : "");
  const masters = new Map();
  for (const part of source
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)) {
    const key =
      part.length === 64 && Buffer.from(part, "hex").length === 32
        ? Buffer.from(part, "hex")
        : Buffer.from(part, "base64");
    const id = createHash("sha256").update(key).digest("hex").slice(0, 8);
    masters.set(id, Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "portal/file-master/v1", 32)));
  }
  return masters;
}

function plainBytes(stored, masters) {
  if (stored.length < FILE_MAGIC.length + 52 || !stored.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC))
    return stored;
  let at = FILE_MAGIC.length;
  const master = masters.get(stored.subarray(at, (at += 8)).toString("latin1"));
  if (!master) return null;
  const salt = stored.subarray(at, (at += 16));
  const iv = stored.subarray(at, (at += 12));
  const tag = stored.subarray(at, (at += 16));
  try {
    const key = Buffer.from(hkdfSync("sha256", master, salt, "portal/file/aes-256-gcm/v1", 32));
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(stored.subarray(at)), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * @param {string} dataDir
 * @param {{ acknowledged?: {reference: string, attachments: number}[] }} o
 * @returns {{ ok: boolean, problems: string[], facts: Record<string, unknown> }}
 */
export function checkDataDir(dataDir, { acknowledged = [] } = {}) {
  const problems = [];
  const db = new Database(join(dataDir, "portal.db"), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
    const fk = db.pragma("foreign_key_check");
    if (fk.length > 0)
      problems.push(`foreign_key_check: ${fk.length} rows refer to missing rows (${JSON.stringify(fk.slice(0, 3))})`);

    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like '%virtual%'",
      )
      .all()
      .map((r) => r.name);
    const refTables = tables.filter((t) => columns(db, t).includes("reference") && !/diarium/.test(t));
    const attachmentTables = tables.filter(
      (t) => /attachment|upload|file/.test(t) && columns(db, t).some((c) => /stored_name|storage_key|path/.test(c)),
    );

    // Every acknowledged submission is there, with as many attachments as were sent.
    for (const a of acknowledged) {
      let row;
      let table;
      for (const t of refTables) {
        row = db.prepare(`select * from ${q(t)} where reference = ?`).get(a.reference);
        if (row) {
          table = t;
          break;
        }
      }
      if (!row) {
        problems.push(`acknowledged ${a.reference} is missing`);
        continue;
      }
      if (a.attachments > 0) {
        let n = 0;
        for (const at of attachmentTables) {
          const fkCol = db
            .prepare(`pragma foreign_key_list(${q(at)})`)
            .all()
            .find((f) => f.table === table)?.from;
          if (fkCol) n += db.prepare(`select count(*) as n from ${q(at)} where ${q(fkCol)} = ?`).get(row.id).n;
        }
        if (n < a.attachments)
          problems.push(`acknowledged ${a.reference} has ${n} of its ${a.attachments} attachments`);
      }
    }

    // Attachment rows and files match one to one.
    const files = listFiles(join(dataDir, "uploads"));
    const masters = fileMasters(dataDir);
    const byName = new Map(files.map((f) => [basename(f), f]));
    const referenced = new Set();
    let rows = 0;
    for (const at of attachmentTables) {
      const cols = columns(db, at);
      const nameCol = cols.find((c) => /stored_name|storage_key|path/.test(c));
      const shaCol = cols.find((c) => /sha256|checksum/.test(c));
      const sizeCol = cols.find((c) => c === "size" || c === "bytes");
      for (const r of db.prepare(`select * from ${q(at)}`).iterate()) {
        rows++;
        const file = byName.get(basename(String(r[nameCol])));
        if (!file) {
          problems.push(`${at} row ${r.id}: file ${r[nameCol]} is missing`);
          continue;
        }
        referenced.add(file);
        const bytes = plainBytes(readFileSync(file), masters);
        if (!bytes) {
          problems.push(`${at} row ${r.id}: file ${r[nameCol]} cannot be decrypted`);
          continue;
        }
        if (sizeCol && Number(r[sizeCol]) !== bytes.length)
          problems.push(`${at} row ${r.id}: ${bytes.length} bytes on disk, ${r[sizeCol]} recorded`);
        if (shaCol && r[shaCol] && createHash("sha256").update(bytes).digest("hex") !== r[shaCol])
          problems.push(`${at} row ${r.id}: checksum differs`);
      }
    }
    // A `.tmp-` file is a write that a kill interrupted before its rename: never acknowledged,
    // and removed by the clean-up job (decision 043).
    const orphans = files.filter((f) => !referenced.has(f) && !basename(f).startsWith(".tmp-"));
    if (orphans.length > 0)
      problems.push(
        `${orphans.length} uploaded files without a row (${orphans
          .slice(0, 3)
          .map((f) => basename(f))
          .join(", ")})`,
      );
    return {
      ok: problems.length === 0,
      problems,
      facts: {
        integrity,
        tables: tables.length,
        referenceTables: refTables,
        attachmentTables,
        attachmentRows: rows,
        files: files.length,
        acknowledged: acknowledged.length,
      },
    };
  } finally {
    db.close();
  }
}

export function rowCounts(dbPath) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' order by name",
      )
      .all()
      .map((r) => r.name);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select count(*) as n from ${q(t)}`).get().n]));
  } finally {
    db.close();
  }
}
