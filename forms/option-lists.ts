/**
 * Option lists resolved from run-time data (decision 056). A definition's choice names a list
 * (`optionList: "municipalities"`); the server reads the rows and hands the concrete options to
 * `withOptionLists`, so the validator, the renderer and the PDF keep seeing ordinary options.
 */
import type { ChoiceOption, Field, FormDefinition, OptionListName } from "./types";

export type OptionLists = Readonly<Record<OptionListName, readonly ChoiceOption[]>>;

function resolveField(field: Field, lists: OptionLists): Field {
  if (field.type === "choice" && field.optionList !== undefined) {
    return { ...field, options: [...lists[field.optionList]] };
  }
  if (field.type === "group")
    return { ...field, fields: field.fields.map((f) => resolveField(f, lists) as (typeof field.fields)[number]) };
  return field;
}

/** True when some question of the form takes its options from a list. */
export function usesOptionLists(def: FormDefinition): boolean {
  const walk = (fields: readonly Field[]): boolean =>
    fields.some((f) => (f.type === "choice" && f.optionList !== undefined) || (f.type === "group" && walk(f.fields)));
  return def.steps.some((s) => walk(s.fields));
}

/** The definition with every named list replaced by its current options (the input is not changed). */
export function withOptionLists(def: FormDefinition, lists: OptionLists): FormDefinition {
  if (!usesOptionLists(def)) return def;
  return { ...def, steps: def.steps.map((s) => ({ ...s, fields: s.fields.map((f) => resolveField(f, lists)) })) };
}
