import { PDFCheckBox, PDFDocument, PDFRadioGroup, PDFTextField, rgb } from "pdf-lib";
import { pdfLayout, pdfValues } from "../../forms/pdf";
import { translatorFor } from "../../forms/keys";
import type { FormDefinition, FormValues } from "../../forms/types";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { BRAND, MARGIN, MUTED, PdfWriter } from "./document.server";

const FIELD_BORDER = rgb(0.45, 0.48, 0.52);

/**
 * The downloadable form: a fillable PDF (AcroForm) with one field per PdfField of the
 * definition's pdf mapping, the municipalities that offer it, its instructions and the step
 * headings. Conditional questions are all there, with the condition in words (paper cannot
 * hide them).
 */
const cache = new Map<string, Promise<Uint8Array>>();

/** Blank forms only change with a new build, and drawing one takes a few seconds: keep them. */
export function blankFormPdf(
  def: FormDefinition,
  input: { lang: Language; municipalities: string[] },
): Promise<Uint8Array> {
  const key = `${def.id}@${def.version}:${input.lang}:${input.municipalities.join(",")}`;
  let pdf = cache.get(key);
  if (!pdf) {
    pdf = renderBlankForm(def, input);
    pdf.catch(() => cache.delete(key));
    cache.set(key, pdf);
  }
  return pdf;
}

export async function renderBlankForm(
  def: FormDefinition,
  input: { lang: Language; municipalities: string[] },
): Promise<Uint8Array> {
  const tf = getFixedT(input.lang, "forms");
  const te = getFixedT(input.lang, "eservice");
  const t = translatorFor(tf as never);
  const title = t(def.titleKey);
  const w = await PdfWriter.create({
    title,
    subject: t(def.descriptionKey),
    footer: `${title} · ${te("pdf.footer")}`,
    language: input.lang === "sv" ? "sv-SE" : "en-GB",
    fillable: true,
  });
  const form = w.doc.getForm();

  w.text(te("pdf.portal"), { size: 9, color: MUTED, gap: 2 });
  w.text(input.municipalities.join(" · "), { size: 11, bold: true, color: BRAND });
  w.text(title, { size: 18, bold: true, gap: 6 });
  w.text(t(def.descriptionKey), { size: 10 });
  w.text(t(def.instructionsKey), { size: 10 });
  w.text(te("pdf.blankHint", { url: `/blanketter/${def.id}` }), { size: 9, color: MUTED, gap: 8 });

  if (!def.steps.some((s) => s.fields.some((f) => f.name === "municipality"))) {
    w.text(te("pdf.municipalityQuestion"), { size: 10, bold: true, gap: 2 });
    const field = form.createTextField("kommun");
    w.ensure(26);
    w.y -= 22;
    field.addToPage(w.page, {
      x: MARGIN,
      y: w.y,
      width: 200,
      height: 18,
      font: w.regular,
      borderColor: FIELD_BORDER,
      borderWidth: 1,
    });
    w.y -= 10;
  }

  for (const section of pdfLayout(def)) {
    w.ensure(60);
    w.y -= 6;
    w.rule();
    w.text(t(section.titleKey), { size: 13, bold: true, color: BRAND, gap: 4 });
    let currentItem = "";
    for (const f of section.fields) {
      if (f.item) {
        const heading = t(f.item.labelKey, { number: f.item.number });
        if (heading !== currentItem) {
          currentItem = heading;
          w.text(heading, { size: 10, bold: true, gap: 2 });
        }
      }
      const label = t(f.labelKey);
      if (f.kind === "checkbox") {
        w.ensure(20);
        w.y -= 16;
        const box = form.createCheckBox(f.name);
        box.addToPage(w.page, { x: MARGIN, y: w.y, width: 12, height: 12, borderColor: FIELD_BORDER, borderWidth: 1 });
        const text = f.optionLabelKey ? `${label}: ${t(f.optionLabelKey)}` : label;
        w.page.drawText(w.wrap(text, 10, w.regular, w.width - 20)[0] ?? "", {
          x: MARGIN + 18,
          y: w.y + 2,
          size: 10,
          font: w.regular,
        });
        w.y -= 4;
        continue;
      }
      w.text(label, { size: 10, bold: true, gap: 2 });
      if (f.kind === "radio") {
        const group = form.createRadioGroup(f.name);
        for (const option of f.options ?? []) {
          w.ensure(18);
          w.y -= 15;
          group.addOptionToPage(option.value, w.page, {
            x: MARGIN + 2,
            y: w.y,
            width: 11,
            height: 11,
            borderColor: FIELD_BORDER,
            borderWidth: 1,
          });
          w.page.drawText(w.wrap(option.label ?? t(option.labelKey), 10, w.regular, w.width - 22)[0] ?? "", {
            x: MARGIN + 20,
            y: w.y + 2,
            size: 10,
            font: w.regular,
          });
        }
        w.y -= 8;
        continue;
      }
      if (f.attachment) w.text(te("pdf.attachment"), { size: 9, color: MUTED, gap: 2 });
      const multiline = f.kind === "multiline";
      const height = multiline ? 54 : 18;
      w.ensure(height + 10);
      w.y -= height + 2;
      const field = form.createTextField(f.name);
      if (multiline) field.enableMultiline();
      if (f.maxLength && !multiline) field.setMaxLength(f.maxLength);
      field.addToPage(w.page, {
        x: MARGIN,
        y: w.y,
        width: w.width,
        height,
        font: w.regular,
        borderColor: FIELD_BORDER,
        borderWidth: 1,
      });
      w.y -= 10;
    }
  }
  w.ensure(60);
  w.rule();
  w.text(te("pdf.signature"), { size: 10, bold: true, gap: 24 });
  w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: MARGIN + 250, y: w.y }, thickness: 0.7 });
  w.y -= 12;
  w.text(te("pdf.signatureLine"), { size: 8, color: MUTED });
  form.updateFieldAppearances(w.regular);
  return w.bytes();
}

/**
 * Fills the blank form with answers (the PDF side of "one definition, four consumers"):
 * every value of the pdf mapping must find its AcroForm field. Throws when one does not.
 */
export async function fillForm(
  def: FormDefinition,
  blank: Uint8Array,
  answers: FormValues,
  lang: Language,
): Promise<PDFDocument> {
  const doc = await PDFDocument.load(blank);
  const form = doc.getForm();
  const t = translatorFor(getFixedT(lang, "forms") as never);
  for (const [name, value] of Object.entries(pdfValues(def, answers, t))) {
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
