import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/client";
import { commitDurably } from "~/db-durable.server";
import { db } from "~/db.server";

// Decision 173: every transaction of the portal begins IMMEDIATE. A DEFERRED transaction that reads
// before it writes holds a snapshot; when another connection (a second instance, an operator's
// script, a test's seeding) commits in between, its first write fails at once with SQLITE_BUSY,
// whatever the busy timeout: this failed "Spara utkast" in CI with a 500. Here the other
// connection tries its commit at that moment, without a busy timeout (it runs on this thread, so
// it could not wait for the lock to be released).

/** A second connection to the file, as another process would hold, that tries one write. */
function otherConnection(path: string) {
  const other = new Database(path);
  other.pragma("busy_timeout = 0");
  const insert = other.prepare("insert into writer_probe (writer) values ('other')");
  return {
    /** Whether the other connection's write committed. */
    tryWrite(): boolean {
      try {
        insert.run();
        return true;
      } catch (error) {
        expect((error as { code?: string }).code).toBe("SQLITE_BUSY");
        return false;
      }
    },
    close: () => other.close(),
  };
}

const writers = (d: DB) =>
  (d.$client.prepare("select writer from writer_probe order by id").all() as { writer: string }[]).map((r) => r.writer);

describe("a transaction that reads, then writes, while another connection commits", () => {
  let scratch: DB;

  beforeAll(() => {
    scratch = openDatabase(join(mkdtempSync(join(tmpdir(), "portal-writers-")), "writers.db"));
    for (const d of [scratch, db()])
      d.$client.exec("create table if not exists writer_probe (id integer primary key, writer text not null)");
  });
  afterAll(() => scratch.$client.close());

  it("drizzle's transaction takes the write lock at BEGIN: the other commit waits, this one succeeds", () => {
    scratch.$client.exec("delete from writer_probe");
    const other = otherConnection(scratch.$client.name);
    let otherCommitted: boolean | undefined;
    scratch.transaction(() => {
      scratch.$client.prepare("select count(*) from writer_probe").get();
      otherCommitted = other.tryWrite();
      scratch.$client.prepare("insert into writer_probe (writer) values ('portal')").run();
    });
    other.close();
    expect(otherCommitted).toBe(false);
    expect(writers(scratch)).toEqual(["portal"]);
    // The other process, with its busy timeout, writes once the portal has committed.
    const after = otherConnection(scratch.$client.name);
    expect(after.tryWrite()).toBe(true);
    after.close();
    expect(writers(scratch)).toEqual(["portal", "other"]);
  });

  it("without IMMEDIATE (the old default) the same sequence fails the portal's write with SQLITE_BUSY_SNAPSHOT", () => {
    scratch.$client.exec("delete from writer_probe");
    const other = otherConnection(scratch.$client.name);
    let otherCommitted: boolean | undefined;
    expect(() =>
      scratch.transaction(
        () => {
          scratch.$client.prepare("select count(*) from writer_probe").get();
          otherCommitted = other.tryWrite();
          scratch.$client.prepare("insert into writer_probe (writer) values ('portal')").run();
        },
        { behavior: "deferred" },
      ),
    ).toThrow(expect.objectContaining({ code: "SQLITE_BUSY_SNAPSHOT" }));
    other.close();
    expect(otherCommitted).toBe(true);
    expect(writers(scratch)).toEqual(["other"]);
  });

  it("a durable commit (a draft saved, a case sent) holds the lock from BEGIN and answers", async () => {
    const client = db().$client;
    client.exec("delete from writer_probe");
    const other = otherConnection(client.name);
    let otherCommitted: boolean | undefined;
    const written = await commitDurably(() => {
      client.prepare("select count(*) from writer_probe").get();
      otherCommitted = other.tryWrite();
      return client.prepare("insert into writer_probe (writer) values ('portal')").run().changes;
    });
    other.close();
    expect(written).toBe(1);
    expect(otherCommitted).toBe(false);
    expect(writers(db())).toEqual(["portal"]);
  });
});
