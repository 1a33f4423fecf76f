import i18next from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { formDefinitions, formExamples } from "../../../forms/definitions/index";
import { resolvedForTests } from "../../../forms/test-support";
import { errorKey } from "../../../forms/keys";
import { answersForStep, formEntriesFor } from "../../../forms/schema";
import type { StepViewData } from "../../../forms/step-view";
import type { FormDefinition } from "../../../forms/types";
import { FormIsland, ISLAND_DATA_ID, type FormIslandData } from "./FormIsland";
import { FormStep } from "./FormStep";
import { i18nOptions, supportedLanguages } from "~/i18n/config";
import { createI18n } from "~/i18n/i18n.server";
import { islandTextKeys } from "~/services/form-page.server";

/** Every step with the example's answers and an error at every field, so error texts show too. */
function views(def: FormDefinition): StepViewData[] {
  const example = formExamples[def.id]!;
  return def.steps.map((step, i) => ({
    formId: def.id,
    stepId: step.id,
    progress: { index: i + 1, total: def.steps.length },
    entries: formEntriesFor(def, answersForStep(def, step.id, example), step.id),
    errors: Object.fromEntries(step.fields.map((f) => [f.name, { key: errorKey("required") }])),
    files: {},
    groupCounts: {},
    savedAnswers: example,
    municipality: null,
    backHref: i > 0 ? "/tillbaka" : null,
    action: `/blanketter/${def.id}/${step.id}`,
  }));
}

/** The island's data block as the server writes it (decision 108), parsed as the browser does. */
function islandData(server: ReturnType<typeof createI18n>, def: FormDefinition, view: StepViewData): FormIslandData {
  const html = renderToString(
    <I18nextProvider i18n={server}>
      <FormIsland def={def} view={view} csrfToken="token" formsKeys={islandTextKeys(def, def.id)} />
    </I18nextProvider>,
  );
  const json = new RegExp(`<script type="application/json" id="${ISLAND_DATA_ID}">([^<]*)</script>`).exec(html)?.[1];
  return JSON.parse(json!) as FormIslandData;
}

/**
 * Decision 116: the island carries only the "forms" texts its e-service can show, not every
 * e-service's. The browser's render from those texts must equal the server's from all of them,
 * or hydration would show keys instead of texts.
 */
describe.each(formDefinitions.map((d) => [d.id, resolvedForTests(d)] as const))("%s", (_id, def) => {
  it.each(supportedLanguages)("renders the same from the island's texts (%s)", async (lang) => {
    const server = createI18n(lang);
    for (const view of views(def)) {
      const data = islandData(server, def, view);
      const all = server.getResourceBundle(lang, "forms") as Record<string, unknown>;
      expect(Object.keys(data.texts.forms as object).length).toBeLessThan(Object.keys(all).length);
      const browser = i18next.createInstance();
      await browser.use(initReactI18next).init({
        ...i18nOptions,
        lng: lang,
        ns: Object.keys(data.texts),
        defaultNS: "forms",
        resources: { [lang]: data.texts as Record<string, Record<string, unknown>> },
      });
      const render = (i18n: typeof server) =>
        renderToString(
          <I18nextProvider i18n={i18n}>
            <FormStep def={def} data={view} csrfToken="token" />
          </I18nextProvider>,
        );
      const fromServer = render(server);
      expect(fromServer).not.toContain("forms:");
      expect(render(browser), view.stepId).toBe(fromServer);
    }
  });
});

describe("islandTextKeys once per definition and text id (decision 152)", () => {
  const def = resolvedForTests(formDefinitions[0]!);
  it("answers the same keys again, unchanged by what a caller did with an earlier answer", () => {
    const first = islandTextKeys(def, def.id);
    expect(first).toContain(def.id);
    first.push("changed-by-a-caller");
    const second = islandTextKeys(def, def.id);
    expect(second).not.toContain("changed-by-a-caller");
    expect(second).toEqual(first.slice(0, -1));
  });
  it("keeps a text id's keys apart from another's", () => {
    expect(islandTextKeys(def, "pinned-texts")).toContain("pinned-texts");
    expect(islandTextKeys(def, def.id)).not.toContain("pinned-texts");
  });
});
