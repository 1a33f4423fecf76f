/**
 * Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer.
 *
 * Runs unchanged in the browser and in Node: no `node:` imports, no dependencies, only
 * string and integer arithmetic (no `Date` parsing, so no time-zone surprises in validation).
 *
 * Why this is hand-written and not a wrapper around the `personnummer` npm package
 * (evaluated 2026-11: personnummer@3.2.1, organisationsnummer@1.2.0, both MIT, no/one
 * dependency, ESM + CJS, browser-safe, last release December 2024):
 *  - It reads the clock itself (`new Date()` inside the parser). The century of a 10-digit
 *    number and the age cannot be computed for a given `now`, so server/client and tests
 *    could disagree; here `now` is a parameter.
 *  - Its century rule looks at the year only, so on 2026-11-26 "261231-…" becomes 2026-12-31,
 *    a birth in the future; the rule here compares the full date.
 *  - It throws one opaque error; the form needs "format" / "checksum" / "date" to tell the
 *    user what is wrong.
 *  - It does not trim input and does not reject birth dates after `now` in 12-digit input.
 *  - `organisationsnummer` deliberately accepts a personnummer as an org number (sole trader,
 *    "enskild firma"); we want org numbers to be legal entities only (see below).
 * What would remain to wrap is a regular expression and the Luhn sum, so a dependency buys
 * nothing. The tests carry the packages' published valid/invalid examples (personnummer/meta
 * and organisationsnummer/meta test data) so the behaviour stays comparable.
 *
 * Rules implemented (Skatteverket SKV 704, Bolagsverket):
 *  - personnummer: YYMMDD-NNNC or YYYYMMDD-NNNC; separator "-" or "+" optional; "+" marks a
 *    person aged 100 or more (only meaningful for 10-digit input; with 12 digits the written
 *    century wins). Surrounding whitespace is ignored, anything else is a format error.
 *  - C is the Luhn check digit over the 10 digits YYMMDDNNN(C).
 *  - samordningsnummer: as personnummer with 60 added to the day (61–91).
 *  - Birth number "000" is never issued (format error). Interim numbers with letters
 *    ("000101-T220") are not accepted.
 *  - Samordningsnummer with an incomplete birth date (month "00" or day "60") exist in
 *    Skatteverket's data; they are rejected here as "date" because the result promises a
 *    complete birthDate and age.
 */

export type IdentityKind = "personnummer" | "samordningsnummer";
export type Sex = "female" | "male";

export interface Personnummer {
  /** 12 digits, no separator: YYYYMMDDNNNC (day + 60 for samordningsnummer, as issued). */
  normalized: string;
  kind: IdentityKind;
  /** ISO date "YYYY-MM-DD" (the real day also for samordningsnummer). */
  birthDate: string;
  /** From the second-to-last digit: odd = male, even = female (legal sex at issue). */
  sex: Sex;
  /** Whole years at `now`. */
  age: number;
}

export type PersonnummerErrorCode = "format" | "checksum" | "date";

export type PersonnummerResult = { ok: true; value: Personnummer } | { ok: false; code: PersonnummerErrorCode };

/**
 * Hint from the first digit of an organisationsnummer (Bolagsverket's groups). A hint only:
 * group 7 also covers bostadsrättsföreningar, 5 covers bank- and försäkringsaktiebolag, etc.
 * Group 4 is not in use and 0 is rejected.
 */
export type LegalFormHint =
  | "dodsbo"
  | "stat-region-kommun"
  | "utlandskt-foretag"
  | "aktiebolag"
  | "enkelt-bolag"
  | "ekonomisk-forening"
  | "ideell-forening-stiftelse"
  | "handelsbolag-kommanditbolag"
  | "okand";

export interface Organisationsnummer {
  /** "NNNNNN-NNNN" (10 digits with hyphen; a "16" prefix is dropped). */
  normalized: string;
  legalForm: LegalFormHint;
}

export type OrganisationsnummerErrorCode = "format" | "checksum";

export type OrganisationsnummerResult =
  { ok: true; value: Organisationsnummer } | { ok: false; code: OrganisationsnummerErrorCode };

// ---- Luhn ---------------------------------------------------------------------------

/**
 * Luhn (mod 10) check of a digit string whose last digit is the check digit.
 * Non-digits (including separators) and strings shorter than 2 give false.
 */
export function luhnValid(digits: string): boolean {
  if (typeof digits !== "string" || !/^[0-9]{2,}$/.test(digits)) return false;
  return luhnSum(digits) % 10 === 0;
}

/** The check digit that makes `payload + digit` Luhn-valid ("811218987" → 6). */
export function luhnCheckDigit(payload: string): number {
  if (typeof payload !== "string" || !/^[0-9]+$/.test(payload)) {
    throw new RangeError("luhnCheckDigit expects a non-empty string of digits");
  }
  return (10 - (luhnSum(`${payload}0`) % 10)) % 10;
}

/** Sum with every second digit, counted from the right and starting with the second, doubled. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let value = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum;
}

// ---- Personnummer / samordningsnummer ------------------------------------------------

/** [century?][yy][mm][dd][sep?][nnn][c]; ASCII digits only (no `u` flag: \d would be ASCII anyway). */
const PERSONNUMMER_PATTERN = /^([0-9]{2})?([0-9]{2})([0-9]{2})([0-9]{2})([-+])?([0-9]{3})([0-9])$/;

/** Oldest birth year accepted (personnummer were introduced 1947; the oldest test data is 18xx). */
const MIN_BIRTH_YEAR = 1800;

const SAMORDNING_DAY_OFFSET = 60;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses a personnummer or samordningsnummer.
 *
 * `now` decides the century of 10-digit input (the most recent century in which the birth
 * date is not after `now`; one century earlier with "+") and the age. Its local calendar
 * date is used (the user's date in the browser, the server's zone in Node).
 *
 * Error codes: "format" (shape, separator, letters, birth number 000), "date" (no such
 * calendar date, day 32–60 / 92+, or born after `now`), "checksum" (Luhn digit wrong).
 * A number with an impossible date is reported as "date" even if its check digit is also
 * wrong, because that is the more specific message for the user.
 */
export function parsePersonnummer(input: string, now: Date = new Date()): PersonnummerResult {
  if (typeof input !== "string") return { ok: false, code: "format" };
  const match = PERSONNUMMER_PATTERN.exec(input.trim());
  if (!match) return { ok: false, code: "format" };
  const [, centuryDigits, yy = "", mm = "", dd = "", separator, birthNumber = "", check = ""] = match;
  if (birthNumber === "000") return { ok: false, code: "format" };

  const month = Number(mm);
  const writtenDay = Number(dd);
  const kind: IdentityKind = writtenDay > SAMORDNING_DAY_OFFSET ? "samordningsnummer" : "personnummer";
  const day = kind === "samordningsnummer" ? writtenDay - SAMORDNING_DAY_OFFSET : writtenDay;
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, code: "date" };

  const today = calendarDate(now);
  let year: number;
  if (centuryDigits !== undefined) {
    year = Number(centuryDigits + yy);
  } else {
    const twoDigits = Number(yy);
    // Latest year <= today's year that ends in the two digits …
    year = today.year - ((((today.year - twoDigits) % 100) + 100) % 100);
    // … but not a birthday later this year (that would be a birth in the future).
    if (compareDates({ year, month, day }, today) > 0) year -= 100;
    if (separator === "+") year -= 100;
  }

  if (day > daysInMonth(year, month)) return { ok: false, code: "date" };
  const birth: CalendarDate = { year, month, day };
  if (year < MIN_BIRTH_YEAR || compareDates(birth, today) > 0) return { ok: false, code: "date" };

  if (!luhnValid(`${yy}${mm}${dd}${birthNumber}${check}`)) return { ok: false, code: "checksum" };

  const sexDigit = Number(birthNumber.charAt(2));
  return {
    ok: true,
    value: {
      normalized: `${pad(year, 4)}${mm}${dd}${birthNumber}${check}`,
      kind,
      birthDate: `${pad(year, 4)}-${mm}-${pad(day, 2)}`,
      sex: sexDigit % 2 === 1 ? "male" : "female",
      age: ageOn(birth, today),
    },
  };
}

/**
 * "YYYYMMDD-NNNN" from a normalized 12-digit number (the 12-digit form with hyphen that
 * Swedish authorities use in running text; no "+" in this form).
 * Throws RangeError for anything but 12 digits: format parsed values, not user input.
 */
export function formatPersonnummer(normalized: string): string {
  assertNormalizedPersonnummer(normalized);
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/** "YYYYMMDD-****": birth date visible, last four hidden (lists, receipts, logs). */
export function maskPersonnummer(normalized: string): string {
  assertNormalizedPersonnummer(normalized);
  return `${normalized.slice(0, 8)}-****`;
}

function assertNormalizedPersonnummer(value: string): void {
  if (typeof value !== "string" || !/^[0-9]{12}$/.test(value)) {
    throw new RangeError("Expected a normalized 12-digit personnummer (YYYYMMDDNNNN)");
  }
}

// ---- Organisationsnummer --------------------------------------------------------------

/** Optional "16" prefix (the 12-digit form used by Skatteverket), optional hyphen. */
const ORGANISATIONSNUMMER_PATTERN = /^(?:16)?([0-9]{6})-?([0-9]{4})$/;

const LEGAL_FORM_BY_FIRST_DIGIT: Readonly<Record<string, LegalFormHint>> = {
  "1": "dodsbo",
  "2": "stat-region-kommun",
  "3": "utlandskt-foretag",
  "5": "aktiebolag",
  "6": "enkelt-bolag",
  "7": "ekonomisk-forening",
  "8": "ideell-forening-stiftelse",
  "9": "handelsbolag-kommanditbolag",
};

/**
 * Parses the organisationsnummer of a legal entity (juridisk person).
 *
 * Legal entities have a third digit of 2 or more (the "month" is 20–99), so they never
 * collide with a personnummer. Sole traders (enskild näringsidkare) use their personnummer
 * as organisation number; that is deliberately NOT accepted here ("format"): a form that
 * takes "organisationsnummer or personnummer" should try `parsePersonnummer` as well and
 * treat the result as a private person.
 *
 * Accepted: "NNNNNN-NNNN", "NNNNNNNNNN", and the same with a "16" prefix; surrounding
 * whitespace is ignored. Errors: "format" (shape, "+" separator, first digit 0, third
 * digit < 2), "checksum" (Luhn over the 10 digits).
 */
export function parseOrganisationsnummer(input: string): OrganisationsnummerResult {
  if (typeof input !== "string") return { ok: false, code: "format" };
  const match = ORGANISATIONSNUMMER_PATTERN.exec(input.trim());
  if (!match) return { ok: false, code: "format" };
  const [, head = "", tail = ""] = match;
  const digits = `${head}${tail}`;
  if (digits.charAt(0) === "0" || Number(digits.charAt(2)) < 2) return { ok: false, code: "format" };
  if (!luhnValid(digits)) return { ok: false, code: "checksum" };
  return {
    ok: true,
    value: {
      normalized: `${head}-${tail}`,
      legalForm: LEGAL_FORM_BY_FIRST_DIGIT[digits.charAt(0)] ?? "okand",
    },
  };
}

// ---- Calendar helpers (integers only) ---------------------------------------------------

function calendarDate(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Completed years. Someone born on 29 February gets a year older on 1 March in common
 * years (the month/day comparison simply has not reached 02-29 on 28 February).
 */
function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (beforeBirthday ? 1 : 0);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
