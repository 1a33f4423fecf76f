import { randomBytes } from "node:crypto";
import { and, desc, eq, gte, isNotNull, lte, or, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { jobLease, jobRun } from "../../db/schema/index";
import { log } from "~/utils/logger.server";

/**
 * The one in-server job runner (docs/decisions/053). Every scheduled job is a `defineJob(...)`
 * in the list in app/services/scheduled-jobs.server.ts; the server starts one runner, which
 * polls the `job_lease` rows and runs a job only after it has taken that job's lease with one
 * atomic UPDATE. So two portal processes on one database run each due job once, a run that
 * hangs is cut off at its timeout, and a process that dies loses its lease when it expires.
 *
 * This module imports no service: services import it (to define jobs or ask for a run).
 */

/** What a run reports: counts and flags only, never personal data (it is stored and shown). */
export type JobSummary = Record<string, number | boolean>;

export interface JobContext {
  /** Aborted at the job's timeout or when the server shuts down; long jobs should stop then. */
  signal: AbortSignal;
  /** When the run started (the runner's clock, so tests can move time). */
  now: Date;
}

export interface JobDefinition {
  /** kebab-case, stable: it is the lease row's key and appears in the admin page's texts. */
  name: string;
  /** Milliseconds between runs, read when the runner starts (env); 0 = only when asked. */
  everyMs: () => number;
  /** Delay of the first run after a fresh start, so that starting the server stays quick. */
  firstDelayMs: number;
  /** A run is cut off (and recorded as failed) after this long. */
  timeoutMs: number;
  run: (ctx: JobContext) => Promise<JobSummary>;
}

export function defineJob(job: {
  name: string;
  everyMs: () => number;
  firstDelayMs?: number;
  timeoutMs?: number;
  run: (ctx: JobContext) => Promise<JobSummary>;
}): JobDefinition {
  if (!isJobName(job.name)) throw new Error(`job name must be kebab-case: ${job.name}`);
  return { firstDelayMs: 60_000, timeoutMs: 15 * 60_000, ...job };
}

function isJobName(name: string): boolean {
  if (name.length === 0 || name.length > 60 || name.startsWith("-") || name.endsWith("-")) return false;
  for (const ch of name) if (!((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") || ch === "-")) return false;
  return true;
}

export interface JobStatus {
  name: string;
  everyMs: number;
  nextDueAt: string | null;
  /** Holder of an unexpired lease: the job is running there now. */
  runningBy: string | null;
  lastRun: { startedAt: string; finishedAt: string | null; ok: boolean | null; summary: string | null } | null;
  failures7d: number;
}

interface RunnerOptions {
  db: () => DB;
  jobs: readonly JobDefinition[];
  /** How often the lease rows are looked at. */
  pollMs?: number;
  /** How long a lease lasts without renewal; renewed every third of it while a job runs. */
  leaseMs?: number;
  clock?: () => Date;
  holder?: string;
}

const RUN_HISTORY_DAYS = 30;
const MAX_TEXT = 500;

let active: JobRunner | undefined;

/**
 * Asks for a run of `name` as soon as its lease is free, in whichever process polls first (a
 * run in progress is not doubled: the job runs again after it). False when no runner is
 * started in this process or the job is unknown.
 */
export function requestJobRun(name: string): boolean {
  return active?.request(name) ?? false;
}

export class JobRunner {
  readonly holder: string;
  private readonly jobs: readonly JobDefinition[];
  private readonly db: () => DB;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly clock: () => Date;
  private readonly running = new Map<string, Promise<void>>();
  private readonly shutdown = new AbortController();
  private poller: NodeJS.Timeout | undefined;
  private lastPrune = 0;

  constructor(options: RunnerOptions) {
    this.jobs = options.jobs;
    this.db = options.db;
    this.pollMs = options.pollMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.clock = options.clock ?? (() => new Date());
    this.holder = options.holder ?? `${process.pid}-${randomBytes(4).toString("hex")}`;
    const names = new Set<string>();
    for (const job of this.jobs) {
      if (names.has(job.name)) throw new Error(`job defined twice: ${job.name}`);
      names.add(job.name);
    }
  }

  /** Creates the missing lease rows and starts polling; this becomes the process's runner. */
  start(): void {
    this.register();
    this.poller = setInterval(() => void this.tick(), this.pollMs);
    this.poller.unref();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the module keeps the process's one runner, for requestJobRun
    active = this;
  }

  /** Stops polling, aborts runs in progress and waits for them (bounded) before the database closes. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
    if (active === this) active = undefined;
    this.shutdown.abort(new Error("server shutting down"));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(this.running.values()),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
        timer.unref();
      }),
    ]);
    if (timer) clearTimeout(timer);
  }

  /** Waits for the runs this process has started (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  /**
   * Creates the lease rows and brings each schedule in line with the job's interval. All under
   * the write lock (BEGIN IMMEDIATE), the clock read once it is held: a claim another process
   * made a moment before is then committed and earlier than `now`. Read before the lock, `now`
   * could be older than that claim, whose due time (its start plus one interval) then looked
   * further away than one interval and was brought forward: a second run one run's length after
   * the first (caught by job-runner.test.ts's two processes under CI load).
   */
  private register() {
    this.db().transaction(
      (tx) => {
        const now = this.clock();
        for (const job of this.jobs) {
          const every = job.everyMs();
          const firstDue = every > 0 ? iso(now.getTime() + job.firstDelayMs) : null;
          tx.insert(jobLease)
            .values({ name: job.name, holder: "", expiresAt: iso(0), nextDueAt: firstDue })
            .onConflictDoNothing()
            .run();
          if (every > 0) {
            // Turned on since the last start: schedule it; a due time further away than one
            // interval (the interval was shortened) comes forward.
            const latest = iso(now.getTime() + Math.max(every, job.firstDelayMs));
            tx.update(jobLease)
              .set({ nextDueAt: firstDue })
              .where(
                and(
                  eq(jobLease.name, job.name),
                  or(sql`${jobLease.nextDueAt} is null`, sql`${jobLease.nextDueAt} > ${latest}`),
                ),
              )
              .run();
          } else {
            // Turned off: no further scheduled run (a run already asked for stays asked for).
            tx.update(jobLease)
              .set({ nextDueAt: null })
              .where(and(eq(jobLease.name, job.name), sql`${jobLease.nextDueAt} > ${iso(now.getTime())}`))
              .run();
          }
        }
      },
      { behavior: "immediate" },
    );
  }

  /** One look at every job: starts those that are due and whose lease this process could take. */
  async tick(): Promise<void> {
    const started: Promise<void>[] = [];
    for (const job of this.jobs) {
      if (this.running.has(job.name) || this.shutdown.signal.aborted) continue;
      const now = this.clock();
      if (!this.claim(job, now)) continue;
      const run = this.execute(job, now).finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
      started.push(run);
    }
    this.prune();
    await Promise.all(started);
  }

  /** Marks a job due now and looks at once; a run in progress elsewhere is left alone. */
  request(name: string): boolean {
    if (!this.jobs.some((j) => j.name === name)) return false;
    const changed = this.db()
      .update(jobLease)
      .set({ nextDueAt: iso(this.clock().getTime()) })
      .where(eq(jobLease.name, name))
      .run();
    if (changed.changes === 0) return false;
    setImmediate(() => void this.tick());
    return true;
  }

  /** The one atomic statement that decides who runs: due, and the lease free, expired or mine. */
  private claim(job: JobDefinition, now: Date): boolean {
    const nowIso = iso(now.getTime());
    const every = job.everyMs();
    const result = this.db()
      .update(jobLease)
      .set({
        holder: this.holder,
        expiresAt: iso(now.getTime() + this.leaseMs),
        // The schedule moves on when the run starts, so a request made during the run is kept.
        nextDueAt: every > 0 ? iso(now.getTime() + every) : null,
      })
      .where(
        and(
          eq(jobLease.name, job.name),
          isNotNull(jobLease.nextDueAt),
          lte(jobLease.nextDueAt, nowIso),
          or(lte(jobLease.expiresAt, nowIso), eq(jobLease.holder, this.holder)),
        ),
      )
      .run();
    return result.changes === 1;
  }

  private async execute(job: JobDefinition, startedAt: Date): Promise<void> {
    const runId = this.db()
      .insert(jobRun)
      .values({ name: job.name, holder: this.holder, startedAt: iso(startedAt.getTime()) })
      .returning({ id: jobRun.id })
      .get().id;
    const controller = new AbortController();
    const onShutdown = () => controller.abort(this.shutdown.signal.reason);
    this.shutdown.signal.addEventListener("abort", onShutdown);
    const renew = setInterval(() => this.renew(job.name), Math.max(1, Math.floor(this.leaseMs / 3)));
    renew.unref();
    let timeout: NodeJS.Timeout | undefined;
    const cutOff = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => {
        const error = new Error(`timed out after ${job.timeoutMs} ms`);
        controller.abort(error);
        reject(error);
      }, job.timeoutMs);
      timeout.unref();
    });
    let ok = false;
    let text: string;
    try {
      const summary = await Promise.race([job.run({ signal: controller.signal, now: startedAt }), cutOff]);
      ok = true;
      text = JSON.stringify(summary);
    } catch (error) {
      text = error instanceof Error ? error.message : String(error);
      log("error", "job failed", { job: job.name, error: text });
    } finally {
      clearTimeout(timeout);
      clearInterval(renew);
      this.shutdown.signal.removeEventListener("abort", onShutdown);
    }
    try {
      this.db()
        .update(jobRun)
        .set({ finishedAt: iso(this.clock().getTime()), ok, summary: text.slice(0, MAX_TEXT) })
        .where(eq(jobRun.id, runId))
        .run();
      this.release(job.name);
    } catch (error) {
      // The database may already be closing; the lease then simply expires.
      log("error", "job run not recorded", { job: job.name, error: String(error) });
    }
  }

  private renew(name: string) {
    try {
      this.db()
        .update(jobLease)
        .set({ expiresAt: iso(this.clock().getTime() + this.leaseMs) })
        .where(and(eq(jobLease.name, name), eq(jobLease.holder, this.holder)))
        .run();
    } catch (error) {
      log("error", "job lease not renewed", { job: name, error: String(error) });
    }
  }

  private release(name: string) {
    this.db()
      .update(jobLease)
      .set({ holder: "", expiresAt: iso(this.clock().getTime()) })
      .where(and(eq(jobLease.name, name), eq(jobLease.holder, this.holder)))
      .run();
  }

  /** Run history older than 30 days goes, at most once an hour per process. */
  private prune() {
    const now = this.clock().getTime();
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    this.db()
      .delete(jobRun)
      .where(lte(jobRun.startedAt, iso(now - RUN_HISTORY_DAYS * 86_400_000)))
      .run();
  }

  /** For the admin page: every job with its schedule, last run and failures in the last 7 days. */
  status(): JobStatus[] {
    const now = this.clock().getTime();
    const weekAgo = iso(now - 7 * 86_400_000);
    return this.jobs.map((job) => {
      const lease = this.db().select().from(jobLease).where(eq(jobLease.name, job.name)).get();
      const last = this.db()
        .select()
        .from(jobRun)
        .where(eq(jobRun.name, job.name))
        .orderBy(desc(jobRun.startedAt), desc(jobRun.id))
        .limit(1)
        .get();
      const failures =
        this.db()
          .select({ n: sql<number>`count(*)` })
          .from(jobRun)
          .where(and(eq(jobRun.name, job.name), eq(jobRun.ok, false), gte(jobRun.startedAt, weekAgo)))
          .get()?.n ?? 0;
      const held = lease && lease.holder !== "" && lease.expiresAt > iso(now);
      return {
        name: job.name,
        everyMs: job.everyMs(),
        nextDueAt: lease?.nextDueAt ?? null,
        runningBy: held ? lease.holder : null,
        lastRun: last
          ? { startedAt: last.startedAt, finishedAt: last.finishedAt, ok: last.ok, summary: last.summary }
          : null,
        failures7d: failures,
      };
    });
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
