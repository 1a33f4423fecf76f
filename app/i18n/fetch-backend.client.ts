import type { BackendModule, ReadCallback } from "i18next";

/**
 * The browser's i18next backend: one `fetch` of `/locales/<lng>/<ns>.json` per namespace, the
 * same request i18next-http-backend made, in 0.3 KB instead of its 2.7 KB gzip on every
 * hydrating page (decision 095). A failed load leaves the keys untranslated, as before.
 */
export const fetchBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    fetch(`/locales/${encodeURIComponent(language)}/${encodeURIComponent(namespace)}.json`, {
      credentials: "same-origin",
    })
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} for ${language}/${namespace}`);
        return response.json() as Promise<Record<string, unknown>>;
      })
      .then(
        (data) => callback(null, data),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
  },
};
