import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { openDatabase } from "../../db/client";
import { domainChecks, triggerSql } from "../../db/domain-checks";
import { caseTable, diariumEntry, roleAssignment } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import { AREAS } from "~/domain/areas";
import { CASE_STATUSES } from "~/domain/statuses";

/** Decision 054: one declaration per domain list, typed in the schema and checked by the database. */
describe("domain lists in the database", () => {
  const db = openDatabase(process.env.DATABASE_PATH!);
  const sqlite = db.$client;
  seed(db);

  it("derive the schema's area and status columns from the one declaration in app/domain", () => {
    const enumOf = (table: Parameters<typeof getTableConfig>[0], name: string) =>
      (getTableConfig(table).columns.find((c) => c.name === name) as { enumValues?: readonly string[] }).enumValues;
    expect(enumOf(caseTable, "area")).toEqual(AREAS);
    expect(enumOf(caseTable, "status")).toEqual(CASE_STATUSES);
    expect(enumOf(diariumEntry, "area")).toEqual(AREAS);
    expect(enumOf(diariumEntry, "status")).toEqual(CASE_STATUSES);
    expect(enumOf(roleAssignment, "area")).toEqual(AREAS);
  });

  it("has, for every list column in the schema, the triggers the schema's list asks for", () => {
    const checks = domainChecks();
    expect(checks.map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining(["case.area", "case.status", "case_event.to_status", "childcare_offer.status"]),
    );
    const stored = new Map(
      (
        sqlite.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as {
          name: string;
          sql: string;
        }[]
      ).map((r) => [r.name, r.sql]),
    );
    for (const check of checks) {
      const [insert, update] = triggerSql(check);
      const name = `${check.table}_${check.column}_domain`;
      // A list changed in TypeScript needs a migration that recreates the pair (db/domain-checks.ts).
      expect(stored.get(`${name}_insert`), `${name}_insert`).toBe(insert?.slice(0, -1));
      expect(stored.get(`${name}_update`), `${name}_update`).toBe(update?.slice(0, -1));
    }
  });

  it("refuses a case status outside the list and accepts every status in it", () => {
    const row = sqlite.prepare('select id, status from "case" limit 1').get() as { id: number; status: string };
    expect(row).toBeDefined();
    const setStatus = sqlite.prepare('update "case" set status = ? where id = ?');
    expect(() => setStatus.run("finished", row.id)).toThrow(/case\.status: not one of/);
    sqlite.transaction(() => {
      for (const status of CASE_STATUSES) setStatus.run(status, row.id);
      setStatus.run(row.status, row.id);
    })();
    expect((sqlite.prepare('select status from "case" where id = ?').get(row.id) as { status: string }).status).toBe(
      row.status,
    );
  });

  it("refuses a new row whose area is not an area", () => {
    const m = sqlite.prepare("select id from municipality limit 1").get() as { id: number } | undefined;
    expect(m).toBeDefined();
    const insert = sqlite.prepare(
      "insert into area_delegation (municipality_id, area, handled_by_municipality_id) values (?, ?, ?)",
    );
    expect(() => insert.run(m!.id, "bibliotek", m!.id)).toThrow(/area_delegation\.area: not one of/);
  });

  it("makes the migration's no-op update fail on an existing row outside a list", () => {
    // A database from before 0012 with a stray status: migrating it must fail, not keep the row.
    const path = join(mkdtempSync(join(tmpdir(), "domain-checks-")), "old.db");
    const old = openDatabase(path);
    old.$client.exec("drop trigger case_status_domain_update");
    old.$client.exec("drop trigger case_status_domain_insert");
    seed(old);
    old.$client.prepare('update "case" set status = \'finished\' where id = (select min(id) from "case")').run();
    const [, update] = triggerSql({ table: "case", column: "status", values: CASE_STATUSES });
    old.$client.exec(update!);
    expect(() =>
      old.$client.exec(
        `update "case" set status = status where status not in (${CASE_STATUSES.map((s) => `'${s}'`).join(", ")})`,
      ),
    ).toThrow(/case\.status: not one of/);
  });
});
