import { readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { and, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import { caseAttachment, notification, session } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { defineJob } from "~/jobs/runner.server";
import { log } from "~/utils/logger.server";
import { audit } from "~/platform/audit.server";
import { DRAFT_DAYS, purgeExpiredDrafts } from "./drafts.server";
import { removeStoredFile } from "./file-store.server";
import { purgeFolderExports } from "./outbox.server";
import { finishPendingUploads, uploadsDir } from "./uploads.server";
import { finishPendingDecisions } from "./backoffice.server";

/**
 * The scheduled clean-up (review §6, docs/decisions/043): what the portal no longer needs is
 * deleted instead of kept forever.
 * - drafts past their expiry (form drafts and building-permit drafts: the same table);
 * - uploads no case holds, older than the draft lifetime and without a live draft of the same
 *   owner and form (row, then file), and temporary files a crash left behind;
 * - sessions that have ended (revoked, past their absolute expiry or idle timeout);
 * - notifications: read ones after NOTIFICATION_RETENTION_DAYS, unread ones after twice that
 *   (the case itself stays on Mina sidor), never one whose e-mail is still to be sent;
 * - folder exports the case system never acknowledged, after CASE_OUTBOX_FOLDER_RETENTION_DAYS.
 * Each run logs its counts and, when it deleted personal data, writes one audit row.
 * Runs in the server process like the other jobs: CLEANUP_INTERVAL_MINUTES, 0 = off.
 */
export interface CleanupCounts {
  drafts: number;
  uploads: number;
  tempFiles: number;
  sessions: number;
  notifications: number;
  folderExports: number;
}

const DAY = 86_400_000;
const BATCH = 500;

function purgeOrphanUploads(now: Date): number {
  const cutoff = new Date(now.getTime() - DRAFT_DAYS * DAY).toISOString();
  const nowIso = now.toISOString();
  let total = 0;
  // Batches: a long-neglected directory must not hold the database in one long statement.
  for (;;) {
    const rows = db()
      .delete(caseAttachment)
      .where(
        sql`${caseAttachment.id} in (select a.id from case_attachment a where a.case_id is null and a.created_at < ${cutoff}
          and not exists (select 1 from form_draft d where d.owner_key = a.owner_key and d.form_id = a.form_id and d.expires_at > ${nowIso})
          limit ${BATCH})`,
      )
      .returning({ storedName: caseAttachment.storedName })
      .all();
    for (const r of rows) removeStoredFile(uploadsDir(), r.storedName);
    total += rows.length;
    if (rows.length < BATCH) return total;
  }
}

function purgeTempFiles(now: Date): number {
  // A pending upload whose row committed is published, never removed (decision 137).
  finishPendingUploads();
  finishPendingDecisions(now.getTime());
  const dir = uploadsDir();
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(".tmp-")) continue;
    try {
      if (statSync(join(dir, name)).mtimeMs < now.getTime() - DAY) {
        unlinkSync(join(dir, name));
        removed++;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return removed;
}

function purgeEndedSessions(now: Date): number {
  const at = now.toISOString();
  return db()
    .delete(session)
    .where(
      or(
        isNotNull(session.revokedAt),
        lt(session.expiresAt, at),
        sql`julianday(${session.lastSeenAt}) + ${session.idleTimeoutSeconds} / 86400.0 < julianday(${at})`,
      ),
    )
    .run().changes;
}

function purgeOldNotifications(now: Date, days: number): number {
  const readCutoff = new Date(now.getTime() - days * DAY).toISOString();
  const unreadCutoff = new Date(now.getTime() - 2 * days * DAY).toISOString();
  return db()
    .delete(notification)
    .where(
      and(
        ne(notification.emailStatus, "pending"),
        or(
          and(isNotNull(notification.readAt), lt(notification.createdAt, readCutoff)),
          and(isNull(notification.readAt), lt(notification.createdAt, unreadCutoff)),
        ),
      ),
    )
    .run().changes;
}

/** One run; each part on its own, so one failing part does not keep the others from running. */
export function runCleanup(now = new Date()): CleanupCounts {
  const e = env();
  const counts: CleanupCounts = {
    drafts: 0,
    uploads: 0,
    tempFiles: 0,
    sessions: 0,
    notifications: 0,
    folderExports: 0,
  };
  const parts: [keyof CleanupCounts, () => number][] = [
    ["drafts", () => purgeExpiredDrafts(now)],
    ["uploads", () => purgeOrphanUploads(now)],
    ["tempFiles", () => purgeTempFiles(now)],
    ["sessions", () => purgeEndedSessions(now)],
    ["notifications", () => purgeOldNotifications(now, e.NOTIFICATION_RETENTION_DAYS)],
    ["folderExports", () => purgeFolderExports({ now })],
  ];
  for (const [name, run] of parts) {
    try {
      counts[name] = run();
    } catch (error) {
      log("error", "clean-up part failed", {
        part: name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  log("info", "clean-up run", { ...counts });
  // Bulk deletion of personal data is accounted for once per run, not once per row.
  if (total > 0)
    audit({ actor: "system", action: "retention.purged", subjectType: "retention", details: { ...counts } });
  return counts;
}

/** The clean-up (CLEANUP_INTERVAL_MINUTES; 0 = off); the first run five minutes after start. */
export const cleanupJob = defineJob({
  name: "cleanup",
  everyMs: () => env().CLEANUP_INTERVAL_MINUTES * 60_000,
  firstDelayMs: 5 * 60_000,
  // runCleanup is synchronous: it cannot be cut off, only recorded.
  run: ({ now }) => Promise.resolve({ ...runCleanup(now) }),
});
