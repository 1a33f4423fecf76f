import type { TextareaField } from "../types";
import { errorKeys, firstValue, type FieldModule, ownKeys, readString, ruleSchema, stringEntries } from "./module";

/** No multi-line answer may be longer than this, whatever the definition says. */
export const TEXTAREA_MAX_CEILING = 10_000;
const TEXTAREA_MAX_DEFAULT = 4_000;

export function textareaMaxLength(field: TextareaField): number {
  return Math.min(field.maxLength ?? TEXTAREA_MAX_DEFAULT, TEXTAREA_MAX_CEILING);
}

const CODES = ["required", "invalid", "text.tooLong"];

export const textareaModule: FieldModule<TextareaField, string> = {
  type: "textarea",
  schema: (field) =>
    ruleSchema((input) => readString(input, { required: field.required, max: textareaMaxLength(field) })),
  maxLength: textareaMaxLength,
  fromFormData: (_field, raw) => firstValue(raw),
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (_field, value) => value ?? "",
  pdf: {
    fields: (field, name) => [
      { name, kind: "multiline", labelKey: field.labelKey, maxLength: textareaMaxLength(field) },
    ],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...errorKeys(CODES)],
};
