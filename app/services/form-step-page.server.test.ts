import { afterEach, describe, expect, it, vi } from "vitest";
import { stepDataKey } from "./form-step-page.server";

// The data of a step page, as the step loader returns it (its shape, not its real content).
function pageData(over: Record<string, unknown> = {}) {
  return {
    kind: "step",
    title: "Fel – Felanmälan",
    formId: "felanmalan-gata-park",
    textsId: "felanmalan-gata-park",
    formTexts: { title: "Felanmälan", steps: { fel: "Fel" } },
    definition: { id: "felanmalan-gata-park", version: 3, steps: [{ id: "fel", fields: [{ name: "typ" }] }] },
    view: { values: { typ: "gatlykta" }, errors: {} },
    textKeys: ["common", "felanmalan-gata-park"],
    ...over,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a step page's template key (decisions 125, 169)", () => {
  it("is equal for equal data, also when it is made of other objects", () => {
    expect(stepDataKey(pageData())).toBe(stepDataKey(pageData()));
    const shared = pageData();
    expect(stepDataKey(shared)).toBe(stepDataKey({ ...shared }));
  });

  it("differs when any part of the page differs: the answers, the definition, the texts, the rest", () => {
    const base = stepDataKey(pageData());
    const changed = [
      pageData({ view: { values: { typ: "hal" }, errors: {} } }),
      pageData({ definition: { ...pageData().definition, version: 4 } }),
      pageData({ formTexts: { title: "Fault report", steps: { fel: "Fault" } } }),
      pageData({ formTexts: undefined }),
      pageData({ textsId: "felanmalan-gata-park@3" }),
      pageData({ title: "Fel – Felanmälan (2)" }),
    ].map(stepDataKey);
    for (const key of changed) expect(key).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it("cannot be forged by moving text between the parts", () => {
    // The parts are joined with a character JSON never holds unescaped.
    const a = pageData({ formTexts: { a: "x" }, definition: { b: "y" } });
    const b = pageData({ formTexts: { b: "y" }, definition: { a: "x" } });
    expect(stepDataKey(a)).not.toBe(stepDataKey(b));
  });

  it("serialises a definition and its texts once per object, the rest every time", () => {
    const data = pageData();
    const stringify = vi.spyOn(JSON, "stringify");
    stepDataKey(data);
    const first = stringify.mock.calls.length;
    stepDataKey({ ...data, view: { values: { typ: "hal" }, errors: {} } });
    // Only the rest of the data is serialised again.
    expect(stringify.mock.calls.length - first).toBe(1);
    expect(stringify.mock.calls.filter(([value]) => value === data.definition)).toHaveLength(1);
    expect(stringify.mock.calls.filter(([value]) => value === data.formTexts)).toHaveLength(1);
  });
});
