import type { ChoiceField, ChoiceOption, I18nKey } from "../types";
import { errorKeys, fail, firstValue, type FieldModule, ok, ownKeys, ruleSchema, stringEntries } from "./module";

const CODES = ["choice.required", "choice.invalid"];

export function optionKeys(options: ChoiceOption[]): I18nKey[] {
  return options.flatMap((o) => [...(o.label === undefined ? [o.labelKey] : []), ...(o.hintKey ? [o.hintKey] : [])]);
}

/** An option's text: its literal label (run-time data) or its translated key. */
export function optionText(option: ChoiceOption, t: (key: string) => string): string {
  return option.label ?? t(option.labelKey);
}

export function optionLabel(options: ChoiceOption[], value: string, t: (key: string) => string): string {
  const option = options.find((o) => o.value === value);
  return option ? optionText(option, t) : value;
}

/** One of several options, shown as radio buttons or a select (`display`). */
export const choiceModule: FieldModule<ChoiceField, string> = {
  type: "choice",
  schema(field) {
    const values = new Set(field.options.map((o) => o.value));
    return ruleSchema((input) => {
      if (input === undefined || input === null || input === "") {
        return field.required ? fail("choice.required") : ok(undefined);
      }
      if (typeof input !== "string" || !values.has(input)) return fail("choice.invalid");
      return ok(input);
    });
  },
  fromFormData(_field, raw) {
    const value = firstValue(raw);
    return typeof value === "string" ? value.trim() : value;
  },
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (field, value, t) => (value === undefined ? "" : optionLabel(field.options, value, t)),
  pdf: {
    // On paper every choice is a set of boxes to tick, whatever the web display is. A choice whose
    // options come from a hook or a register at run time (a unit, the resident's child) has none on
    // the blank form: the person writes the answer on a line instead.
    fields: (field, name) =>
      field.options.length === 0 && (field.optionsFrom !== undefined || field.lookup !== undefined)
        ? [{ name, kind: "text", labelKey: field.labelKey, maxLength: 200 }]
        : [
            {
              name,
              kind: "radio",
              labelKey: field.labelKey,
              options: field.options.map((o) => ({
                value: o.value,
                labelKey: o.labelKey,
                ...(o.label === undefined ? {} : { label: o.label }),
              })),
            },
          ],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...optionKeys(field.options), ...errorKeys(CODES)],
};
