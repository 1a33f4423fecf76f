import { describe, expect, it } from "vitest";
import { getFormDefinition } from "./definitions";
import { checkYourAnswers } from "./flow";
import { withOptionLists } from "./option-lists";
import { parseSubmission, scopeFields } from "./schema";
import type { ChoiceField } from "./types";

const SIX = ["bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal", "vanersborg"].map((slug) => ({
  value: slug,
  labelKey: "forms.common.municipality",
  label: slug === "vanersborg" ? "Vänersborg" : slug,
}));

function municipalityField(id: string, lists = { municipalities: SIX }): ChoiceField {
  const def = withOptionLists(getFormDefinition(id)!, lists);
  return scopeFields(def, "all")!.find((f) => f.name === "municipality") as ChoiceField;
}

describe("municipality options come from run-time data", () => {
  it("no definition lists municipalities of its own", () => {
    const field = scopeFields(getFormDefinition("begaran-allman-handling")!, "all")!.find(
      (f) => f.name === "municipality",
    ) as ChoiceField;
    expect(field.optionList).toBe("municipalities");
    expect(field.options).toEqual([]);
  });

  it("a sixth municipality from the database is offered and accepted by the validator", () => {
    expect(municipalityField("ansokan-borgerlig-vigsel").options.map((o) => o.value)).toContain("vanersborg");
    const def = withOptionLists(getFormDefinition("begaran-allman-handling")!, { municipalities: SIX });
    const step = def.steps.find((s) => s.fields.some((f) => f.name === "municipality"))!;
    const fd = new FormData();
    fd.set("municipality", "vanersborg");
    const result = parseSubmission(def, step.id, fd, { answers: {} });
    expect(result.ok ? undefined : result.errors.municipality).toBeUndefined();
  });

  it("a municipality not in the list is a field error, not an exception", () => {
    const def = withOptionLists(getFormDefinition("begaran-allman-handling")!, { municipalities: SIX.slice(0, 2) });
    const step = def.steps.find((s) => s.fields.some((f) => f.name === "municipality"))!;
    const fd = new FormData();
    fd.set("municipality", "vanersborg");
    const result = parseSubmission(def, step.id, fd, { answers: {} });
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.errors.municipality?.key).toContain("choice.invalid");
  });

  it("the summary shows the municipality's name, not a translation key", () => {
    const def = withOptionLists(getFormDefinition("begaran-allman-handling")!, { municipalities: SIX });
    const rows = checkYourAnswers(def, { municipality: "vanersborg" }, (k) => `t(${k})`);
    expect(rows.some((r) => r.text === "Vänersborg")).toBe(true);
  });
});
