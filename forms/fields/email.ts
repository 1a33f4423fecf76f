import type { EmailField } from "../types";
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

/** RFC 5321 path limit. */
export const EMAIL_MAX_LENGTH = 254;
const CODES = ["required", "invalid", "text.tooLong", "email.format"];

/**
 * Deliberately loose (something@domain.tld, no spaces): the only real check is whether mail
 * arrives. Stricter patterns reject real addresses.
 */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const emailModule: FieldModule<EmailField, string> = {
  type: "email",
  schema(field) {
    return ruleSchema((input) => {
      const read = readString(input, { required: field.required, max: EMAIL_MAX_LENGTH });
      if (!read.ok || read.value === undefined) return read;
      return EMAIL.test(read.value) ? ok(read.value) : fail("email.format");
    });
  },
  maxLength: () => EMAIL_MAX_LENGTH,
  fromFormData: (_field, raw) => firstValue(raw),
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (_field, value) => value ?? "",
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: EMAIL_MAX_LENGTH }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...errorKeys(CODES)],
};
