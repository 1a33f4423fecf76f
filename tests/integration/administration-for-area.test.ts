import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { municipality } from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { listFormsByAdministration } from "~/services/forms.server";
import { createAdministration, createMunicipality, setAdministrationAreas } from "~/services/municipality-admin.server";
import { getAdministrationForArea } from "~/services/municipalities.server";

const portalAdmin: StaffUser = {
  sessionId: "test",
  kind: "staff",
  staffUserId: 999_002,
  name: "Test Admin",
  roles: [{ role: "admin", municipalityId: null, area: null, administrationId: null }],
};

let sixth = 0;
let amal = 0;
const ids: Record<string, number> = {};

function addAdministration(slug: string, nameSv: string, areas: string[]) {
  const created = createAdministration(portalAdmin, "sexdal", { slug, nameSv, nameEn: nameSv });
  if (!created.ok) throw new Error(`administration ${slug} not created`);
  expect(setAdministrationAreas(portalAdmin, "sexdal", created.value.id, areas).ok).toBe(true);
  ids[slug] = created.value.id;
}

beforeAll(() => {
  prepareDatabase();
  const a = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
  amal = a.id;
  const created = createMunicipality(portalAdmin, {
    slug: "sexdal",
    code: "SEX",
    name: "Sexdals kommun",
    logoText: "Sexdal",
    introSv: "Sexdal är en ny kommun i portalen.",
    introEn: "Sexdal is a new municipality in the portal.",
    phone: a.phone,
    email: "info@sexdal.test",
    visitingAddress: a.visitingAddress,
    postalAddress: a.postalAddress,
    openingHoursSv: a.openingHoursSv,
    openingHoursEn: a.openingHoursEn,
    orgNumber: a.orgNumber,
    reviewBy: "",
  });
  if (!created.ok) throw new Error(`municipality not created: ${JSON.stringify(created.errors)}`);
  sixth = created.value.id;
  // Names the example forms do not know: only administration_area ties them to forms.
  addAdministration("kommunstyrelsen", "Kommunstyrelsens förvaltning", ["allmant", "bygglov"]);
  addAdministration("bildning", "Bildningsförvaltningen", ["barnomsorg", "skola"]);
});

describe("a form's administration comes from its area at run time (decision 056, amended)", () => {
  it("a municipality whose administrations have other slugs offers the shared forms under them", () => {
    const groups = listFormsByAdministration("sv", "sexdal");
    const bySlug = Object.fromEntries(groups.map((g) => [g.slug, g.forms.map((f) => f.id)]));
    expect(Object.keys(bySlug).sort()).toEqual(["bildning", "kommunstyrelsen"]);
    expect(bySlug.kommunstyrelsen).toContain("synpunkter-klagomal");
    expect(bySlug.kommunstyrelsen).toContain("felanmalan-gata-park");
    expect(bySlug.bildning).toContain("forskola-ansokan");
  });

  it("each area resolves to the administration the admin chose for it", () => {
    expect(getAdministrationForArea({ municipalityId: sixth, area: "bygglov" })?.id).toBe(ids.kommunstyrelsen);
    expect(getAdministrationForArea({ municipalityId: sixth, area: "skola" })?.id).toBe(ids.bildning);
    // The form's default kind does not exist here, so the area's administration receives it.
    expect(
      getAdministrationForArea({ municipalityId: sixth, area: "allmant", defaultSlug: "samhallsbyggnad" })?.id,
    ).toBe(ids.kommunstyrelsen);
  });

  it("in a municipality that has the default kind, a general form still goes to that administration", () => {
    const a = getAdministrationForArea({ municipalityId: amal, area: "allmant", defaultSlug: "samhallsbyggnad" });
    expect(a?.slug).toBe("samhallsbyggnad");
    expect(getAdministrationForArea({ municipalityId: amal, area: "allmant" })?.slug).toBe("kommunledning");
  });

  it("an area no administration handles offers no form of it", () => {
    addAdministration("tom", "Tom förvaltning", []);
    expect(getAdministrationForArea({ municipalityId: sixth, area: "barnomsorg" })?.id).toBe(ids.bildning);
    expect(setAdministrationAreas(portalAdmin, "sexdal", ids.bildning!, ["skola"]).ok).toBe(true);
    expect(getAdministrationForArea({ municipalityId: sixth, area: "barnomsorg" })).toBeUndefined();
    const forms = listFormsByAdministration("sv", "sexdal").flatMap((g) => g.forms.map((f) => f.id));
    expect(forms).not.toContain("forskola-ansokan");
    expect(forms).toContain("skolval-ansokan");
  });
});
