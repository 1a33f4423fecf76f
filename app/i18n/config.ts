export const supportedLanguages = ["sv", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "sv";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/** Shared i18next options for the server and the browser. */
export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} as const;
