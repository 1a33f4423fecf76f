import type { YesNoField } from "../types";
import { COMMON_KEYS, errorKeys, fail, firstValue, type FieldModule, ok, ownKeys, ruleSchema } from "./module";

const CODES = ["yesno.required", "invalid"];

/** Radio values posted by the no-JS form; "on" is what a lone checkbox posts. */
export const YES = "yes";
export const NO = "no";

export const yesnoModule: FieldModule<YesNoField, boolean> = {
  type: "yesno",
  schema(field) {
    return ruleSchema((input) => {
      if (input === undefined || input === null || input === "")
        return field.required ? fail("yesno.required") : ok(undefined);
      if (typeof input !== "boolean") return fail("invalid");
      return ok(input);
    });
  },
  fromFormData(_field, raw) {
    const value = firstValue(raw);
    if (value === YES || value === "on" || value === "true") return true;
    if (value === NO || value === "false") return false;
    return value;
  },
  toFormEntries: (_field, value, name) => (value === undefined ? [] : [[name, value ? YES : NO]]),
  defaultValue: () => undefined,
  toText: (_field, value, t) => (value === undefined ? "" : t(value ? COMMON_KEYS.yes : COMMON_KEYS.no)),
  pdf: {
    fields: (field, name) => [
      {
        name,
        kind: "radio",
        labelKey: field.labelKey,
        options: [
          { value: YES, labelKey: COMMON_KEYS.yes },
          { value: NO, labelKey: COMMON_KEYS.no },
        ],
      },
    ],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value ? YES : NO }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), COMMON_KEYS.yes, COMMON_KEYS.no, ...errorKeys(CODES)],
};
