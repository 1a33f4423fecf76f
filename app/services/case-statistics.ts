/**
 * Statistics over case rows as pure functions (docs/decisions/029). The database query only
 * fetches plain rows; everything counted, grouped and ranked happens here, so the officers'
 * dashboard and the public /handlaggningstider page compute the same figures the same way and
 * the maths is tested without a database.
 */
import { addDays, daysBetween, startOfWeek, type IsoDate } from "./permit-clock";

export interface StatRow {
  municipality: string;
  /** Service / case type (form id). */
  caseType: string;
  receivedOn: IsoDate;
  /** Null while open. */
  decidedOn: IsoDate | null;
  /**
   * Processing days as the law counts them (for bygglov: from complete, minus pauses); falls
   * back to decidedOn − receivedOn when not given.
   */
  processingDays?: number | null;
}

/** Median; the mean of the two middle values for an even count. Null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100): the smallest value with at least p % at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(rank, s.length) - 1]!;
}

export function processingDaysOf(row: StatRow): number | null {
  if (row.decidedOn === null) return null;
  return row.processingDays ?? daysBetween(row.receivedOn, row.decidedOn);
}

/** Count of received cases per Monday-started week, oldest first, including empty weeks. */
export function incomingPerWeek(
  rows: readonly StatRow[],
  today: IsoDate,
  weeks: number,
): { week: IsoDate; count: number }[] {
  const last = startOfWeek(today);
  const out = Array.from({ length: weeks }, (_, i) => ({ week: addDays(last, -7 * (weeks - 1 - i)), count: 0 }));
  const index = new Map(out.map((w, i) => [w.week, i]));
  for (const r of rows) {
    const i = index.get(startOfWeek(r.receivedOn));
    if (i !== undefined) out[i]!.count++;
  }
  return out;
}

export const AGE_BUCKETS = ["0-2", "2-6", "6-10", "10+"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Open cases by age in weeks since received: under 2, 2–6, 6–10, over 10 (the statutory limit). */
export function openByAge(rows: readonly StatRow[], today: IsoDate): { bucket: AgeBucket; count: number }[] {
  const counts: Record<AgeBucket, number> = { "0-2": 0, "2-6": 0, "6-10": 0, "10+": 0 };
  for (const r of rows) {
    if (r.decidedOn !== null) continue;
    const days = daysBetween(r.receivedOn, today);
    if (days < 0) continue;
    const b: AgeBucket = days < 14 ? "0-2" : days < 42 ? "2-6" : days < 70 ? "6-10" : "10+";
    counts[b]++;
  }
  return AGE_BUCKETS.map((bucket) => ({ bucket, count: counts[bucket] }));
}

export interface ProcessingSummary {
  decided: number;
  medianDays: number | null;
  p90Days: number | null;
  /** Share (0–1) decided within `limitDays`; null when nothing decided. */
  withinLimit: number | null;
}

export function summarizeProcessing(rows: readonly StatRow[], limitDays: number): ProcessingSummary {
  const days = rows.map(processingDaysOf).filter((d): d is number => d !== null);
  return {
    decided: days.length,
    medianDays: median(days),
    p90Days: percentile(days, 90),
    withinLimit: days.length === 0 ? null : days.filter((d) => d <= limitDays).length / days.length,
  };
}

/** Processing summary per (municipality, case type), sorted by municipality then type; groups without decisions are left out. */
export function processingByGroup(
  rows: readonly StatRow[],
  limitDays: (caseType: string) => number,
): ({ municipality: string; caseType: string; limitDays: number } & ProcessingSummary)[] {
  const groups = new Map<string, StatRow[]>();
  for (const r of rows) {
    const key = `${r.municipality}\u0000${r.caseType}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const [municipality, caseType] = key.split("\u0000") as [string, string];
      const limit = limitDays(caseType);
      return { municipality, caseType, limitDays: limit, ...summarizeProcessing(list, limit) };
    })
    .filter((g) => g.decided > 0)
    .sort((a, b) => a.municipality.localeCompare(b.municipality, "sv") || a.caseType.localeCompare(b.caseType, "sv"));
}

/** Keeps rows decided within the last `days` days (what the public page reports on). */
export function decidedSince(rows: readonly StatRow[], today: IsoDate, days: number): StatRow[] {
  const from = addDays(today, -days);
  return rows.filter((r) => r.decidedOn !== null && r.decidedOn >= from && r.decidedOn <= today);
}
