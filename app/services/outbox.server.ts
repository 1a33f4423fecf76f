import { createHmac, randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { caseExport, caseTable, type CaseExport } from "../../db/schema/index";
import { prepared } from "~/db-prepared.server";
import { db } from "~/db.server";
import { afterDurableCommit, withoutWaitingForDisk } from "~/db-durable.server";
import { env } from "~/env.server";
import { defineJob, requestJobRun } from "~/jobs/runner.server";
import { log } from "~/utils/logger.server";
import { routeFor } from "./integration-systems.server";

/**
 * Hand-over of submitted cases to the municipality's case-management system
 * (docs/decisions/020). A submission enqueues one `case_export` row per reference number in
 * the same transaction as the case; a worker delivers due rows to a folder or a webhook,
 * with exponential back-off until it succeeds. Rows, not memory, carry the state, so a
 * restart resumes where it stopped; the reference number is the idempotency key, so a
 * repeated delivery (after a crash between sending and recording) is the same logical copy.
 */

export const EXPORT_FORMAT = "dalsland-case-export/1";
/** Bumped for additive changes within format /1 (new optional fields); a breaking change is /2. */
export const EXPORT_VERSION = 1;

export interface ExportAttachment {
  /** The attachment's public id in the portal (absent on the submission PDF). */
  id?: string;
  /** The form question it answers. */
  field?: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  contentBase64: string;
}

/** The documented export format (docs/integration/case-export.md). */
export interface CaseExportDocument {
  format: typeof EXPORT_FORMAT;
  version: number;
  reference: string;
  exportedAt: string;
  case: Record<string, unknown>;
  attachments: ExportAttachment[];
  submissionPdf: ExportAttachment | null;
}

/** Builds the document for a reference; null when the case no longer exists. */
export type ExportBuilder = (reference: string) => Promise<CaseExportDocument | null> | CaseExportDocument | null;

export type OutboxTarget =
  | { kind: "off" }
  | { kind: "folder"; dir: string }
  | { kind: "webhook"; url: string; secret?: string; timeoutMs?: number; fetchImpl?: typeof fetch };

/**
 * The env-configured single target: since decision 058 only the fallback for cases with no
 * routed integration system, and only in demo and test. Production has none: an unrouted case
 * waits, visible on /admin/integrationer, rather than going to a target meant for everyone.
 */
export function configuredTarget(): OutboxTarget {
  const e = env();
  if (e.PORTAL_ENV === "production") return { kind: "off" };
  if (e.CASE_OUTBOX === "folder") return { kind: "folder", dir: e.CASE_OUTBOX_DIR };
  if (e.CASE_OUTBOX === "webhook" && e.CASE_OUTBOX_URL)
    return { kind: "webhook", url: e.CASE_OUTBOX_URL, secret: e.CASE_OUTBOX_SECRET };
  return { kind: "off" };
}

let builder: ExportBuilder | undefined;

/** The cases module registers how a case becomes an export document. */
export function setExportBuilder(b: ExportBuilder | undefined) {
  builder = b;
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

/**
 * Queue a case for hand-over. Call inside the transaction that creates the case, so that a
 * case never exists without its outbox row. A second call for the same reference is a no-op.
 * The statement is prepared once per connection (decision 141); `tx` is that same connection.
 */
export function enqueueCaseExport(reference: string, _tx?: Tx | ReturnType<typeof db>, now = new Date()) {
  prepared("outbox.enqueue", (d) =>
    d
      .insert(caseExport)
      .values({ reference: sql`${sql.placeholder("reference")}`, nextAttemptAt: sql`${sql.placeholder("at")}` })
      .onConflictDoNothing({ target: caseExport.reference })
      .prepare(),
  ).run({ reference, at: now.toISOString() });
}

/** Delay before the next attempt after `attempts` failures: 30 s, 1 min, 2 min … at most 1 h. */
export function backoffMs(attempts: number, baseMs = 30_000, maxMs = 3_600_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  // Up to 10 % jitter so that many failed rows do not retry in lock-step.
  return Math.round(exp * (1 + Math.random() * 0.1));
}

function describeTarget(target: OutboxTarget): string {
  if (target.kind === "folder") return `folder:${target.dir}`;
  if (target.kind === "webhook") return `webhook:${new URL(target.url).host}`;
  return "off";
}

/** Whether hand-over runs at all (CASE_OUTBOX=off stops it, routes or not). */
function outboxEnabled(): boolean {
  return env().CASE_OUTBOX !== "off";
}

/** How long a case with nowhere to go waits before it is looked at again (a route change releases it at once). */
const WAIT_MS = 5 * 60_000;
export const WAITING_FOR_ROUTE = "waiting for an integration system for this municipality and area";

/**
 * Where one case goes: the system routed for its municipality and area, else the fallback
 * target (demo/test only), else nowhere yet.
 */
function targetFor(
  reference: string,
  fallback: OutboxTarget,
): { target: OutboxTarget; systemId: number | null; slug?: string } {
  const c = db()
    .select({ municipalityId: caseTable.municipalityId, area: caseTable.area })
    .from(caseTable)
    .where(eq(caseTable.reference, reference))
    .get();
  if (c) {
    const routing = routeFor(c.municipalityId, c.area);
    if (routing.kind === "system")
      return { target: routing.target, systemId: routing.system.id, slug: routing.system.slug };
    if (routing.reason === "no-target") return { target: { kind: "off" }, systemId: null };
  }
  return { target: fallback, systemId: null };
}

/** A safe file name for a reference (they look like AML-2026-000123). */
function fileNameFor(reference: string, extension: "json" | "pdf" = "json"): string {
  return `${reference.replace(/[^A-Za-z0-9._-]/g, "_")}.${extension}`;
}

/**
 * Write then rename: the receiving system never sees half a file, and a redelivery replaces it.
 * Mode 0600: the export holds decrypted personnummer and answers (review §7), so only the
 * portal's user (and the case system running as it, or reading through an ACL the operator
 * grants) may read it; it is deleted once acknowledged or after a retention (decision 043).
 */
function writeAtomically(dir: string, name: string, bytes: string | Uint8Array) {
  const tmp = join(dir, `.${name}.${randomUUID()}.tmp`);
  writeFileSync(tmp, bytes, { mode: 0o600 });
  chmodSync(tmp, 0o600); // writeFileSync's mode is only for a new file and is masked by the umask
  renameSync(tmp, join(dir, name));
}

/**
 * The case system acknowledged a case (its callback, docs/decisions/034): the folder copy has
 * done its job and is deleted. Returns how many files were removed.
 */
export function removeFolderExport(reference: string, dir = env().CASE_OUTBOX_DIR): number {
  let removed = 0;
  for (const name of [fileNameFor(reference), fileNameFor(reference, "pdf")]) {
    try {
      unlinkSync(join(dir, name));
      removed++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return removed;
}

const EXPORT_FILE = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,80}\.(json|pdf|tmp)$/;

/**
 * Folder exports nobody acknowledged are deleted after `retentionDays` (by modification time),
 * as are temporary files a crash left. Only the portal's own file shapes are touched.
 */
export function purgeFolderExports(options: { now?: Date; retentionDays?: number; dir?: string } = {}): number {
  const dir = options.dir ?? env().CASE_OUTBOX_DIR;
  const cutoff =
    (options.now ?? new Date()).getTime() -
    (options.retentionDays ?? env().CASE_OUTBOX_FOLDER_RETENTION_DAYS) * 86_400_000;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const plain = name.startsWith(".") ? name.slice(1) : name;
    if (!EXPORT_FILE.test(plain)) continue;
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile() || stat.mtimeMs >= cutoff) continue;
      unlinkSync(path);
      removed++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return removed;
}

async function deliver(doc: CaseExportDocument, target: OutboxTarget): Promise<void> {
  const body = JSON.stringify(doc, null, 2);
  if (target.kind === "folder") {
    mkdirSync(target.dir, { recursive: true });
    // The PDF alongside for people reading the folder, then the JSON: the JSON (which also
    // carries the PDF) appearing is the signal that the case is complete. A redelivery replaces
    // both files: one logical copy per reference.
    if (doc.submissionPdf)
      writeAtomically(
        target.dir,
        fileNameFor(doc.reference, "pdf"),
        Buffer.from(doc.submissionPdf.contentBase64, "base64"),
      );
    writeAtomically(target.dir, fileNameFor(doc.reference), body);
    return;
  }
  if (target.kind === "webhook") {
    const headers: Record<string, string> = {
      "Content-Type": "application/json; charset=utf-8",
      "Idempotency-Key": doc.reference,
      "User-Agent": "Dalslands-e-tjanster-outbox/1.0",
    };
    if (target.secret)
      headers["X-Portal-Signature"] = `sha256=${createHmac("sha256", target.secret).update(body).digest("hex")}`;
    const response = await (target.fetchImpl ?? fetch)(target.url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(target.timeoutMs ?? 30_000),
    });
    await response.body?.cancel().catch(() => {});
    // 409 = "I already have this reference": delivered before, by an attempt we did not record.
    if (!(response.ok || response.status === 409)) throw new Error(`webhook answered ${response.status}`);
    return;
  }
  throw new Error("outbox is off");
}

export interface DeliveryRun {
  attempted: number;
  delivered: number;
  failed: number;
  /** Cases with no system to go to: left pending, not counted as failed attempts. */
  waiting: number;
}

let busy = false;
/** A run was asked for while one was going (a submission during a delivery): run again after. */
let again = false;

/**
 * Delivers every due row once, each to the system routed for its case (decision 058);
 * `options.target` is the fallback for unrouted cases (default: the env target outside
 * production). Runs never overlap within the process.
 */
export async function deliverDueExports(
  options: { now?: Date; target?: OutboxTarget; limit?: number } = {},
): Promise<DeliveryRun> {
  const fallback = options.target ?? configuredTarget();
  const run: DeliveryRun = { attempted: 0, delivered: 0, failed: 0, waiting: 0 };
  if (!options.target && !outboxEnabled()) return run;
  if (busy) {
    // Not lost: the row just committed may be past the current run's query.
    again = true;
    return run;
  }
  busy = true;
  try {
    const now = options.now ?? new Date();
    const due = db()
      .select()
      .from(caseExport)
      .where(and(eq(caseExport.status, "pending"), lte(caseExport.nextAttemptAt, now.toISOString())))
      .orderBy(asc(caseExport.nextAttemptAt), asc(caseExport.id))
      .limit(options.limit ?? 50)
      .all();
    for (const row of due) {
      const { target, systemId, slug } = targetFor(row.reference, fallback);
      if (target.kind === "off") {
        db()
          .update(caseExport)
          .set({ lastError: WAITING_FOR_ROUTE, nextAttemptAt: new Date(now.getTime() + WAIT_MS).toISOString() })
          .where(eq(caseExport.id, row.id))
          .run();
        run.waiting++;
        continue;
      }
      run.attempted++;
      const attemptAt = new Date().toISOString();
      try {
        if (!builder) throw new Error("no export builder registered");
        const doc = await builder(row.reference);
        if (!doc) throw new Error("case not found");
        await deliver(doc, target);
        db()
          .update(caseExport)
          .set({
            status: "delivered",
            attempts: row.attempts + 1,
            lastAttemptAt: attemptAt,
            lastError: null,
            deliveredAt: new Date().toISOString(),
            deliveredTo: slug ? `${slug} ${describeTarget(target)}` : describeTarget(target),
            systemId,
          })
          .where(eq(caseExport.id, row.id))
          .run();
        run.delivered++;
      } catch (error) {
        const attempts = row.attempts + 1;
        // fetch says only "fetch failed"; the cause (ECONNREFUSED, ENOTFOUND …) is what IT needs.
        const cause =
          error instanceof Error && error.cause && typeof error.cause === "object" && "code" in error.cause
            ? String(error.cause.code)
            : null;
        const message =
          error instanceof Error
            ? error.name === "TimeoutError"
              ? "timeout"
              : cause
                ? `${error.message} (${cause})`
                : error.message
            : String(error);
        db()
          .update(caseExport)
          .set({
            attempts,
            lastAttemptAt: attemptAt,
            lastError: message.slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
          })
          .where(eq(caseExport.id, row.id))
          .run();
        run.failed++;
        log("warn", "case export failed", { reference: row.reference, system: slug, attempts, error: message });
      }
    }
    return run;
  } finally {
    busy = false;
    if (again) {
      again = false;
      kickOutbox();
    }
  }
}

/** The hand-over state of one case, for officers. */
export function getCaseExport(reference: string): CaseExport | undefined {
  return db().select().from(caseExport).where(eq(caseExport.reference, reference)).get();
}

/** What officers see on the case view: waiting, retrying after failures, or delivered. */
export function caseHandOver(reference: string) {
  const row = getCaseExport(reference);
  if (!row) return null;
  const state: "pending" | "retrying" | "delivered" =
    row.status === "delivered" ? "delivered" : row.attempts > 0 ? "retrying" : "pending";
  return {
    state,
    attempts: row.attempts,
    nextAttemptAt: row.status === "delivered" ? null : row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
  };
}

/**
 * "Skicka igen": a pending case is tried at once instead of at its back-off time. A delivered
 * case is not sent again from here (the receiving system already has it). Returns whether a
 * pending row was found.
 */
export function retryCaseExportNow(reference: string, now = new Date()): boolean {
  const changed = db()
    .update(caseExport)
    .set({ nextAttemptAt: now.toISOString() })
    .where(and(eq(caseExport.reference, reference), eq(caseExport.status, "pending")))
    .run();
  // Inside a durable commit (the officer's "Skicka igen", decision 163): after its fsync.
  if (changed.changes > 0) afterDurableCommit(kickOutbox);
  return changed.changes > 0;
}

export function listCaseExports(): CaseExport[] {
  return db().select().from(caseExport).orderBy(asc(caseExport.status), asc(caseExport.createdAt)).all();
}

// ----------------------------------------------------------------------------- job

/** Delivers due hand-overs (CASE_OUTBOX_INTERVAL_SECONDS; off when the outbox is off). */
export const caseOutboxJob = defineJob({
  name: "case-outbox",
  everyMs: () => (!outboxEnabled() ? 0 : env().CASE_OUTBOX_INTERVAL_SECONDS * 1000),
  firstDelayMs: 1000,
  timeoutMs: 10 * 60_000,
  run: async () => ({ ...(await deliverDueExports()) }),
});

/** After a submission: try now rather than at the next tick. */
export function kickOutbox() {
  if (!outboxEnabled()) return;
  // Through the runner, so that the lease keeps a second process from delivering the same rows.
  // Without an fsync on the event loop (decision 155): the lease's due time is only a hint.
  withoutWaitingForDisk(() => requestJobRun(caseOutboxJob.name));
}
