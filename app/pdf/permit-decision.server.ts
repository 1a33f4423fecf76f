/**
 * The decision document of a case (beslut) of any type, naming its deciding body and appeal route
 * (decision 077), as a tagged PDF/A-2b (decision 084): it is archived with the case. Generated from the stored decision, so it can always be produced again
 * identically; nothing here reads the database.
 */
import { TaggedPdf, pdfLanguage } from "./tagged.server";

export interface DecisionDocument {
  lang: "sv" | "en";
  /** "Åmåls kommun": the author. */
  municipalityName: string;
  /** The deciding body as decided ("Barn- och utbildningsnämnden"), decision 077. */
  bodyName: string;
  reference: string;
  decidedOn: string;
  /** Label/value rows about the case (applicant, property, child...), only those the case has. */
  rows: readonly (readonly [string, string])[];
  outcomeLabel: string;
  text: string;
  fee: number | null;
  officerName: string;
  /** "Beslutat med stöd av delegation, punkt U 2.1 ..."; null when the body itself decided. */
  delegation: string | null;
  appeal: { title: string; text: string };
  labels: {
    title: string;
    decision: string;
    reasons: string;
    fee: string;
    officer: string;
    example: string;
  };
}

export async function renderDecisionPdf(doc: DecisionDocument): Promise<Uint8Array> {
  const w = new TaggedPdf({
    title: `${doc.labels.title} ${doc.reference}`,
    subject: `${doc.labels.title} ${doc.reference}`,
    author: doc.municipalityName,
    language: pdfLanguage(doc.lang),
    footer: `${doc.municipalityName} · ${doc.reference}`,
    date: new Date(`${doc.decidedOn}T12:00:00Z`),
    archive: true,
    margin: 56,
  });
  w.paragraph(`${doc.municipalityName}, ${doc.bodyName}`, { size: 12, bold: true, gap: 2 });
  w.paragraph(doc.labels.example, { size: 8, gap: 10 });
  w.heading(1, doc.labels.title, { size: 20, gap: 10 });
  w.table(
    doc.rows.filter(([, v]) => v),
    { size: 11, labelWidth: 150 },
  );
  w.heading(2, doc.labels.decision, { size: 14, gap: 4 });
  w.paragraph(doc.outcomeLabel, { size: 12, gap: 8 });
  w.heading(2, doc.labels.reasons, { size: 12, gap: 4 });
  w.paragraph(doc.text, { size: 11, gap: 8 });
  if (doc.fee !== null) w.paragraph(`${doc.labels.fee}: ${doc.fee.toLocaleString("sv-SE")} kr`, { size: 11, gap: 8 });
  w.paragraph(`${doc.labels.officer}: ${doc.officerName}`, { size: 11, gap: doc.delegation ? 4 : 14 });
  if (doc.delegation) w.paragraph(doc.delegation, { size: 10, gap: 14 });
  w.heading(2, doc.appeal.title, { size: 12, gap: 4 });
  w.paragraph(doc.appeal.text, { size: 10 });
  return w.bytes();
}
