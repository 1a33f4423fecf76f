import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsync,
  fsyncSync,
  mkdirSync,
  open,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  write,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { env } from "~/env.server";
import { decryptFile, encryptFile } from "~/platform/crypto.server";

/**
 * The one way the portal keeps files on disk (uploads, message attachments, drawings, decision
 * PDFs): encrypted with the field key ring (docs/decisions/043), written to a temporary file,
 * fsynced, renamed and the directory fsynced (docs/decisions/015), mode 0600. Reading decrypts,
 * and reads a plaintext file from before encryption as it is.
 */
export function dataSubdir(name: "uploads" | "decisions"): string {
  const dir = dataSubdirPath(name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The path of a data subdirectory, without making it: for the hot writers, which make the
 * directory themselves only when it is missing (createInDir). A mkdir of an existing directory
 * is a failing mkdir and a stat each time (decision 166).
 */
export function dataSubdirPath(name: "uploads" | "decisions"): string {
  return join(env().DATA_DIR, name);
}

/**
 * Creates `path` in `dir` (mode 0600, never replacing a file) and gives its descriptor, on libuv's
 * threads: an exclusive create takes the directory's lock and a journal handle, and waits behind a
 * running fsync of the directory or a journal commit (p90 0.4 ms, up to 1.3 ms under the walk,
 * decision 180), time the event loop would stand still. A missing `dir` (never made, or removed
 * since: a restore, a test's fresh data directory) is made and the create tried once more, so no
 * caller needs to make it ahead on every write.
 */
async function createInDir(dir: string, path: string): Promise<number> {
  try {
    return await openOffLoop(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dir, { recursive: true });
    return openOffLoop(path);
  }
}

function openOffLoop(path: string): Promise<number> {
  return new Promise((resolve, reject) =>
    open(path, "wx", 0o600, (error, fd) => (error ? reject(error) : resolve(fd))),
  );
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

function pathFor(dir: string, name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error("bad stored file name");
  return join(dir, name);
}

function fsyncDir(dir: string) {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `plain` encrypted as `dir/name`; `exclusive` refuses to replace an existing file. */
export function writeEncryptedFile(
  dir: string,
  name: string,
  plain: Uint8Array,
  options: { exclusive?: boolean } = {},
) {
  const target = pathFor(dir, name);
  if (options.exclusive && existsSync(target)) throw new Error("stored file exists");
  const tmp = join(dir, `.tmp-${randomBytes(8).toString("hex")}-${name}`);
  writeNewFileSynced(tmp, encryptFile(plain));
  renameSync(tmp, target);
  fsyncDir(dir);
}

/** Creates `path` (mode 0600, never replacing a file) with `bytes` and fsyncs it. */
function writeNewFileSynced(path: string, bytes: Uint8Array) {
  const fd = openSync(path, "wx", 0o600);
  try {
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file written ahead of its row (decision 137): `dir/.tmp-pending-<name>` until the row that
 * names it has committed, then renamed to `name` (publishPendingFile). The `.tmp-` prefix makes
 * it a temporary file to the clean-up job and the durability check while no row names it.
 */
const PENDING_PREFIX = ".tmp-pending-";

function pendingPath(dir: string, name: string): string {
  pathFor(dir, name); // the same check of the name
  return join(dir, `${PENDING_PREFIX}${name}`);
}

/** The names of `dir`'s pending files that have no file under their own name yet. */
export function pendingFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((entry) => entry.startsWith(PENDING_PREFIX))
    .map((entry) => entry.slice(PENDING_PREFIX.length))
    .filter((name) => SAFE_NAME.test(name) && !existsSync(join(dir, name)));
}

/**
 * Writes `plain` encrypted as the pending file of `name` and makes it durable, name included
 * (file fsync, directory fsync). The fsyncs run on libuv's threads, both at once, and the
 * directory's is shared by the writes into that directory meanwhile (syncDirectory): the event
 * loop serves other requests while the disk works. The file is created there too (createInDir):
 * an exclusive create waits behind the directory's fsync (decision 180). Writing it, up to
 * LOOP_WRITE_BYTES (microseconds of page cache, like the rename that publishes it), and closing it
 * stay on the event loop: each hop to libuv's threads costs a thread wake-up and a callback, and a
 * FileHandle's open, write, sync and close were seven of them (decision 153). Three hops now. Only
 * once this resolves may a row name the file; then publishPendingFile.
 */
export async function writePendingFile(
  dir: string,
  name: string,
  plain: Uint8Array,
  options: { randomName?: boolean } = {},
): Promise<void> {
  // A name of 128 random bits (an upload's, a message attachment's) names no file yet: the check is
  // only for names made from data (a decision's PDF). On the event loop it cost the walk about 0.5 %
  // of its time, a path lookup in a directory of every upload (decision 191).
  if (options.randomName) pathFor(dir, name);
  else if (existsSync(pathFor(dir, name))) throw new Error("stored file exists");
  const bytes = encryptFile(plain);
  const fd = await createInDir(dir, pendingPath(dir, name));
  let failed: { reason: unknown } | undefined;
  try {
    if (bytes.byteLength <= LOOP_WRITE_BYTES) {
      let offset = 0;
      while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
    } else await writeOffLoop(fd, bytes);
    // Both settle before the descriptor closes: a close under a running fsync could let the
    // number be reused for another file.
    const synced = await Promise.allSettled([fsyncOffLoop(fd), syncDirectory(dir)]);
    failed = synced.find((r): r is PromiseRejectedResult => r.status === "rejected");
  } catch (reason) {
    failed = { reason };
  } finally {
    closeSync(fd);
  }
  if (failed) {
    // Not written whole or not durable: a pending file no row will ever name.
    removePendingFile(dir, name);
    throw failed.reason;
  }
}

/** Up to this size a file's bytes are copied to the page cache on the event loop; a larger one (a drawing) on libuv's threads. */
const LOOP_WRITE_BYTES = 64 * 1024;

async function writeOffLoop(fd: number, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const at = offset;
    offset += await new Promise<number>((resolve, reject) =>
      write(fd, bytes, at, bytes.byteLength - at, null, (error, written) => (error ? reject(error) : resolve(written))),
    );
  }
}

function fsyncOffLoop(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
}

/**
 * A directory kept open for its fsyncs, and the fsync running on it. Keyed by the directory's
 * device and inode, not its path: a directory removed and made again under the same path (a
 * test's data directory) is another entry, and an open descriptor keeps its inode's number from
 * being reused. At most MAX_OPEN_DIRECTORIES idle ones stay open (one in production: uploads/).
 */
interface OpenDirectory {
  fd: number;
  running: Promise<void> | null;
  next: Promise<void> | null;
}
const openDirectories = new Map<string, OpenDirectory>();
const MAX_OPEN_DIRECTORIES = 4;

/**
 * Makes every entry created in `dir` before this call durable: an fsync of the directory that
 * starts after the call. While one runs, the callers meanwhile share the next one (group
 * commit): an fsync already running may have started before their entry was made, so they wait
 * for it to end and then for one of their own. A failed fsync fails every caller that waited for it.
 * Async, so that a directory that cannot be opened is a rejection, never a throw beside a
 * running fsync.
 */
async function syncDirectory(dir: string): Promise<void> {
  const { dev, ino } = statSync(dir);
  const key = `${dev}:${ino}`;
  let entry = openDirectories.get(key);
  if (!entry) {
    for (const [k, other] of openDirectories) {
      if (openDirectories.size < MAX_OPEN_DIRECTORIES) break;
      if (other.running || other.next) continue;
      openDirectories.delete(k);
      closeSync(other.fd);
    }
    entry = { fd: openSync(dir, "r"), running: null, next: null };
    openDirectories.set(key, entry);
  }
  return queueDirectorySync(entry);
}

function queueDirectorySync(entry: OpenDirectory): Promise<void> {
  if (!entry.running) {
    entry.running = fsyncOffLoop(entry.fd).finally(() => {
      entry.running = null;
    });
    return entry.running;
  }
  entry.next ??= entry.running
    .catch(() => undefined)
    .then(() => {
      entry.next = null;
      return queueDirectorySync(entry);
    });
  return entry.next;
}

/**
 * As writePendingFile, on the event loop: for the writers that stay synchronous (a test's
 * upload, a drawing stored outside a request). The same order: durable, pending, before the row.
 */
export function writePendingFileSync(dir: string, name: string, plain: Uint8Array): void {
  if (existsSync(pathFor(dir, name))) throw new Error("stored file exists");
  writeNewFileSynced(pendingPath(dir, name), encryptFile(plain));
  fsyncDir(dir);
}

/**
 * Runs file writes in parallel (each one's fsyncs on libuv's threads) and gives their results, or,
 * when any fails, removes with `drop` those that were written and throws the first failure: the
 * files of one answer are written all or none, before their rows (decisions 137, 150).
 */
export async function writeAllOrNone<T>(writes: Promise<T>[], drop: (written: T) => void): Promise<T[]> {
  const results = await Promise.allSettled(writes);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (!failed) return results.map((r) => (r as PromiseFulfilledResult<T>).value);
  for (const r of results) if (r.status === "fulfilled") drop(r.value);
  throw failed.reason;
}

/**
 * Gives a pending file its name, once its row has committed. Idempotent: another process's
 * start-up or clean-up may have done it first. No fsync: a rename a power cut undoes leaves the
 * pending file, which the next start-up publishes again (finishPendingUploads).
 */
export function publishPendingFile(dir: string, name: string): void {
  try {
    renameSync(pendingPath(dir, name), pathFor(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !existsSync(pathFor(dir, name))) throw error;
  }
}

/** How long ago the pending file of `name` was last written, in milliseconds (0 when it is gone). */
export function pendingFileAge(dir: string, name: string, now = Date.now()): number {
  try {
    return now - statSync(pendingPath(dir, name)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

/** Removes the pending file of `name` (its row was never written); one already gone is no error. */
export function removePendingFile(dir: string, name: string): void {
  try {
    unlinkSync(pendingPath(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * The plain bytes of `dir/name`, or null when there is no such file. A row whose file is still
 * pending (its process was killed between the row's commit and the rename, and no start-up has
 * published it yet) reads the pending file: it was durable before the row committed.
 */
export function readStoredFileBytes(dir: string, name: string): Buffer | null {
  const path = pathFor(dir, name);
  if (existsSync(path)) return decryptFile(readFileSync(path));
  const pending = pendingPath(dir, name);
  return existsSync(pending) ? decryptFile(readFileSync(pending)) : null;
}

/** Removes `dir/name`; a file that is already gone is not an error. Returns whether one was removed. */
export function removeStoredFile(dir: string, name: string): boolean {
  try {
    unlinkSync(pathFor(dir, name));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** As readStoredFileBytes, for a file a row says exists: a missing one is an error, as before. */
export function readStoredFile(dir: string, name: string): Buffer {
  const bytes = readStoredFileBytes(dir, name);
  if (!bytes) throw new Error(`stored file missing: ${name}`);
  return bytes;
}
