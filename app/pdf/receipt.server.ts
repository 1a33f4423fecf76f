import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { formatDateTime } from "~/utils/format";
import { BRAND, MUTED, PdfWriter } from "./document.server";

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
  const w = await PdfWriter.create({
    title: `${te("receipt.title")} ${input.reference}`,
    subject: input.formTitle,
    footer: `${input.reference} · ${te("pdf.footer")}`,
    language: input.lang === "sv" ? "sv-SE" : "en-GB",
  });
  w.text(te("pdf.portal"), { size: 9, color: MUTED, gap: 2 });
  w.text(input.municipality, { size: 11, bold: true, color: BRAND });
  w.text(te("pdf.receiptTitle"), { size: 18, bold: true, gap: 4 });
  w.text(input.formTitle, { size: 13, bold: true, gap: 6 });
  w.text(`${te("receipt.referenceLabel")} ${input.reference}`, { size: 12, bold: true });
  w.text(te("pdf.receivedAt", { when: formatDateTime(input.createdAt) }), { size: 10 });
  w.text(te("receipt.time", { count: input.processingDays }), { size: 10, gap: 8 });
  w.rule();
  for (const row of input.rows) {
    w.text(row.label, { size: 10, bold: true, gap: 1 });
    w.text(row.text, { size: 10, gap: 6, indent: 8 });
  }
  return w.bytes();
}
