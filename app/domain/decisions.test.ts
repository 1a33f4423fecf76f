import { describe, expect, it } from "vitest";
import { AREAS } from "./areas";
import {
  APPEAL_ROUTES,
  DEFAULT_BODIES,
  DEFAULT_TEMPLATES,
  appealText,
  fillTemplate,
  unknownPlaceholders,
} from "./decisions";

describe("appeal routes and templates (decision 077)", () => {
  it("a building permit is appealed to länsstyrelsen through the municipality", () => {
    expect(DEFAULT_BODIES.bygglov.appealRoute).toBe("pbl-lansstyrelsen");
    const sv = appealText("pbl-lansstyrelsen", "sv").text;
    expect(sv).toContain("länsstyrelsen");
    expect(sv).toContain("till kommunen");
  });

  it("a decision open only to laglighetsprövning says so, in both languages", () => {
    expect(appealText("laglighetsprovning", "sv").text).toContain("13 kap. kommunallagen");
    expect(appealText("laglighetsprovning", "en").text).toContain("Local Government Act");
  });

  it("school placement defaults to laglighetsprövning; the refused-for-organisational-reasons template goes to förvaltningsrätten", () => {
    expect(DEFAULT_BODIES.skola.appealRoute).toBe("laglighetsprovning");
    const refused = DEFAULT_TEMPLATES.skola.find((t) => t.outcome === "rejected");
    expect(refused?.appealRoute).toBe("skollagen-forvaltningsratten");
    expect(appealText("sol-forvaltningsratten", "sv").text).toContain("socialtjänstlagen");
  });

  it("every route has a title and text in sv and en, and every default template uses only known placeholders", () => {
    for (const r of APPEAL_ROUTES)
      for (const l of ["sv", "en"] as const) expect(appealText(r, l).text.length).toBeGreaterThan(50);
    for (const a of AREAS)
      for (const t of DEFAULT_TEMPLATES[a]) {
        expect(unknownPlaceholders(t.text.sv)).toEqual([]);
        expect(unknownPlaceholders(t.text.en)).toEqual([]);
      }
  });

  it("fills known placeholders, empties a missing one and leaves unknown braces alone", () => {
    expect(fillTemplate("{child} i {reference} {x}", { child: "Elsa Berg", reference: "AML-2026-000001" })).toBe(
      "Elsa Berg i AML-2026-000001 {x}",
    );
    expect(fillTemplate("Fastighet: {property}.", {})).toBe("Fastighet: .");
    expect(unknownPlaceholders("{reference} {constructor} {a}")).toEqual(["constructor", "a"]);
  });
});
