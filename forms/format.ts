/**
 * Swedish conventions used in summaries, receipts and PDFs in both languages (the portal's
 * rule, same as app/utils/format.ts): ISO dates 2026-11-26, a no-break space between
 * thousands and a decimal comma ("1 234,5"). Parsing accepts what people type.
 */

const TZ = "Europe/Stockholm";

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1 234,5" (the space is U+00A0 so a number never breaks across lines). */
export function formatNumberSv(value: number, maximumFractionDigits = 2): string {
  let format = numberFormats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat("sv-SE", { maximumFractionDigits, useGrouping: true });
    numberFormats.set(maximumFractionDigits, format);
  }
  // ICU writes U+2212 for minus; a hyphen-minus survives copy-paste and every PDF font.
  return format.format(value).replace(/\u2212/g, "-");
}

/**
 * "1 234,5", "1234.5", "-12", "1 000" → number; anything else → undefined.
 * A comma is the decimal separator; a point is accepted as one when there is no comma.
 * Spaces (also no-break and thin spaces) group thousands.
 */
export function parseNumberSv(raw: string): number | undefined {
  const compact = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/\u2212/g, "-");
  if (compact.length === 0 || compact.length > 30) return undefined;
  const normalized = compact.includes(",") ? compact.replace(",", ".") : compact;
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/** Decimals in a number as typed (for the "whole numbers only" rule). */
export function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  return text.split(".")[1]?.length ?? 0;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** true for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * What people type → "YYYY-MM-DD" where unambiguous: "2026-11-26", "2026-1-5", "20261126",
 * "2026 11 26", "2026/11/26". Returns the trimmed input unchanged otherwise.
 */
export function normalizeDateInput(raw: string): string {
  const text = raw.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const loose = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(text);
  if (loose) return `${loose[1]}-${loose[2]!.padStart(2, "0")}-${loose[3]!.padStart(2, "0")}`;
  return text;
}

// Made once: constructing an Intl.DateTimeFormat costs far more than using one, and every
// step's validation asks for today (canVisit checks each earlier step; decision 121).
let swedishDay: Intl.DateTimeFormat | undefined;
// Formatting is still microseconds and a step post asks several times (decision 129). Sweden's
// date changes only on a whole minute (its offsets are whole hours), so the last answer holds for
// the rest of its minute.
let lastMinute = Number.NaN;
let lastDay = "";

/** Today's date in Sweden, "YYYY-MM-DD", whatever the machine's time zone. */
export function todayInSweden(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === lastMinute) return lastDay;
  swedishDay ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: TZ,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const parts = swedishDay.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = `${get("year")}-${get("month")}-${get("day")}`;
  // An invalid date has no minute to remember (NaN never equals itself).
  lastMinute = minute;
  lastDay = day;
  return day;
}

/** "2026-11-26" + 3 → "2026-11-29" (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Not an ISO date: ${isoDate}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return date.toISOString().slice(0, 10);
}

/** 10485760 → "10 MB", 512000 → "500 kB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${formatNumberSv(bytes / 1_000_000, 1)} MB`;
  if (bytes >= 1_000) return `${formatNumberSv(bytes / 1_000, 0)} kB`;
  return `${formatNumberSv(bytes, 0)} B`;
}
