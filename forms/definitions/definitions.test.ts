import { describe, expect, it } from "vitest";
import { effectiveSensitivity } from "../../app/services/diarium-rules";
import { definitionProblems, templateNames } from "../check-definition";
import { moduleFor } from "../fields/registry";
import { pdfLayout, pdfValues } from "../pdf";
import { answersForStep, formEntriesFor, parseSubmission } from "../schema";
import { keyEcho, resolvedForTests } from "../test-support";
import type { FormDefinition } from "../types";
import { formDefinitions, formExamples, getDefinitionDocument, getFormDefinition } from "./index";

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
  // The catalogue's remaining services (issue 14 item 4, decision 076).
  "andring-avfallsabonnemang",
  "anmalan-behov-god-man",
  "anmalan-livsmedelsanlaggning",
  "anmalan-tomtko",
  "ansokan-anhorigstod",
  "ansokan-bostadsanpassningsbidrag",
  "ansokan-egensotning",
  "ansokan-ekonomiskt-bistand",
  "ansokan-fardtjanst",
  "ansokan-feriearbete",
  "ansokan-hemtjanst",
  "ansokan-komvux",
  "ansokan-kulturskola",
  "ansokan-lss",
  "ansokan-modersmal",
  "ansokan-riksfardtjanst",
  "ansokan-sarskilt-boende",
  "ansokan-serveringstillstand",
  "ansokan-sfi",
  "ansokan-skolskjuts",
  "ansokan-strandskyddsdispens",
  "ansokan-tobakstillstand",
  "ansokan-trygghetslarm",
  "ansokan-va-anslutning",
  "bokning-batplats",
  "bokning-budget-skuldradgivning",
  "bokning-foretagslots",
  "bokning-idrottshall",
  "medborgarforslag",
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

  it("social services and other sensitive matters require e-ID and are secret in the diarium (decision 076)", () => {
    const eid = formDefinitions.filter((d) => d.requiresEid).map((d) => d.id);
    for (const id of [
      "ansokan-ekonomiskt-bistand",
      "ansokan-hemtjanst",
      "ansokan-fardtjanst",
      "ansokan-bostadsanpassningsbidrag",
      "ansokan-lss",
    ])
      expect(eid).toContain(id);
    for (const def of formDefinitions) {
      // Whatever the area's own rule, a social-services form is e-ID-only and secret.
      if (def.administration === "socialtjanst") expect(def.requiresEid, def.id).toBe(true);
      if (def.requiresEid) {
        expect(def.requiresLogin, def.id).toBe(true);
        expect(def.diarium, def.id).toBe("secret");
        expect(def.sensitivity, def.id).toBe("secret");
      }
      // The register hides these areas whatever the form says; the document must say so too.
      if (effectiveSensitivity({ ...def, area: def.caseType, administrationSlug: def.administration }) === "secret")
        expect(def.diarium, def.id).toBe("secret");
    }
  });

  it("files applications under socialtjänstlagen, LSS, bostadsanpassning and färdtjänst into the social-services area (decision 099)", () => {
    for (const id of [
      "ansokan-ekonomiskt-bistand",
      "ansokan-hemtjanst",
      "ansokan-sarskilt-boende",
      "ansokan-trygghetslarm",
      "ansokan-anhorigstod",
      "ansokan-lss",
      "ansokan-bostadsanpassningsbidrag",
      "ansokan-fardtjanst",
      "ansokan-riksfardtjanst",
    ])
      expect(getFormDefinition(id)?.caseType, id).toBe("socialtjanst");
    for (const def of formDefinitions.filter((d) => d.caseType === "socialtjanst")) {
      expect(def.requiresEid, def.id).toBe(true);
      expect(def.diarium, def.id).toBe("secret");
    }
  });

  it("keeps the diarium subjects the register showed before the rule moved into the documents", () => {
    const subject = (id: string) => {
      const rule = getFormDefinition(id)!.diarium;
      return typeof rule === "object" ? rule.subject.answers : rule;
    };
    expect(subject("felanmalan-gata-park")).toEqual(["category"]);
    expect(subject("ansokan-foreningsbidrag")).toEqual(["associationName"]);
    expect(subject("synpunkter-klagomal")).toBe("masked");
    expect(subject("forskola-ansokan")).toBe("secret");
  });

  it("the definition checker refuses a diarium subject that could publish personal data", () => {
    const def = getFormDefinition("felanmalan-gata-park")!;
    const problems = (diarium: FormDefinition["diarium"], extra: Partial<FormDefinition> = {}) =>
      definitionProblems({ ...def, diarium, ...extra }).join("\n");
    expect(problems({ subject: { template: `forms.${def.id}.diarium.subject`, answers: ["email"] } })).toMatch(
      /subject answer "email" \(email\) may not be shown in public/,
    );
    expect(problems({ subject: { template: `forms.${def.id}.diarium.subject`, answers: ["nope"] } })).toMatch(
      /"nope" is not a question/,
    );
    expect(problems({ subject: { template: "forms.other.x", answers: ["category"] } })).toMatch(/outside/);
    expect(problems("masked", { sensitivity: "secret" })).toMatch(/secret form cannot be "masked"/);
    expect(problems(def.diarium, { sensitivity: "personal" })).toMatch(/only a public form may show a subject/);
    expect(problems("secret", { requiresEid: true })).toMatch(/e-ID form needs requiresLogin/);
    expect(problems(undefined as never)).toMatch(/diarium: required/);
    expect(problems(def.diarium)).toBe("");
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

  it("its diarium subject template names exactly the answers it may quote, in both languages", () => {
    const rule = def.diarium;
    if (typeof rule !== "object") {
      expect(["masked", "secret"]).toContain(rule);
      return;
    }
    const texts = getDefinitionDocument(id)!.texts;
    for (const lang of ["sv", "en"] as const) {
      const template = (texts[lang].diarium as { subject: string }).subject;
      expect(templateNames(template).sort(), lang).toEqual([...rule.subject.answers].sort());
    }
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
