/**
 * Helpers for the forms tests only (not imported by application code).
 */
import { formExamples, getFormDefinition, withDefinitionTexts } from "./definitions/index";
import { withOptionLists, type OptionLists } from "./option-lists";
import type { FormDefinition, FormValues, Translate } from "./types";

export type LocaleTree = { [key: string]: string | LocaleTree };

/**
 * The whole forms namespace of a language as the portal serves it: public/locales/<lang>/forms.json
 * (generic texts) with each e-service document's own texts (decision 070). Loaded through the
 * test runner (no node: imports here).
 */
export async function loadFormsLocale(lang: "sv" | "en"): Promise<LocaleTree> {
  const path = `../public/locales/${lang}/forms.json`;
  const mod = (await import(/* @vite-ignore */ path)) as { default: LocaleTree };
  return withDefinitionTexts(mod.default, lang);
}

/** "a.b.c" → every leaf key of the tree. */
export function flattenKeys(tree: LocaleTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flattenKeys(value, path)) out.set(k, v);
  }
  return out;
}

/** A translator over a loaded locale with i18next-style {{interpolation}}; throws on a missing key. */
export function translatorFromLocale(tree: LocaleTree): Translate {
  const flat = flattenKeys(tree);
  return (key, params) => {
    const text = flat.get(key.replace(/^forms\./, ""));
    if (text === undefined) throw new Error(`Missing translation: ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? `{{${name}}}`));
  };
}

/** Echoes keys, so tests can assert which key was used. */
export const keyEcho: Translate = (key, params) =>
  params && Object.keys(params).length > 0 ? `${key}${JSON.stringify(params)}` : key;

/** The example seed's municipalities as an option list, for tests of definitions without a database. */
export const exampleOptionLists: OptionLists = {
  municipalities: [
    ["bengtsfors", "Bengtsfors"],
    ["dals-ed", "Dals-Ed"],
    ["fargelanda", "Färgelanda"],
    ["mellerud", "Mellerud"],
    ["amal", "Åmål"],
  ].map(([value = "", label = ""]) => ({ value, label, labelKey: "forms.common.municipality" })),
};

/** Stand-ins for a hook's run-time options (decision 087): the seed examples answer with these values. */
const exampleHookOptions = {
  children: ["barn-1", "barn-2"],
  schools: ["1", "2"],
} as const;

/** A definition as the server would resolve it over the example data (hook choices get the stand-ins above). */
export function resolvedForTests(def: FormDefinition): FormDefinition {
  const lists = withOptionLists(def, exampleOptionLists);
  const stand = (f: FormDefinition["steps"][number]["fields"][number]) => {
    if (f.type !== "choice") return f;
    const name = f.lookup ?? f.optionsFrom;
    const values: readonly string[] | undefined =
      name && name in exampleHookOptions ? exampleHookOptions[name as keyof typeof exampleHookOptions] : undefined;
    return values
      ? { ...f, options: values.map((value) => ({ value, labelKey: "forms.common.runTimeOption", label: value })) }
      : f;
  };
  return { ...lists, steps: lists.steps.map((s) => ({ ...s, fields: s.fields.map(stand) })) };
}

/** A seed e-service's definition and its example answer (forms/seed, decision 070), for tests. */
export function seedForm(id: string): { definition: FormDefinition; example: FormValues } {
  const definition = getFormDefinition(id);
  const example = formExamples[id];
  if (!definition || !example) throw new Error(`No seed e-service "${id}"`);
  return { definition, example };
}

/**
 * A definition that uses every named hook of decision 087 (the childcare questions): the children
 * looked up in the register, units from the database, the fee computed, the childcare handler.
 */
export function hookedDefinition(): FormDefinition {
  const k = (path: string) => `forms.hooked.${path}`;
  const choice = (name: string, extra: Record<string, unknown>) =>
    ({
      type: "choice",
      name,
      labelKey: k(`fields.${name}.label`),
      required: true,
      display: "radio",
      ...extra,
    }) as const;
  return {
    id: "hooked",
    version: 1,
    administration: "barn-och-utbildning",
    offeredBy: "shared",
    caseType: "barnomsorg",
    requiresLogin: true,
    requiresEid: true,
    sensitivity: "secret",
    diarium: "secret",
    titleKey: k("title"),
    descriptionKey: k("description"),
    instructionsKey: k("instructions"),
    processingDays: 120,
    steps: [
      {
        id: "barn",
        titleKey: k("steps.barn.title"),
        fields: [
          { ...choice("child", { lookup: "children" }), options: [] },
          {
            ...choice("careKind", {}),
            options: ["forskola", "pedagogisk-omsorg", "fritidshem"].map((value) => ({
              value,
              labelKey: k(`fields.careKind.options.${value}.label`),
            })),
          },
          { ...choice("municipality", { optionList: "municipalities", display: "select" }), options: [] },
        ],
      },
      {
        id: "plats",
        titleKey: k("steps.plats.title"),
        fields: [
          { ...choice("unit1", { optionsFrom: "units", display: "select" }), options: [] },
          { ...choice("unit2", { optionsFrom: "units", display: "select" }), required: false, options: [] },
          { type: "date", name: "desiredStart", labelKey: k("fields.desiredStart.label"), required: true },
          {
            type: "number",
            name: "hoursPerWeek",
            labelKey: k("fields.hoursPerWeek.label"),
            required: true,
            min: 1,
            max: 60,
          },
          { type: "number", name: "monthlyIncome", labelKey: k("fields.monthlyIncome.label"), required: false, min: 0 },
        ],
      },
    ],
    computed: [{ name: "fee", hook: "childcareFee", labelKey: k("computed.fee.label") }],
    submitHandler: "childcare",
  };
}
