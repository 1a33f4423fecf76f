import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administrationArea, auditEvent, municipality } from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import {
  createAdministration,
  createMunicipality,
  getManagedMunicipality,
  setAdministrationAreas,
  updateMunicipality,
} from "~/services/municipality-admin.server";

const staff = (municipalityId: number | null): StaffUser => ({
  sessionId: "test",
  kind: "staff",
  staffUserId: 999_001,
  name: "Test Admin",
  roles: [{ role: "admin", municipalityId, area: null, administrationId: null }],
});
let amal = 0;

beforeAll(() => {
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
});

const facts = (m: typeof municipality.$inferSelect) => ({
  name: m.name,
  logoText: m.logoText,
  introSv: m.introSv,
  introEn: m.introEn,
  phone: m.phone,
  email: m.email,
  visitingAddress: m.visitingAddress,
  postalAddress: m.postalAddress,
  openingHoursSv: m.openingHoursSv,
  openingHoursEn: m.openingHoursEn,
  orgNumber: m.orgNumber,
  reviewBy: "",
});

describe("municipality administration (decision 056)", () => {
  it("an edit of a municipality's phone is audited with before and after", () => {
    const before = db().select().from(municipality).where(eq(municipality.id, amal)).get()!;
    const result = updateMunicipality(staff(amal), "amal", { ...facts(before), phone: "0532-00 00 01" });
    expect(result.ok).toBe(true);
    const row = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "municipality.updated"), eq(auditEvent.municipalityId, amal)))
      .orderBy(desc(auditEvent.id))
      .get()!;
    expect(row.details).toEqual({ before: { phone: before.phone }, after: { phone: "0532-00 00 01" } });
  });

  it("a wrong check digit in the organisation number is a field error", () => {
    const before = db().select().from(municipality).where(eq(municipality.id, amal)).get()!;
    const result = updateMunicipality(staff(amal), "amal", { ...facts(before), orgNumber: "212000-1463" });
    expect(result).toEqual({ ok: false, errors: { orgNumber: "orgNumberChecksum" } });
  });

  it("an Åmål admin cannot add a municipality or edit Bengtsfors", () => {
    expect(() => createMunicipality(staff(amal), {})).toThrow();
    try {
      getManagedMunicipality(staff(amal), "bengtsfors");
      expect.unreachable();
    } catch (e) {
      expect((e as Response).status).toBe(403);
    }
  });

  it("a code already used by another municipality is refused", () => {
    const before = db().select().from(municipality).where(eq(municipality.id, amal)).get()!;
    const result = createMunicipality(staff(null), { ...facts(before), slug: "ny-kommun", code: before.code });
    expect(result).toEqual({ ok: false, errors: { code: "codeTaken" } });
  });

  it("giving an area to a new administration takes it from the old one: one administration per area", () => {
    const created = createAdministration(staff(amal), "amal", {
      slug: "bygg-och-miljo",
      nameSv: "Bygg",
      nameEn: "Build",
    });
    if (!created.ok) throw new Error("not created");
    expect(setAdministrationAreas(staff(amal), "amal", created.value.id, ["bygglov"]).ok).toBe(true);
    const rows = db()
      .select()
      .from(administrationArea)
      .where(and(eq(administrationArea.municipalityId, amal), eq(administrationArea.area, "bygglov")))
      .all();
    expect(rows.map((r) => r.administrationId)).toEqual([created.value.id]);
  });
});
