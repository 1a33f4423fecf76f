import i18next from "i18next";
import { useEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions } from "~/i18n/config";
import { FormStep } from "./FormStep";
import { ISLAND_DATA_ID, ISLAND_ID, type FormIslandData } from "./FormIsland";

/** Marks the document once the form is hydrated, as the root does for a whole hydrated page. */
function Hydrated({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return children;
}

/**
 * The form island's browser code (decision 108): hydrates the form step alone, with the props
 * and texts the server wrote next to it. No Remix router runs on the page; the form posts
 * natively once the client check passes.
 */
async function start() {
  const container = document.getElementById(ISLAND_ID);
  const source = document.getElementById(ISLAND_DATA_ID);
  if (!container || !source?.textContent) return;
  const data = JSON.parse(source.textContent) as FormIslandData;
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng: data.lang,
    ns: Object.keys(data.texts),
    defaultNS: "forms",
    resources: { [data.lang]: data.texts as Record<string, Record<string, unknown>> },
  });
  hydrateRoot(
    container,
    <I18nextProvider i18n={i18next}>
      <Hydrated>
        <FormStep def={data.def} data={data.view} csrfToken={data.csrfToken} />
      </Hydrated>
    </I18nextProvider>,
  );
}

void start();
