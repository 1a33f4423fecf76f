import { statSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, diariumEntry, municipality } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { diariumSearchText } from "~/services/diarium-text.server";
import { mergeDiariumFts } from "~/services/diarium-fts-merge.server";
import { diariumFtsMergeJob, forgetDiariumCounts, searchDiarium } from "~/services/diarium.server";

// The diarium's FTS5 upkeep (docs/decisions/168): merging between requests lowers the indexes'
// segment counts, finds exactly what it found before, goes in bounded steps and does nothing when
// there is nothing to merge.

const TABLES = ["diarium_fts", "diarium_fts_short"] as const;
const WORDS = ["bygglov", "förskola", "avlopp", "parkering", "lekplats", "strandskydd", "tillstånd", "kultur"];
const QUERIES = ["bygglov", "förskola lek", "tillstånd fören", "kultur", "ska", "MEL-2032", "parkering avlopp"];

/** Segments per index: every segment has at least one row in its `_idx` b-tree. */
const segments = (table: string) =>
  db().$client.prepare(`select count(distinct segid) from ${table}_idx`).pluck().get() as number;

const walBytes = () => statSync(`${db().$client.name}-wal`).size;

const totalChanges = () => db().$client.prepare("select total_changes()").pluck().get() as number;

/** What every query answers: totals and the references of its first 100, both languages' masking alike. */
function answers() {
  forgetDiariumCounts();
  return QUERIES.map((q) => {
    const result = searchDiarium({ q }, "sv", 100);
    const ids = db()
      .$client.prepare("select rowid from diarium_fts where diarium_fts match ? order by rowid")
      .pluck()
      .all(`"${q.split(" ")[0]!.toLowerCase()}"`);
    return { q, total: result.total, references: result.entries.map((e) => e.reference), ids };
  });
}

/** `count` entries, each in a transaction of its own as sends write them: a segment each. */
function send(count: number, from: number) {
  const m = db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, "mellerud")).get()!;
  const a = db()
    .select({ id: administration.id })
    .from(administration)
    .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, "samhallsbyggnad")))
    .get()!;
  for (let i = from; i < from + count; i++) {
    const row = {
      reference: `MEL-2032-${String(700_000 + i)}`,
      area: "allmant" as const,
      caseType: "felanmalan-gata-park",
      municipalityId: m.id,
      administrationId: a.id,
      sensitivity: "public",
      subject: `${WORDS[i % WORDS.length]!} ${WORDS[(i * 3) % WORDS.length]!} ärende ${i}`,
      partyKind: "none",
      partyName: null,
      status: "received" as const,
      registeredAt: "2032-03-01T09:00:00.000Z",
    };
    db()
      .insert(diariumEntry)
      .values({ ...row, searchText: diariumSearchText(row) })
      .run();
  }
}

function integrityCheck() {
  for (const t of TABLES) db().$client.prepare(`insert into ${t}(${t}) values ('integrity-check')`).run();
}

beforeAll(() => {
  prepareDatabase();
});

describe("the diarium's FTS5 upkeep", () => {
  it("migration 0049 lets a merge step take any level with two segments (usermerge 2), automerge unchanged", () => {
    for (const t of TABLES) {
      const config = db().$client.prepare(`select k, v from ${t}_config`).all() as { k: string; v: number }[];
      expect(config.find((c) => c.k === "usermerge")?.v, t).toBe(2);
      expect(
        config.find((c) => c.k === "automerge"),
        t,
      ).toBeUndefined();
    }
  });

  it("merges both indexes to fewer segments, and every search finds exactly what it found before", async () => {
    send(300, 0);
    const before = TABLES.map(segments);
    const found = answers();
    expect(found.some((a) => a.total > 0)).toBe(true);
    const result = await mergeDiariumFts(db().$client, { maxSteps: 10_000, pauseMs: 0 });
    const after = TABLES.map(segments);
    expect(result.done).toBe(true);
    expect(result.merged).toBeGreaterThan(0);
    for (const [i, t] of TABLES.entries()) {
      expect(after[i], t).toBeLessThan(before[i]!);
      expect(after[i], t).toBeLessThanOrEqual(3);
    }
    expect(answers()).toEqual(found);
    integrityCheck();
  });

  it("does nothing, and writes nothing, when there is nothing to merge", async () => {
    await mergeDiariumFts(db().$client, { maxSteps: 10_000, pauseMs: 0 });
    const changes = totalChanges();
    const wal = walBytes();
    const counts = TABLES.map(segments);
    const result = await mergeDiariumFts(db().$client, { maxSteps: 10_000, pauseMs: 0 });
    expect(result).toEqual({ merged: 0, done: true });
    // One step a table, each the command's own row count: no page is written.
    expect(totalChanges()).toBe(changes + TABLES.length);
    expect(walBytes()).toBe(wal);
    expect(TABLES.map(segments)).toEqual(counts);
  });

  it("goes in bounded steps with pauses between them, and a run cut short is finished by the next", async () => {
    send(120, 1_000);
    const found = answers();
    const first = await mergeDiariumFts(db().$client, { maxSteps: 1, pauseMs: 0 });
    expect(first).toEqual({ merged: 1, done: false });
    // Requests are served between steps: a timer set before the run fires during it.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    const rest = await mergeDiariumFts(db().$client, { maxSteps: 10_000, pauseMs: 5 });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(rest.done).toBe(true);
    expect(rest.merged).toBeGreaterThan(1);
    expect(ticks).toBeGreaterThanOrEqual(rest.merged - 1);
    expect(elapsed).toBeGreaterThanOrEqual((rest.merged - 1) * 4);
    expect(answers()).toEqual(found);
    integrityCheck();
  });

  it("is the scheduled job: off in test (run by hand), and a run reports what it merged", async () => {
    expect(diariumFtsMergeJob.everyMs()).toBe(0);
    send(40, 2_000);
    const summary = await diariumFtsMergeJob.run({ signal: new AbortController().signal, now: new Date() });
    expect(summary.done).toBe(true);
    expect(summary.merged).toBeGreaterThan(0);
    const aborted = new AbortController();
    aborted.abort();
    send(40, 3_000);
    expect(await diariumFtsMergeJob.run({ signal: aborted.signal, now: new Date() })).toEqual({
      merged: 0,
      done: false,
    });
  });
});
