import fontkit from "@pdf-lib/fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/**
 * Shared PDF drawing: A4 pages, DejaVu Sans (has å, ä, ö and every Swedish character;
 * the standard 14 fonts would limit us to WinAnsi), a cursor that starts new pages, and
 * word wrapping. The regular face is embedded whole because form fields are typed into
 * later and need every glyph; the bold face is subset (only headings use it).
 */
const require = createRequire(import.meta.url);
let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined;

function fonts() {
  if (!fontBytes) {
    const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fontBytes = {
      regular: readFileSync(join(dir, "DejaVuSans.ttf")),
      bold: readFileSync(join(dir, "DejaVuSans-Bold.ttf")),
    };
  }
  return fontBytes;
}

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 50;
export const INK = rgb(0.1, 0.12, 0.14);
export const MUTED = rgb(0.29, 0.33, 0.38);
export const BRAND = rgb(0.07, 0.22, 0.36);

export class PdfWriter {
  page!: PDFPage;
  y = 0;
  pageNumber = 0;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly footer: string,
  ) {}

  static async create(meta: { title: string; subject: string; footer: string; language: string; fillable?: boolean }) {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const f = fonts();
    // Fillable forms need every glyph for what people type later; flat documents only their own.
    const regular = await doc.embedFont(f.regular, { subset: !meta.fillable });
    const bold = await doc.embedFont(f.bold, { subset: true });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setSubject(meta.subject);
    doc.setAuthor("Dalslands e-tjänster");
    doc.setCreator("Dalslands e-tjänster");
    doc.setProducer("Dalslands e-tjänster (pdf-lib)");
    doc.setLanguage(meta.language);
    doc.setCreationDate(new Date(0));
    doc.setModificationDate(new Date(0));
    const w = new PdfWriter(doc, regular, bold, meta.footer);
    w.newPage();
    return w;
  }

  get width() {
    return A4.width - 2 * MARGIN;
  }

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pageNumber += 1;
    this.y = A4.height - MARGIN;
    this.page.drawText(`${this.footer} · ${this.pageNumber}`, {
      x: MARGIN,
      y: 25,
      size: 8,
      font: this.regular,
      color: MUTED,
    });
  }

  ensure(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  wrap(text: string, size: number, font: PDFFont = this.regular, width = this.width): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
        else {
          if (line) lines.push(line);
          // A single word longer than the line is cut hard.
          let rest = word;
          while (font.widthOfTextAtSize(rest, size) > width) {
            let n = rest.length - 1;
            while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
            lines.push(rest.slice(0, n));
            rest = rest.slice(n);
          }
          line = rest;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(
    text: string,
    opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; gap?: number; indent?: number } = {},
  ) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.regular;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(text, size, font, this.width - indent)) {
      this.ensure(size * 1.4);
      this.y -= size * 1.3;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: opts.color ?? INK });
    }
    this.y -= opts.gap ?? size * 0.4;
  }

  rule() {
    this.ensure(10);
    this.y -= 4;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 0.7,
      color: MUTED,
    });
    this.y -= 8;
  }

  async bytes(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false });
  }
}
