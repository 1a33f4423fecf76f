/**
 * Whole-form and per-step validation built from a definition.
 *
 * - Only visible fields are validated; hidden conditional fields are not required and
 *   their values are dropped, even when posted (a no-JS page shows every question).
 * - Fields that are not part of the form (or the step) are rejected.
 * - Every string has a length cap (see the field modules), group and file lists a count cap.
 * - Empty optional answers are left out of the result.
 */
import { todayInSweden } from "./format";
import { readFormEntries, type FormEntries } from "./form-data";
import type { FieldSchema, RawValue, SchemaIssue } from "./fields/module";
import { capRawValue, isPlainObject, issuesFrom, rawLengthCeiling, schemaOf } from "./fields/module";
import { moduleFor } from "./fields/registry";
import { errorKey } from "./keys";
import {
  type Field,
  FORM_ERROR_PATH,
  type FieldErrors,
  type FieldValue,
  type FileValue,
  type FormDefinition,
  type FormValues,
} from "./types";
import { conditionHolds } from "./visibility";

export type StepScope = string | "all";

export interface ParseOptions {
  /**
   * Answers saved so far (the draft). Conditions and date bounds that point at fields outside
   * the validated scope read from here, and kept uploads (`{ id }`) are matched against it.
   */
  answers?: FormValues;
  /** "YYYY-MM-DD"; defaults to today in Sweden. */
  today?: string;
}

export type SubmissionResult =
  | { ok: true; value: FormValues; control: Record<string, string> }
  | { ok: false; errors: FieldErrors; control: Record<string, string> };

export type SubmissionInput = FormData | URLSearchParams | FormEntries | Record<string, unknown>;

/** Fields of one step, or of the whole form for "all". Undefined for an unknown step. */
export function scopeFields(def: FormDefinition, scope: StepScope): Field[] | undefined {
  if (scope === "all") return def.steps.flatMap((s) => s.fields);
  return def.steps.find((s) => s.id === scope)?.fields;
}

/**
 * The schema for a form (`"all"`) or one step. Its input is the typed answers object
 * (what `fromFormData` yields, or what a react-hook-form renderer holds); its output the
 * cleaned answers. Throws for an unknown step id (a programming error).
 */
export function formSchema(
  def: FormDefinition,
  scope: StepScope = "all",
  options: ParseOptions = {},
): FieldSchema<FormValues> {
  const fields = scopeFields(def, scope);
  if (!fields) throw new Error(`Form "${def.id}" has no step "${scope}"`);
  const names = new Set(fields.map((f) => f.name));
  return schemaOf((input, issues): FormValues => {
    if (!isPlainObject(input)) {
      issues.push({ code: "custom", message: errorKey("invalid"), input, path: [] });
      return {};
    }
    const unknown = Object.keys(input).filter((key) => !names.has(key));
    if (unknown.length > 0) {
      issues.push({
        code: "custom",
        message: errorKey("unknownField"),
        params: { fields: unknown.slice(0, 10).map((k) => k.slice(0, 100)) },
        input,
        path: [],
      });
    }
    const today = options.today ?? todayInSweden();
    const out: FormValues = {};
    // Inside the scope only what was just validated counts; outside it, the saved answers.
    const lookup = (name: string): FieldValue | undefined => (names.has(name) ? out[name] : options.answers?.[name]);
    for (const field of fields) {
      if (!conditionHolds(field.showIf, lookup)) continue;
      const value =
        field.type === "file" && options.answers
          ? resolveKeptUploads(input[field.name], options.answers[field.name])
          : input[field.name];
      const result = moduleFor(field).schema(field, { formId: def.id, today, lookup }).safeParse(value);
      if (!result.success) {
        for (const issue of issuesFrom(result.error, [field.name])) {
          issues.push({
            code: "custom",
            message: issue.key,
            input: value,
            path: issue.path ?? [field.name],
            ...(issue.params ? { params: issue.params } : {}),
          });
        }
      } else if (result.data !== undefined) {
        out[field.name] = result.data;
      }
    }
    return out;
  });
}

/**
 * Kept uploads arrive as `{ id }` (no-JS) or as full records (JSON). Given the saved
 * answers, an id is only trusted if the draft has it, and the saved record replaces what was
 * posted; an unknown id becomes a bare `{ id }`, which the file schema reports as missing.
 */
function resolveKeptUploads(posted: unknown, saved: FieldValue | undefined): unknown {
  if (!Array.isArray(posted)) return posted;
  const savedFiles = Array.isArray(saved) ? (saved as unknown[]).filter(isPlainObject) : [];
  return posted.map((item) => {
    if (!isPlainObject(item) || typeof item.id !== "string") return item;
    const match = savedFiles.find((f) => f.id === item.id) as FileValue | undefined;
    return match ?? { id: item.id };
  });
}

/**
 * The uploads a refused post of one step still carries that passed their own checks
 * (decision 123): per file field shown, the kept uploads the draft has and the new files whose
 * name, size and claimed type are fine, in posted order. A field refused as a whole (more
 * files than it takes) gives none. Conditions read the step's answers that are valid, as
 * `formSchema` does. The content is not checked here: the server does that before storing.
 */
export function postedUploads(
  def: FormDefinition,
  stepId: string,
  input: SubmissionInput,
  options: ParseOptions = {},
): Record<string, FileValue[]> {
  const fields = scopeFields(def, stepId) ?? [];
  const names = new Set(fields.map((f) => f.name));
  const values: Record<string, unknown> = isEntries(input)
    ? valuesFromFormData(def, stepId, input).values
    : isPlainObject(input)
      ? input
      : {};
  const today = options.today ?? todayInSweden();
  const valid: FormValues = {};
  const lookup = (name: string): FieldValue | undefined => (names.has(name) ? valid[name] : options.answers?.[name]);
  const out: Record<string, FileValue[]> = {};
  for (const field of fields) {
    if (!conditionHolds(field.showIf, lookup)) continue;
    const schema = moduleFor(field).schema(field, { formId: def.id, today, lookup });
    if (field.type !== "file") {
      const result = schema.safeParse(values[field.name]);
      if (result.success && result.data !== undefined) valid[field.name] = result.data;
      continue;
    }
    const posted = resolveKeptUploads(values[field.name], options.answers?.[field.name]);
    if (!Array.isArray(posted) || posted.length > field.maxFiles) continue;
    const kept = posted.flatMap((item): FileValue[] => {
      const one = schema.safeParse([item]);
      return one.success && Array.isArray(one.data) ? (one.data as FileValue[]) : [];
    });
    if (kept.length === 0) continue;
    out[field.name] = kept;
    valid[field.name] = kept;
  }
  return out;
}

/**
 * The no-JS post → typed answers for the scope, by each field's `fromFormData`.
 * Names outside the scope are kept as they are so that the schema rejects them.
 */
export function valuesFromFormData(
  def: FormDefinition,
  scope: StepScope,
  entries: FormEntries,
): { values: Record<string, unknown>; control: Record<string, string>; rejected: string[]; truncated: boolean } {
  const tree = readFormEntries(entries);
  const fields = scopeFields(def, scope) ?? [];
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(tree.values)) values[key] = raw;
  for (const field of fields) {
    const module = moduleFor(field);
    const limit = module.maxLength?.(field);
    const raw = tree.values[field.name] as RawValue;
    values[field.name] = module.fromFormData(
      field,
      limit === undefined ? raw : capRawValue(raw, rawLengthCeiling(limit)),
    );
  }
  return { values, control: { ...tree.control }, rejected: tree.rejected, truncated: tree.truncated };
}

/** Schema issues (with i18n keys as messages) → errors by dotted path; the first per path wins. */
export function issuesToErrors(issues: readonly SchemaIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.length === 0 ? FORM_ERROR_PATH : issue.path.map(String).join(".");
    if (errors[path]) continue;
    const key = issue.message.startsWith("forms.") ? issue.message : errorKey("invalid");
    const params = issue.params;
    errors[path] = params ? { key, params } : { key };
  }
  return errors;
}

function isEntries(input: unknown): input is FormEntries {
  if (typeof FormData !== "undefined" && input instanceof FormData) return true;
  if (input instanceof URLSearchParams) return true;
  return Array.isArray(input);
}

/**
 * Validates a submission of one step (`stepId`) or the whole form (`"all"`).
 * `input` is either the no-JS post (FormData, URLSearchParams or [name, value] entries,
 * read by the naming convention in form-data.ts) or a typed answers object (JSON from a
 * JS client, or saved answers). Never throws on bad input.
 */
export function parseSubmission(
  def: FormDefinition,
  scope: StepScope,
  input: SubmissionInput | unknown,
  options: ParseOptions = {},
): SubmissionResult {
  let control: Record<string, string> = {};
  if (!scopeFields(def, scope)) {
    return { ok: false, errors: { [FORM_ERROR_PATH]: { key: errorKey("unknownStep") } }, control };
  }
  let values: unknown = input;
  const extra: FieldErrors = {};
  if (isEntries(input)) {
    const read = valuesFromFormData(def, scope, input);
    control = read.control;
    values = read.values;
    if (read.rejected.length > 0 || read.truncated) {
      extra[FORM_ERROR_PATH] = { key: errorKey("unknownField"), params: { fields: read.rejected.slice(0, 10) } };
    }
  }
  const result = formSchema(def, scope, options).safeParse(values);
  if (result.success && Object.keys(extra).length === 0) return { ok: true, value: result.data, control };
  const errors = { ...extra, ...(result.success ? {} : issuesToErrors(result.error.issues)) };
  return { ok: false, errors, control };
}

/** What a blank form (or step) starts with, for renderers. */
export function defaultValues(def: FormDefinition, scope: StepScope = "all"): Record<string, unknown> {
  const fields = scopeFields(def, scope) ?? [];
  return Object.fromEntries(fields.map((field) => [field.name, moduleFor(field).defaultValue(field)]));
}

/** The answers of one step, taken from all answers (to re-validate a saved step). */
export function answersForStep(def: FormDefinition, stepId: string, answers: FormValues): FormValues {
  const fields = scopeFields(def, stepId) ?? [];
  const out: FormValues = {};
  for (const field of fields) {
    const value = answers[field.name];
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

/**
 * Answers → the entries a no-JS form would post for them (the inverse of
 * `valuesFromFormData`): what a server-rendered form puts in its `value` attributes.
 */
export function formEntriesFor(def: FormDefinition, values: FormValues, scope: StepScope = "all"): [string, string][] {
  const fields = scopeFields(def, scope) ?? [];
  return fields.flatMap((field) => moduleFor(field).toFormEntries(field, values[field.name], field.name));
}
