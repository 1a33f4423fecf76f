import { todayInSweden } from "../format";
import { formatPersonnummer, parsePersonnummer } from "../lib/identity-number";
import type { PersonnummerField } from "../types";
import { errorKeys, fail, firstValue, type FieldModule, fullContext, ok, ownKeys, ruleSchema } from "./module";

function codes(field: PersonnummerField): string[] {
  return [
    "required",
    "invalid",
    "personnummer.format",
    "personnummer.checksum",
    "personnummer.date",
    ...(field.allowSamordningsnummer === false ? ["personnummer.samordningsnummer"] : []),
  ];
}

/** Local noon of a "YYYY-MM-DD" day: the parser reads the local calendar date of `now`. */
function noonOf(isoDate: string): Date {
  const [y = 0, m = 1, d = 1] = isoDate.split("-").map(Number);
  return new Date(y, m - 1, d, 12);
}

/**
 * Personnummer or samordningsnummer, 10 or 12 digits as typed. Stored as the 12 digits
 * without separator (the form the person register and the HMAC index use); shown as
 * "YYYYMMDD-NNNN".
 */
export const personnummerModule: FieldModule<PersonnummerField, string> = {
  type: "personnummer",
  schema(field, partialCtx) {
    return ruleSchema((input) => {
      if (input === undefined || input === null || (typeof input === "string" && input.trim() === "")) {
        return field.required ? fail("required") : ok(undefined);
      }
      if (typeof input !== "string") return fail("invalid");
      if (input.length > 20) return fail("personnummer.format");
      const ctx = fullContext(partialCtx, todayInSweden);
      const parsed = parsePersonnummer(input, noonOf(ctx.today));
      if (!parsed.ok) return fail(`personnummer.${parsed.code}`);
      if (parsed.value.kind === "samordningsnummer" && field.allowSamordningsnummer === false) {
        return fail("personnummer.samordningsnummer");
      }
      return ok(parsed.value.normalized);
    });
  },
  maxLength: () => 20,
  fromFormData(_field, raw) {
    const value = firstValue(raw);
    return typeof value === "string" ? value.trim() : value;
  },
  toFormEntries: (_field, value, name) => (value === undefined ? [] : [[name, display(value)]]),
  defaultValue: () => "",
  toText: (_field, value) => (value === undefined ? "" : display(value)),
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: 13 }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: display(value) }),
  },
  errorCodes: codes,
  keys: (field) => [...ownKeys(field), ...errorKeys(codes(field))],
};

/** Stored values are 12 digits; anything else (old data) is shown as it is. */
function display(value: string): string {
  return /^\d{12}$/.test(value) ? formatPersonnummer(value) : value;
}
