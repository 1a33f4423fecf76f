/**
 * Swedish conventions in both languages (the portal's rule): ISO dates 2026-11-26,
 * 24-hour times, spaces between thousands and a decimal comma.
 */
const TZ = "Europe/Stockholm";

// Intl formatters are expensive to construct (about 0.1 ms each, and Mina sidor formats a date
// per case): one instance per set of options, made on first use (docs/decisions/039).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return cached(
    "date",
    () => new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).format(date);
}

export function formatDateTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return cached(
    "datetime",
    () =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone: TZ,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      }),
  ).format(date);
}

/** "26 november 2026" / "26 November 2026": the month name follows the language. */
export function formatLongDate(value: Date | string, lang: "sv" | "en"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return cached(
    `long-${lang}`,
    () =>
      new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
        timeZone: TZ,
        day: "numeric",
        month: "long",
        year: "numeric",
      }),
  ).format(date);
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return cached(
    `number-${maximumFractionDigits}`,
    () => new Intl.NumberFormat("sv-SE", { maximumFractionDigits }),
  ).format(value);
}

export function formatCurrency(kronor: number): string {
  return `${formatNumber(kronor, 0)} kr`;
}

/**
 * "Ale, Bo och Cu" / "Ale, Bo and Cu": the municipalities named in
 * running text come from the table (issue 13 item 4), joined as the language joins a list.
 */
export function formatNameList(names: readonly string[], lang: "sv" | "en"): string {
  // Made once per language: every page's footer names the municipalities, and a new ListFormat
  // per render cost ~0.6 ms of CPU (decision 140).
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  return cached(`list-${locale}`, () => new Intl.ListFormat(locale, { style: "long", type: "conjunction" })).format(
    names,
  );
}
