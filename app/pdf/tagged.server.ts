import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type PDFKitDocument from "pdfkit";

/**
 * Every PDF the portal writes goes through this: a tagged PDF (PDF/UA-1, decision 084) on pdfkit.
 * Headings, paragraphs, lists, tables and form fields are structure elements in the order they are
 * drawn, so the structure tree is the reading order; footers and rules are artifacts. The catalog
 * carries the document language, the viewer shows the title (DisplayDocTitle), each form field has
 * a tooltip (TU) in the document's language, and DejaVu Sans (every Swedish character) is embedded.
 * Archive copies are PDF/A-2b as well (sRGB output intent, pdfaid in the XMP).
 */
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = join(fontDir, "DejaVuSans.ttf");
const BOLD = join(fontDir, "DejaVuSans-Bold.ttf");

/**
 * pdfkit (with fontkit) is loaded on the first PDF, not at start-up: its import costs about a
 * second of a loaded core, and most processes never write a PDF before their first answer
 * (decision 095).
 */
let pdfkit: typeof PDFKitDocument | undefined;
const PDFDocument = () => (pdfkit ??= require("pdfkit") as typeof PDFKitDocument);

export const A4 = { width: 595.28, height: 841.89 };
export const INK = "#1a1f24";
export const MUTED = "#4a5461";
export const BRAND = "#12385c";
const FIELD_BORDER = "#737a85";

/**
 * Characters a person may type into a fillable form later: pdfkit embeds only the glyphs a
 * document uses, so the form's font carries Latin-1, Latin Extended-A and common punctuation.
 */
const TYPABLE = (() => {
  let s = "";
  for (let c = 0x20; c <= 0x17f; c++) if (c < 0x7f || c > 0x9f) s += String.fromCharCode(c);
  return `${s}–—‘’“”„•…€`;
})();

type Struct = PDFKit.PDFStructureElement;
type Ref = PDFKit.PDFKitReference & { data: Record<string, unknown> };

/** pdfkit internals this module relies on (present in 0.20, not in @types/pdfkit). */
interface PdfkitInternals {
  _font: { id: string; encode(text: string): unknown };
  _root: { data: { AcroForm?: { data: { Fields: Ref[] } } } };
  page: PDFKit.PDFPage & { annotations: Ref[] };
}

/** The document language of a PDF (BCP 47) for the portal's two languages. */
export function pdfLanguage(lang: "sv" | "en"): string {
  return lang === "sv" ? "sv-SE" : "en-GB";
}

export interface TaggedPdfMeta {
  title: string;
  subject: string;
  /** BCP 47: "sv-SE", "en-GB". */
  language: string;
  author?: string;
  /** Printed at the bottom of each page with the page number (an artifact). */
  footer: string;
  /** Fixed dates keep regenerated documents identical. */
  date?: Date;
  fillable?: boolean;
  /** PDF/A-2b for the archive. */
  archive?: boolean;
  margin?: number;
}

export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: Struct;
  readonly margin: number;

  constructor(private readonly meta: TaggedPdfMeta) {
    this.margin = meta.margin ?? 50;
    const date = meta.date ?? new Date(0);
    this.doc = new (PDFDocument())({
      size: "A4",
      margin: this.margin,
      font: REGULAR,
      bufferPages: true,
      tagged: true,
      lang: meta.language,
      displayTitle: true,
      pdfVersion: "1.7",
      // "PDF/UA" is a pdfkit 0.20 subset the 0.17 typings do not list yet.
      subset: (meta.archive ? "PDF/A-2b" : "PDF/UA") as PDFKit.Mixins.PDFSubsets,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.author ?? "Dalslands e-tjänster",
        Creator: "Dalslands e-tjänster",
        Producer: "Dalslands e-tjänster (pdfkit)",
        CreationDate: date,
        ModDate: date,
      },
    });
    this.doc.registerFont("regular", REGULAR);
    this.doc.registerFont("bold", BOLD);
    // PDF/A and PDF/UA at once: pdfkit writes one identifier, the archive copy needs both.
    if (meta.archive)
      this.doc.appendXML(
        `<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about=""><pdfuaid:part>1</pdfuaid:part></rdf:Description>`,
      );
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
    this.doc.font("regular").fillColor(INK);
    if (meta.fillable) {
      this.internals._font.encode(TYPABLE);
      this.doc.initForm();
    }
  }

  /** A structure element whose content is what `draw` puts on the page. */
  private el(type: string, draw: () => void, options: { scope?: "Row" | "Column" } = {}): Struct {
    // `scope` (a table header's Scope attribute) is pdfkit 0.20; the 0.17 typings lack it.
    return this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, [
      () => {
        draw();
      },
    ]);
  }

  private get internals(): PdfkitInternals {
    return this.doc as unknown as PdfkitInternals;
  }

  get width(): number {
    return A4.width - 2 * this.margin;
  }

  /** Starts a new page when less than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > A4.height - this.margin) this.doc.addPage();
  }

  private textIn(
    parent: Struct,
    type: string,
    text: string,
    opts: { size: number; bold?: boolean; color?: string; gap?: number; indent?: number; x?: number; width?: number },
  ): void {
    const x = opts.x ?? this.margin + (opts.indent ?? 0);
    const width = opts.width ?? this.width - (opts.indent ?? 0);
    this.doc.font(opts.bold ? "bold" : "regular").fontSize(opts.size);
    this.ensure(opts.size * 1.4);
    parent.add(
      this.el(type, () => {
        this.doc.fillColor(opts.color ?? INK).text(text || " ", x, this.doc.y, { width, lineGap: opts.size * 0.15 });
      }),
    );
    this.doc.y += opts.gap ?? opts.size * 0.4;
    this.doc.x = this.margin;
  }

  heading(level: 1 | 2 | 3, text: string, opts: { color?: string; size?: number; gap?: number } = {}): void {
    const size = opts.size ?? ({ 1: 18, 2: 13, 3: 11 } as const)[level];
    this.textIn(this.root, `H${level}`, text, { size, bold: true, color: opts.color, gap: opts.gap ?? 4 });
  }

  paragraph(
    text: string,
    opts: { size?: number; bold?: boolean; color?: string; gap?: number; indent?: number } = {},
  ): void {
    this.textIn(this.root, "P", text, { size: opts.size ?? 10, ...opts });
  }

  /** A bulleted list: L > LI > Lbl (the bullet) + LBody. */
  list(items: string[], opts: { size?: number; bold?: boolean; color?: string } = {}): void {
    const size = opts.size ?? 10;
    const list = this.doc.struct("L");
    this.root.add(list);
    for (const item of items) {
      this.doc.font(opts.bold ? "bold" : "regular").fontSize(size);
      this.ensure(size * 1.4);
      const li = this.doc.struct("LI");
      list.add(li);
      const y = this.doc.y;
      li.add(this.el("Lbl", () => this.doc.fillColor(opts.color ?? INK).text("•", this.margin + 2, y)));
      li.add(
        this.el("LBody", () =>
          this.doc.fillColor(opts.color ?? INK).text(item, this.margin + 14, y, { width: this.width - 14 }),
        ),
      );
      li.end();
      this.doc.y += size * 0.2;
    }
    list.end();
    this.doc.x = this.margin;
    this.doc.y += size * 0.4;
  }

  /** Label/value rows as a two-column table whose first cell heads its row (TH Scope Row). */
  table(rows: readonly (readonly [string, string])[], opts: { size?: number; labelWidth?: number } = {}): void {
    const size = opts.size ?? 10;
    const labelWidth = opts.labelWidth ?? 160;
    const gutter = 10;
    const table = this.doc.struct("Table");
    this.root.add(table);
    for (const [label, value] of rows) {
      this.doc.font("bold").fontSize(size);
      const labelHeight = this.doc.heightOfString(label, { width: labelWidth });
      this.doc.font("regular");
      const valueHeight = this.doc.heightOfString(value || " ", { width: this.width - labelWidth - gutter });
      this.ensure(Math.min(Math.max(labelHeight, valueHeight), A4.height / 2));
      const tr = this.doc.struct("TR");
      table.add(tr);
      const top = this.doc.y;
      const page = this.pageCount();
      tr.add(
        this.el(
          "TH",
          () => {
            this.doc.font("bold").fontSize(size).fillColor(INK).text(label, this.margin, top, { width: labelWidth });
          },
          { scope: "Row" },
        ),
      );
      const afterLabel = this.doc.y;
      this.doc.y = top;
      tr.add(
        this.el("TD", () => {
          this.doc
            .font("regular")
            .fontSize(size)
            .fillColor(INK)
            .text(value || " ", this.margin + labelWidth + gutter, top, { width: this.width - labelWidth - gutter });
        }),
      );
      // A value that ran onto the next page ends the row there.
      this.doc.y = this.pageCount() === page ? Math.max(afterLabel, this.doc.y) : this.doc.y;
      this.doc.y += size * 0.6;
      tr.end();
    }
    table.end();
    this.doc.x = this.margin;
  }

  private pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** A horizontal rule: decoration, so an artifact. */
  rule(): void {
    this.ensure(12);
    this.doc.y += 4;
    this.artifact(() => {
      this.doc
        .moveTo(this.margin, this.doc.y)
        .lineTo(A4.width - this.margin, this.doc.y)
        .lineWidth(0.7)
        .strokeColor(MUTED)
        .stroke();
    });
    this.doc.y += 8;
  }

  /** Blank space with a line to sign on (an artifact) and its caption. */
  signatureLine(width: number): void {
    this.ensure(30);
    this.doc.y += 22;
    this.artifact(() => {
      this.doc
        .moveTo(this.margin, this.doc.y)
        .lineTo(this.margin + width, this.doc.y)
        .lineWidth(0.7)
        .strokeColor(INK)
        .stroke();
    });
    this.doc.y += 4;
  }

  private artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type } as never);
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  private box(x: number, y: number, w: number, h: number): void {
    this.artifact(() => this.doc.rect(x, y, w, h).lineWidth(1).strokeColor(FIELD_BORDER).stroke());
  }

  private widget(x: number, y: number, w: number, h: number, dict: Record<string, unknown>, form: Struct): Ref {
    this.doc.annotate(x, y, w, h, { ...dict, Subtype: "Widget", F: 4, structParent: form } as never);
    return this.internals.page.annotations.at(-1)!;
  }

  private addField(ref: Ref): void {
    this.internals._root.data.AcroForm!.data.Fields.push(ref);
  }

  private appearance(w: number, h: number, ops: string): Ref {
    const ref = this.doc.ref({ Type: "XObject", Subtype: "Form", BBox: [0, 0, w, h], Resources: {} }) as Ref;
    ref.end(ops);
    return ref;
  }

  /** A fillable text field (Form > widget) with its tooltip. */
  textField(name: string, tooltip: string, opts: { multiline?: boolean; maxLength?: number; width?: number } = {}) {
    const height = opts.multiline ? 54 : 18;
    const width = opts.width ?? this.width;
    this.ensure(height + 8);
    const form = this.doc.struct("Form");
    this.root.add(form);
    const y = this.doc.y + 2;
    this.box(this.margin, y, width, height);
    const ref = this.widget(
      this.margin,
      y,
      width,
      height,
      {
        FT: "Tx",
        T: new String(name),
        TU: new String(tooltip),
        DA: new String(`/${this.internals._font.id} 10 Tf 0 g`),
        ...(opts.multiline ? { Ff: 0x1000 } : {}),
        ...(opts.maxLength && !opts.multiline ? { MaxLen: opts.maxLength } : {}),
      },
      form,
    );
    form.end();
    this.addField(ref);
    this.doc.y = y + height + 10;
  }

  /** A check box with its label beside it; the tooltip names the question. */
  checkbox(name: string, tooltip: string, label: string): void {
    const size = 12;
    this.doc.font("regular").fontSize(10);
    this.ensure(20);
    const y = this.doc.y + 2;
    const form = this.doc.struct("Form");
    this.root.add(form);
    this.box(this.margin, y, size, size);
    const ref = this.widget(
      this.margin,
      y,
      size,
      size,
      {
        FT: "Btn",
        T: new String(name),
        TU: new String(tooltip),
        V: "Off",
        AS: "Off",
        MK: { CA: new String("4") },
        AP: { N: { Yes: this.appearance(size, size, CHECK), Off: this.appearance(size, size, "") } },
      },
      form,
    );
    form.end();
    this.addField(ref);
    this.root.add(
      this.el("P", () => this.doc.fillColor(INK).text(label, this.margin + 18, y + 1, { width: this.width - 18 })),
    );
    this.doc.x = this.margin;
    this.doc.y += 6;
  }

  /** Radio buttons as a list: each LI has the option's label and its widget (Form). */
  radioGroup(name: string, tooltip: string, options: { value: string; label: string }[]): void {
    const size = 11;
    const parent = this.doc.ref({
      FT: "Btn",
      Ff: 0x8000 | 0x4000,
      T: new String(name),
      TU: new String(tooltip),
      V: "Off",
      Kids: [],
    }) as Ref;
    this.addField(parent);
    const list = this.doc.struct("L");
    this.root.add(list);
    for (const option of options) {
      this.doc.font("regular").fontSize(10);
      this.ensure(18);
      const y = this.doc.y + 2;
      const li = this.doc.struct("LI");
      list.add(li);
      const form = this.doc.struct("Form");
      li.add(form);
      this.box(this.margin + 2, y, size, size);
      const kid = this.widget(
        this.margin + 2,
        y,
        size,
        size,
        {
          Parent: parent,
          // Readers differ on inheriting TU from the group, so each button names itself too.
          TU: new String(`${tooltip}: ${option.label}`),
          AS: "Off",
          MK: { CA: new String("l") },
          AP: {
            N: { [pdfName(option.value)]: this.appearance(size, size, DOT), Off: this.appearance(size, size, "") },
          },
        },
        form,
      );
      form.end();
      (parent.data.Kids as Ref[]).push(kid);
      li.add(
        this.el("LBody", () =>
          this.doc.fillColor(INK).text(option.label, this.margin + 20, y, { width: this.width - 20 }),
        ),
      );
      li.end();
      this.doc.x = this.margin;
      this.doc.y += 3;
    }
    list.end();
    this.doc.y += 6;
  }

  async bytes(): Promise<Uint8Array> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.artifact(() => {
        this.doc
          .font("regular")
          .fontSize(8)
          .fillColor(MUTED)
          .text(`${this.meta.footer} · ${i + 1}`, this.margin, A4.height - 32, { lineBreak: false });
      }, "Pagination");
      this.doc.page.margins.bottom = bottom;
    }
    this.root.end();
    const chunks: Buffer[] = [];
    const done = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on("error", reject);
    });
    this.doc.end();
    return done;
  }
}

/** A PDF name as pdfkit writes it unescaped: bytes outside printable ASCII and delimiters as #xx. */
function pdfName(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const c = String.fromCharCode(byte);
    out += byte > 0x20 && byte < 0x7f && !"#()<>[]{}/%".includes(c) ? c : `#${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}

/** A tick drawn in the box (the "on" appearance of a check box). */
const CHECK = "0.1 0.12 0.14 RG 1.6 w 2.5 6.2 m 5 3.2 l 9.6 9.4 l S";
/** A filled dot (the "on" appearance of a radio button), four Bézier quarters. */
const DOT = (() => {
  const c = 5.5;
  const r = 3;
  const k = r * 0.5523;
  return `0.1 0.12 0.14 rg ${c + r} ${c} m ${c + r} ${c + k} ${c + k} ${c + r} ${c} ${c + r} c ${c - k} ${c + r} ${c - r} ${c + k} ${c - r} ${c} c ${c - r} ${c - k} ${c - k} ${c - r} ${c} ${c - r} c ${c + k} ${c - r} ${c + r} ${c - k} ${c + r} ${c} c f`;
})();
