import type { PhoneField } from "../types";
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

const PHONE_MAX_LENGTH = 30;
const CODES = ["required", "invalid", "phone.format"];

/**
 * Swedish or international numbers as people write them ("0531-52 60 00", "+46 70 123 45 67").
 * Stored as typed, with whitespace collapsed: the number is for a person to call.
 */
export const phoneModule: FieldModule<PhoneField, string> = {
  type: "phone",
  schema(field) {
    return ruleSchema((input) => {
      const read = readString(input, {
        required: field.required,
        max: PHONE_MAX_LENGTH,
        normalize: (s) => s.replace(/\s+/g, " ").trim(),
      });
      if (!read.ok) return read.issues[0]?.key.endsWith("text.tooLong") ? fail("phone.format") : read;
      if (read.value === undefined) return read;
      const digits = read.value.replace(/\D/g, "").length;
      const shape = /^\+?[\d\s\-()/]+$/.test(read.value);
      return shape && digits >= 7 && digits <= 15 ? ok(read.value) : fail("phone.format");
    });
  },
  maxLength: () => PHONE_MAX_LENGTH,
  fromFormData: (_field, raw) => firstValue(raw),
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (_field, value) => value ?? "",
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: PHONE_MAX_LENGTH }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...errorKeys(CODES)],
};
