import { PDFCheckBox, PDFDocument, PDFRadioGroup, PDFTextField } from "pdf-lib";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formDefinitions, formExamples } from "../../../forms/definitions/index";
import { resolvedForTests } from "../../../forms/test-support";
import { pdfValues } from "../../../forms/pdf";
import { translatorFor } from "../../../forms/keys";
import { answersForStep, formEntriesFor, parseSubmission } from "../../../forms/schema";
import type { FileValue, FormDefinition, FormValues } from "../../../forms/types";
import { createI18n } from "~/i18n/i18n.server";
import { renderBlankForm } from "~/pdf/blank-form.server";
import { FieldView, type FieldContext } from "./FieldView";

const i18n = createI18n("sv");
const t = (key: string | string[], options?: Record<string, unknown>) => i18n.t(key, options ?? {}) as string;

/**
 * Fills the blank form with answers as a person's PDF reader would (the PDF side of "one
 * definition, four consumers"): every value of the pdf mapping must find its AcroForm field.
 * pdf-lib reads and fills what pdfkit wrote; the portal itself only writes blank forms.
 */
async function fillForm(def: FormDefinition, blank: Uint8Array, answers: FormValues): Promise<PDFDocument> {
  const doc = await PDFDocument.load(blank);
  const form = doc.getForm();
  for (const [name, value] of Object.entries(
    pdfValues(def, answers, translatorFor(i18n.getFixedT("sv", "forms") as never)),
  )) {
    const field = form.getField(name);
    if (field instanceof PDFTextField) field.setText(String(value));
    else if (field instanceof PDFCheckBox) {
      if (value === true) field.check();
      else field.uncheck();
    } else if (field instanceof PDFRadioGroup) field.select(String(value));
    else throw new Error(`PDF field ${name} has an unexpected kind`);
  }
  return doc;
}

function contextFor(formId: string, entries: [string, string][], files: Record<string, FileValue[]>): FieldContext {
  const map = new Map<string, string[]>();
  for (const [k, v] of entries) {
    const key = k.replace(/\[(\d+)\]/g, ".$1");
    map.set(key, [...(map.get(key) ?? []), v]);
  }
  const groupCounts: Record<string, number> = {};
  for (const key of map.keys()) {
    const m = /^([a-zA-Z]+)\.(\d+)\./.exec(key);
    if (m) groupCounts[m[1]!] = Math.max(groupCounts[m[1]!] ?? 0, Number(m[2]) + 1);
  }
  return {
    formId,
    t,
    entries: map,
    errors: {},
    files,
    groupCounts,
    isVisible: () => true,
    register: () => ({}),
    conditionText: () => null,
  };
}

/** One definition, four consumers: the validator, the web renderer and the PDF agree on the same example answers. */
describe.each(formDefinitions.map((d) => [d.id, resolvedForTests(d)] as const))("%s", (id, def) => {
  const example = formExamples[id]!;

  it("its validator accepts the example answers", () => {
    const result = parseSubmission(def, "all", example, { answers: example });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("its web renderer shows every example answer in its input", () => {
    for (const step of def.steps) {
      const stepAnswers = answersForStep(def, step.id, example);
      const entries = formEntriesFor(def, stepAnswers, step.id);
      const files: Record<string, FileValue[]> = {};
      for (const f of step.fields)
        if (f.type === "file" && stepAnswers[f.name]) files[f.name] = stepAnswers[f.name] as FileValue[];
      const ctx = contextFor(def.id, entries, files);
      const html = renderToString(
        <>
          {step.fields.map((f) => (
            <FieldView key={f.name} ctx={ctx} field={f} path={f.name} />
          ))}
        </>,
      );
      expect(html).not.toContain("forms:"); // every label key has a text
      for (const [name, value] of entries) {
        const dotted = name.replace(/\[(\d+)\]/g, ".$1");
        expect(html, `${step.id}: ${dotted}`).toContain(`name="${dotted}"`);
        const escaped = value
          .replace(/&/g, "&amp;")
          .replace(/"/g, "&quot;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;");
        if (!/\n/.test(value)) expect(html, `${step.id}: ${dotted}=${value}`).toContain(escaped);
      }
    }
  });

  it("its fillable PDF takes the example answers", { timeout: 60_000 }, async () => {
    const blank = await renderBlankForm(def, { lang: "sv", municipalities: ["Bengtsfors", "Åmål"] });
    const filled = await fillForm(def, blank, example);
    const values = pdfValues(def, example, translatorFor(i18n.getFixedT("sv", "forms") as never));
    const form = filled.getForm();
    expect(Object.keys(values).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(values)) {
      const field = form.getField(name);
      if (field instanceof PDFTextField) expect(field.getText()).toBe(String(value));
      else if (field instanceof PDFCheckBox) expect(field.isChecked()).toBe(value === true);
      else if (field instanceof PDFRadioGroup) expect(field.getSelected()).toBe(String(value));
    }
    await filled.save();
  });
});
