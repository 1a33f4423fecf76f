import { pdfLayout } from "../../forms/pdf";
import { translatorFor } from "../../forms/keys";
import type { FormDefinition } from "../../forms/types";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { BRAND, MUTED, TaggedPdf, pdfLanguage } from "./tagged.server";

/**
 * The downloadable form: a fillable, tagged PDF (AcroForm, PDF/UA: decision 084) with one field per PdfField of the
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
  const w = new TaggedPdf({
    title,
    subject: t(def.descriptionKey),
    footer: `${title} · ${te("pdf.footer")}`,
    language: pdfLanguage(input.lang),
    fillable: true,
  });

  w.paragraph(te("pdf.portal"), { size: 9, color: MUTED, gap: 2 });
  w.paragraph(input.municipalities.join(" · "), { size: 11, bold: true, color: BRAND });
  w.heading(1, title, { gap: 6 });
  w.paragraph(t(def.descriptionKey));
  w.paragraph(t(def.instructionsKey));
  w.paragraph(te("pdf.blankHint", { url: `/blanketter/${def.id}` }), { size: 9, color: MUTED, gap: 8 });

  if (!def.steps.some((s) => s.fields.some((f) => f.name === "municipality"))) {
    const question = te("pdf.municipalityQuestion");
    w.paragraph(question, { bold: true, gap: 2 });
    w.textField("kommun", question, { width: 200 });
  }

  for (const section of pdfLayout(def)) {
    w.ensure(60);
    w.rule();
    w.heading(2, t(section.titleKey), { color: BRAND });
    let currentItem = "";
    for (const f of section.fields) {
      if (f.item) {
        const heading = t(f.item.labelKey, { number: f.item.number });
        if (heading !== currentItem) {
          currentItem = heading;
          w.heading(3, heading, { size: 10, gap: 2 });
        }
      }
      const label = t(f.labelKey);
      if (f.kind === "checkbox") {
        const text = f.optionLabelKey ? `${label}: ${t(f.optionLabelKey)}` : label;
        w.checkbox(f.name, text, text);
        continue;
      }
      w.paragraph(label, { bold: true, gap: 2 });
      if (f.kind === "radio") {
        w.radioGroup(
          f.name,
          label,
          (f.options ?? []).map((o) => ({ value: o.value, label: o.label ?? t(o.labelKey) })),
        );
        continue;
      }
      if (f.attachment) w.paragraph(te("pdf.attachment"), { size: 9, color: MUTED, gap: 2 });
      w.textField(f.name, label, { multiline: f.kind === "multiline", maxLength: f.maxLength });
    }
  }
  w.ensure(60);
  w.rule();
  w.paragraph(te("pdf.signature"), { bold: true, gap: 0 });
  w.signatureLine(250);
  w.paragraph(te("pdf.signatureLine"), { size: 8, color: MUTED });
  return w.bytes();
}
