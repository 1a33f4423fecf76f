import type { AddressField, AddressValue } from "../types";
import {
  COMMON_KEYS,
  errorKeys,
  type FieldModule,
  fail,
  firstValue,
  type Issue,
  isPlainObject,
  ok,
  ownKeys,
  readString,
  ruleSchema,
} from "./module";
import { errorKey } from "../keys";

export const ADDRESS_PARTS = ["street", "postalCode", "town"] as const;
type Part = (typeof ADDRESS_PARTS)[number];

const MAX: Record<Part, number> = { street: 100, postalCode: 10, town: 60 };
const REQUIRED_CODE: Record<Part, string> = {
  street: "address.streetRequired",
  postalCode: "address.postalCodeRequired",
  town: "address.townRequired",
};
const LABEL: Record<Part, string> = {
  street: COMMON_KEYS.street,
  postalCode: COMMON_KEYS.postalCode,
  town: COMMON_KEYS.town,
};
const CODES = ["invalid", "text.tooLong", ...Object.values(REQUIRED_CODE), "address.postalCodeFormat"];

/** "66630", "666 30" → "666 30"; anything else → undefined. */
export function normalizePostalCode(value: string): string | undefined {
  const digits = value.replace(/\s/g, "");
  return /^[1-9]\d{4}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : undefined;
}

/**
 * A Swedish postal address in three inputs. An address is all or nothing: once any part is
 * filled in, every part is needed. Errors point at the part ("address.postalCode").
 */
export const addressModule: FieldModule<AddressField, AddressValue> = {
  type: "address",
  schema(field) {
    return ruleSchema((input) => {
      if (input === undefined || input === null) return field.required ? missingAll() : ok(undefined);
      if (!isPlainObject(input) || Object.keys(input).some((k) => !(ADDRESS_PARTS as readonly string[]).includes(k))) {
        return fail("invalid");
      }
      const issues: Issue[] = [];
      const out: Partial<AddressValue> = {};
      let anyFilled = false;
      for (const part of ADDRESS_PARTS) {
        const read = readString(input[part], { required: false, max: MAX[part] });
        if (!read.ok) {
          issues.push(...read.issues.map((issue) => ({ ...issue, path: [part] })));
          anyFilled = true;
        } else if (read.value !== undefined) {
          out[part] = read.value;
          anyFilled = true;
        }
      }
      if (!anyFilled) return field.required ? missingAll() : ok(undefined);
      for (const part of ADDRESS_PARTS) {
        if (out[part] === undefined && !issues.some((i) => i.path?.[0] === part)) {
          issues.push({ key: errorKey(REQUIRED_CODE[part]), path: [part] });
        }
      }
      if (out.postalCode !== undefined) {
        const postalCode = normalizePostalCode(out.postalCode);
        if (postalCode === undefined) issues.push({ key: errorKey("address.postalCodeFormat"), path: ["postalCode"] });
        else out.postalCode = postalCode;
      }
      if (issues.length > 0) return { ok: false, issues };
      return ok(out as AddressValue);
    });
  },
  /** Posted as `name.street`, `name.postalCode`, `name.town`. */
  fromFormData(_field, raw) {
    if (raw === undefined) return undefined;
    if (!isPlainObject(raw)) return raw;
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstValue(v)]));
  },
  toFormEntries: (_field, value, name) =>
    value === undefined ? [] : ADDRESS_PARTS.map((part): [string, string] => [`${name}.${part}`, value[part]]),
  defaultValue: () => ({ street: "", postalCode: "", town: "" }),
  toText: (_field, value) => (value === undefined ? "" : `${value.street}, ${value.postalCode} ${value.town}`),
  pdf: {
    fields: (_field, name) =>
      ADDRESS_PARTS.map((part) => ({
        name: `${name}_${part}`,
        kind: "text" as const,
        labelKey: LABEL[part],
        maxLength: MAX[part],
      })),
    values: (_field, value, _t, name) =>
      value === undefined ? {} : Object.fromEntries(ADDRESS_PARTS.map((part) => [`${name}_${part}`, value[part]])),
  },
  errorCodes: () => CODES,
  keys: (field) => [...ownKeys(field), ...Object.values(LABEL), ...errorKeys(CODES)],
};

function missingAll() {
  return {
    ok: false as const,
    issues: ADDRESS_PARTS.map((part) => ({ key: errorKey(REQUIRED_CODE[part]), path: [part] })),
  };
}
