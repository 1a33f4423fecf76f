import type { SupplementKind } from "~/domain/statuses";

/**
 * The statutory clock of a building-permit case (plan- och bygglagen 9 kap. 27 §), as pure
 * functions over calendar dates ("YYYY-MM-DD", Swedish civil dates). See
 * docs/decisions/026-the-statutory-clock-is-computed-not-stored.md.
 *
 * - The 10 weeks run from the day the application is complete ("complete from").
 * - A föreläggande om komplettering ("completeness" request) means the application was not
 *   complete: while it is outstanding the clock has not started, and it starts on the day the
 *   supplement arrives.
 * - A request for clarification after the application was complete ("clarification") pauses
 *   the clock; the paused days are added to the deadline.
 * - The deadline may be extended once, by at most 10 weeks, with a reason.
 * - A deadline that falls on a Saturday, Sunday or public holiday moves to the next working day
 *   (lag (1930:173) om beräkning av lagstadgad tid).
 */

export const STATUTORY_WEEKS = 10;
export const MAX_EXTENSION_WEEKS = 10;

export type IsoDate = string;

export interface SupplementRequestInput {
  kind: SupplementKind;
  requestedOn: IsoDate;
  /** The applicant's reply deadline (informative; the clock does not use it). */
  dueOn: IsoDate;
  /** The day the supplement arrived; null while outstanding. */
  answeredOn: IsoDate | null;
}

export interface ClockInput {
  receivedOn: IsoDate;
  supplementRequests: SupplementRequestInput[];
  extension: { weeks: number; reason: string; grantedOn: IsoDate } | null;
  decidedOn: IsoDate | null;
}

export type ClockState = "waiting-for-supplement" | "paused" | "running" | "overdue" | "decided";

export interface Clock {
  state: ClockState;
  receivedOn: IsoDate;
  /** Null while a completeness request is outstanding. */
  completeFrom: IsoDate | null;
  /** Null while the application is not complete. */
  deadline: IsoDate | null;
  /** Days from `today` to the deadline (negative when overdue); null without a deadline or once decided. */
  daysLeft: number | null;
  pausedDays: number;
  extended: boolean;
  overdue: boolean;
  dueThisWeek: boolean;
  /** Days from complete to decided, for statistics; null until decided. */
  processingDays: number | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a civil date; throws on anything that is not a real date. */
export function dayNumber(date: IsoDate): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== date) throw new RangeError(`not a date: ${date}`);
  return ms / 86_400_000;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The Swedish civil date of an instant (Europe/Stockholm), which is what the law counts. */
// One formatter: building one per call costs more than the formatting (the queue formats thousands).
const STOCKHOLM_DATE = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// Formatting is still ~µs per call; the officer queue asks for a thousand dates a request. Since
// 1980 Sweden is at UTC+1 or +2 and changes at 01:00 UTC, so an instant before 22:00 UTC is on its
// UTC day, one from 23:00 UTC on the next day, and between the two it depends on the day's offset:
// the formatter is asked once per UTC day (decision 120). Other years go to the formatter itself.
const DAY_MS = 86_400_000;
const FAST_FROM = Date.UTC(1980, 0, 1);
const FAST_TO = Date.UTC(2100, 0, 1);
const nextDayFrom = new Map<number, number>();

export function swedishDate(instant: Date | string): IsoDate {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const t = date.getTime();
  if (!(t >= FAST_FROM && t < FAST_TO)) return STOCKHOLM_DATE.format(date);
  const day = Math.floor(t / DAY_MS);
  const into = t - day * DAY_MS;
  let local = day;
  if (into >= 23 * 3_600_000) local = day + 1;
  else if (into >= 22 * 3_600_000) {
    let from = nextDayFrom.get(day);
    if (from === undefined) {
      const at22 = day * DAY_MS + 22 * 3_600_000;
      // Summer time (UTC+2): 22:00 UTC is already midnight of the next day.
      from = STOCKHOLM_DATE.format(new Date(at22)) === fromDayNumber(day) ? 23 : 22;
      if (nextDayFrom.size > 100_000) nextDayFrom.clear();
      nextDayFrom.set(day, from);
    }
    if (into >= from * 3_600_000) local = day + 1;
  }
  return fromDayNumber(local);
}

/** Monday = 0 … Sunday = 6. */
export function weekday(date: IsoDate): number {
  return (dayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday
}

function easterSunday(year: number): IsoDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Swedish public holidays (allmänna helgdagar) plus midsommarafton and julafton/nyårsafton, which the law treats like them. */
export function swedishHolidays(year: number): Set<IsoDate> {
  const y = String(year);
  const easter = easterSunday(year);
  const days = new Set<IsoDate>([
    `${y}-01-01`,
    `${y}-01-06`,
    addDays(easter, -2),
    easter,
    addDays(easter, 1),
    `${y}-05-01`,
    addDays(easter, 39),
    addDays(easter, 49),
    `${y}-06-06`,
    `${y}-12-24`,
    `${y}-12-25`,
    `${y}-12-26`,
    `${y}-12-31`,
  ]);
  // Midsommarafton: the Friday between 19 and 25 June; midsommardagen the day after.
  for (let d = 19; d <= 25; d++) {
    const date = `${y}-06-${String(d).padStart(2, "0")}`;
    if (weekday(date) === 4) {
      days.add(date);
      days.add(addDays(date, 1));
    }
  }
  // Alla helgons dag: the Saturday between 31 October and 6 November.
  for (let d = 0; d <= 6; d++) {
    const date = addDays(`${y}-10-31`, d);
    if (weekday(date) === 5) days.add(date);
  }
  return days;
}

// A year's holidays are asked for on every day a deadline is moved past (the queue's clocks):
// built once per year instead of a new Set per call (decision 132).
const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

export function isWorkingDay(date: IsoDate): boolean {
  if (weekday(date) >= 5) return false;
  const year = Number(date.slice(0, 4));
  let holidays = holidaysByYear.get(year);
  if (holidays === undefined) {
    holidays = swedishHolidays(year);
    if (holidaysByYear.size > 1_000) holidaysByYear.clear();
    holidaysByYear.set(year, holidays);
  }
  return !holidays.has(date);
}

export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** Monday of the ISO week containing `date`. */
export function startOfWeek(date: IsoDate): IsoDate {
  return addDays(date, -weekday(date));
}

export function validateExtension(weeks: number, reason: string): "ok" | "weeks" | "reason" {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_EXTENSION_WEEKS) return "weeks";
  if (reason.trim().length < 3) return "reason";
  return "ok";
}

export function computeClock(input: ClockInput, today: IsoDate): Clock {
  const requests = [...input.supplementRequests].sort((a, b) => dayNumber(a.requestedOn) - dayNumber(b.requestedOn));
  let completeFrom: IsoDate | null = input.receivedOn;
  let pausedDays = 0;
  let pausedNow = false;
  for (const r of requests) {
    if (r.kind === "completeness") {
      // Not complete after all: the clock (re)starts when the supplement arrives.
      completeFrom = r.answeredOn;
      pausedDays = 0;
      if (r.answeredOn === null) break;
    } else if (completeFrom !== null) {
      const end = r.answeredOn ?? input.decidedOn ?? today;
      pausedDays += Math.max(0, daysBetween(r.requestedOn, end));
      if (r.answeredOn === null && input.decidedOn === null) pausedNow = true;
    }
  }
  const outstandingCompleteness = completeFrom === null;
  const extensionDays = input.extension ? Math.min(input.extension.weeks, MAX_EXTENSION_WEEKS) * 7 : 0;
  const deadline =
    completeFrom === null
      ? null
      : nextWorkingDayOnOrAfter(addDays(completeFrom, STATUTORY_WEEKS * 7 + extensionDays + pausedDays));
  const decided = input.decidedOn !== null;
  const daysLeft = deadline && !decided ? daysBetween(today, deadline) : null;
  const overdue = daysLeft !== null && daysLeft < 0 && !pausedNow;
  const dueThisWeek =
    deadline !== null && !decided && !overdue && !pausedNow && startOfWeek(deadline) === startOfWeek(today);
  const state: ClockState = decided
    ? "decided"
    : outstandingCompleteness
      ? "waiting-for-supplement"
      : pausedNow
        ? "paused"
        : overdue
          ? "overdue"
          : "running";
  return {
    state,
    receivedOn: input.receivedOn,
    completeFrom,
    deadline,
    daysLeft,
    pausedDays,
    extended: input.extension !== null,
    overdue,
    dueThisWeek,
    processingDays: decided && completeFrom ? daysBetween(completeFrom, input.decidedOn!) - pausedDays : null,
  };
}

/**
 * The date to tell the applicant from day one: the deadline if the application is complete
 * as received (or as it now stands). While a supplement is outstanding there is no date.
 */
export function expectedDecisionDate(input: ClockInput, today: IsoDate): IsoDate | null {
  return computeClock(input, today).deadline;
}
