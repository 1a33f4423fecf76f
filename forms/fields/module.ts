/**
 * The contract every field type implements, and the small helpers they share.
 *
 * A field schema accepts the *typed* value (what `fromFormData` produces, what a
 * react-hook-form renderer holds, what is stored) and yields the normalized value, or
 * `undefined` when the field is left empty. Empty means undefined, null, "" (after
 * trimming) or []. Errors are issues whose `message` is an i18n key
 * ("forms.errors.required") and whose `params` feed its interpolation. The schemas are plain
 * functions with zod's `safeParse` shape, not zod: zod's full build was 93 KB of gzip on every
 * hydrating e-service page for two calls (docs/decisions/088).
 */
import { errorKey } from "../keys";
import type { Field, FieldValue, I18nKey, Translate } from "../types";
import type { AnswerLookup } from "../visibility";

export interface SchemaContext {
  formId: string;
  /** "YYYY-MM-DD" in Swedish time; date bounds are relative to it. */
  today: string;
  /** Other answers (already validated), for bounds like "not before the start date". */
  lookup: AnswerLookup;
}

/**
 * What the no-JS post gives a field after the entries are arranged by name (see
 * form-data.ts): a string, a File/Blob, an array of those (repeated keys, group items),
 * or an object (compound fields, group items).
 */
export type RawValue = string | Blob | undefined | RawValue[] | RawObject;
export interface RawObject {
  [key: string]: RawValue;
}

/** One AcroForm field of the fillable PDF. */
export interface PdfField {
  /** Unique in the document; path segments joined by "_" ("witnesses_0_witnessName"). */
  name: string;
  kind: "text" | "multiline" | "checkbox" | "radio";
  labelKey: I18nKey;
  /** radio: the export values and their labels, in order. */
  options?: { value: string; labelKey: I18nKey; label?: string }[];
  /** checkbox standing for one option of a multichoice. */
  optionLabelKey?: I18nKey;
  maxLength?: number;
  /** Files cannot be filled in: the paper form asks for them as enclosures. */
  attachment?: true;
  /** Set on fields that belong to one item of a repeating group. */
  item?: { labelKey: I18nKey; number: number };
}

/** text/multiline → string, checkbox → boolean, radio → the chosen export value. */
export type PdfValues = Record<string, string | boolean>;

export interface FieldModule<F extends Field = Field, V extends FieldValue = FieldValue> {
  type: F["type"];
  /** Validation for server and browser. `ctx` defaults to today and no other answers. */
  schema(field: F, ctx?: Partial<SchemaContext>): FieldSchema<V | undefined>;
  /**
   * The longest answer this field accepts, for fields that read text: a posted value far
   * longer is cut before `fromFormData` (see `capRawValue`, decision 040).
   */
  maxLength?(field: F): number;
  /** Coerces the no-JS post value(s) of this field into the typed value (not validated). */
  fromFormData(field: F, raw: RawValue): unknown;
  /**
   * The inverse: form entries that post this value again (the `value` attributes of a
   * server-rendered form, e.g. 8.5 → "8,5"). `name` is the input name to start from.
   */
  toFormEntries(field: F, value: V | undefined, name: string): [string, string][];
  /** What a blank form starts with (controlled inputs need "" rather than undefined). */
  defaultValue(field: F): V | undefined;
  /** Display text for summaries, receipts and PDFs ("" when unanswered). */
  toText(field: F, value: V | undefined, t: Translate): string;
  pdf: {
    /** The AcroForm fields this field becomes; `name` is the PDF name to start from. */
    fields(field: F, name: string): PdfField[];
    /** Values to fill into those fields. */
    values(field: F, value: V | undefined, t: Translate, name: string): PdfValues;
  };
  /** Error codes this field can produce (each has a generic `forms.errors.<code>` text). */
  errorCodes(field: F): string[];
  /** Every i18n key this field needs: its own texts, shared words and error texts. */
  keys(field: F): I18nKey[];
}

// ---- Results -----------------------------------------------------------------------

export interface Issue {
  key: I18nKey;
  params?: Record<string, unknown>;
  path?: (string | number)[];
}

export type Check<T> = { ok: true; value: T | undefined } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T | undefined): Check<T> => ({ ok: true, value });
export const fail = <T = never>(
  code: string,
  params?: Record<string, unknown>,
  path?: (string | number)[],
): Check<T> => ({
  ok: false,
  issues: [{ key: errorKey(code), ...(params ? { params } : {}), ...(path ? { path } : {}) }],
});

/** One validation issue, shaped as zod's custom issues were: `message` is an i18n key. */
export interface SchemaIssue {
  code: "custom";
  message: string;
  input: unknown;
  path: (string | number)[];
  params?: Record<string, unknown>;
}

export type SafeParseResult<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: { issues: SchemaIssue[] } };

/** A validator with zod's `safeParse` contract (never throws on bad input). */
export interface FieldSchema<T> {
  safeParse(input: unknown): SafeParseResult<T>;
}

/** Builds a schema from a function that pushes issues and returns the cleaned value. */
export function schemaOf<T>(run: (input: unknown, issues: SchemaIssue[]) => T): FieldSchema<T> {
  return {
    safeParse(input) {
      const issues: SchemaIssue[] = [];
      const data = run(input, issues);
      return issues.length === 0 ? { success: true, data } : { success: false, error: { issues } };
    },
  };
}

/** Turns a checking function into a schema whose issues carry i18n keys. */
export function ruleSchema<T>(check: (input: unknown) => Check<T>): FieldSchema<T | undefined> {
  return schemaOf((input, issues): T | undefined => {
    const result = check(input);
    if (result.ok) return result.value;
    for (const issue of result.issues) {
      issues.push({
        code: "custom",
        message: issue.key,
        input,
        path: issue.path ?? [],
        ...(issue.params ? { params: issue.params } : {}),
      });
    }
    return undefined;
  });
}

/** Schema issues → our issues (for nesting one schema's result inside another). */
export function issuesFrom(error: { issues: readonly SchemaIssue[] }, prefix: (string | number)[]): Issue[] {
  return error.issues.map((issue) => ({
    key: issue.message.startsWith("forms.") ? issue.message : errorKey("invalid"),
    ...(issue.params ? { params: issue.params } : {}),
    path: [...prefix, ...issue.path],
  }));
}

// ---- Input helpers -----------------------------------------------------------------

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

/** Empty in the sense of "not answered". */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim().length === 0;
  if (Array.isArray(value)) return value.every(isBlank);
  if (isPlainObject(value)) return Object.values(value).every(isBlank);
  return false;
}

/** The single value of a scalar field; a repeated key keeps the first occurrence. */
export function firstValue(raw: RawValue): RawValue {
  return Array.isArray(raw) ? raw.find((item) => item !== undefined) : raw;
}

/** Browsers post CRLF line breaks; count and store LF so limits match `maxlength`. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

/**
 * How much longer than its limit a raw value may be before it is refused unread: room for
 * CRLF line breaks and white space that normalising removes, and no more. A longer value is
 * "too long" without being normalised, so no normaliser ever sees more than this (decision 040).
 */
export const RAW_LENGTH_FACTOR = 4;

/** The longest raw value a field with this limit is read at all. */
export function rawLengthCeiling(max: number): number {
  return max * RAW_LENGTH_FACTOR + 16;
}

/**
 * A posted value with every string cut to one character past `ceiling`: still too long for
 * the field (so it gets the field's own message), never long enough to cost anything.
 */
export function capRawValue(raw: RawValue, ceiling: number): RawValue {
  if (typeof raw === "string") return raw.length > ceiling ? raw.slice(0, ceiling + 1) : raw;
  if (Array.isArray(raw)) return raw.map((item) => capRawValue(item, ceiling));
  return raw;
}

/**
 * A string answer: missing → `requiredCode` (when required) or undefined; wrong type →
 * "invalid"; longer than `max` (after trimming), or far longer than `max` before any
 * normalising → "text.tooLong".
 */
export function readString(
  input: unknown,
  opts: { required: boolean; max: number; requiredCode?: string; normalize?: (s: string) => string },
): Check<string> {
  if (input === undefined || input === null) {
    return opts.required ? fail(opts.requiredCode ?? "required") : ok(undefined);
  }
  if (typeof input !== "string") return fail("invalid");
  if (input.length > rawLengthCeiling(opts.max)) return fail("text.tooLong", { max: opts.max });
  const value = (opts.normalize ?? normalizeText)(input);
  if (value.length === 0) return opts.required ? fail(opts.requiredCode ?? "required") : ok(undefined);
  if (value.length > opts.max) return fail("text.tooLong", { max: opts.max });
  return ok(value);
}

/** One entry for a string-valued field, none when unanswered. */
export function stringEntries(value: string | undefined, name: string): [string, string][] {
  return value === undefined ? [] : [[name, value]];
}

/** Keys every field has: label and optional hint. */
export function ownKeys(field: Field): I18nKey[] {
  return [field.labelKey, ...(field.hintKey ? [field.hintKey] : [])];
}

export function errorKeys(codes: string[]): I18nKey[] {
  return codes.map(errorKey);
}

export const COMMON_KEYS = {
  yes: "forms.common.yes",
  no: "forms.common.no",
  street: "forms.common.address.street",
  postalCode: "forms.common.address.postalCode",
  town: "forms.common.address.town",
} as const;

/** A schema context with defaults filled in. */
export function fullContext(ctx: Partial<SchemaContext> | undefined, today: () => string): SchemaContext {
  return {
    formId: ctx?.formId ?? "",
    today: ctx?.today ?? today(),
    lookup: ctx?.lookup ?? (() => undefined),
  };
}
