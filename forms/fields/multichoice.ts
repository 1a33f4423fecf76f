import type { MultichoiceField } from "../types";
import { optionKeys, optionLabel } from "./choice";
import { errorKeys, fail, type FieldModule, ok, ownKeys, ruleSchema } from "./module";

function codes(field: MultichoiceField): string[] {
  return [
    "multichoice.required",
    "choice.invalid",
    ...(field.minSelected !== undefined && field.minSelected > 1 ? ["multichoice.tooFew"] : []),
    ...(field.maxSelected !== undefined ? ["multichoice.tooMany"] : []),
  ];
}

/** PDF checkbox name for one option ("interests_sport"). */
export const optionPdfName = (name: string, value: string) => `${name}_${value}`;

/** Checkboxes; the value is the chosen option values in the order of the options. */
export const multichoiceModule: FieldModule<MultichoiceField, string[]> = {
  type: "multichoice",
  schema(field) {
    const order = field.options.map((o) => o.value);
    return ruleSchema((input) => {
      const list = input === undefined || input === null ? [] : input;
      if (!Array.isArray(list) || list.length > order.length * 2) return fail("choice.invalid");
      if (list.some((v) => typeof v !== "string" || !order.includes(v))) return fail("choice.invalid");
      const chosen = order.filter((v) => list.includes(v));
      if (chosen.length === 0)
        return field.required || (field.minSelected ?? 0) > 0 ? fail("multichoice.required") : ok(undefined);
      if (field.minSelected !== undefined && chosen.length < field.minSelected)
        return fail("multichoice.tooFew", { min: field.minSelected });
      if (field.maxSelected !== undefined && chosen.length > field.maxSelected)
        return fail("multichoice.tooMany", { max: field.maxSelected });
      return ok(chosen);
    });
  },
  /** Each ticked box posts `name=<option value>`, so the key repeats. */
  fromFormData(_field, raw) {
    if (raw === undefined) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.some((v) => v !== undefined && typeof v !== "string")) return raw;
    return [...new Set(list.filter((v): v is string => typeof v === "string" && v !== ""))];
  },
  toFormEntries: (_field, value, name) => (value ?? []).map((v): [string, string] => [name, v]),
  defaultValue: () => [],
  toText: (field, value, t) => (value ?? []).map((v) => optionLabel(field.options, v, t)).join(", "),
  pdf: {
    fields: (field, name) =>
      field.options.map((o) => ({
        name: optionPdfName(name, o.value),
        kind: "checkbox",
        labelKey: field.labelKey,
        optionLabelKey: o.labelKey,
      })),
    values: (field, value, _t, name) =>
      Object.fromEntries(field.options.map((o) => [optionPdfName(name, o.value), (value ?? []).includes(o.value)])),
  },
  errorCodes: codes,
  keys: (field) => [...ownKeys(field), ...optionKeys(field.options), ...errorKeys(codes(field))],
};
