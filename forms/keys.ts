/**
 * The i18n key scheme of the forms engine.
 *
 * Keys live in the "forms" namespace (public/locales/{sv,en}/forms.json). In code they are
 * written with the namespace as the first segment, "forms.<path>"; inside the JSON files
 * the prefix is left out. i18next wants "forms:<path>": use `i18nextKey` or
 * `translatorFor` at the boundary.
 *
 *   forms.common.*                                shared words: yes/no, progress, address parts …
 *   forms.units.*                                 units for number fields
 *   forms.errors.<code>                           generic error messages (codes below)
 *   forms.<formId>.title|description|instructions
 *   forms.<formId>.steps.<stepId>.title
 *   forms.<formId>.fields.<field>.label|hint
 *   forms.<formId>.fields.<field>.options.<value>.label|hint
 *   forms.<formId>.fields.<field>.item|add      repeating groups: item heading, add button
 *   forms.<formId>.fields.<field>.errors.<code> optional field-specific override of an error
 *
 * Error codes are dotted ("required", "personnummer.checksum"); the generic message is
 * `forms.errors.<code>`, the override `forms.<formId>.fields.<field>.errors.<code>`.
 * Fields inside a group are addressed by their own (form-unique) name.
 */
import type { FieldError, I18nKey, Translate } from "./types";

export const FORMS_NAMESPACE = "forms";
const PREFIX = `${FORMS_NAMESPACE}.`;

export function errorKey(code: string): I18nKey {
  return `${PREFIX}errors.${code}`;
}

/** The error code of a generic error key ("forms.errors.text.tooLong" → "text.tooLong"). */
export function errorCodeOf(key: I18nKey): string | undefined {
  const head = `${PREFIX}errors.`;
  return key.startsWith(head) ? key.slice(head.length) : undefined;
}

export function formKey(formId: string, path: string): I18nKey {
  return `${PREFIX}${formId}.${path}`;
}

export function fieldKey(formId: string, fieldName: string, leaf: string): I18nKey {
  return formKey(formId, `fields.${fieldName}.${leaf}`);
}

/**
 * The field an error path belongs to: "email" → "email", "address.postalCode" → "address",
 * "witnesses.0.witnessName" → "witnessName" (group children have form-unique names).
 */
export function owningFieldName(path: string): string {
  const segments = path.split(".");
  const [first = "", second, third] = segments;
  return second !== undefined && /^\d+$/.test(second) && third !== undefined ? third : first;
}

/**
 * Keys to try for an error at `path`, most specific first. i18next accepts an array of keys
 * and uses the first that exists: `t(errorKeyCandidates(...).map(i18nextKey), error.params)`.
 */
export function errorKeyCandidates(formId: string, path: string, error: FieldError): I18nKey[] {
  const code = errorCodeOf(error.key);
  if (code === undefined) return [error.key];
  return [fieldKey(formId, owningFieldName(path), `errors.${code}`), error.key];
}

/** "forms.errors.required" → "forms:errors.required" (i18next namespace syntax). */
export function i18nextKey(key: I18nKey): string {
  return key.startsWith(PREFIX) ? `${FORMS_NAMESPACE}:${key.slice(PREFIX.length)}` : key;
}

/** "forms.errors.required" → "errors.required": the key inside forms.json. */
export function localeFileKey(key: I18nKey): string {
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
}

/** Adapts an i18next `t` to the `Translate` used by this package. */
export function translatorFor(t: (key: string, options?: Record<string, unknown>) => string): Translate {
  return (key, params) => t(i18nextKey(key), params);
}
