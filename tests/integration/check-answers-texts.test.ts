import { beforeAll, describe, expect, it } from "vitest";
import { testPersons } from "../../db/seed/content/people";
import { formDefinitions, formExamples } from "../../forms/definitions/index";
import { checkYourAnswers } from "../../forms/flow";
import { translatorFor } from "../../forms/keys";
import { prepareDatabase } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { getFormDefinition, loadCheckAnswers } from "~/services/forms.server";
import { viewerFor } from "./people-helper";
import { withStoredFiles } from "../helpers/stored-files";

// The check page's answer list translates a text without parameters once per language instance
// (decision 160). Its rows must be the ones i18next gives on every call: for every e-service on
// the engine, in both languages, on the first call and on a later one (from the kept texts).

const ENGINE_FORMS = formDefinitions.filter((d) => !d.submitHandler);
const resident = testPersons.find((p) => !p.protectedIdentity && p.municipality)!;

beforeAll(() => {
  prepareDatabase();
});

describe("the check page's answer list is i18next's text", () => {
  it("covers forms with groups (a text with parameters) and choices", () => {
    const types = new Set(ENGINE_FORMS.flatMap((d) => d.steps.flatMap((s) => s.fields.map((f) => f.type))));
    expect(ENGINE_FORMS.length).toBeGreaterThanOrEqual(20);
    expect(types).toContain("group");
    expect(types).toContain("choice");
  });

  it.each(ENGINE_FORMS.map((d) => [d.id] as const))("%s: rows in sv and en, twice", (id) => {
    const def = getFormDefinition(id)!;
    const asked = formExamples[id]!.municipality;
    const municipalitySlug =
      typeof asked === "string" ? asked : def.offeredBy === "shared" ? "mellerud" : def.offeredBy[0]!;
    const ownerKey = `check-texts-${id}`.slice(0, 60);
    const { personId: person } = viewerFor(resident.personnummer, `${resident.givenName} ${resident.familyName}`);
    const personId = def.requiresLogin ? person : null;
    const answers = withStoredFiles(id, ownerKey, formExamples[id]!);
    saveWorkingDraft({
      ownerKey,
      formId: id,
      formVersion: def.version,
      stepId: def.steps.at(-1)!.id,
      answers,
      municipality: municipalitySlug,
      personId,
    });
    for (const lang of ["sv", "en"] as const) {
      const fixed = getFixedT(lang, "forms");
      const t = translatorFor(fixed as never);
      const expected = checkYourAnswers(def, answers, t).map((r) => ({ label: t(r.labelKey), text: r.text }));
      expect(expected.length).toBeGreaterThan(0);
      for (let round = 0; round < 2; round++) {
        const context = { def, ownerKey, personId, chosenMunicipality: municipalitySlug, lang };
        const check = loadCheckAnswers(context) as { rows?: { label: string; text: string }[]; redirect?: string };
        if (!check.rows) throw new Error(`${id}: the check page sent us to ${check.redirect}`);
        expect(check.rows.map((r) => ({ label: r.label, text: r.text }))).toEqual(expected);
      }
    }
  });
});
