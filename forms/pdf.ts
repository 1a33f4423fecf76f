/**
 * How a form maps onto a fillable PDF (AcroForm). The PDF itself is drawn in
 * app/pdf/*.server.ts; this only says which fields exist and what goes in them, so the
 * blank form, the filled-in copy and the receipt agree with the web form.
 */
import type { PdfField, PdfValues } from "./fields/module";
import { moduleFor } from "./fields/registry";
import type { FieldValue, FormDefinition, FormValues, I18nKey, Translate } from "./types";
import { conditionHolds } from "./visibility";

export type { PdfField, PdfValues };

export interface PdfSection {
  stepId: string;
  titleKey: I18nKey;
  fields: PdfField[];
}

/** All AcroForm fields of the blank form, one section per step. Conditional fields included. */
export function pdfLayout(def: FormDefinition): PdfSection[] {
  return def.steps.map((step) => ({
    stepId: step.id,
    titleKey: step.titleKey,
    fields: step.fields.flatMap((field) => moduleFor(field).pdf.fields(field, field.name)),
  }));
}

/** Values to fill in for the given answers; hidden fields stay empty. */
export function pdfValues(def: FormDefinition, answers: FormValues, t: Translate): PdfValues {
  const shown: Record<string, FieldValue> = {};
  const out: PdfValues = {};
  for (const field of def.steps.flatMap((s) => s.fields)) {
    if (!conditionHolds(field.showIf, (name) => shown[name])) continue;
    const value = answers[field.name];
    if (value === undefined) continue;
    shown[field.name] = value;
    Object.assign(out, moduleFor(field).pdf.values(field, value, t, field.name));
  }
  return out;
}
