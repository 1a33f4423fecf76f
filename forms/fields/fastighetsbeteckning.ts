import type { FastighetsbeteckningField } from "../types";
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

const MAX_LENGTH = 100;
const CODES = ["required", "invalid", "text.tooLong", "fastighetsbeteckning.format"];

/**
 * "[Kommun] Trakt block:enhet", e.g. "Bengtsfors Sågen 1:23", "Sågen 1:23", "Mellerud
 * Kvarnen s:2" (samfällighet). Names may have several words and hyphens.
 */
const FASTIGHETSBETECKNING = /^\p{L}[\p{L}-]*( \p{L}[\p{L}-]*)* (\d{1,5}|[sS]):\d{1,5}$/u;

/** One space between words, none around the colon. Runs are collapsed first, so no pattern repeats over white space twice (decision 040). */
export const normalizeFastighetsbeteckning = (s: string) => s.replace(/\s+/g, " ").replace(/ ?: ?/g, ":").trim();

export const fastighetsbeteckningModule: FieldModule<FastighetsbeteckningField, string> = {
  type: "fastighetsbeteckning",
  schema(field) {
    return ruleSchema((input) => {
      const read = readString(input, {
        required: field.required,
        max: MAX_LENGTH,
        normalize: normalizeFastighetsbeteckning,
      });
      if (!read.ok || read.value === undefined) return read;
      return FASTIGHETSBETECKNING.test(read.value) ? ok(read.value) : fail("fastighetsbeteckning.format");
    });
  },
  maxLength: () => MAX_LENGTH,
  fromFormData: (_field, raw) => firstValue(raw),
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (_field, value) => value ?? "",
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: MAX_LENGTH }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...errorKeys(CODES)],
};
