/**
 * The decision document of a case (beslut) of any type, naming its deciding body and appeal route
 * (decision 077), as a PDF with an embedded font
 * that has å, ä and ö. Generated from the stored decision, so it can always be produced again
 * identically; nothing here reads the database.
 */
import fontkit from "@pdf-lib/fontkit";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

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

let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(resolve("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(resolve("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderDecisionPdf(doc: DecisionDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const f = loadFonts();
  const regular = await pdf.embedFont(f.regular, { subset: true });
  const bold = await pdf.embedFont(f.bold, { subset: true });
  pdf.setTitle(`${doc.labels.title} ${doc.reference}`);
  pdf.setLanguage(doc.lang === "sv" ? "sv-SE" : "en-GB");
  pdf.setAuthor(doc.municipalityName);
  pdf.setCreationDate(new Date(`${doc.decidedOn}T12:00:00Z`));
  pdf.setModificationDate(new Date(`${doc.decidedOn}T12:00:00Z`));

  let page: PDFPage = pdf.addPage([595.28, 841.89]);
  const margin = 56;
  const width = 595.28 - margin * 2;
  let y = 841.89 - margin;
  const ink = rgb(0.1, 0.12, 0.14);
  const line = (text: string, font: PDFFont, size: number, gap = 6) => {
    for (const l of wrap(text, font, size, width)) {
      if (y < margin + size) {
        page = pdf.addPage([595.28, 841.89]);
        y = 841.89 - margin;
      }
      page.drawText(l, { x: margin, y: y - size, size, font, color: ink });
      y -= size + gap;
    }
  };

  line(`${doc.municipalityName}, ${doc.bodyName}`, bold, 12);
  line(doc.labels.example, regular, 8, 14);
  line(doc.labels.title, bold, 20, 14);
  for (const [k, v] of doc.rows) if (v) line(`${k}: ${v}`, regular, 11);
  y -= 10;
  line(doc.labels.decision, bold, 14, 8);
  line(doc.outcomeLabel, regular, 12, 10);
  line(doc.labels.reasons, bold, 12, 6);
  line(doc.text, regular, 11, 10);
  if (doc.fee !== null) line(`${doc.labels.fee}: ${doc.fee.toLocaleString("sv-SE")} kr`, regular, 11, 10);
  line(`${doc.labels.officer}: ${doc.officerName}`, regular, 11, doc.delegation ? 6 : 16);
  if (doc.delegation) line(doc.delegation, regular, 10, 16);
  line(doc.appeal.title, bold, 12, 6);
  line(doc.appeal.text, regular, 10);
  return pdf.save();
}
