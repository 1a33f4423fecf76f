import { parseOrganisationsnummer } from "../lib/identity-number";
import type { OrganisationsnummerField } from "../types";
import { errorKeys, fail, firstValue, type FieldModule, ok, ownKeys, ruleSchema, stringEntries } from "./module";

const CODES = ["required", "invalid", "organisationsnummer.format", "organisationsnummer.checksum"];

/** A legal entity's number, stored and shown as "NNNNNN-NNNN". */
export const organisationsnummerModule: FieldModule<OrganisationsnummerField, string> = {
  type: "organisationsnummer",
  schema(field) {
    return ruleSchema((input) => {
      if (input === undefined || input === null || (typeof input === "string" && input.trim() === "")) {
        return field.required ? fail("required") : ok(undefined);
      }
      if (typeof input !== "string") return fail("invalid");
      if (input.length > 20) return fail("organisationsnummer.format");
      const parsed = parseOrganisationsnummer(input);
      return parsed.ok ? ok(parsed.value.normalized) : fail(`organisationsnummer.${parsed.code}`);
    });
  },
  maxLength: () => 20,
  fromFormData(_field, raw) {
    const value = firstValue(raw);
    return typeof value === "string" ? value.trim() : value;
  },
  toFormEntries: (_field, value, name) => stringEntries(value, name),
  defaultValue: () => "",
  toText: (_field, value) => value ?? "",
  pdf: {
    fields: (field, name) => [{ name, kind: "text", labelKey: field.labelKey, maxLength: 11 }],
    values: (_field, value, _t, name) => (value === undefined ? {} : { [name]: value }),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...errorKeys(CODES)],
};
