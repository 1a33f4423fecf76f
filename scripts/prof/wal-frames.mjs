#!/usr/bin/env node
// Which tables and indexes a form walk writes (decision 187): walks in batches, each batch's
// write-ahead-log frames read from the `-wal` file and mapped to the b-tree that owns the page
// (SQLite's dbstat). A frame is one 4 KiB page written at a commit; the log's writes, and part of the
// main thread's system time, grow with them. Run from a checkout with a build, under node --import tsx:
//
//   node --import tsx scripts/prof/wal-frames.mjs [--large] [--form=/blanketter/…] [--batches=12] [--port=3495]
//
// The portal checkpoints every 250 ms and then starts the log again from its first frame
// (app/db-checkpoint.server.ts). During a batch a read transaction of this process holds the log:
// SQLite does not restart a log a reader still uses, so the batch's frames follow each other. A
// batch whose log was restarted anyway is left out (and said).
import Database from "better-sqlite3";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CookieJar, submitForm } from "../lib/form-walker.mjs";
import { LOAD_LIMITS_ENV, sleep, startPortal } from "../lib/server.mjs";
import { freshDataDir } from "./large-data.mjs";
import { walFrames } from "./wal.mjs";

const { values: o } = parseArgs({
  options: {
    large: { type: "boolean", default: false },
    port: { type: "string", default: "3495" },
    form: { type: "string", default: "/blanketter/felanmalan-gata-park" },
    batches: { type: "string", default: "12" },
    "per-batch": { type: "string", default: "5" },
  },
});

const dataDir = await freshDataDir({ large: o.large });
const portal = await startPortal({
  dataDir,
  port: Number(o.port),
  env: LOAD_LIMITS_ENV,
  mailProcess: "sink",
});
try {
  const dbPath = join(portal.dataDir, "portal.db");
  const walPath = `${dbPath}-wal`;
  const walk = async () => {
    const r = await submitForm(portal.url + o.form, { jar: new CookieJar() });
    if (!r.ok) throw new Error(`walk failed: ${JSON.stringify(r)}`);
  };
  for (let i = 0; i < 50; i++) await walk();
  const pin = new Database(dbPath, { readonly: true });
  const perBatch = Number(o["per-batch"]);
  const written = [];
  let walks = 0;
  let skipped = 0;
  for (let b = 0; b < Number(o.batches); b++) {
    // A walk first: the log has frames, so the reader below holds a part of it.
    await walk();
    pin.exec("BEGIN");
    pin.prepare("SELECT count(*) FROM sqlite_schema").get();
    const before = walFrames(walPath);
    for (let i = 0; i < perBatch; i++) await walk();
    await sleep(300);
    const after = walFrames(walPath);
    pin.exec("COMMIT");
    if (after.salt !== before.salt || after.frames.length < before.frames.length) {
      skipped++;
      continue;
    }
    written.push(...after.frames.slice(before.frames.length));
    walks += perBatch;
  }
  if (walks === 0) throw new Error(`every batch's log was restarted (${skipped})`);
  const owner = new Map(pin.prepare("SELECT pageno, name FROM dbstat").raw().all());
  pin.close();
  const byTree = new Map();
  for (const f of written) {
    const name = owner.get(f.page) ?? "(new or free page)";
    byTree.set(name, (byTree.get(name) ?? 0) + 1);
  }
  const commits = written.filter((f) => f.commit).length;
  console.log(
    `${walks} walks (${skipped} batches left out): ${(written.length / walks).toFixed(1)} frames and ${(commits / walks).toFixed(2)} commits a walk`,
  );
  for (const [name, n] of [...byTree].sort((a, b) => b[1] - a[1])) console.log(`${(n / walks).toFixed(2)}\t${name}`);
} finally {
  await portal.stop();
}
