/** Case reference numbers: "BEN-2026-000123" (municipality code, year, six-digit number). */
export const REFERENCE_PATTERN = /^([A-Z]{3})-(\d{4})-(\d{6})$/;

export function formatReference(code: string, year: number, number: number): string {
  if (!/^[A-Z]{3}$/.test(code)) throw new Error(`Bad municipality code ${code}`);
  if (!Number.isInteger(number) || number < 1 || number > 999_999)
    throw new Error(`Reference number out of range: ${number}`);
  return `${code}-${year}-${String(number).padStart(6, "0")}`;
}

export function parseReference(value: unknown): { code: string; year: number; number: number } | null {
  if (typeof value !== "string") return null;
  const m = REFERENCE_PATTERN.exec(value.trim().toUpperCase());
  if (!m) return null;
  return { code: m[1]!, year: Number(m[2]), number: Number(m[3]) };
}

let swedishYearFormat: Intl.DateTimeFormat | undefined;

/** The calendar year in Sweden: a case sent at 00:30 on 1 January belongs to the new year. */
export function swedishYear(at: Date): number {
  // Made once: building a formatter per case cost more than the rest of the reference (decision 129).
  swedishYearFormat ??= new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" });
  return Number(swedishYearFormat.format(at));
}
