/**
 * writePendingFile's durability (decisions 137, 153, 180): the file and its directory are fsynced
 * before the promise resolves; a directory fsync is shared only by writes whose file existed when
 * it started; a failed fsync leaves no pending file. node:fs's fsync is wrapped to see the calls.
 */
import * as realFs from "node:fs";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readStoredFileBytes, writePendingFile } from "./file-store.server";

type Event =
  | { kind: "create"; path: string }
  | { kind: "fsyncStart"; fd: number; ino: number; dir: boolean; call: number }
  | { kind: "fsyncEnd"; call: number };

const log: Event[] = [];
let fail: ((fd: number, dir: boolean) => boolean) | null = null;
let writesOffLoop = 0;
let mkdirs = 0;
/** Existence checks on the event loop (a path lookup each). */
let existsChecks = 0;
/** Exclusive creates on the event loop: none for a pending file (decision 180). */
let syncCreates = 0;

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  let calls = 0;
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      const fd = fs.openSync(...args);
      if (args[1] === "wx") syncCreates++;
      return fd;
    },
    // The pending file is created on libuv's threads (decision 180): logged once it exists.
    open: (...args: unknown[]) => {
      const callback = args.at(-1) as (error: NodeJS.ErrnoException | null, fd: number) => void;
      const rest = args.slice(0, -1);
      (fs.open as (...a: unknown[]) => void)(...rest, (error: NodeJS.ErrnoException | null, fd: number) => {
        if (!error && rest[1] === "wx") log.push({ kind: "create", path: String(rest[0]) });
        callback(error, fd);
      });
    },
    existsSync: (...args: Parameters<typeof fs.existsSync>) => {
      existsChecks++;
      return fs.existsSync(...args);
    },
    mkdirSync: (...args: Parameters<typeof fs.mkdirSync>) => {
      mkdirs++;
      return fs.mkdirSync(...args);
    },
    write: (...args: unknown[]) => {
      writesOffLoop++;
      return (fs.write as (...a: unknown[]) => void)(...args);
    },
    fsync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
      const stat = fs.fstatSync(fd);
      const call = ++calls;
      log.push({ kind: "fsyncStart", fd, ino: stat.ino, dir: stat.isDirectory(), call });
      if (fail?.(fd, stat.isDirectory())) {
        setImmediate(() => {
          log.push({ kind: "fsyncEnd", call });
          callback(Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" }));
        });
        return;
      }
      fs.fsync(fd, (error) => {
        log.push({ kind: "fsyncEnd", call });
        callback(error);
      });
    },
  };
});

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "file-store-"));
  log.length = 0;
  fail = null;
  syncCreates = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pendingName = (name: string) => join(dir, `.tmp-pending-${name}`);
const at = (e: Event) => log.indexOf(e);
const starts = () => log.filter((e): e is Extract<Event, { kind: "fsyncStart" }> => e.kind === "fsyncStart");
const endOf = (call: number) => log.findIndex((e) => e.kind === "fsyncEnd" && e.call === call);

/** Whether some fsync of the directory `ino` started after `from` and ended before `before`. */
function dirSyncedBetween(ino: number, from: number, before: number) {
  return starts().some((s) => s.dir && s.ino === ino && at(s) > from && endOf(s.call) !== -1 && endOf(s.call) < before);
}

describe("writePendingFile", () => {
  it("writes the file encrypted (0600) and has fsynced it and, after it was made, its directory when it resolves", async () => {
    const plain = new TextEncoder().encode("ett foto");
    let resolvedAt = -1;
    await writePendingFile(dir, "a1", plain).then(() => (resolvedAt = log.push({ kind: "fsyncEnd", call: -1 }) - 1));
    const created = log.findIndex((e) => e.kind === "create" && e.path === pendingName("a1"));
    expect(created).toBeGreaterThanOrEqual(0);
    // Made on libuv's threads: an exclusive create waits behind the directory's fsync (decision 180).
    expect(syncCreates, "creates on the event loop").toBe(0);
    const fileIno = statSync(pendingName("a1")).ino;
    const fileSync = starts().find((s) => !s.dir && s.ino === fileIno);
    expect(fileSync, "the file's fsync").toBeDefined();
    expect(endOf(fileSync!.call)).toBeLessThan(resolvedAt);
    expect(dirSyncedBetween(statSync(dir).ino, created, resolvedAt), "the directory's fsync").toBe(true);
    expect(statSync(pendingName("a1")).mode & 0o777).toBe(0o600);
    expect(readFileSync(pendingName("a1")).includes(Buffer.from("ett foto"))).toBe(false);
    expect(readStoredFileBytes(dir, "a1")).toEqual(Buffer.from(plain));
  });

  it("writes at once share directory fsyncs, each one covered by an fsync that started after its file was made", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `g${i}`);
    const resolved = new Map<string, number>();
    await Promise.all(
      names.map((name) =>
        writePendingFile(dir, name, new Uint8Array([1, 2, 3])).then(() =>
          resolved.set(name, log.push({ kind: "fsyncEnd", call: -1 }) - 1),
        ),
      ),
    );
    const ino = statSync(dir).ino;
    for (const name of names) {
      const created = log.findIndex((e) => e.kind === "create" && e.path === pendingName(name));
      expect(dirSyncedBetween(ino, created, resolved.get(name)!), name).toBe(true);
      expect(starts().filter((s) => !s.dir && s.ino === statSync(pendingName(name)).ino)).toHaveLength(1);
    }
    const dirSyncs = starts().filter((s) => s.dir).length;
    expect(dirSyncs).toBeGreaterThanOrEqual(1);
    expect(dirSyncs).toBeLessThan(names.length);
  });

  it("a failed fsync of the file or of the directory rejects and leaves no pending file; the next write succeeds", async () => {
    fail = (_fd, isDir) => !isDir;
    await expect(writePendingFile(dir, "f1", new Uint8Array([1]))).rejects.toThrow(/EIO/);
    expect(realFs.existsSync(pendingName("f1"))).toBe(false);
    fail = (_fd, isDir) => isDir;
    const both = await Promise.allSettled(["f2", "f3"].map((n) => writePendingFile(dir, n, new Uint8Array([2]))));
    expect(both.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(realFs.existsSync(pendingName("f2")) || realFs.existsSync(pendingName("f3"))).toBe(false);
    fail = null;
    await writePendingFile(dir, "f4", new Uint8Array([4]));
    expect(readStoredFileBytes(dir, "f4")).toEqual(Buffer.from([4]));
  });

  it("a directory removed and made again under the same path: the new directory is the one fsynced", async () => {
    await writePendingFile(dir, "r1", new Uint8Array([1]));
    const oldIno = statSync(dir).ino;
    rmSync(dir, { recursive: true, force: true });
    realFs.mkdirSync(dir);
    const newIno = statSync(dir).ino;
    log.length = 0;
    await writePendingFile(dir, "r2", new Uint8Array([2]));
    const dirSyncs = starts().filter((s) => s.dir);
    expect(dirSyncs.length).toBeGreaterThanOrEqual(1);
    expect(dirSyncs.every((s) => s.ino === newIno)).toBe(true);
    if (newIno !== oldIno) expect(dirSyncs.some((s) => s.ino === oldIno)).toBe(false);
  });

  it("a missing directory (removed since, a restore) is made by the write, and only then (decision 166)", async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirs = 0;
    await writePendingFile(dir, "m1", new Uint8Array([1]));
    expect(mkdirs).toBe(1);
    const created = log.findIndex((e) => e.kind === "create" && e.path === pendingName("m1"));
    expect(dirSyncedBetween(statSync(dir).ino, created, log.length), "the new directory's fsync").toBe(true);
    await writePendingFile(dir, "m2", new Uint8Array([2]));
    expect(mkdirs, "no mkdir for a directory that exists").toBe(1);
    expect(readStoredFileBytes(dir, "m1")).toEqual(Buffer.from([1]));
    expect(readStoredFileBytes(dir, "m2")).toEqual(Buffer.from([2]));
  });

  it("refuses a name that is already stored, without touching it", async () => {
    realFs.writeFileSync(join(dir, "taken"), "x");
    await expect(writePendingFile(dir, "taken", new Uint8Array([1]))).rejects.toThrow(/exists/);
    expect(readFileSync(join(dir, "taken"), "utf8")).toBe("x");
    expect(realFs.existsSync(pendingName("taken"))).toBe(false);
  });

  it("looks up a name made from data before writing, and never a random one (decision 191)", async () => {
    existsChecks = 0;
    await writePendingFile(dir, "BEN-2026-000001-beslut.pdf", new Uint8Array([1]));
    expect(existsChecks).toBe(1);
    await writePendingFile(dir, "0123456789abcdef0123456789abcdef", new Uint8Array([2]), { randomName: true });
    expect(existsChecks).toBe(1);
    expect(realFs.existsSync(pendingName("0123456789abcdef0123456789abcdef"))).toBe(true);
    // The name is still checked for its form: a random name is no way around it.
    await expect(writePendingFile(dir, "../x", new Uint8Array([3]), { randomName: true })).rejects.toThrow(/name/);
  });
});

describe("writePendingFile of a large file", () => {
  it("writes it whole off the event loop, fsynced, and reads back byte for byte", async () => {
    const plain = new Uint8Array(300_000).map((_, i) => i % 251);
    writesOffLoop = 0;
    await writePendingFile(dir, "small", new Uint8Array(1000));
    expect(writesOffLoop).toBe(0);
    await writePendingFile(dir, "big", plain);
    expect(writesOffLoop).toBeGreaterThanOrEqual(1);
    const fileIno = statSync(pendingName("big")).ino;
    expect(starts().some((s) => !s.dir && s.ino === fileIno)).toBe(true);
    expect(starts().some((s) => s.dir && s.ino === statSync(dir).ino)).toBe(true);
    expect(readStoredFileBytes(dir, "big")).toEqual(Buffer.from(plain));
  });
});
