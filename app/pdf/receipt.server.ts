import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { formatDateTime } from "~/utils/format";
import { BRAND, MUTED, TaggedPdf, pdfLanguage } from "./tagged.server";

/** "A PDF copy of what was sent": reference, time, municipality and every answer as shown on screen. */
export async function renderReceipt(input: {
  lang: Language;
  formTitle: string;
  reference: string;
  createdAt: string;
  municipality: string;
  processingDays: number;
  rows: { label: string; text: string }[];
}): Promise<Uint8Array> {
  const te = getFixedT(input.lang, "eservice");
  const w = new TaggedPdf({
    title: `${te("receipt.title")} ${input.reference}`,
    subject: input.formTitle,
    footer: `${input.reference} · ${te("pdf.footer")}`,
    language: pdfLanguage(input.lang),
  });
  w.paragraph(te("pdf.portal"), { size: 9, color: MUTED, gap: 2 });
  w.paragraph(input.municipality, { size: 11, bold: true, color: BRAND });
  w.heading(1, te("pdf.receiptTitle"), { gap: 4 });
  w.heading(2, input.formTitle, { gap: 6 });
  w.paragraph(`${te("receipt.referenceLabel")} ${input.reference}`, { size: 12, bold: true });
  w.paragraph(te("pdf.receivedAt", { when: formatDateTime(input.createdAt) }));
  w.paragraph(te("receipt.time", { count: input.processingDays }), { gap: 8 });
  w.rule();
  w.table(input.rows.map((r) => [r.label, r.text] as const));
  return w.bytes();
}
