import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { walFrames } from "./wal.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function walDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "wal-test-"));
  dirs.push(dir);
  const path = join(dir, "t.db");
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
  db.exec("CREATE INDEX t_v ON t (v)");
  return { db, path, wal: `${path}-wal` };
}

describe("walFrames", () => {
  it("gives one commit frame per transaction and the pages of the b-trees it wrote", () => {
    const { db, wal } = walDatabase();
    const start = walFrames(wal).frames.length;
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    for (let i = 0; i < 3; i++) insert.run(`value ${i}`);
    const frames = walFrames(wal).frames.slice(start);
    expect(frames.filter((f: { commit: boolean }) => f.commit)).toHaveLength(3);
    const owner = new Map(db.prepare("SELECT pageno, name FROM dbstat").raw().all() as [number, string][]);
    const trees = new Set(frames.map((f: { page: number }) => owner.get(f.page)));
    expect(trees).toEqual(new Set(["t", "t_v"]));
    db.close();
  });

  it("stops at the frames of an earlier run of the log after a restart", () => {
    const { db, wal } = walDatabase();
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    for (let i = 0; i < 5; i++) insert.run(`value ${i}`);
    const first = walFrames(wal);
    db.pragma("wal_checkpoint(PASSIVE)");
    insert.run("after the checkpoint"); // the log starts again from its first frame, with a new salt
    const second = walFrames(wal);
    expect(second.salt).not.toBe(first.salt);
    expect(second.frames.length).toBeLessThan(first.frames.length);
    expect(second.frames.at(-1)?.commit).toBe(true);
    db.close();
  });
});
