import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formDefinitions } from "../../forms/definitions/index";
import { translatorFor } from "../../forms/keys";
import { pdfLayout } from "../../forms/pdf";
import { AREAS } from "~/domain/areas";
import { DEFAULT_BODIES, appealText } from "~/domain/decisions";
import { prepareDatabase } from "~/db.server";
import { DECISION_OUTCOME_BY_AREA_KEY } from "~/i18n/keys";
import { getFixedT } from "~/i18n/i18n.server";
import { renderBlankForm } from "~/pdf/blank-form.server";
import { renderDecisionPdf } from "~/pdf/permit-decision.server";
import { renderReceipt } from "~/pdf/receipt.server";
import { getFormDefinition, offeringMunicipalities } from "~/services/forms.server";
import { PDF_UA_RESULTS_DIR, type PdfUaCheck } from "~/services/a11y-results.server";

// Every PDF the portal writes is checked for PDF/UA (decision 084) by readers it did not write:
// poppler (pdfinfo, pdfinfo -struct-text, pdffonts, pdftotext) and pdf.js (structure tree, metadata,
// annotations). Each check is a machine-checkable Matterhorn Protocol checkpoint; the results are
// also written for the accessibility statement (scripts/a11y-report.mjs).

const dir = mkdtempSync(join(tmpdir(), "pdf-ua-"));
const results: { document: string; checks: PdfUaCheck[] }[] = [];
beforeAll(() => {
  prepareDatabase();
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(PDF_UA_RESULTS_DIR, { recursive: true });
  writeFileSync(join(PDF_UA_RESULTS_DIR, "results.json"), JSON.stringify(results));
});

// pdftotext joins a word broken after a hyphen ("e-|postadress") and drops the hyphen: compare without them.
const squash = (s: string) => s.replace(/\s+/g, "").replace(/-/g, "");
const sortedChars = (s: string) => [...squash(s)].sort().join("");
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

interface Node {
  role: string;
  children: Node[];
  annotations: number;
}

function toNode(n: { role?: string; children?: unknown[]; type?: string }): Node {
  const kids = (n.children ?? []) as { role?: string; children?: unknown[]; type?: string }[];
  return {
    role: n.role ?? "",
    children: kids.filter((k) => k.role).map(toNode),
    annotations: kids.filter((k) => k.type === "annotation").length,
  };
}

function walk(n: Node, parent: Node | null, visit: (n: Node, parent: Node | null) => void): void {
  visit(n, parent);
  for (const c of n.children) walk(c, n, visit);
}

/** `pdfinfo -struct-text`: each quoted text with the element it belongs to, in tree order. */
function structText(file: string): { role: string; text: string }[] {
  const out: { role: string; text: string }[] = [];
  const elements: { indent: number; role: string }[] = [];
  for (const line of run("pdfinfo", ["-struct-text", file]).split("\n")) {
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed) continue;
    while (elements.length && elements.at(-1)!.indent >= indent) elements.pop();
    if (trimmed.startsWith('"') && trimmed.endsWith('"')) {
      out.push({ role: elements.at(-1)?.role ?? "", text: trimmed.slice(1, -1) });
    } else if (/^[A-Za-z][A-Za-z0-9]*\b/.test(trimmed)) {
      elements.push({ indent, role: /^[A-Za-z][A-Za-z0-9]*/.exec(trimmed)![0] });
    }
  }
  return out;
}

interface Expect {
  language: "sv-SE" | "en-GB";
  title: string;
  footer: string;
  /** Roles the structure tree must have. */
  roles: string[];
  /** Field name → the tooltip it must have (the question in the document's language). */
  tooltips?: Map<string, string>;
  archive?: boolean;
}

/** The Matterhorn checkpoints we can check by machine, each as pass/fail with what was seen. */
async function matterhorn(name: string, bytes: Uint8Array, want: Expect): Promise<PdfUaCheck[]> {
  const file = join(dir, `${name.replace(/[^a-z0-9-]/gi, "_")}.pdf`);
  writeFileSync(file, bytes);
  const checks: PdfUaCheck[] = [];
  const check = (checkpoint: string, ok: boolean, detail = "") => checks.push({ checkpoint, ok, detail });

  const info = run("pdfinfo", [file]);
  const xmp = run("pdfinfo", ["-meta", file]);
  check(
    "01-002 Tagged, MarkInfo Marked and not Suspects",
    /^Tagged:\s+yes/m.test(info) && /^Suspects:\s+no/m.test(info),
  );
  check("06-002 XMP has the PDF/UA identifier", xmp.includes("<pdfuaid:part>1</pdfuaid:part>"));
  check("06-003 XMP has dc:title", xmp.includes(`<rdf:li xml:lang="x-default">${want.title}</rdf:li>`), want.title);
  check(
    "07-001 ViewerPreferences DisplayDocTitle true",
    /\/ViewerPreferences\s+\d+ 0 R/.test(Buffer.from(bytes).toString("latin1")) &&
      Buffer.from(bytes).includes(Buffer.from("/DisplayDocTitle true")),
  );

  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const meta = (await pdf.getMetadata()).info as { Title?: string; Language?: string };
  check("11-006 document language (Lang)", meta.Language === want.language, String(meta.Language));
  check("07-001 title in the document information", meta.Title === want.title, String(meta.Title));

  // pdf.js's structure tree, all pages: one Document, known roles nested as the standard says.
  const roots: Node[] = [];
  const annotations: { fieldName?: string; alternativeText?: string; subtype: string }[] = [];
  const widgetsOutsideForm: number[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const tree = await page.getStructTree();
    const root = tree ? toNode(tree as never) : null;
    if (root) roots.push(root);
    const onPage = (await page.getAnnotations()) as typeof annotations;
    annotations.push(...onPage);
    // pdf.js lists a page's widgets as annotation children of their structure element.
    let inForm = 0;
    if (root) walk(root, null, (n) => (inForm += n.role === "Form" ? n.annotations : 0));
    if (inForm !== onPage.filter((a) => a.subtype === "Widget").length) widgetsOutsideForm.push(p);
  }
  await pdf.destroy();
  const roles = new Set<string>();
  const misplaced: string[] = [];
  const parentOf: Record<string, string[]> = {
    TR: ["Table", "THead", "TBody", "TFoot"],
    TH: ["TR"],
    TD: ["TR"],
    LI: ["L"],
    Lbl: ["LI"],
    LBody: ["LI"],
  };
  for (const root of roots) {
    walk(root, null, (n, parent) => {
      if (!n.role) return;
      roles.add(n.role);
      const allowed = parentOf[n.role];
      if (allowed && !allowed.includes(parent?.role ?? "")) misplaced.push(`${n.role} in ${parent?.role}`);
    });
  }
  check("01-005 a structure tree", roots.length === pdf.numPages && roles.has("Document"));
  for (const role of want.roles) check(`09-004 has ${role} elements`, roles.has(role), [...roles].join(" "));
  check("09-004 table and list elements in their parents", misplaced.length === 0, misplaced.join(", "));

  // Reading order: the structure tree's text (poppler) against the page text (pdftotext).
  const struct = structText(file);
  const pageText = run("pdftotext", ["-enc", "UTF-8", file, "-"])
    .split("\n")
    .filter((l) => !l.includes(want.footer))
    .join("\n");
  check(
    "01-005 all page text is tagged (footers are artifacts)",
    sortedChars(struct.map((s) => s.text).join("")) === sortedChars(pageText),
  );
  const flow = squash(pageText);
  let at = 0;
  const outOfOrder: string[] = [];
  for (const s of struct.filter((x) => /^(H\d|P)$/.test(x.role) && squash(x.text))) {
    const found = flow.indexOf(squash(s.text), at);
    if (found < 0) outOfOrder.push(s.text.slice(0, 40));
    else at = found + squash(s.text).length;
  }
  check("09-001 structure order is the reading order", outOfOrder.length === 0, outOfOrder.join(" | "));
  // Headings in the order of the whole tree (pdf.js gives it page by page).
  const headings = struct.filter((x) => /^H[1-6]$/.test(x.role)).map((x) => x.role);
  check("14-002 the first heading is H1", headings[0] === "H1", headings.join(" "));
  check(
    "14-003 no heading level is skipped",
    headings.every((h, i) => i === 0 || Number(h[1]) <= Number(headings[i - 1]?.[1]) + 1),
    headings.join(" "),
  );

  // Forms: every widget in a Form element, with a tooltip in the document's language.
  const widgets = annotations.filter((a) => a.subtype === "Widget");
  check(
    "28-010 widgets are in Form elements",
    widgetsOutsideForm.length === 0 && (widgets.length === 0 || roles.has("Form")),
    `pages ${widgetsOutsideForm.join(", ")}`,
  );
  const missing = widgets.filter((w) => !w.alternativeText).map((w) => w.fieldName);
  check("28-005 every form field has a tooltip (TU)", missing.length === 0, missing.join(", "));
  const wrong = [...(want.tooltips ?? [])].filter(
    ([field, tu]) => !widgets.some((w) => w.fieldName === field && w.alternativeText?.startsWith(tu)),
  );
  check("28-005 tooltips name the question in the document's language", wrong.length === 0, wrong.join(" | "));

  const fonts = run("pdffonts", [file]).split("\n").slice(2).filter(Boolean);
  check(
    "31-009 every font embedded",
    fonts.length > 0 && fonts.every((f) => / yes (yes|no) (yes|no)\s+\d+\s+\d+$/.test(f)),
    fonts.join("\n"),
  );
  if (want.archive) {
    check(
      "PDF/A-2b identifier",
      xmp.includes("<pdfaid:part>2</pdfaid:part>") && xmp.includes("B</pdfaid:conformance>"),
    );
    check("PDF/A sRGB output intent", Buffer.from(bytes).includes(Buffer.from("/GTS_PDFA1")));
  }
  results.push({ document: name, checks });
  return checks;
}

function expectAll(checks: PdfUaCheck[]) {
  for (const c of checks) expect(c.ok, `${c.checkpoint}: ${c.detail}`).toBe(true);
}

describe.each(formDefinitions.map((d) => [d.id] as const))("the blank PDF of %s", (id) => {
  it("is tagged PDF/UA: language, title, headings in order, fields with Swedish tooltips", async () => {
    const def = getFormDefinition(id)!;
    const bytes = await renderBlankForm(def, {
      lang: "sv",
      municipalities: offeringMunicipalities(def).map((m) => m.name),
    });
    const t = translatorFor(getFixedT("sv", "forms") as never);
    const layout = pdfLayout(def).flatMap((s) => s.fields);
    const tooltips = new Map(layout.map((f) => [f.name, t(f.labelKey)]));
    const title = t(def.titleKey);
    const checks = await matterhorn(`blank ${id}`, bytes, {
      language: "sv-SE",
      title,
      footer: `${title} · `,
      roles: ["Document", "H1", "H2", "P", "Form", ...(layout.some((f) => f.kind === "radio") ? ["L", "LI"] : [])],
      tooltips,
    });
    expect(checks.length).toBeGreaterThan(15);
    expectAll(checks);
  });
});

describe("a receipt", () => {
  it.each(["sv", "en"] as const)("in %s is tagged: H1, a table of the answers, the language", async (lang) => {
    const bytes = await renderReceipt({
      lang,
      formTitle: "Ansökan om förskoleplats",
      reference: "AML-2026-000123",
      createdAt: "2026-11-02T09:15:00.000Z",
      municipality: "Åmåls kommun",
      processingDays: 30,
      rows: [
        { label: "Barnets namn", text: "Elsa Lindqvist" },
        { label: "Önskade förskolor", text: "1. Solrosen\n2. Blåklockan" },
        { label: "Särskilda behov och en mycket lång etikett som bryter raden", text: "Glutenfri kost" },
      ],
    });
    const te = getFixedT(lang, "eservice");
    const checks = await matterhorn(`receipt ${lang}`, bytes, {
      language: lang === "sv" ? "sv-SE" : "en-GB",
      title: `${te("receipt.title")} AML-2026-000123`,
      footer: `AML-2026-000123 · ${te("pdf.footer")}`,
      roles: ["H1", "H2", "P", "Table", "TR", "TH", "TD"],
    });
    expectAll(checks);
  });
});

describe.each(AREAS.map((a) => [a] as const))("a decision (%s)", (area) => {
  it.each(["sv", "en"] as const)("in %s is tagged PDF/UA and PDF/A-2b", async (lang) => {
    const t = getFixedT(lang, "backoffice");
    const outcomes = DECISION_OUTCOME_BY_AREA_KEY[area] as Record<string, string>;
    const outcome = Object.values(outcomes)[0]!;
    const municipalityName = `Åmål ${t("decisionPdf.municipality")}`;
    const bytes = await renderDecisionPdf({
      lang,
      municipalityName,
      bodyName: DEFAULT_BODIES[area].body[lang],
      reference: "AML-2026-000124",
      decidedOn: "2026-11-20",
      rows: [
        [t("decisionPdf.reference"), "AML-2026-000124"],
        [t("decisionPdf.date"), "2026-11-20"],
        [t("decisionPdf.applicant"), "Sara Lindqvist"],
        [t("decisionPdf.child"), area === "skola" || area === "barnomsorg" ? "Elsa Lindqvist" : ""],
        [t("decisionPdf.property"), area === "bygglov" ? "Åmål Örnen 3" : ""],
      ],
      outcomeLabel: t(outcome),
      text: "Ansökan uppfyller kraven. ".repeat(12),
      fee: area === "bygglov" ? 12400 : null,
      officerName: "Karin Ödman",
      delegation: t("decisionPdf.delegation", { code: "U 2.1", title: "Placering" }),
      appeal: appealText(DEFAULT_BODIES[area].appealRoute, lang),
      labels: {
        title: t("decisionPdf.title"),
        decision: t("decisionPdf.decision"),
        reasons: t("decisionPdf.reasons"),
        fee: t("decisionPdf.fee"),
        officer: t("decisionPdf.officer"),
        example: t("decisionPdf.example"),
      },
    });
    const checks = await matterhorn(`decision ${area} ${lang}`, bytes, {
      language: lang === "sv" ? "sv-SE" : "en-GB",
      title: `${t("decisionPdf.title")} AML-2026-000124`,
      footer: `${municipalityName} · AML-2026-000124`,
      roles: ["H1", "H2", "P", "Table", "TH", "TD"],
      archive: true,
    });
    expectAll(checks);
  });
});

describe("the checks can fail", () => {
  it("a PDF without a structure tree, language or tooltips fails them", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const doc = await PDFDocument.create();
    doc.addPage().drawText("Otaggad text");
    doc.setTitle("Otaggad");
    const form = doc.getForm();
    form.createTextField("namn").addToPage(doc.getPage(0), { x: 50, y: 500 });
    const checks = await matterhorn("untagged", await doc.save({ useObjectStreams: false }), {
      language: "sv-SE",
      title: "Otaggad",
      footer: "–",
      roles: ["H1"],
    });
    results.pop();
    const failed = checks.filter((c) => !c.ok).map((c) => c.checkpoint.split(" ")[0]);
    for (const id of ["01-002", "06-002", "07-001", "11-006", "01-005", "14-002", "28-005"])
      expect(failed).toContain(id);
    expect(readFileSync(join(dir, "untagged.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
