/**
 * Two instances on one database (docs/decisions/053, 173, 174): a rolling restart, or two portal
 * processes behind a proxy, share DATA_DIR and its SQLite file. They are started at the same moment
 * on a new data directory (both migrate, seed and make the demo secrets at once), then residents
 * walk a form with every request going to either instance, as a proxy without sticky sessions
 * sends them: a step saved by one is read by the other, a CSRF token made by one is checked by the
 * other. Every walk must be acknowledged, once; nothing acknowledged may be lost; every encrypted
 * value must be readable with the one key on disk; no scheduled job may run in both at once.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkDataDir } from "../../scripts/lib/durability.mjs";
import { CookieJar, submitForm } from "../../scripts/lib/form-walker.mjs";
import { startPortal } from "../../scripts/lib/server.mjs";
import { cleanup, HEAVY, port, tempDir, UNLIMITED } from "./support";

const WALKS = HEAVY ? 1000 : 240;
const CONCURRENCY = 20;
const FORM = "/blanketter/felanmalan-gata-park";

type Portal = Awaited<ReturnType<typeof startPortal>>;

describe("two instances on one database", () => {
  const dir = tempDir("two-instances");
  const ports = [port(), port()];
  let portals: Portal[] = [];

  afterAll(async () => {
    await Promise.all(portals.map((p) => p.stop()));
    cleanup(dir);
  });

  it("start at the same moment on a new data directory: both migrate, seed and answer", async () => {
    const started = await Promise.allSettled(ports.map((p) => startPortal({ dataDir: dir, port: p, env: UNLIMITED })));
    portals = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    expect(started.map((s) => (s.status === "rejected" ? String(s.reason).slice(0, 600) : "started"))).toEqual([
      "started",
      "started",
    ]);
    const db = new Database(join(dir, "portal.db"), { readonly: true });
    try {
      // One seed: the second start waited for the first and found its fingerprint.
      expect((db.prepare("select count(*) as n from municipality").get() as { n: number }).n).toBe(5);
      expect((db.prepare("select count(*) as n from seed_state").get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  }, 240_000);

  it("walks whose requests alternate between the instances are all acknowledged and all kept", async () => {
    expect(portals).toHaveLength(2);
    const examples = ((await import("../../forms/definitions/index")).formExamples ?? {}) as Record<string, unknown>;
    const acknowledged: { reference: string; attachments: number }[] = [];
    const refused: string[] = [];
    let next = 0;
    const served = [0, 0];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let walk = next++; walk < WALKS; walk = next++) {
          // Each request goes to the other instance than the last; walks start on either, so the
          // sends (the last request) land on both.
          let turn = walk % 2;
          const route = (url: string) => {
            const to = new URL(url);
            to.port = String(ports[turn]!);
            served[turn]!++;
            turn = 1 - turn;
            return to.href;
          };
          const r = await submitForm(`${portals[walk % 2]!.url}${FORM}`, {
            examples: examples as never,
            jar: new CookieJar(),
            timeoutMs: 60_000,
            route,
          }).catch((e: Error) => ({ ok: false as const, error: e.message, status: undefined }));
          if (r.ok && "reference" in r && r.reference)
            acknowledged.push({ reference: r.reference, attachments: r.attachments ?? 0 });
          else refused.push(`${r.status ?? "-"} ${"error" in r ? r.error : ""}`.slice(0, 300));
        }
      }),
    );
    console.log(JSON.stringify({ drill: "two-instances", walks: WALKS, acknowledged: acknowledged.length, served }));
    expect(refused.slice(0, 5)).toEqual([]);
    expect(acknowledged).toHaveLength(WALKS);
    expect(new Set(acknowledged.map((a) => a.reference)).size).toBe(WALKS);
    expect(Math.min(...served)).toBeGreaterThan(WALKS);

    await Promise.all(portals.map((p) => p.stop()));
    const { problems } = checkDataDir(dir, { acknowledged });
    expect(problems).toEqual([]);

    // One key: the key-rotation tool reads every encrypted value with the key file on disk and
    // exits 1 if any was written under another key.
    const reencrypt = spawnSync(process.execPath, ["--import", "tsx", "scripts/reencrypt-keys.ts"], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_PATH: join(dir, "portal.db"), PORTAL_ENV: "test" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(`${reencrypt.status} ${reencrypt.stdout.trim()} ${reencrypt.stderr.trim()}`.trim()).toBe(
      "0 re-encrypted 0 value(s)",
    );

    // The job lease (decision 053): no job ran in both instances at once.
    const db = new Database(join(dir, "portal.db"), { readonly: true });
    try {
      const runs = db
        .prepare(
          "select name, holder, started_at as s, coalesce(finished_at, started_at) as f from job_run order by name, s",
        )
        .all() as { name: string; holder: string; s: string; f: string }[];
      const overlapping = runs.filter((r, i) => i > 0 && runs[i - 1]!.name === r.name && r.s < runs[i - 1]!.f);
      expect(overlapping).toEqual([]);
      expect(runs.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 600_000);
});
