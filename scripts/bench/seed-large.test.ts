/**
 * The data set's abandoned working copies (decision 184): form_draft is grown only from drafts the
 * portal wrote, one owner each, saved within the last 30 days and not yet expired.
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedLarge } from "./seed-large.mjs";

const DAY = 86_400_000;
let dir = "";
let path = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "seed-large-"));
  path = join(dir, "portal.db");
  const db = new Database(path);
  // form_draft as migration 0053 leaves it (the columns and indexes the clones must satisfy).
  db.exec(`create table form_draft (
    id integer primary key autoincrement, form_id text not null, form_version integer not null,
    person_id integer, token_hash text unique, owner_key text not null, data text not null,
    step_id text not null, expires_at text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
    create index form_draft_owner_form on form_draft (owner_key, form_id);`);
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse("2026-12-07T12:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("form_draft in the large data set", () => {
  it("is skipped when the portal wrote no draft to clone (no made-up ciphertext)", () => {
    const report = seedLarge(path, { targets: { form_draft: 100 }, now: NOW });
    expect(report.form_draft).toEqual({ before: 0, skipped: "no rows to clone" });
  });

  it("clones the portal's drafts, one owner key each, saved in the last 30 days and each expiring 30 days after its save", () => {
    const db = new Database(path);
    const insert = db.prepare(
      "insert into form_draft (form_id, form_version, person_id, token_hash, owner_key, data, step_id, expires_at, created_at, updated_at) values (?, 1, null, null, ?, ?, 'fel', ?, ?, ?)",
    );
    for (const [form, owner] of [
      ["felanmalan-gata-park", "owner-a"],
      ["begaran-allman-handling", "owner-b"],
    ])
      insert.run(form, owner, "v1.k1.iv.ciphertext.tag", iso(NOW + 30 * DAY), iso(NOW - 1000), iso(NOW - 1000));
    db.close();
    const report = seedLarge(path, { targets: { form_draft: 500 }, now: NOW });
    expect(report.form_draft).toMatchObject({ before: 2, after: 500, added: 498, templates: 2 });
    const check = new Database(path, { readonly: true });
    const rows = check.prepare("select * from form_draft").all() as Record<string, string | number | null>[];
    check.close();
    expect(new Set(rows.map((r) => r.owner_key)).size).toBe(500);
    expect(rows.every((r) => r.person_id === null && r.token_hash === null)).toBe(true);
    // The portal's own ciphertext, as written: a clone decrypts as its template does.
    expect(new Set(rows.map((r) => r.data))).toEqual(new Set(["v1.k1.iv.ciphertext.tag"]));
    for (const r of rows) {
      const saved = Date.parse(String(r.updated_at));
      expect(saved).toBeLessThanOrEqual(NOW);
      expect(saved).toBeGreaterThan(NOW - 31 * DAY);
      expect(Date.parse(String(r.expires_at)) - saved).toBe(30 * DAY + 1000);
    }
    const spread = rows.map((r) => Date.parse(String(r.updated_at)));
    expect(Math.max(...spread) - Math.min(...spread)).toBeGreaterThan(20 * DAY);
  });
});
