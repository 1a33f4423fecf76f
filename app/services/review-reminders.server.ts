import { and, eq, lt, sql } from "drizzle-orm";
import { news, page, reviewReminder, service, staffUser } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { defineJob } from "~/jobs/runner.server";
import type { Language } from "~/i18n/config";
import { log } from "~/utils/logger.server";
import { audit } from "~/platform/audit.server";
import { SEGMENT_OF, type ContentType } from "./editor-fields";
import { sendReviewReminderMail } from "~/platform/mail.server";
import { swedishToday } from "./visibility.server";

/**
 * Review reminders (docs/decisions/035): a job inside the server e-mails the owner of every
 * published service, page and news item whose review-by date has passed, with a link to the item
 * in /redaktor. One mail per item and review-by date: what was sent is recorded in
 * review_reminder, and the owner is mailed again only when the review-by date has changed (a new
 * date that has also passed) or after REVIEW_REMINDER_REPEAT_DAYS (0 = never).
 *
 * The owner field names a staff username (their address and the language they last signed in
 * with) or an e-mail address (Swedish). Any other owner (a free-text name) cannot be mailed: the
 * item is counted as unresolved and shows on the editors' overdue list as before.
 */

const TABLES = { service, page, news } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY = 86_400_000;

export interface Recipient {
  email: string;
  name: string;
  lang: Language;
}

/** The owner's address and language, or undefined when the owner is just a name. */
export function resolveOwner(owner: string): Recipient | undefined {
  const value = owner.trim();
  if (!value) return undefined;
  const byName = db()
    .select({
      email: staffUser.email,
      name: staffUser.name,
      language: staffUser.language,
      disabledAt: staffUser.disabledAt,
    })
    .from(staffUser)
    .where(sql`lower(${staffUser.username}) = lower(${value})`)
    .get();
  if (byName && !byName.disabledAt && EMAIL.test(byName.email))
    return { email: byName.email, name: byName.name, lang: byName.language };
  if (!EMAIL.test(value)) return undefined;
  const byEmail = db()
    .select({ name: staffUser.name, language: staffUser.language, disabledAt: staffUser.disabledAt })
    .from(staffUser)
    .where(sql`lower(${staffUser.email}) = lower(${value})`)
    .get();
  if (byEmail?.disabledAt) return undefined;
  return { email: value, name: byEmail?.name ?? value, lang: byEmail?.language ?? "sv" };
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

export interface ReminderRun {
  overdue: number;
  sent: number;
  /** Already reminded about this review-by date within the repeat interval. */
  alreadySent: number;
  /** Owner is neither a staff username nor an e-mail address. */
  unresolved: number;
  failed: number;
}

export async function runReviewReminders({
  now = new Date(),
  repeatDays = env().REVIEW_REMINDER_REPEAT_DAYS,
  graceDays = env().CONTENT_REVIEW_GRACE_DAYS,
}: { now?: Date; repeatDays?: number; graceDays?: number } = {}): Promise<ReminderRun> {
  const today = swedishToday(now);
  const run: ReminderRun = { overdue: 0, sent: 0, alreadySent: 0, unresolved: 0, failed: 0 };
  for (const type of Object.keys(TABLES) as ContentType[]) {
    const table = TABLES[type];
    const rows = db()
      .select({
        id: table.id,
        title: table.titleSv,
        titleEn: table.titleEn,
        owner: table.owner,
        reviewBy: table.reviewBy,
        municipalityId: "municipalityId" in table ? table.municipalityId : sql<null>`null`,
      })
      .from(table)
      .where(and(eq(table.status, "published"), lt(table.reviewBy, today)))
      .all();
    for (const row of rows) {
      run.overdue++;
      const last = db()
        .select()
        .from(reviewReminder)
        .where(and(eq(reviewReminder.contentType, type), eq(reviewReminder.contentId, row.id)))
        .get();
      const repeatDue =
        repeatDays > 0 && last !== undefined && new Date(last.sentAt).getTime() <= now.getTime() - repeatDays * DAY;
      if (last && last.reviewBy === row.reviewBy && !repeatDue) {
        run.alreadySent++;
        continue;
      }
      const to = resolveOwner(row.owner);
      if (!to) {
        run.unresolved++;
        continue;
      }
      try {
        await sendReviewReminderMail({
          to: to.email,
          name: to.name,
          lang: to.lang,
          title: to.lang === "en" && row.titleEn ? row.titleEn : row.title,
          type,
          reviewBy: row.reviewBy,
          hiddenFrom: addDays(row.reviewBy, graceDays + 1),
          url: `${env().PUBLIC_URL}/redaktor/${SEGMENT_OF[type]}/${row.id}${to.lang === "en" ? "?lang=en" : ""}`,
        });
      } catch (error) {
        run.failed++;
        log("error", "review reminder not sent", {
          type,
          id: row.id,
          error: error instanceof Error ? error.message : String(error),
        });
        continue;
      }
      const values = {
        contentType: type,
        contentId: row.id,
        reviewBy: row.reviewBy,
        recipient: to.email,
        sentAt: now.toISOString(),
      };
      db()
        .insert(reviewReminder)
        .values(values)
        .onConflictDoUpdate({ target: [reviewReminder.contentType, reviewReminder.contentId], set: values })
        .run();
      audit({
        actor: "system",
        action: "content.review_reminder_sent",
        subjectType: type,
        subjectId: row.id,
        municipalityId: row.municipalityId ?? undefined,
        details: { reviewBy: row.reviewBy, lang: to.lang },
      });
      run.sent++;
    }
  }
  log(run.failed ? "warn" : "info", "review reminders done", { ...run });
  return run;
}

// ----------------------------------------------------------------------------- job

/** Review reminders (REVIEW_REMINDER_INTERVAL_MINUTES; 0 = off); the first run two minutes after start. */
export const reviewReminderJob = defineJob({
  name: "review-reminders",
  everyMs: () => env().REVIEW_REMINDER_INTERVAL_MINUTES * 60_000,
  firstDelayMs: 120_000,
  run: async ({ now }) => ({ ...(await runReviewReminders({ now })) }),
});
