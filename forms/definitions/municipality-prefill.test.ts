import { describe, expect, it } from "vitest";
import type { Field, FormDefinition } from "../types";
import { formDefinitions, getDefinitionDocument } from "./index";

/**
 * Decision 109: every seed e-service that needs login and asks for a municipality (a choice from
 * the `municipalities` list) starts that question at the resident's home municipality, from the
 * population register (`prefill: { from: "profile", key: "municipality" }`, decision 102). The
 * checker does not refuse its absence (a designer has no control for it; see decision 109), so the
 * seeds are held to it here. Forms without the question get the engine's picker, which starts at
 * the header's municipality (tests/integration/home-municipality.test.ts).
 */
function municipalityQuestions(def: FormDefinition): Field[] {
  // Step level only: a prefill fills no question inside a repeated group.
  return def.steps.flatMap((s) => s.fields.filter((f) => f.type === "choice" && f.optionList === "municipalities"));
}

const asking = formDefinitions.filter((def) => municipalityQuestions(def).length > 0);

describe("the municipality question of a logged-in e-service", () => {
  it("is asked by several seeds, among them at least two that need login", () => {
    expect(asking.filter((def) => def.requiresLogin).map((def) => def.id)).toEqual(
      expect.arrayContaining(["ansokan-borgerlig-vigsel", "forskola-ansokan"]),
    );
  });

  it("starts at the home municipality in every seed that needs login", () => {
    const without = asking
      .filter((def) => def.requiresLogin)
      .flatMap((def) =>
        municipalityQuestions(def)
          .filter((f) => f.prefill?.from !== "profile" || f.prefill.key !== "municipality")
          .map((f) => `${def.id}.${f.name}`),
      );
    expect(without).toEqual([]);
  });

  it("says so in its hint, in both languages", () => {
    for (const def of asking.filter((d) => d.requiresLogin)) {
      const texts = getDefinitionDocument(def.id)!.texts;
      for (const f of municipalityQuestions(def)) {
        expect(f.hintKey, `${def.id}.${f.name}`).toBeDefined();
        const path = f.hintKey!.slice(`forms.${def.id}.`.length).split(".");
        const hint = (lang: "sv" | "en") =>
          path.reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], texts[lang]);
        expect(hint("sv"), `${def.id}.${f.name} sv`).toMatch(/folkbokförd/);
        expect(hint("en"), `${def.id}.${f.name} en`).toMatch(/registered/);
      }
    }
  });

  it("an anonymous form does not ask the register (the request for an official document names the holder)", () => {
    const anonymous = asking.filter((def) => !def.requiresLogin);
    expect(anonymous.map((def) => def.id)).toContain("begaran-allman-handling");
    for (const def of anonymous)
      for (const f of municipalityQuestions(def)) expect(f.prefill, `${def.id}.${f.name}`).toBeUndefined();
  });
});
