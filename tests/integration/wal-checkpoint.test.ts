import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cycle, setCheckpointSyncForTests, startCheckpointer, stopCheckpointer } from "~/db-checkpoint.server";

// Decision 170: the portal's connection checkpoints its write-ahead log in cycles whose fsyncs run
// on libuv's threads. These tests hold those fsyncs back and check SQLite's order: no frame is
// copied before the log holding it is on the disk, and the log is not overwritten before the pages
// copied from it are on the disk.

type Done = (error: Error | null) => void;
let dir: string;
let client: Database.Database;
let pending: { fd: number; done: Done }[];

const walBytes = () => statSync(`${client.name}-wal`).size;
/** The frames in a log never written from its start again: a 32-byte header, then 24 + 4096 bytes a frame. */
const framesInLog = () => (walBytes() - 32) / (24 + 4096);
const insert = (n: number) => {
  const statement = client.prepare("INSERT INTO t (body) VALUES (?)");
  // One commit a row, as the portal's requests commit.
  for (let i = 0; i < n; i++) statement.run("x".repeat(3000));
};
/** Completes the oldest held fsync, once it was asked for. */
async function release(error: Error | null = null) {
  for (let waited = 0; waited < 2000 && pending.length === 0; waited += 5)
    await new Promise((resolve) => setTimeout(resolve, 5));
  const next = pending.shift();
  if (!next) throw new Error("no fsync was asked for");
  next.done(error);
}
/**
 * The rows a copy of the database file holds without its log. Only meaningful when all of the log
 * was copied: a copy bounded by a reader leaves a page whose newest frame is past the bound as it
 * was (SQLite reads it from the log until a later checkpoint copies that frame).
 */
function rowsInDatabaseFile(): number {
  const copy = join(dir, `copy-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(client.name, copy);
  const reader = new Database(copy);
  try {
    const table = reader.prepare("SELECT 1 FROM sqlite_schema WHERE name = 't'").get();
    return table ? (reader.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n : 0;
  } finally {
    reader.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wal-checkpoint-"));
  client = new Database(join(dir, "portal.db"));
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = FULL");
  client.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  pending = [];
  setCheckpointSyncForTests((fd, done) => pending.push({ fd, done }));
  startCheckpointer(client, { intervalMs: 3_600_000 });
});

afterEach(() => {
  stopCheckpointer();
  setCheckpointSyncForTests(undefined);
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the write-ahead log's checkpoint cycles", () => {
  it("turn SQLite's automatic checkpoint off for the connection, and on again when stopped", () => {
    expect(client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    stopCheckpointer();
    expect(client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  });

  it("copy the log into the database file only after the log's fsync, and up to the frames it covered", async () => {
    insert(20);
    const covered = framesInLog();
    const databaseBytes = statSync(client.name).size;
    const running = cycle();
    // The log's fsync is held: nothing is copied yet.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statSync(client.name).size).toBe(databaseBytes);
    // Written while the log's fsync runs: after the frames it covers, so not copied in this cycle.
    insert(5);
    await release();
    await release();
    const result = await running;
    expect(result).toEqual({ busy: 0, log: framesInLog(), checkpointed: covered });
    expect(result!.log).toBeGreaterThan(covered);
    expect(statSync(client.name).size).toBeGreaterThan(databaseBytes);
    // The next cycle copies the rest: the database file alone then holds every row.
    const next = cycle();
    await release();
    await release();
    expect(await next).toEqual({ busy: 0, log: framesInLog(), checkpointed: framesInLog() });
    expect(rowsInDatabaseFile()).toBe(25);
  });

  it("keep the log from being overwritten until the copied pages' fsync completed", async () => {
    insert(30);
    const running = cycle();
    await release(); // the log on the disk; its frames are copied, the database file's fsync is held
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = walBytes();
    // All of the log was copied; without the snapshot, this commit would write the log from its start.
    insert(3);
    expect(walBytes()).toBeGreaterThan(before);
    await release();
    await running;
    // Copied to its end and the fsync done: the next commit writes the log from its start again.
    const again = cycle();
    await release();
    await release();
    await again;
    const full = walBytes();
    insert(3);
    expect(walBytes()).toBe(full);
  });

  it("copy a long log to its end with SQLite's own fsyncs, so that the next commit writes it from its start", async () => {
    startCheckpointer(client, { intervalMs: 3_600_000, restartAfterFrames: 10 });
    insert(20);
    const running = cycle();
    await release();
    // Written while the database file's fsync runs: past the snapshot, copied by the last step.
    insert(3);
    await release();
    const result = await running;
    expect(result).toEqual({ busy: 0, log: framesInLog(), checkpointed: framesInLog() });
    const full = walBytes();
    insert(3);
    expect(walBytes()).toBe(full);
    expect(rowsInDatabaseFile()).toBe(23);
  });

  it("skip a cycle when nothing was committed since the last one", async () => {
    insert(2);
    const first = cycle();
    await release();
    await release();
    expect(await first).toBeDefined();
    expect(await cycle()).toBeUndefined();
    expect(pending).toHaveLength(0);
  });

  it("sync the database file on the event loop when its fsync on the threads fails, before the log may be overwritten", async () => {
    insert(10);
    const running = cycle();
    await release();
    // The thread pool's fsync fails; the one on the event loop is then the real one and succeeds.
    await release(new Error("EIO"));
    expect(await running).toBeUndefined();
    expect(rowsInDatabaseFile()).toBe(10);
    // The snapshot ended: the next cycle runs as before.
    insert(1);
    const again = cycle();
    await release();
    await release();
    expect((await again)!.checkpointed).toBeGreaterThan(0);
  });

  it("keep the snapshot, and run no more cycles, when the copied pages cannot be synced at all", async () => {
    setCheckpointSyncForTests(
      (fd, done) => pending.push({ fd, done }),
      () => {
        throw new Error("EIO");
      },
    );
    insert(10);
    const running = cycle();
    await release();
    await release(new Error("EIO"));
    expect(await running).toBeUndefined();
    // All of the log was copied, yet the next commit does not write it from its start.
    const before = walBytes();
    insert(2);
    expect(walBytes()).toBeGreaterThan(before);
    expect(await cycle()).toBeUndefined();
    expect(pending).toHaveLength(0);
  });

  it("stop with an fsync still running without an error, and leave the rest to the final checkpoint", async () => {
    insert(5);
    const running = cycle();
    await release();
    stopCheckpointer();
    await release();
    await running;
    client.pragma("wal_checkpoint(TRUNCATE)");
    expect(walBytes()).toBe(0);
    expect(rowsInDatabaseFile()).toBe(5);
  });
});
