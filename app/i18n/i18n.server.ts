import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { initReactI18next } from "react-i18next";
import { definitionDocuments, withDefinitionTexts } from "../../forms/definitions/index";
import type { DefinitionDocument, TextTree } from "../../forms/document";
import { defaultLanguage, i18nOptions, isLanguage, supportedLanguages, type Language } from "./config";

export const LANGUAGE_COOKIE = "lang";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

let resources: Resources | undefined;
/** Per namespace, the top-level keys of its locale file (before any e-service's texts are added). */
let fileKeys: Map<string, readonly string[]> | undefined;
let documents: readonly DefinitionDocument[] = definitionDocuments;

/**
 * The e-services' own texts come from their published documents (decision 075): the definition
 * store calls this whenever it reads what is published, and the next translation uses them.
 */
export function setDefinitionTexts(published: readonly DefinitionDocument[]) {
  documents = published;
  resources = undefined;
  fixed.clear();
}

/** Every namespace of every language, read once from public/locales (they are small). */
function loadResources(): Resources {
  if (resources) return resources;
  const root = resolve("public/locales");
  const loaded: Resources = {};
  const keys = new Map<string, Set<string>>();
  for (const lng of supportedLanguages) {
    loaded[lng] = {};
    for (const file of readdirSync(join(root, lng)).filter((f) => f.endsWith(".json"))) {
      const ns = file.replace(/\.json$/, "");
      const bundle = JSON.parse(readFileSync(join(root, lng, file), "utf8")) as Record<string, unknown>;
      loaded[lng][ns] = bundle;
      const set = keys.get(ns) ?? new Set<string>();
      for (const key of Object.keys(bundle)) set.add(key);
      keys.set(ns, set);
    }
    // Each e-service's own texts live in its definition document (decision 070).
    loaded[lng].forms = withDefinitionTexts((loaded[lng].forms ?? {}) as TextTree, lng, documents);
  }
  resources = loaded;
  fileKeys = new Map([...keys].map(([ns, set]) => [ns, [...set]]));
  return loaded;
}

/**
 * The top-level keys a namespace's locale files hold in any language: for "forms", the texts
 * shared by every e-service (common, units, errors), without the e-services' own texts.
 */
export function localeFileKeys(ns: string): readonly string[] {
  loadResources();
  return fileKeys?.get(ns) ?? [];
}

export function namespaces(): string[] {
  return Object.keys(loadResources()[defaultLanguage] ?? {});
}

function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    // A malformed value (`lang=%ff`) must not break every page for that visitor: ignore it.
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The language of a request: `?lang=` wins (and is remembered by entry.server), then the
 * cookie, then Swedish. The browser's Accept-Language is deliberately not used: the portal is
 * Swedish first and a visitor chooses English explicitly (docs/decisions/004).
 */
export function getLanguage(request: Request): Language {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLanguage(fromQuery)) return fromQuery;
  const fromCookie = readCookie(request, LANGUAGE_COOKIE);
  if (isLanguage(fromCookie)) return fromCookie;
  return defaultLanguage;
}

export function languageCookieHeader(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export function createI18n(language: Language): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    ...i18nOptions,
    lng: language,
    ns: namespaces(),
    resources: loadResources(),
    initImmediate: false,
  });
  return instance;
}

const fixed = new Map<string, I18n>();

/**
 * The instance of a language, shared by every request: loaders' translations and the page's
 * render (entry.server). Its language never changes and its resources are the shared ones, so a
 * request leaves nothing in it another could see; made again when the e-services' texts change.
 * A new instance per render cost ~1 ms of CPU on every page rendered live (decision 140).
 */
export function i18nFor(language: Language): I18n {
  let instance = fixed.get(language);
  if (!instance) {
    instance = createI18n(language);
    fixed.set(language, instance);
  }
  return instance;
}

/** A translation function for loaders and actions (titles, e-mails, PDF texts). */
export function getFixedT(languageOrRequest: Language | Request, ns = "common"): TFunction {
  const language = typeof languageOrRequest === "string" ? languageOrRequest : getLanguage(languageOrRequest);
  return i18nFor(language).getFixedT(language, ns);
}
