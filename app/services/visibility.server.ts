import { and, gt, gte, isNull, lte, or, eq, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { formatDate } from "~/utils/format";

/**
 * When residents see a service, page or news item (docs/decisions/012). One rule, used by every
 * public query and by the search index:
 *   status is "published",
 *   and publish_at is empty or has passed (scheduled items wait),
 *   and unpublish_at is empty or still ahead (expired items disappear),
 *   and review_by + grace days is today or later (overdue items disappear after the grace period).
 * Editors see everything in /redaktor, with the reason an item is hidden.
 */
export interface LifecycleFields {
  status: string;
  publishAt: string | null;
  unpublishAt: string | null;
  reviewBy: string;
}

export type Visibility = "visible" | "draft" | "unpublished" | "scheduled" | "expired" | "overdue-hidden";

/** Today's date in Sweden, YYYY-MM-DD. */
export function swedishToday(now: Date = new Date()): string {
  return formatDate(now);
}

/** The oldest review-by date still shown to residents: today minus the grace period. */
export function reviewCutoff(now: Date, graceDays: number): string {
  const today = new Date(`${swedishToday(now)}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() - graceDays);
  return today.toISOString().slice(0, 10);
}

export function visibilityOf(item: LifecycleFields, now: Date, graceDays: number): Visibility {
  if (item.status === "draft") return "draft";
  if (item.status !== "published") return "unpublished";
  const instant = now.toISOString();
  if (item.publishAt && item.publishAt > instant) return "scheduled";
  if (item.unpublishAt && item.unpublishAt <= instant) return "expired";
  if (item.reviewBy < reviewCutoff(now, graceDays)) return "overdue-hidden";
  return "visible";
}

/** Past its review-by date (whether or not the grace period has run out). */
export function isOverdue(item: { reviewBy: string }, now: Date): boolean {
  return item.reviewBy < swedishToday(now);
}

interface LifecycleColumns {
  status: SQLiteColumn;
  publishAt: SQLiteColumn;
  unpublishAt: SQLiteColumn;
  reviewBy: SQLiteColumn;
}

/** The same rule as a drizzle condition for a table with the life-cycle columns. */
export function visibleCondition(table: LifecycleColumns, now: Date, graceDays: number): SQL {
  const instant = now.toISOString();
  return and(
    eq(table.status, "published"),
    or(isNull(table.publishAt), lte(table.publishAt, instant)),
    or(isNull(table.unpublishAt), gt(table.unpublishAt, instant)),
    gte(table.reviewBy, reviewCutoff(now, graceDays)),
  ) as SQL;
}
