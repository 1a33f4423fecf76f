/**
 * The multi-step flow of a form: where "Continue" and "Back" go, which steps a person may
 * open (no skipping ahead by URL), progress ("Steg 2 av 4") and the check-your-answers list.
 */
import { fieldDomId } from "./form-data";
import { moduleFor } from "./fields/registry";
import { answersForStep, type ParseOptions, parseSubmission } from "./schema";
import type { FieldValue, FormDefinition, FormValues, I18nKey, Translate } from "./types";
import { conditionHolds } from "./visibility";

/** Pseudo step id of the check-your-answers page that follows the last step. */
export const CHECK_ANSWERS = "check-answers";

export function stepIndex(def: FormDefinition, stepId: string): number {
  return def.steps.findIndex((s) => s.id === stepId);
}

/** The step after `stepId`; `CHECK_ANSWERS` after the last; null for an unknown step. */
export function nextStep(def: FormDefinition, stepId: string): string | null {
  const i = stepIndex(def, stepId);
  if (i < 0) return null;
  return def.steps[i + 1]?.id ?? CHECK_ANSWERS;
}

/** The step before `stepId` (the last step before check-your-answers); null on the first. */
export function previousStep(def: FormDefinition, stepId: string): string | null {
  if (stepId === CHECK_ANSWERS) return def.steps[def.steps.length - 1]?.id ?? null;
  const i = stepIndex(def, stepId);
  return i > 0 ? (def.steps[i - 1]?.id ?? null) : null;
}

/** The first step whose saved answers do not pass validation; null when all pass. */
export function firstIncompleteStep(
  def: FormDefinition,
  answers: FormValues,
  options: ParseOptions = {},
): string | null {
  for (const step of def.steps) {
    if (!stepIsValid(def, step.id, answers, options)) return step.id;
  }
  return null;
}

function stepIsValid(def: FormDefinition, stepId: string, answers: FormValues, options: ParseOptions): boolean {
  return parseSubmission(def, stepId, answersForStep(def, stepId, answers), { ...options, answers }).ok;
}

/**
 * May the person open `stepId` (or `CHECK_ANSWERS`) with these saved answers? Only when every
 * earlier step is valid. The route redirects to `firstIncompleteStep` otherwise.
 */
export function canVisit(
  def: FormDefinition,
  stepId: string,
  answers: FormValues,
  options: ParseOptions = {},
): boolean {
  const end = stepId === CHECK_ANSWERS ? def.steps.length : stepIndex(def, stepId);
  if (end < 0) return false;
  return def.steps.slice(0, end).every((step) => stepIsValid(def, step.id, answers, options));
}

/** For "Steg 2 av 4" (`forms.common.progress` with `{ index, total }`); null off the steps. */
export function progress(def: FormDefinition, stepId: string): { index: number; total: number } | null {
  const i = stepIndex(def, stepId);
  return i < 0 ? null : { index: i + 1, total: def.steps.length };
}

export interface AnswerRow {
  stepId: string;
  fieldName: string;
  labelKey: I18nKey;
  /** Display text; may hold line breaks (groups): render with `white-space: pre-line`. */
  text: string;
  answered: boolean;
  /** Where "Ändra" leads: the step, anchored at the question. */
  changeHref: string;
}

export interface CheckAnswersOptions {
  /** Builds the change link; default `<stepId>#field-<name>` (relative to the form's base URL). */
  href?: (stepId: string, fieldName: string) => string;
}

/**
 * One row per question the person was shown, in form order. Hidden conditional questions are
 * left out; unanswered optional ones say so (`forms.common.notAnswered`).
 */
export function checkYourAnswers(
  def: FormDefinition,
  answers: FormValues,
  t: Translate,
  options: CheckAnswersOptions = {},
): AnswerRow[] {
  const href = options.href ?? ((stepId: string, fieldName: string) => `${stepId}#${fieldDomId(fieldName)}`);
  const shown: Record<string, FieldValue> = {};
  const rows: AnswerRow[] = [];
  for (const step of def.steps) {
    for (const field of step.fields) {
      if (!conditionHolds(field.showIf, (name) => shown[name])) continue;
      const value = answers[field.name];
      if (value !== undefined) shown[field.name] = value;
      const text = value === undefined ? "" : moduleFor(field).toText(field, value, t);
      rows.push({
        stepId: step.id,
        fieldName: field.name,
        labelKey: field.labelKey,
        text: text === "" ? t("forms.common.notAnswered") : text,
        answered: text !== "",
        changeHref: href(step.id, field.name),
      });
    }
  }
  return rows;
}
