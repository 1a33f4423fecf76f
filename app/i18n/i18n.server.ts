import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { initReactI18next } from "react-i18next";
import type { RequestHead } from "~/utils/request-head";
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

function readCookie(request: RequestHead, name: string): string | undefined {
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
export function getLanguage(request: RequestHead): Language {
  // Without a query there is no `?lang=`: the URL is not parsed (decision 152).
  const fromQuery = request.url.includes("?") ? new URL(request.url).searchParams.get("lang") : null;
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

/**
 * Texts translated once per language instance (decision 151): what every send asked i18next again
 * (the e-service's title and receipt text, the diarium's case type titles, the receipt mail's
 * texts). The instance is made again when the e-services' texts change (`setDefinitionTexts`), and
 * its texts with it. At most `ONCE_MAX` per language (one per text key: a few per e-service); past
 * that a text is translated each time, as before.
 */
const onceTexts = new WeakMap<I18n, Map<string, unknown>>();
const ONCE_MAX = 2_000;

function once<T>(language: Language, cacheKey: string, make: () => T): T {
  const instance = i18nFor(language);
  let texts = onceTexts.get(instance);
  if (!texts) {
    texts = new Map();
    onceTexts.set(instance, texts);
  }
  if (texts.has(cacheKey)) return texts.get(cacheKey) as T;
  const made = make();
  if (texts.size < ONCE_MAX) texts.set(cacheKey, made);
  return made;
}

/** `getFixedT(language, ns)(key, { defaultValue })`, translated once per language instance. */
export function translatedOnce(language: Language, ns: string, key: string, defaultValue?: string): string {
  return once(language, `${ns}\u0000${key}\u0000${defaultValue ?? ""}\u0000${defaultValue === undefined}`, () =>
    getFixedT(language, ns)(key, defaultValue === undefined ? undefined : { defaultValue }),
  );
}

/**
 * `getFixedT(language, ns)(key, params)` for a text whose parameters are plain `{{name}}`s (no
 * formats, plurals or nesting), translated once per language instance: the text is translated with
 * a marker for each parameter, and a call puts the values where the markers are. Interpolation does
 * not escape (`escapeValue: false`), so that is the same text, unless a value itself holds
 * interpolation or nesting syntax: i18next then replaces the first `{{name}}` it finds, which may be
 * inside an earlier value. Values with `{`, `}` or `$` therefore still go through i18next.
 * A text that is not plain (an e-service's designer wrote `{{name, uppercase}}`, say) is found out
 * once, by comparing the filled template with i18next's text for two sets of sample values, and then always
 * goes through i18next (decision 154). `variant` is part of the cache key (an e-service's version).
 */
export function textTemplate<N extends string>(
  language: Language,
  ns: string,
  key: string,
  names: readonly N[],
  variant = "",
): (params: Record<N, string | number>) => string {
  const translate = (params: Record<string, unknown>) => String(getFixedT(language, ns)(key, params));
  const template = once(language, `${ns}\u0000${key}\u0000template\u0000${names.join(",")}\u0000${variant}`, () => {
    const parts = translate(Object.fromEntries(names.map((n) => [n, `\u0000${n}\u0000`]))).split("\u0000");
    // Two samples: a word (a case format changes it) and a number (a number format changes it).
    const samples = [(n: N, i: number) => `Xy ${i} ${n}`, (_n: N, i: number) => String(7 + i)].map(
      (value) => Object.fromEntries(names.map((n, i) => [n, value(n, i)])) as Record<N, string>,
    );
    return { parts, plain: samples.every((sample) => fill(parts, sample) === translate(sample)) };
  });
  return (params) => {
    if (!template.plain) return translate(params);
    for (const name of names) if (/[{}$]/.test(String(params[name]))) return translate(params);
    return fill(template.parts, params);
  };
}

function fill(parts: readonly string[], params: Record<string, string | number>): string {
  let out = "";
  for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? parts[i] : String(params[parts[i]!]);
  return out;
}

/** A translation function for loaders and actions (titles, e-mails, PDF texts). */
export function getFixedT(languageOrRequest: Language | Request, ns = "common"): TFunction {
  const language = typeof languageOrRequest === "string" ? languageOrRequest : getLanguage(languageOrRequest);
  return i18nFor(language).getFixedT(language, ns);
}
