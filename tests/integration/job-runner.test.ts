import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { openDatabase, type DB } from "../../db/client";
import { jobLease, jobRun } from "../../db/schema/index";
import { defineJob, JobRunner } from "~/jobs/runner.server";

// Two real processes, each with its own JobRunner, on one SQLite file: what the lease row
// promises when the portal runs as two instances (docs/decisions/053).
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startChild(config: { dbPath: string; holder: string; everyMs: number; runMs: number; leaseMs: number }) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/job-runner-child.ts"], {
    env: { ...process.env, JOB_CHILD: JSON.stringify({ pollMs: 20, ...config }) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
  });
}

function stopChild(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function until(check: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(25);
  }
}

function freshDatabase(): { path: string; db: DB } {
  const path = join(mkdtempSync(join(tmpdir(), "portal-jobs-")), "jobs.db");
  // Migrated here once, so that the two children do not race to create the tables.
  return { path, db: openDatabase(path) };
}

const runs = (db: DB) => db.select().from(jobRun).where(eq(jobRun.name, "probe")).orderBy(asc(jobRun.startedAt)).all();
const ms = (iso: string | null) => new Date(iso!).getTime();

afterEach(async () => {
  await Promise.all(children.splice(0).map(stopChild));
});

describe("the job runner in two processes on one database", () => {
  it("runs a scheduled job once per due time, never in both processes at once", async () => {
    const { path, db } = freshDatabase();
    const every = 400;
    const config = { dbPath: path, everyMs: every, runMs: 150, leaseMs: 2_000 };
    const [a, b] = await Promise.all([
      startChild({ ...config, holder: "process-a" }),
      startChild({ ...config, holder: "process-b" }),
    ]);
    await until(() => runs(db).filter((r) => r.finishedAt).length >= 6, 15_000);
    await Promise.all([stopChild(a), stopChild(b)]);

    const done = runs(db).filter((r) => r.finishedAt);
    expect(done.length).toBeGreaterThanOrEqual(6);
    expect(done.every((r) => r.ok)).toBe(true);
    for (let i = 1; i < done.length; i++) {
      const previous = done[i - 1]!;
      const current = done[i]!;
      // Both processes poll every 20 ms: without the lease each due time would start two runs.
      expect(ms(current.startedAt) - ms(previous.startedAt)).toBeGreaterThanOrEqual(every);
      expect(ms(current.startedAt)).toBeGreaterThanOrEqual(ms(previous.finishedAt));
    }
    db.$client.close();
  }, 40_000);

  it("a holder that dies keeps the job from the other process only until its lease expires", async () => {
    const { path, db } = freshDatabase();
    const leaseMs = 1_500;
    // A run far longer than the interval: the job is due again at once, only the lease holds it.
    const config = { dbPath: path, everyMs: 100, runMs: 60_000, leaseMs };
    const a = await startChild({ ...config, holder: "process-a" });
    await until(() => runs(db).some((r) => r.holder === "process-a"), 10_000);
    await startChild({ ...config, holder: "process-b" });
    await sleep(leaseMs); // b polls all this time while a renews its lease
    expect(runs(db).filter((r) => r.holder === "process-b")).toHaveLength(0);

    a.kill("SIGKILL");
    const killedAt = Date.now();
    await until(() => runs(db).some((r) => r.holder === "process-b"), 10_000);
    const takeover = runs(db).find((r) => r.holder === "process-b")!;
    // a renewed at most leaseMs/3 before it died, so its lease outlived it by at least 2/3 of leaseMs.
    expect(ms(takeover.startedAt) - killedAt).toBeGreaterThanOrEqual((leaseMs * 2) / 3 - 100);
    expect(ms(takeover.startedAt) - killedAt).toBeLessThanOrEqual(leaseMs + 2_000);
    // The dead holder's run is never finished: it stays visible as unfinished, not as a success.
    expect(runs(db).find((r) => r.holder === "process-a")!.finishedAt).toBeNull();
    db.$client.close();
  }, 40_000);
});

describe("a starting runner's schedule (the race the two processes found under load)", () => {
  const probeJob = defineJob({ name: "probe", everyMs: () => 400, firstDelayMs: 0, run: async () => ({}) });

  it("reads its clock under the write lock: another process's claim cannot fall between the read and the schedule", () => {
    const { path, db } = freshDatabase();
    const dueBefore = new Date(Date.now() - 1_000).toISOString();
    db.insert(jobLease).values({ name: "probe", holder: "", expiresAt: dueBefore, nextDueAt: dueBefore }).run();
    // The other process, on a connection of its own without a busy timeout: at the moment the
    // starting runner reads its clock it tries to claim the run, as a process a moment later would.
    const other = new Database(path);
    other.pragma("busy_timeout = 0");
    const claim = other.prepare(
      "update job_lease set holder = 'process-a', expires_at = ?, next_due_at = ? where name = 'probe'",
    );
    let claimedDuringClockRead: boolean | undefined;
    const starting = new JobRunner({
      db: () => db,
      jobs: [probeJob],
      pollMs: 60_000,
      holder: "process-b",
      clock: () => {
        const read = Date.now();
        if (claimedDuringClockRead === undefined) {
          try {
            claim.run(new Date(read + 10 + 2_000).toISOString(), new Date(read + 10 + 400).toISOString());
            claimedDuringClockRead = true;
          } catch {
            claimedDuringClockRead = false;
          }
        }
        return new Date(read);
      },
    });
    starting.start();
    void starting.stop(0);
    const lease = db.select().from(jobLease).where(eq(jobLease.name, "probe")).get()!;
    other.close();
    db.$client.close();
    // Read before the lock, the claim (10 ms after the read) committed and its due time, one
    // interval after it, looked more than one interval away: it was brought forward to now, and
    // the job ran again as soon as the claim's run ended.
    expect({ claimedDuringClockRead, nextDueAt: lease.nextDueAt }).toEqual({
      claimedDuringClockRead: false,
      nextDueAt: dueBefore,
    });
  });
});
