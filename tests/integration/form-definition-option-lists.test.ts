import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { municipality } from "../../db/schema/index";
import type { ChoiceOption, Field, FormDefinition } from "../../forms/types";
import { db, prepareDatabase } from "~/db.server";
import { getDefinitionDocument, getFormDefinition } from "~/services/forms.server";
import { listMunicipalities } from "~/services/municipalities.server";

// A definition's named option lists are read when it is asked for (decision 056), so a municipality
// added at run time is offered at once; a definition that names none is served as published,
// without reading the municipalities (decision 142).

function listed(def: FormDefinition): readonly ChoiceOption[] {
  const fields: Field[] = def.steps.flatMap((s) => s.fields);
  const choice = fields.find((f) => f.type === "choice" && f.optionList === "municipalities");
  return choice?.type === "choice" ? (choice.options ?? []) : [];
}

beforeAll(() => {
  prepareDatabase();
});

describe("a form definition's option lists", () => {
  it("offers a municipality added after start at the next request", () => {
    const before = listed(getFormDefinition("begaran-allman-handling")!).map((o) => o.value);
    expect(before).toEqual(listMunicipalities().map((m) => m.slug));
    const added = db()
      .insert(municipality)
      .values({
        slug: "sjudal-test",
        code: "SJU",
        name: "Sjudals kommun",
        logoText: "Sjudal",
        introSv: "-",
        introEn: "-",
        phone: "-",
        email: "kommun@example.se",
        visitingAddress: "-",
        postalAddress: "-",
        openingHoursSv: "-",
        openingHoursEn: "-",
        orgNumber: "212000-1363",
        population: 1,
      })
      .returning()
      .get();
    try {
      expect(listed(getFormDefinition("begaran-allman-handling")!).map((o) => o.value)).toContain("sjudal-test");
    } finally {
      db().delete(municipality).where(eq(municipality.id, added.id)).run();
    }
    expect(listed(getFormDefinition("begaran-allman-handling")!).map((o) => o.value)).toEqual(before);
  });

  it("serves a definition without a named list as published, not a copy", () => {
    const published = getDefinitionDocument("felanmalan-gata-park")!.definition;
    expect(listed(published)).toEqual([]);
    expect(getFormDefinition("felanmalan-gata-park")).toBe(published);
  });
});
