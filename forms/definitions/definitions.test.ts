import { describe, expect, it } from "vitest";
import { definitionProblems } from "../check-definition";
import { moduleFor } from "../fields/registry";
import { pdfLayout, pdfValues } from "../pdf";
import { answersForStep, formEntriesFor, parseSubmission } from "../schema";
import { keyEcho, resolvedForTests } from "../test-support";
import type { FormDefinition } from "../types";
import { formDefinitions, formExamples, getFormDefinition } from "./index";

const REQUIRED_IDS = [
  "felanmalan-gata-park",
  "synpunkter-klagomal",
  "begaran-allman-handling",
  "parkeringstillstand-rorelsehindrade",
  "anmalan-varmepump",
  "ansokan-gravtillstand",
  "ansokan-foreningsbidrag",
  "ansokan-borgerlig-vigsel",
  "anmalan-enskilt-avlopp",
  "forskola-ansokan",
  "skolval-ansokan",
  "bygglov-ansokan",
];

describe("the catalogue of form definitions", () => {
  it("has the agreed forms, each findable by id", () => {
    expect(formDefinitions.map((d) => d.id).sort()).toEqual([...REQUIRED_IDS].sort());
    for (const id of REQUIRED_IDS) expect(getFormDefinition(id)?.id).toBe(id);
    expect(getFormDefinition("does-not-exist")).toBeUndefined();
  });

  it("marks anonymous and logged-in forms as agreed", () => {
    const anonymous = formDefinitions
      .filter((d) => !d.requiresLogin)
      .map((d) => d.id)
      .sort();
    expect(anonymous).toEqual(["begaran-allman-handling", "felanmalan-gata-park", "synpunkter-klagomal"]);
    expect(getFormDefinition("forskola-ansokan")?.caseType).toBe("barnomsorg");
    expect(getFormDefinition("skolval-ansokan")?.caseType).toBe("skola");
    expect(getFormDefinition("bygglov-ansokan")?.caseType).toBe("bygglov");
  });

  it("the definition checker finds real mistakes", () => {
    const def = getFormDefinition("ansokan-borgerlig-vigsel")!;
    const broken: FormDefinition = {
      ...def,
      steps: def.steps.map((s, i) =>
        i === 0
          ? {
              ...s,
              fields: [
                ...s.fields,
                {
                  type: "text",
                  name: "email",
                  labelKey: "forms.other-form.x",
                  required: true,
                  showIf: { field: "later", equals: true },
                },
                {
                  type: "choice",
                  name: "pick",
                  labelKey: `forms.${def.id}.x`,
                  required: true,
                  display: "radio",
                  options: [{ value: "Ja", labelKey: `forms.${def.id}.y` }],
                },
                { type: "personnummer", name: "pnr", labelKey: `forms.${def.id}.z`, required: true },
              ],
            }
          : s,
      ),
    };
    const problems = definitionProblems(broken).join("\n");
    expect(problems).toMatch(/name "email" is used twice/);
    expect(problems).toMatch(/outside "forms\.ansokan-borgerlig-vigsel\."/);
    expect(problems).toMatch(/showIf refers to "later"/);
    expect(problems).toMatch(/needs at least two options/);
    expect(problems).toMatch(/option value "Ja" must be kebab-case/);
    expect(problems).toMatch(/personnummer fields must be sensitive/);
  });
});

describe.each(formDefinitions.map((def) => [def.id, resolvedForTests(def)] as const))("%s", (id, def) => {
  const example = formExamples[id]!;

  it("passes the definition checks", () => {
    expect(definitionProblems(getFormDefinition(id)!)).toEqual([]);
  });

  it("has 2–5 steps with questions", () => {
    expect(def.steps.length).toBeGreaterThanOrEqual(2);
    expect(def.steps.length).toBeLessThanOrEqual(5);
  });

  it("its example passes the whole-form validation unchanged (already normalized)", () => {
    const result = parseSubmission(def, "all", example);
    expect(result.ok ? "ok" : result.errors).toBe("ok");
    if (result.ok) expect(result.value).toStrictEqual(example);
  });

  it("its example passes every step on its own", () => {
    for (const step of def.steps) {
      const result = parseSubmission(def, step.id, answersForStep(def, step.id, example), { answers: example });
      expect(result.ok ? "ok" : { step: step.id, errors: result.errors }).toBe("ok");
    }
  });

  it("its example survives a no-JS post: answers → form entries → answers", () => {
    const result = parseSubmission(def, "all", formEntriesFor(def, example), { answers: example });
    expect(result.ok ? result.value : result.errors).toEqual(example);
  });

  it("an empty submission is refused with an error on a required question", () => {
    const result = parseSubmission(def, def.steps[0]!.id, new URLSearchParams());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const required = def.steps[0]!.fields.filter((f) => f.required && !f.showIf).map((f) => f.name);
      expect(Object.keys(result.errors).some((path) => required.includes(path.split(".")[0]!))).toBe(true);
    }
  });

  it("maps onto a PDF with unique field names, and the example fills only those fields", () => {
    const names = pdfLayout(def).flatMap((section) => section.fields.map((f) => f.name));
    expect(new Set(names).size).toBe(names.length);
    const values = pdfValues(def, example, keyEcho);
    expect(Object.keys(values).length).toBeGreaterThan(0);
    for (const name of Object.keys(values)) expect(names).toContain(name);
  });

  it("gives summary text for every answered question", () => {
    for (const field of def.steps.flatMap((s) => s.fields)) {
      const value = example[field.name];
      if (value === undefined) continue;
      expect(moduleFor(field).toText(field, value, keyEcho), field.name).not.toBe("");
    }
  });
});
