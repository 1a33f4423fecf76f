import { close, fdatasync, fdatasyncSync, openSync } from "node:fs";
import Database from "better-sqlite3";
import { log } from "~/utils/logger.server";

/**
 * The write-ahead log's checkpoints without their fsyncs on the event loop (decision 170).
 *
 * SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages: on the
 * event loop, it copies the log's pages into the database file and fsyncs the log before and the
 * database file after (with `synchronous = NORMAL`, which every commit of decision 121 and 146
 * uses). Under the bench's walks that was a checkpoint every 12 walks whose two fsyncs of a 300 MB
 * file held every request for milliseconds, at times for a tenth of a second.
 *
 * Here the portal's connection checkpoints itself (`wal_autocheckpoint = 0`), in cycles:
 * 1. A second, read-only connection opens a read transaction: its snapshot ends at the log's last
 *    frame M. While it is open, SQLite copies no frame after M and no writer restarts the log
 *    (overwrites it from its start), whatever is copied.
 * 2. The log is fdatasync'd on libuv's thread pool: frames up to M are on the disk.
 * 3. The portal's connection checkpoints with `synchronous = OFF`: it copies frames up to M into
 *    the database file, without an fsync.
 * 4. The database file is fdatasync'd on the thread pool: the copied pages are on the disk.
 * 5. The read transaction ends. When the log has grown past ~16 MB, the portal's connection
 *    checkpoints once more, with SQLite's own fsyncs, what was written meanwhile (a few frames:
 *    both files are mostly on the disk, so those fsyncs are short); the log is then fully copied
 *    and the next commit restarts it (writes it from its start again).
 *
 * Why nothing acknowledged can be lost, by crash or power cut: this is the order SQLite's own
 * checkpoint keeps (the log is on the disk before its frames are copied; the database file is on
 * the disk before the log can be overwritten); only the waits moved off the event loop.
 */

/** The log's length (frames of 4 KiB, ~16 MB) past which a cycle ends with step 5. */
const RESTART_AFTER_FRAMES = 4096;
/** How often a cycle starts when something was committed (at most one runs at a time). */
const INTERVAL_MS = 250;

/** Any read: it opens the read transaction `BEGIN` only announced. */
const FIRST_READ = "SELECT 1 FROM sqlite_schema LIMIT 1";

type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

type Checkpointer = {
  client: Database.Database;
  pin: Database.Database;
  walFd: number;
  dbFd: number;
  timer: NodeJS.Timeout;
  /** A cycle is between its steps 1 and 4. */
  running: boolean;
  stopped: boolean;
  /** Copied pages could not be synced: the snapshot stays and no cycle runs until the process stops. */
  failed: boolean;
  lastVersion: number;
  restartAfterFrames: number;
};

let current: Checkpointer | undefined;
let syncFile: SyncFile = fdatasync;
let syncFileNow: (fd: number) => void = fdatasyncSync;

/**
 * Tests only: replace the thread pool's fdatasync (to hold a sync and watch what waits for it) and
 * the event loop's (to make it fail); `undefined` puts the real ones back.
 */
export function setCheckpointSyncForTests(fn: SyncFile | undefined, now?: (fd: number) => void) {
  syncFile = fn ?? fdatasync;
  syncFileNow = now ?? fdatasyncSync;
}

/**
 * Starts the cycles for `client` (the portal's one connection) every `intervalMs` while there are
 * commits. Not for `:memory:` databases. A second call stops the first checkpointer.
 */
export function startCheckpointer(
  client: Database.Database,
  { intervalMs = INTERVAL_MS, restartAfterFrames = RESTART_AFTER_FRAMES } = {},
): void {
  stopCheckpointer();
  if (client.memory) return;
  client.pragma("wal_autocheckpoint = 0");
  // A read opens (creates) the -wal file, which stays while the connection is open.
  client.prepare(FIRST_READ).get();
  const pin = new Database(client.name, { readonly: true, fileMustExist: true });
  pin.pragma("cache_size = -64");
  const walFd = openSync(`${client.name}-wal`, "r");
  const dbFd = openSync(client.name, "r");
  const checkpointer: Checkpointer = {
    client,
    pin,
    walFd,
    dbFd,
    running: false,
    stopped: false,
    failed: false,
    lastVersion: Number(pin.pragma("data_version", { simple: true })),
    restartAfterFrames,
    timer: setInterval(() => void cycle(checkpointer), intervalMs),
  };
  checkpointer.timer.unref();
  current = checkpointer;
}

/**
 * Stops the cycles and ends the read transaction at once; a sync still running closes its files
 * when it returns. The caller's final checkpoint (closeDatabase's, with SQLite's fsyncs) copies
 * the rest. SQLite's automatic checkpoint is on again for the connection.
 */
export function stopCheckpointer(): void {
  const c = current;
  if (!c) return;
  current = undefined;
  c.stopped = true;
  clearInterval(c.timer);
  endPin(c);
  c.pin.close();
  if (c.client.open) c.client.pragma("wal_autocheckpoint = 1000");
  if (!c.running) closeFiles(c);
}

function closeFiles(c: Checkpointer) {
  close(c.walFd, () => undefined);
  close(c.dbFd, () => undefined);
}

function endPin(c: Checkpointer) {
  if (c.pin.inTransaction) c.pin.exec("ROLLBACK");
}

function sync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => syncFile(fd, (error) => (error ? reject(error) : resolve())));
}

/** One checkpoint as `wal_checkpoint(PASSIVE)` reports it: the log's frames and those copied. */
type CheckpointResult = { busy: number; log: number; checkpointed: number };

function checkpoint(client: Database.Database, synchronous: "OFF" | "NORMAL"): CheckpointResult {
  const level = Number(client.pragma("synchronous", { simple: true }));
  client.pragma(`synchronous = ${synchronous}`);
  try {
    return (client.pragma("wal_checkpoint(PASSIVE)") as CheckpointResult[])[0]!;
  } finally {
    client.pragma(`synchronous = ${Number.isInteger(level) ? level : 2}`);
  }
}

/** One cycle (steps 1-5 above); exported for tests, which run cycles without the timer. */
export async function cycle(c: Checkpointer | undefined = current): Promise<CheckpointResult | undefined> {
  if (!c || c.running || c.stopped || c.failed || !c.client.open || c.client.inTransaction) return undefined;
  // Nothing committed since the last cycle: nothing to copy.
  const version = Number(c.pin.pragma("data_version", { simple: true }));
  if (version === c.lastVersion) return undefined;
  c.lastVersion = version;
  c.running = true;
  let copied: CheckpointResult | undefined;
  // Pages copied whose sync failed keep the snapshot (SQLite's order) until the process stops: the
  // log then only grows, and the error is in the log.
  let keepPin = false;
  try {
    // 1. The snapshot that bounds the copy and keeps the log from being overwritten. (When all of
    // the log was copied already, SQLite gives it the database file itself, and then no checkpoint
    // copies anything while it is open.)
    c.pin.exec("BEGIN");
    c.pin.prepare(FIRST_READ).get();
    // 2. Frames up to the snapshot's last on the disk.
    await sync(c.walFd);
    if (c.stopped || !c.client.open || c.client.inTransaction) return undefined;
    // 3. Copied without an fsync, up to the snapshot's last frame.
    copied = checkpoint(c.client, "OFF");
    // 4. The copied pages on the disk.
    await sync(c.dbFd);
  } catch (error) {
    log("error", "a checkpoint of the write-ahead log failed", { error: (error as Error).message });
    keepPin = copied !== undefined && !syncedNow(c);
    c.failed = keepPin;
    copied = undefined;
  } finally {
    c.running = false;
    if (c.stopped) closeFiles(c);
    else if (!keepPin) endPin(c);
  }
  // 5. A long log copied to its end with SQLite's fsyncs, so that the next commit restarts it.
  if (copied && copied.log > c.restartAfterFrames && !c.stopped && c.client.open && !c.client.inTransaction)
    return checkpoint(c.client, "NORMAL");
  return copied;
}

function syncedNow(c: Checkpointer): boolean {
  try {
    syncFileNow(c.dbFd);
    return true;
  } catch (error) {
    log("error", "the database file could not be synced after a checkpoint", { error: (error as Error).message });
    return false;
  }
}
