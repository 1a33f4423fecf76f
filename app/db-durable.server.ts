import { close, fdatasync, openSync } from "node:fs";
import type { Statement } from "better-sqlite3";
import { log } from "~/utils/logger.server";
import { db } from "./db.server";

/**
 * Commits whose fsync runs off the event loop, shared by the commits waiting for it (group commit,
 * docs/decisions/146). better-sqlite3 commits synchronously: with `synchronous = FULL` every commit
 * waits on the event loop for the fsync of the write-ahead log, and no other request is served
 * meanwhile. `commitDurably` commits with `synchronous = NORMAL` (the frames are written to the
 * `-wal` file, in the OS, not yet on the disk) and then waits for an `fdatasync` of the `-wal` file
 * on libuv's thread pool; its caller answers only after that. Commits made while one fsync runs
 * share the next one.
 *
 * Why nothing acknowledged is lost (146): the WAL is appended in order, so an fdatasync of the file
 * after a commit returned holds that commit's frames and all before them. SQLite with NORMAL syncs
 * the WAL before a checkpoint copies frames into the database file (and the database file after
 * it), and syncs the WAL header when it starts reusing the log; the log is only reused after all of
 * it was copied and synced. The portal's connection stays open, so the `-wal` file is not deleted
 * and replaced (SQLite truncates and rewrites it in place): it is opened once per connection.
 */

type SyncFile = (path: string, done: (error: Error | null) => void) => void;

/** The `-wal` file of the current connection, opened once (one sync runs at a time, so never under one). */
let kept: { client: object; fd: number } | undefined;

function fdatasyncWal(path: string, done: (error: Error | null) => void): void {
  const client = db().$client;
  if (kept?.client !== client) {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      process.nextTick(done, error as Error);
      return;
    }
    // A reopened database (tests): the previous connection's file is closed; no sync runs on it.
    if (kept) close(kept.fd, () => undefined);
    kept = { client, fd };
  }
  fdatasync(kept.fd, (error) => done(error));
}

let syncFile: SyncFile = fdatasyncWal;
/**
 * Commits made without waiting for the disk, counted. A process starts with one: what a killed
 * predecessor committed may still be only in the OS, so its first acknowledgement syncs once.
 */
let committed = 1;
/** The count of commits known to be on disk. */
let synced = 0;
let running = false;
let waiters: { upTo: number; resolve: () => void; reject: (error: Error) => void }[] = [];

function startSync(): void {
  running = true;
  const upTo = committed;
  syncFile(`${db().$client.name}-wal`, (error) => {
    running = false;
    const waiting = waiters;
    waiters = [];
    if (error) {
      log("error", "the write-ahead log could not be synced to disk", { error: error.message });
      for (const w of waiting) if (w.upTo <= upTo) w.reject(error);
      waiters = waiting.filter((w) => w.upTo > upTo);
    } else {
      synced = Math.max(synced, upTo);
      for (const w of waiting) if (w.upTo <= synced) w.resolve();
      waiters = waiting.filter((w) => w.upTo > synced);
    }
    if (waiters.length > 0) startSync();
  });
}

/** Resolves when every commit made so far through `commitDurably` is on disk (and in a new process, once). */
export function durableSoFar(): Promise<void> {
  const upTo = committed;
  if (synced >= upTo) return Promise.resolve();
  return new Promise((resolve, reject) => {
    waiters.push({ upTo, resolve, reject });
    if (!running) startSync();
  });
}

type Client = ReturnType<typeof db>["$client"];

type Setting = { set: Statement; restore: Statement };
const settings = new WeakMap<Client, Map<string, Setting>>();

/**
 * Runs `write` with the connection's PRAGMA `name` at `value`, then puts back the setting it had
 * (`fallback` when it reads as no number). The pair of statements is prepared once per connection and setting (one value each).
 * A setting's PRAGMA takes effect when SQLite compiles it, not when it runs: preparing `set` and
 * then `restore` leaves the restored setting, and the first run of either changes nothing. SQLite
 * marks a PRAGMA to be compiled again after its first run, and every later run compiles it again,
 * so each takes effect then. One run of each, in this order, leaves the setting as `restore` has
 * it and arms both: from then on every run changes the setting (decision 191). Without it, the
 * first use of a pair ran with the connection's own setting.
 */
function withSetting<T>(client: Client, name: string, value: string, fallback: number, write: () => T): T {
  let byName = settings.get(client);
  if (!byName) settings.set(client, (byName = new Map()));
  let setting = byName.get(name);
  if (!setting) {
    const level = Number(client.pragma(name, { simple: true }));
    setting = {
      set: client.prepare(`PRAGMA ${name} = ${value}`),
      restore: client.prepare(`PRAGMA ${name} = ${Number.isInteger(level) ? level : fallback}`),
    };
    setting.set.run();
    setting.restore.run();
    byName.set(name, setting);
  }
  setting.set.run();
  try {
    return write();
  } finally {
    setting.restore.run();
  }
}

/**
 * Runs `write` (one transaction) with `synchronous = NORMAL` instead of the connection's FULL
 * (decision 121): in WAL mode its commit is written to the log but not fsync'd, so it survives a
 * killed process (the crash drill) and the database stays consistent; only a power cut before
 * the next FULL commit can roll it back. Every FULL commit fsyncs the log with all frames
 * before it, so a submission makes the working copy it came from durable too. A working
 * copy is no acknowledgement: at worst, after a power cut, the resident sees a step again.
 * Inside another transaction the outer commit decides, as before.
 */
export function withoutWaitingForDisk<T>(write: () => T): T {
  const client = db().$client;
  if (client.inTransaction) return write();
  return withSetting(client, "synchronous", "NORMAL", 2, write);
}

/**
 * Runs `write` in one transaction, commits it without an fsync on the event loop
 * (`withoutWaitingForDisk`) and resolves with its result once the commit is on disk. Rejects, with
 * the rows committed but not known to be durable, if the fsync fails: the caller must not
 * acknowledge then (a repeat of the request finds the rows and waits for a new fsync with
 * `durableSoFar`).
 */
export async function commitDurably<T>(write: () => T): Promise<T> {
  const database = db();
  if (database.$client.inTransaction) throw new Error("commitDurably inside another transaction");
  const later: (() => void)[] = [];
  afterSync = later;
  let result: T;
  try {
    // better-sqlite3's own transaction: the same BEGIN IMMEDIATE … COMMIT as drizzle's (db/client),
    // whose transaction object (a query builder per table, ~0.1 ms) `write` never used (decision
    // 154). IMMEDIATE: another process's commit between a read and a write waits, not fails (173).
    result = withStatementJournalInMemory(database.$client, () =>
      withoutWaitingForDisk(() => database.$client.transaction(write).immediate()),
    );
  } finally {
    afterSync = undefined;
  }
  committed++;
  await durableSoFar();
  // Only what the disk holds may start a delivery (decision 155). A rolled-back write or a failed
  // fsync starts none: the jobs' own schedule delivers what did commit.
  for (const run of later) run();
  return result;
}

/**
 * Runs `write` (one transaction, begun inside) with `temp_store = MEMORY`, then restores the
 * connection's setting (decision 191). A transaction whose statements have triggers or foreign keys
 * keeps a statement journal: the pages each statement changes, to undo that statement alone. SQLite
 * keeps it in memory up to 64 KiB and then in a file of its own; a submission's transaction passed
 * that every time (about 40 pages: a file created in the temporary directory, 50 writes, closed and
 * removed, some 1.5 % of the event loop's time a walk). With MEMORY at BEGIN the journal stays in
 * memory, as large as the pages the transaction changes, which the page cache holds anyway. Only
 * here, not for the connection: the same setting would also keep every temporary table in memory
 * (a large DISTINCT or GROUP BY), which the file setting bounds.
 */
function withStatementJournalInMemory<T>(client: Client, write: () => T): T {
  return withSetting(client, "temp_store", "MEMORY", 0, write);
}

/** The kicks asked for by the write `commitDurably` is running, if it runs one. */
let afterSync: (() => void)[] | undefined;

/**
 * Runs `run` (a kick of a delivery job: a notification's, a hand-over's) once the commit it belongs
 * to is on disk: inside `commitDurably`'s write, after its fsync; anywhere else now, as before (a
 * FULL commit has synced by the time the job's tick runs). A delivery never goes out for rows a
 * power cut could undo (decision 155).
 */
export function afterDurableCommit(run: () => void): void {
  if (afterSync) afterSync.push(run);
  else run();
}

/** Tests only: replaces the fsync (to count, delay or fail it); `null` restores the real one. */
export function setWalSyncForTests(replacement: SyncFile | null): void {
  syncFile = replacement ?? fdatasyncWal;
}
