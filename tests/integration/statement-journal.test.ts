import { readdirSync, readlinkSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { commitDurably, withoutWaitingForDisk } from "~/db-durable.server";
import { db, prepareDatabase } from "~/db.server";

// Decision 191: a commitDurably transaction keeps its statement journal in memory. SQLite names
// the files it makes for temporary data etilqs_…, and removes them from their directory as soon
// as it has opened them: only the process's open descriptors still show one.
function openTemporaryFiles(): string[] {
  const found: string[] = [];
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.includes("etilqs_")) found.push(target);
    } catch {
      // closed meanwhile (readdir's own descriptor)
    }
  }
  return found;
}

/**
 * A transaction whose second statement changes about 400 pages that existed before it: an update
 * with a trigger and a NOT NULL column, so SQLite journals each page it changes, far past the
 * journal's 64 KiB in memory.
 */
function journalHeavyWrite(seen: string[][], settings: unknown[] = []) {
  const client = db().$client;
  settings.push([client.pragma("temp_store", { simple: true }), client.pragma("synchronous", { simple: true })]);
  client.prepare("insert into journal_probe_log (n) values (1)").run();
  client.prepare("update journal_probe set body = body || 'x'").run();
  seen.push(openTemporaryFiles());
  return client.prepare("select count(*) as n from journal_probe").get() as { n: number };
}

beforeAll(() => {
  prepareDatabase();
  db().$client.exec(`
    create table journal_probe (id integer primary key, body text not null);
    create table journal_probe_log (id integer primary key, n integer not null);
    create trigger journal_probe_changed after update on journal_probe
      begin insert into journal_probe_log (n) values (new.id); end;
    with recursive k(i) as (select 1 union all select i + 1 from k where i < 1500)
      insert into journal_probe (id, body) select i, printf('%.1000c', 'a') from k;
  `);
});

describe("the statement journal of a durable commit", () => {
  it("stays in memory during commitDurably, and the connection's setting is back afterwards", async () => {
    const client = db().$client;
    const before = client.pragma("temp_store", { simple: true });
    const seen: string[][] = [];
    const settings: unknown[] = [];
    // The first use on this connection too: a PRAGMA prepared once takes effect only from its second run.
    const result = await commitDurably(() => journalHeavyWrite(seen, settings));
    expect(result.n).toBe(1500);
    expect(seen).toEqual([[]]);
    // MEMORY (2) for the journal, NORMAL (1) for the commit that commitDurably syncs itself.
    expect(settings).toEqual([[2, 1]]);
    expect(client.pragma("temp_store", { simple: true })).toBe(before);
    expect((client.prepare("select count(*) as n from journal_probe_log").get() as { n: number }).n).toBe(1501);
  });

  it("goes to a file of its own in a transaction begun without it (what the test above rules out)", () => {
    const client = db().$client;
    const seen: string[][] = [];
    withoutWaitingForDisk(() => client.transaction(() => journalHeavyWrite(seen)).immediate());
    expect(seen).toHaveLength(1);
    expect(seen[0]!.length).toBeGreaterThan(0);
  });
});
