/**
 * Backup drill: `npm run backup` while the portal serves and another process writes, then
 * `npm run restore` into a fresh directory, the portal starts there and the row counts match
 * the manifest. Shutdown drill: SIGTERM lets requests in flight finish and closes the database
 * (the WAL is checkpointed away), and the process exits 0.
 */
import Database from "better-sqlite3";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rowCounts } from "../../scripts/lib/durability.mjs";
import { sleep, startPortal } from "../../scripts/lib/server.mjs";
import { cleanup, HEAVY, port, tempDir, UNLIMITED } from "./support";

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe("backup and restore", () => {
  it("a backup taken under write load restores into a fresh directory where the portal starts with the same rows", async () => {
    const data = tempDir("backup-src");
    const backups = tempDir("backup-out");
    const restored = tempDir("backup-restored");
    dirs.push(data, backups, restored);
    const portal = await startPortal({ dataDir: data, port: port(), env: UNLIMITED });
    const writer = spawn(process.execPath, ["scripts/bench/write-load.mjs", join(data, "portal.db")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let writerOut = "";
    writer.stdout.on("data", (c) => (writerOut += c));
    let reads = 0;
    let stopReads = false;
    const reader = (async () => {
      while (!stopReads) {
        const r = await fetch(`${portal.url}/amal`).catch(() => undefined);
        await r?.arrayBuffer();
        reads++;
      }
    })();
    try {
      await sleep(HEAVY ? 3_000 : 1_000);
      const target = join(backups, "b1");
      // The development data directory's generated keys go with it (docs/decisions/021): the
      // restored portal must decrypt and look up the same rows, not seed new ones.
      const backup = spawnSync(process.execPath, ["scripts/backup.mjs", target, "--include-secrets"], {
        env: { ...process.env, DATA_DIR: data, DATABASE_PATH: join(data, "portal.db") },
        encoding: "utf8",
      });
      expect(backup.status, backup.stderr).toBe(0);
      await sleep(500); // writes go on after the snapshot; they must not be in the copy
      writer.kill("SIGTERM");
      await new Promise((r) => writer.once("exit", r));
      const writes = JSON.parse(writerOut.trim().split("\n").at(-1) ?? "{}").writes ?? 0;
      expect(writes, "the writer wrote while the backup ran").toBeGreaterThan(0);

      const manifest = JSON.parse(readFileSync(join(target, "manifest.json"), "utf8"));
      expect(manifest.integrity).toBe("ok");
      const restore = spawnSync(process.execPath, ["scripts/restore.mjs", target, restored], { encoding: "utf8" });
      expect(restore.status, restore.stderr).toBe(0);

      const copy = await startPortal({ dataDir: restored, port: port(), env: UNLIMITED });
      try {
        expect((await fetch(`${copy.url}/`)).status).toBe(200);
      } finally {
        expect((await copy.stop()).code).toBe(0);
      }
      // The portal's start-up (migrate + idempotent seed) must not change the restored data.
      expect(rowCounts(join(restored, "portal.db"))).toEqual(manifest.rowCounts);
      // And the live database went on growing after the snapshot: the copy is a point in time.
      const live = rowCounts(join(data, "portal.db"));
      const grew = Object.keys(manifest.rowCounts).some((t) => (live[t] ?? 0) > manifest.rowCounts[t]);
      expect(grew).toBe(true);
    } finally {
      stopReads = true;
      await reader;
      writer.kill("SIGKILL");
      await portal.stop();
    }
    expect(reads).toBeGreaterThan(0);
  });

  it("restore refuses a backup without its manifest and a target that is not empty", () => {
    const empty = tempDir("backup-empty");
    dirs.push(empty);
    const r = spawnSync(process.execPath, ["scripts/restore.mjs", empty, tempDir("x")], { encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no manifest/);
  });
});

describe("graceful shutdown", () => {
  it("on SIGTERM requests in flight finish, the database is closed with its WAL checkpointed, and the exit code is 0", async () => {
    const data = tempDir("sigterm");
    dirs.push(data);
    const portal = await startPortal({ dataDir: data, port: port(), env: { ...UNLIMITED, PAGE_CACHE: "off" } });
    const paths = ["/", "/amal", "/tillganglighet", "/om-webbplatsen", "/bengtsfors"];
    // Raw connections, so that "in flight" is exact: each request is written in full before the
    // signal, so the server has it (answered or not) when SIGTERM arrives.
    const inFlight = Array.from({ length: 40 }, (_, i) => rawGet(portal.port, paths[i % paths.length]!));
    await sleep(200);
    const exitPromise = portal.stop("SIGTERM");
    await sleep(100);
    // Arrivals during the drain window are still answered (with Connection: close).
    const during = Array.from({ length: 10 }, (_, i) => rawGet(portal.port, paths[i % paths.length]!));
    const results = await Promise.all([...inFlight, ...during]);
    const exit = await exitPromise;
    console.log(
      JSON.stringify({
        drill: "sigterm",
        exit,
        answered: results.filter((r) => r.status === 200 && r.complete).length,
        of: results.length,
        failures: results.filter((r) => !r.complete).slice(0, 5),
      }),
    );
    expect(exit.code).toBe(0);
    expect(results.filter((r) => r.status !== 200 || !r.complete)).toEqual([]);
    // After the exit nobody answers.
    expect((await rawGet(portal.port, "/")).error).toMatch(/ECONNREFUSED/);
    const wal = join(data, "portal.db-wal");
    expect(!existsSync(wal) || statSync(wal).size === 0, "WAL checkpointed (TRUNCATE) on close").toBe(true);
    const db = new Database(join(data, "portal.db"), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    const log = readFileSync(portal.logPath, "utf8");
    expect(log).not.toMatch(/"level":"error"/);
  });

  it("on SIGTERM a keep-alive connection that got only cache hits is closed, a hit in the drain says Connection: close, and the exit code is 0", async () => {
    const data = tempDir("sigterm-hits");
    dirs.push(data);
    const portal = await startPortal({ dataDir: data, port: port(), env: { ...UNLIMITED, SHUTDOWN_DRAIN_MS: "300" } });
    // The page is stored by a first answer; every later one is a hit answered before Express (decision 133).
    await (await fetch(`${portal.url}/logga-in`)).arrayBuffer();
    const idle = keepAliveConnection(portal.port);
    const busy = keepAliveConnection(portal.port);
    expect(await idle.get("/logga-in")).toMatch(/\r\nX-Cache: hit\r\n/);
    const before = await busy.get("/logga-in");
    expect(before).toMatch(/\r\nX-Cache: hit\r\n/);
    expect(before).toMatch(/\r\nConnection: keep-alive\r\n/);
    const stopped = performance.now();
    const exitPromise = portal.stop("SIGTERM");
    await sleep(100);
    const during = await busy.get("/logga-in");
    expect(during).toMatch(/^HTTP\/1\.1 200 /);
    expect(during).toMatch(/\r\nX-Cache: hit\r\n/);
    expect(during).toMatch(/\r\nConnection: close\r\n/);
    const exit = await exitPromise;
    // A connection that has only had hits counts as served and idle: the shutdown ends it. Were it
    // not counted, the server would wait for it until the 10 s force exit (code 1).
    expect(exit.code).toBe(0);
    expect(performance.now() - stopped).toBeLessThan(8_000);
    expect(idle.ended()).toBe(true);
  });
});

/** One keep-alive connection; `get` sends a GET on it and resolves with the answer's header block. */
function keepAliveConnection(port: number) {
  const socket = connect(port, "127.0.0.1");
  let buffer = Buffer.alloc(0);
  let ended = false;
  let wake: (() => void) | undefined;
  socket.on("data", (c: Buffer) => {
    buffer = Buffer.concat([buffer, c]);
    wake?.();
  });
  socket.on("end", () => {
    ended = true;
    wake?.();
  });
  socket.on("error", () => {
    ended = true;
    wake?.();
  });
  const connected = new Promise<void>((r) => socket.once("connect", () => r()));
  return {
    ended: () => ended,
    async get(path: string): Promise<string> {
      await connected;
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end !== -1) {
          const head = buffer.subarray(0, end + 2).toString("latin1");
          const length = Number(/\r\ncontent-length: (\d+)\r\n/i.exec(head)?.[1]);
          if (buffer.length >= end + 4 + length) {
            buffer = buffer.subarray(end + 4 + length);
            return head;
          }
        }
        if (ended) throw new Error(`the connection ended before the answer to ${path}`);
        await new Promise<void>((r) => (wake = r));
      }
    },
  };
}

/** One HTTP/1.1 GET on its own connection; resolves with the status and whether the page ended. */
function rawGet(port: number, path: string): Promise<{ status?: number; complete: boolean; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    socket.on("data", (c: string) => (data += c));
    socket.on("error", (e) => resolve({ complete: false, error: (e as NodeJS.ErrnoException).code ?? e.message }));
    socket.on("end", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]);
      resolve({
        status: Number.isFinite(status) ? status : undefined,
        complete: data.includes("</html>") || /transfer-encoding: chunked[\s\S]*\r\n0\r\n\r\n$/i.test(data),
      });
    });
  });
}
