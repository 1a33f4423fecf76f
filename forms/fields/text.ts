import type { TextField } from "../types";
import {
  errorKeys,
  fail,
  firstValue,
  type FieldModule,
  ok,
  ownKeys,
  readString,
  ruleSchema,
  stringEntries,
} from "./module";

/** No single-line answer may be longer than this, whatever the definition says. */
export const TEXT_MAX_CEILING = 500;
const TEXT_MAX_DEFAULT = 200;

export function textMaxLength(field: TextField): number {
  return Math.min(field.maxLength ?? TEXT_MAX_DEFAULT, TEXT_MAX_CEILING);
}

/**
 * Single-line input: a run of white space that holds a line break (a pasted text's) becomes one
 * space; other runs stay as typed. One pass over maximal runs, so linear in the input: the
 * earlier single expression ("spaces, line breaks, spaces", each starred) backtracked
 * quadratically on a long run of spaces (issue 12, High 1; decision 040).
 */
export const singleLine = (s: string) =>
  s.replace(/\s+/g, (run) => (run.includes("\n") || run.includes("\r") ? " " : run)).trim();

function codes(field: TextField): string[] {
  return ["required", "invalid", "text.tooLong", ...(field.minLength ? ["text.tooShort"] : [])];
}

export const textModule: FieldModule<TextField, string> = {
  type: "text",
  schema(field) {
    const max = textMaxLength(field);
    return ruleSchema((input) => {
      const read = readString(input, { required: field.required, max, normalize: singleLine });
      if (!read.ok || read.value === undefined) return read;
      if (field.minLength !== undefined && read.value.length < field.minLength) {
        return fail("text.tooShort", { min: field.minLength });
      }
      return ok(read.value);
    });
  },
  maxLength: textMaxLength,
  fromFormData: (_field, raw) => firstValue(raw),
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (_field, value) => value ?? "",
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: textMaxLength(field) }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: codes,
  keys: (field) => [...ownKeys(field), ...errorKeys(codes(field))],
};
