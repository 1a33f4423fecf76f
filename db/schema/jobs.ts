import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row per scheduled job (app/jobs/runner.server.ts, docs/decisions/053). A process runs a
 * job only while it holds the lease: it takes it with one atomic UPDATE that succeeds only when
 * the job is due and the lease is free or expired, so two portal processes on one database never
 * run the same job at once, and a holder that dies loses the lease when `expires_at` passes.
 * Times are ISO 8601 UTC text, compared as text.
 */
export const jobLease = sqliteTable("job_lease", {
  name: text("name").primaryKey(),
  /** `<pid>-<random>` of the process running the job; empty when nobody holds it. */
  holder: text("holder").notNull().default(""),
  expiresAt: text("expires_at").notNull(),
  /** When the job is next due; null when its interval is 0 (off) and nobody asked for a run. */
  nextDueAt: text("next_due_at"),
});

/** What each run did: no personal data, only counts and error messages (kept 30 days). */
export const jobRun = sqliteTable(
  "job_run",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    holder: text("holder").notNull(),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    /** null while running. */
    ok: integer("ok", { mode: "boolean" }),
    /** The job's summary as JSON (ok) or the error message (failed). */
    summary: text("summary"),
  },
  (t) => [index("job_run_name_started").on(t.name, t.startedAt)],
);

export type JobLeaseRow = typeof jobLease.$inferSelect;
export type JobRunRow = typeof jobRun.$inferSelect;

/**
 * What the start-up seed last ran with (docs/decisions/088): one row, the fingerprint of the
 * server build, the mode, the migrations and the day. A start whose fingerprint is the same
 * skips the seed, which would only have filled gaps it had filled already.
 */
export const seedState = sqliteTable("seed_state", {
  name: text("name").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  seededAt: text("seeded_at").notNull(),
});
