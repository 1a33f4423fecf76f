import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nOptions, isLanguage, defaultLanguage } from "./i18n/config";
import { fetchBackend } from "./i18n/fetch-backend.client";

async function hydrate() {
  // The server already rendered the chosen language into <html lang>; load the same texts
  // before hydrating so there is no flash of the other language.
  const lang = document.documentElement.lang;
  await i18next
    .use(initReactI18next)
    .use(fetchBackend)
    .init({
      ...i18nOptions,
      lng: isLanguage(lang) ? lang : defaultLanguage,
      ns: ["common", ...getInitialNamespaces()],
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
