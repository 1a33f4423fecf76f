import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formDefinitions } from "../../forms/definitions/index";
import { pdfLayout } from "../../forms/pdf";
import { prepareDatabase } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import { renderBlankForm } from "~/pdf/blank-form.server";
import { getFormDefinition, offeringMunicipalities } from "~/services/forms.server";

// Every e-service has a blank fillable PDF (issue 14 item 4, decision 076). Poppler's own tools
// read each one as a person's PDF reader would: it opens (pdfinfo: pages, an AcroForm), it has a
// form field for every question, and its text keeps å, ä and ö (pdftotext).

const dir = mkdtempSync(join(tmpdir(), "blank-pdfs-"));
beforeAll(() => {
  prepareDatabase();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe.each(formDefinitions.map((d) => [d.id] as const))("the blank PDF of %s", (id) => {
  it("opens in poppler with pages and form fields, and keeps its Swedish characters", async () => {
    const def = getFormDefinition(id)!;
    const bytes = await renderBlankForm(def, {
      lang: "sv",
      municipalities: offeringMunicipalities(def).map((m) => m.name),
    });
    const file = join(dir, `${id}.pdf`);
    writeFileSync(file, bytes);

    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(/^Form:\s+AcroForm/m);

    // One PDF field per question (and per box of a multichoice), as the layout says.
    const fields = (await PDFDocument.load(bytes))
      .getForm()
      .getFields()
      .map((f) => f.getName());
    const expected = pdfLayout(def).flatMap((s) => s.fields.map((f) => f.name));
    expect(expected.length).toBeGreaterThan(0);
    for (const name of expected) expect(fields, name).toContain(name);

    const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
    const title = getFixedT("sv", "forms")(def.titleKey.slice("forms.".length));
    expect(text).toContain(squash(title));
    for (const letter of ["å", "ä", "ö"]) expect(text, letter).toContain(letter);
  });
});
