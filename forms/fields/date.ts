import { addDays, isIsoDate, normalizeDateInput, todayInSweden } from "../format";
import type { DateBound, DateField } from "../types";
import {
  errorKeys,
  fail,
  firstValue,
  type FieldModule,
  fullContext,
  ok,
  ownKeys,
  ruleSchema,
  type SchemaContext,
  stringEntries,
} from "./module";

/** A bound as a date, or undefined when it points at an unanswered field. */
export function resolveDateBound(bound: DateBound | undefined, ctx: SchemaContext): string | undefined {
  if (bound === undefined) return undefined;
  if (typeof bound === "string") return bound;
  if ("daysFromToday" in bound) return addDays(ctx.today, bound.daysFromToday);
  const other = ctx.lookup(bound.field);
  return typeof other === "string" && isIsoDate(other) ? other : undefined;
}

function codes(field: DateField): string[] {
  return [
    "required",
    "invalid",
    "date.format",
    "date.invalid",
    ...(field.min !== undefined ? ["date.tooEarly"] : []),
    ...(field.max !== undefined ? ["date.tooLate"] : []),
  ];
}

/** Dates are stored and shown as "YYYY-MM-DD", the Swedish standard form, in both languages. */
export const dateModule: FieldModule<DateField, string> = {
  type: "date",
  schema(field, partialCtx) {
    return ruleSchema((input) => {
      const ctx = fullContext(partialCtx, todayInSweden);
      if (input === undefined || input === null || (typeof input === "string" && input.trim() === "")) {
        return field.required ? fail("required") : ok(undefined);
      }
      if (typeof input !== "string") return fail("invalid");
      const value = input.trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail("date.format");
      if (!isIsoDate(value) || value < "1900-01-01" || value > "2199-12-31") return fail("date.invalid");
      const min = resolveDateBound(field.min, ctx);
      if (min !== undefined && value < min) return fail("date.tooEarly", { min });
      const max = resolveDateBound(field.max, ctx);
      if (max !== undefined && value > max) return fail("date.tooLate", { max });
      return ok(value);
    });
  },
  maxLength: () => 10,
  fromFormData(_field, raw) {
    const value = firstValue(raw);
    return typeof value === "string" ? normalizeDateInput(value.slice(0, 40)) : value;
  },
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (_field, value) => value ?? "",
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: 10 }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: codes,
  keys: (field) => [...ownKeys(field), ...errorKeys(codes(field))],
};
