/**
 * Swedish conventions in both languages (the portal's rule): ISO dates 2026-11-26,
 * 24-hour times, spaces between thousands and a decimal comma.
 */
const TZ = "Europe/Stockholm";

export function formatDate(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

export function formatDateTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: TZ,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** "26 november 2026" / "26 November 2026": the month name follows the language. */
export function formatLongDate(value: Date | string, lang: "sv" | "en"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: TZ,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat("sv-SE", { maximumFractionDigits }).format(value);
}

export function formatCurrency(kronor: number): string {
  return `${formatNumber(kronor, 0)} kr`;
}
