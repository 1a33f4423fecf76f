import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getA11yResults } from "./a11y-results.server";

const dir = mkdtempSync(join(tmpdir(), "a11y-results-"));
const sample = {
  date: "2026-11-26",
  tool: "axe-core",
  pages: 69,
  visits: 196,
  combinations: [],
  roles: ["anonymous", "resident"],
  axeViolations: 0,
  serverErrors: 0,
  brokenLinks: 0,
  langErrors: 0,
  h1Errors: 0,
};

describe("the accessibility statement's sweep results", () => {
  it("are absent in a fresh clone, before any sweep has run", () => {
    expect(getA11yResults(join(dir, "missing.json"))).toBeNull();
  });

  it("are read from the generated file when a sweep has written it", () => {
    const file = join(dir, "ok.json");
    writeFileSync(file, JSON.stringify(sample));
    expect(getA11yResults(file)).toMatchObject({ pages: 69, visits: 196, roles: ["anonymous", "resident"] });
  });

  it("carry the PDF/UA checks' failures, document by document, when they have run (decision 084)", () => {
    const file = join(dir, "pdf.json");
    const failure = { document: "receipt sv", checkpoint: "28-005 every form field has a tooltip (TU)" };
    const pdf = { documents: 48, checks: 900, checkpoints: 14, failures: [failure] };
    writeFileSync(file, JSON.stringify({ ...sample, pdf }));
    expect(getA11yResults(file)?.pdf?.failures).toEqual([failure]);
    writeFileSync(file, JSON.stringify(sample));
    expect(getA11yResults(file)?.pdf).toBeUndefined();
  });

  it("are treated as absent when the file is half written or malformed, never a 500", () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, '{"date": "2026-');
    expect(getA11yResults(broken)).toBeNull();
    const wrong = join(dir, "wrong.json");
    writeFileSync(wrong, JSON.stringify({ ...sample, visits: "many" }));
    expect(getA11yResults(wrong)).toBeNull();
  });

  it("are treated as absent when the sweep visited no page", () => {
    const empty = join(dir, "empty.json");
    writeFileSync(empty, JSON.stringify({ ...sample, visits: 0 }));
    expect(getA11yResults(empty)).toBeNull();
  });
});
