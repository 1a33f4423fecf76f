import { describe, expect, it } from "vitest";
import * as seedTypes from "../db/seed/content/types";
import { formDefinitions } from "./definitions";
import { getFieldModule, moduleFor } from "./fields/registry";
import { errorKey, localeFileKey } from "./keys";
import { flattenKeys, loadFormsLocale } from "./test-support";
import { ADMINISTRATION_SLUGS, type Field, FIELD_TYPES, type FieldType, type FormDefinition } from "./types";

const [sv, en] = await Promise.all([loadFormsLocale("sv"), loadFormsLocale("en")]);
const svKeys = flattenKeys(sv);
const enKeys = flattenKeys(en);

/** Every key a definition uses: its own texts and everything its fields need. */
function keysOf(def: FormDefinition): string[] {
  return [
    def.titleKey,
    def.descriptionKey,
    def.instructionsKey,
    ...(typeof def.diarium === "object" ? [def.diarium.subject.template] : []),
    ...def.steps.flatMap((step) => [step.titleKey, ...step.fields.flatMap((field) => moduleFor(field).keys(field))]),
    ...(def.computed ?? []).map((c) => c.labelKey),
  ];
}

function allFields(def: FormDefinition): Field[] {
  return def.steps.flatMap((s) => s.fields).flatMap((f): Field[] => (f.type === "group" ? [f, ...f.fields] : [f]));
}

/** A field of each type with every option switched on, so every error code shows up. */
function maximalField(type: FieldType): Field {
  const b = { name: "x", labelKey: "forms.x", required: true };
  const options = [
    { value: "a", labelKey: "forms.a" },
    { value: "b", labelKey: "forms.b" },
  ];
  switch (type) {
    case "text":
      return { ...b, type, minLength: 2 };
    case "number":
      return { ...b, type, min: 0, max: 1 };
    case "date":
      return { ...b, type, min: "2000-01-01", max: "2100-01-01" };
    case "choice":
      return { ...b, type, display: "radio", options };
    case "multichoice":
      return { ...b, type, options, minSelected: 2, maxSelected: 2 };
    case "personnummer":
      return { ...b, type, allowSamordningsnummer: false };
    case "file":
      return { ...b, type, maxBytes: 1, maxFiles: 1, accept: ["application/pdf"] };
    case "group":
      return { ...b, type, min: 1, max: 2, itemLabelKey: "forms.i", addLabelKey: "forms.a", fields: [] };
    default:
      return { ...b, type } as Field;
  }
}

describe("locale files public/locales/{sv,en}/forms.json", () => {
  it("have exactly the same keys", () => {
    const onlySv = [...svKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !svKeys.has(k));
    expect({ onlySv, onlyEn }).toEqual({ onlySv: [], onlyEn: [] });
    expect(svKeys.size).toBeGreaterThan(400);
  });

  it("have no empty texts and the same {{placeholders}} in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of svKeys) {
      expect(text.trim(), key).not.toBe("");
      expect(enKeys.get(key)?.trim(), key).not.toBe("");
      expect(placeholders(enKeys.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("have a generic message for every error code any field type can produce, plus the form-level ones", () => {
    const codes = new Set(["invalid", "unknownField", "unknownStep"]);
    for (const type of FIELD_TYPES)
      for (const code of getFieldModule(type).errorCodes(maximalField(type) as never)) codes.add(code);
    const missing = [...codes].filter((code) => !svKeys.has(localeFileKey(errorKey(code))));
    expect(missing).toEqual([]);
  });

  it("write the personnummer errors as instructions", () => {
    expect(svKeys.get("errors.personnummer.format")).toMatch(/^Ange ett personnummer med 10 eller 12 siffror/);
    expect(svKeys.get("errors.personnummer.checksum")).toBe("Kontrollera personnumret – kontrollsiffran stämmer inte");
  });
});

describe.each(formDefinitions.map((def) => [def.id, def] as const))("texts of %s", (_id, def) => {
  it("every label, hint, option, step and error key exists in Swedish and English", () => {
    const missing = keysOf(def)
      .map(localeFileKey)
      .filter((key) => !svKeys.has(key) || !enKeys.has(key));
    expect(missing).toEqual([]);
  });

  it("has no stray keys, and field error overrides only use codes the field can produce", () => {
    const used = new Set(keysOf(def).map(localeFileKey));
    const fields = new Map(allFields(def).map((f) => [f.name, f]));
    const prefix = `${def.id}.`;
    const stray: string[] = [];
    for (const key of svKeys.keys()) {
      if (!key.startsWith(prefix) || used.has(key)) continue;
      const override = /^[^.]+\.fields\.([^.]+)\.errors\.(.+)$/.exec(key);
      const field = override ? fields.get(override[1]!) : undefined;
      if (!field || !moduleFor(field).errorCodes(field).includes(override![2]!)) stray.push(key);
    }
    expect(stray).toEqual([]);
  });
});

describe("shared vocabularies", () => {
  it("administration slugs match the seed content types", () => {
    expect([...ADMINISTRATION_SLUGS]).toEqual([...seedTypes.ADMINISTRATION_SLUGS]);
  });
});
