import type { OfferStatus } from "~/domain/statuses";

/**
 * The time rules of childcare, pure so that the form can explain them before submitting and
 * the server applies exactly the same ones. Dates are calendar dates "YYYY-MM-DD" in Swedish
 * time; instants are ISO timestamps.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Calendar months later; a day that does not exist in the target month becomes its last day (31 Oct + 4 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date in Sweden for an instant. */
export function swedishDate(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** Guarantee period of Skollagen 8 kap. 14 §: a place within four months of the application. */
export const GUARANTEE_MONTHS = 4;

export type StartDateAssessment =
  /** The desired date is at least four months away: the municipality guarantees it. */
  | { kind: "guaranteed"; guaranteeDate: string }
  /**
   * Earlier than four months: allowed, but the municipality only guarantees a place by the
   * guarantee date; it tries to meet the wish.
   */
  | { kind: "earlier-than-guarantee"; guaranteeDate: string };

/**
 * The four-month rule. The guarantee date is the later of the desired start and the
 * application date plus four months.
 */
export function assessStartDate(applicationDate: string, desiredStart: string): StartDateAssessment {
  const fourMonths = addMonths(applicationDate, GUARANTEE_MONTHS);
  if (desiredStart >= fourMonths) return { kind: "guaranteed", guaranteeDate: desiredStart };
  return { kind: "earlier-than-guarantee", guaranteeDate: fourMonths };
}

/** Förskola from age 1 (Skollagen 8 kap. 3 §); fritidshem from the autumn the child starts förskoleklass (year it turns 6). */
export function earliestStart(kind: "forskola" | "pedagogisk-omsorg" | "fritidshem", birthDate: string): string {
  if (kind === "fritidshem") return `${Number(birthDate.slice(0, 4)) + 6}-08-01`;
  return addMonths(birthDate, 12);
}

export type StartDateProblem = "invalid" | "in-past" | "too-young" | "too-far";

/** Server-side check of a desired start date; the form shows the same messages. */
export function checkDesiredStart(
  kind: "forskola" | "pedagogisk-omsorg" | "fritidshem",
  birthDate: string,
  applicationDate: string,
  desiredStart: string,
): StartDateProblem | null {
  if (!isIsoDate(desiredStart)) return "invalid";
  if (desiredStart < applicationDate) return "in-past";
  if (desiredStart < earliestStart(kind, birthDate)) return "too-young";
  // The queue is for the coming year; further ahead one applies later.
  if (desiredStart > addMonths(applicationDate, 12)) return "too-far";
  return null;
}

export interface QueueEntry {
  caseId: number;
  /** The date the place is guaranteed by; earlier guarantee dates are served first. */
  guaranteeDate: string;
  /** When the application arrived (ISO instant); breaks ties. */
  queuedAt: string;
}

/**
 * Queue position of one application among those that wish a unit (1 = next in line), or null
 * when it is not in that queue. Ordering: guarantee date, then arrival; the municipality's
 * priority rules (siblings, special needs) are applied by the officer when offering.
 */
export function queuePosition(entries: QueueEntry[], caseId: number): number | null {
  const sorted = [...entries].sort(
    (a, b) =>
      a.guaranteeDate.localeCompare(b.guaranteeDate) || a.queuedAt.localeCompare(b.queuedAt) || a.caseId - b.caseId,
  );
  const index = sorted.findIndex((e) => e.caseId === caseId);
  return index === -1 ? null : index + 1;
}

/** Days a guardian has to answer an offer. */
export const OFFER_ANSWER_DAYS = 14;

/** The deadline of an offer: the end of the answer day (23:59:59 Swedish time), as an ISO instant. */
export function offerDeadline(offeredAt: Date, days = OFFER_ANSWER_DAYS): string {
  const lastDay = addDays(swedishDate(offeredAt), days);
  // Find the UTC instant of 23:59:59 in Stockholm on lastDay (CET or CEST).
  for (const offset of [1, 2]) {
    const candidate = new Date(`${lastDay}T${String(23 - offset).padStart(2, "0")}:59:59.000Z`);
    if (swedishDate(candidate) === lastDay && swedishDate(new Date(candidate.getTime() + 1000)) !== lastDay) {
      return candidate.toISOString();
    }
  }
  return new Date(`${lastDay}T21:59:59.000Z`).toISOString();
}

/** An unanswered offer lapses when its deadline has passed, whether or not a job has run yet. */
export function effectiveOfferStatus(offer: { status: OfferStatus; deadlineAt: string }, now: Date): OfferStatus {
  if (offer.status === "pending" && now.getTime() > new Date(offer.deadlineAt).getTime()) return "lapsed";
  return offer.status;
}

/** Uppsägningstid: two months; the fee is paid for the notice period. */
export const NOTICE_MONTHS = 2;

/**
 * The last day of a terminated placement: the day the guardian asks for, but not before the
 * notice period has run out.
 */
export function terminationLastDay(requestedOn: string, desiredLastDay: string, noticeMonths = NOTICE_MONTHS): string {
  const earliest = addDays(addMonths(requestedOn, noticeMonths), -1);
  return desiredLastDay > earliest ? desiredLastDay : earliest;
}
