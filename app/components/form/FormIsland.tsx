import { useTranslation } from "react-i18next";
import type { StepViewData } from "../../../forms/step-view";
import type { FormDefinition } from "../../../forms/types";
import { FormStep } from "./FormStep";

/** The namespaces the form step translates with (FormStep's `useTranslation`). */
const ISLAND_NAMESPACES = ["forms", "eservice"] as const;

/** What the island's module reads from the page to hydrate the form alone (decision 108). */
export interface FormIslandData {
  def: FormDefinition;
  view: StepViewData;
  csrfToken: string;
  lang: string;
  texts: Record<string, unknown>;
}

export const ISLAND_ID = "form-island";
export const ISLAND_DATA_ID = "form-island-data";

/**
 * The form step as an island: the server renders it inside the page like any component, and
 * next to it the props and the texts it needs as a JSON data block (never executed, so CSP's
 * script-src does not apply). `app/components/form/island.client.tsx` hydrates only this
 * container; the rest of the page stays plain HTML.
 */
export function FormIsland({
  def,
  view,
  csrfToken,
  formsKeys,
}: {
  def: FormDefinition;
  view: StepViewData;
  csrfToken: string;
  /** The top-level keys of "forms" the form can show (decision 116); the whole bundle without. */
  formsKeys?: readonly string[];
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  // The bundles as this request's i18next holds them: the e-service's own texts are already in "forms".
  const texts = Object.fromEntries(
    ISLAND_NAMESPACES.map((ns) => {
      const bundle = i18n.getResourceBundle(lang, ns) as Record<string, unknown>;
      // "forms" holds every e-service's texts on the server: only this form's travel with the page.
      if (ns !== "forms" || !formsKeys) return [ns, bundle];
      return [ns, Object.fromEntries(formsKeys.filter((k) => k in bundle).map((k) => [k, bundle[k]]))];
    }),
  );
  const data: FormIslandData = { def, view, csrfToken, lang, texts };
  // `<` escaped so no text in the data can end the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return (
    <>
      <div id={ISLAND_ID} data-island="">
        <FormStep def={def} data={view} csrfToken={csrfToken} />
      </div>
      <script type="application/json" id={ISLAND_DATA_ID} dangerouslySetInnerHTML={{ __html: json }} />
    </>
  );
}
