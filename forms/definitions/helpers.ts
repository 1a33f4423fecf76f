/**
 * Key builders so that definitions follow the key scheme in forms/keys.ts without spelling
 * every key out (and without typos between a definition and its locale entries).
 */
import { addDays, todayInSweden } from "../format";
import { fieldKey, formKey } from "../keys";
import type { ChoiceOption, FileValue, I18nKey } from "../types";

export function keysFor(formId: string) {
  const fk = (name: string, leaf: string): I18nKey => fieldKey(formId, name, leaf);
  return {
    titleKey: formKey(formId, "title"),
    descriptionKey: formKey(formId, "description"),
    instructionsKey: formKey(formId, "instructions"),
    step: (id: string) => ({ id, titleKey: formKey(formId, `steps.${id}.title`) }),
    /** `name`, `labelKey` and (with `hint: true`) `hintKey` of a field. */
    field: (name: string, opts: { hint?: boolean } = {}) => ({
      name,
      labelKey: fk(name, "label"),
      ...(opts.hint ? { hintKey: fk(name, "hint") } : {}),
    }),
    /** Options whose texts live under `fields.<name>.options.<value>`; `hinted` ones have a hint. */
    options: (name: string, values: readonly string[], hinted: readonly string[] = []): ChoiceOption[] =>
      values.map((value) => ({
        value,
        labelKey: fk(name, `options.${value}.label`),
        ...(hinted.includes(value) ? { hintKey: fk(name, `options.${value}.hint`) } : {}),
      })),
    group: (name: string) => ({ itemLabelKey: fk(name, "item"), addLabelKey: fk(name, "add") }),
  };
}

/** Common upload rules. */
export const DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png"];
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/heic"];
export const MB = 1_000_000;

/** For examples: a date relative to today, so they stay valid whenever the tests run. */
export const daysFromNow = (days: number): string => addDays(todayInSweden(), days);

/** For examples: a stored upload. */
export function exampleFile(name: string, type = "application/pdf", size = 245_000): FileValue {
  return { name, size, type, id: `upl-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}` };
}
