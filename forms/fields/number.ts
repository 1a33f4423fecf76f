import { decimalsOf, formatNumberSv, parseNumberSv } from "../format";
import type { NumberField } from "../types";
import { errorKeys, fail, firstValue, type FieldModule, ok, ownKeys, ruleSchema } from "./module";

function codes(field: NumberField): string[] {
  return [
    "required",
    "invalid",
    "number.format",
    (field.decimals ?? 0) === 0 ? "number.integer" : "number.decimals",
    ...(field.min !== undefined ? ["number.tooSmall"] : []),
    ...(field.max !== undefined ? ["number.tooLarge"] : []),
  ];
}

function withUnit(field: NumberField, text: string, t: (key: string) => string): string {
  return field.unitKey ? `${text} ${t(field.unitKey)}` : text;
}

export const numberModule: FieldModule<NumberField, number> = {
  type: "number",
  schema(field) {
    const decimals = field.decimals ?? 0;
    return ruleSchema((input) => {
      if (input === undefined || input === null || (typeof input === "string" && input.trim() === "")) {
        return field.required ? fail("required") : ok(undefined);
      }
      // A string here is what fromFormData could not read as a number.
      if (typeof input === "string") return fail("number.format");
      if (typeof input !== "number" || !Number.isFinite(input)) return fail("invalid");
      if (decimalsOf(input) > decimals) {
        return decimals === 0 ? fail("number.integer") : fail("number.decimals", { max: decimals });
      }
      if (field.min !== undefined && input < field.min)
        return fail("number.tooSmall", { min: formatNumberSv(field.min, decimals) });
      if (field.max !== undefined && input > field.max)
        return fail("number.tooLarge", { max: formatNumberSv(field.max, decimals) });
      return ok(input);
    });
  },
  maxLength: () => 50,
  fromFormData(_field, raw) {
    const value = firstValue(raw);
    if (typeof value !== "string") return value;
    if (value.trim() === "") return undefined;
    // Unreadable text is passed on (capped) so the schema can say "number.format".
    return parseNumberSv(value) ?? value.slice(0, 50);
  },
  // No digit grouping in an input: "1234,5" is easier to edit than "1 234,5".
  toFormEntries: (_field, value, name) => (value === undefined ? [] : [[name, String(value).replace(".", ",")]]),
  defaultValue: () => undefined,
  toText: (field, value, t) =>
    value === undefined ? "" : withUnit(field, formatNumberSv(value, field.decimals ?? 0), t),
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: 20 }],
    values: (field, value, t, name) =>
      value === undefined ? {} : { [name]: withUnit(field, formatNumberSv(value, field.decimals ?? 0), t) },
  },
  errorCodes: codes,
  keys: (field) => [...ownKeys(field), ...(field.unitKey ? [field.unitKey] : []), ...errorKeys(codes(field))],
};
