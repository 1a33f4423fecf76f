import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areaDelegation, auditEvent, municipality } from "../../db/schema/index";
import { canStaff, type StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { createDelegation, endDelegation, listDelegations, parseDelegationForm } from "~/services/delegations.server";

/** Samverkan as rows a portal-wide administrator creates and ends (issue 13, docs/decisions/060). */
const staff = (roles: object[]) =>
  ({ sessionId: "t", kind: "staff", staffUserId: 999_002, name: "t", roles }) as unknown as StaffUser;
const portalAdmin = staff([{ role: "admin", municipalityId: null, area: null, administrationId: null }]);

const mid = (slug: string) =>
  db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get()!.id;
const officer = (slug: string) =>
  staff([{ role: "officer", municipalityId: mid(slug), area: "skola", administrationId: null }]);

beforeAll(() => {
  prepareDatabase();
});

describe("samverkan administration", () => {
  it("a delegation moves the area to the handling municipality's officers, and ending it moves it back", () => {
    const melleruds = { municipalityId: mid("mellerud"), area: "skola" as const };
    expect(canStaff(officer("mellerud"), "case.read", melleruds)).toBe(true);
    expect(canStaff(officer("amal"), "case.read", melleruds)).toBe(false);

    const value = { municipalityId: mid("mellerud"), area: "skola" as const, handledByMunicipalityId: mid("amal") };
    expect(createDelegation({ actor: portalAdmin, value })).toBe("saved");
    expect(canStaff(officer("amal"), "case.read", melleruds)).toBe(true);
    expect(canStaff(officer("mellerud"), "case.read", melleruds)).toBe(false);
    // A second current delegation of the same pair is refused, not silently replaced.
    expect(createDelegation({ actor: portalAdmin, value: { ...value, handledByMunicipalityId: mid("dals-ed") } })).toBe(
      "alreadyDelegated",
    );

    const row = listDelegations().find((d) => d.municipalityId === mid("mellerud") && d.area === "skola")!;
    expect(endDelegation({ actor: portalAdmin, id: row.id })).toBe("saved");
    expect(canStaff(officer("mellerud"), "case.read", melleruds)).toBe(true);
    expect(canStaff(officer("amal"), "case.read", melleruds)).toBe(false);
    expect(endDelegation({ actor: portalAdmin, id: row.id })).toBe("notFound");

    const ended = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "delegation.ended"), eq(auditEvent.subjectId, String(row.id))))
      .orderBy(desc(auditEvent.id))
      .get()!;
    expect(ended.details).toMatchObject({ area: "skola", before: { endedAt: null } });

    // Started again later: the same row, handled by someone else now.
    expect(createDelegation({ actor: portalAdmin, value: { ...value, handledByMunicipalityId: mid("dals-ed") } })).toBe(
      "saved",
    );
    expect(canStaff(officer("dals-ed"), "case.read", melleruds)).toBe(true);
    expect(endDelegation({ actor: portalAdmin, id: row.id })).toBe("saved");
  });

  it("a municipal admin can neither create nor end a delegation", () => {
    const municipalAdmin = staff([
      { role: "admin", municipalityId: mid("dals-ed"), area: null, administrationId: null },
    ]);
    const value = { municipalityId: mid("dals-ed"), area: "allmant" as const, handledByMunicipalityId: mid("amal") };
    expect(createDelegation({ actor: municipalAdmin, value })).toBe("forbidden");
    const seeded = listDelegations().find((d) => d.municipalityId === mid("dals-ed") && d.area === "bygglov")!;
    expect(endDelegation({ actor: municipalAdmin, id: seeded.id })).toBe("forbidden");
    expect(db().select().from(areaDelegation).where(eq(areaDelegation.id, seeded.id)).get()!.endedAt).toBeNull();
  });

  it("an ended seeded delegation stays ended after a restart (the seed does not put it back)", () => {
    const seeded = listDelegations().find((d) => d.municipalityId === mid("dals-ed") && d.area === "bygglov")!;
    const dalsEdBygglov = { municipalityId: mid("dals-ed"), area: "bygglov" as const };
    const bengtsforsOfficer = staff([
      { role: "officer", municipalityId: mid("bengtsfors"), area: "bygglov", administrationId: null },
    ]);
    expect(canStaff(bengtsforsOfficer, "case.read", dalsEdBygglov)).toBe(true);
    expect(endDelegation({ actor: portalAdmin, id: seeded.id })).toBe("saved");

    prepareDatabase();

    const rows = db()
      .select()
      .from(areaDelegation)
      .where(and(eq(areaDelegation.municipalityId, mid("dals-ed")), eq(areaDelegation.area, "bygglov")))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.endedAt).not.toBeNull();
    expect(canStaff(bengtsforsOfficer, "case.read", dalsEdBygglov)).toBe(false);
  });

  it("a delegation to the municipality itself or to an unknown area is a field error", () => {
    const form = new FormData();
    form.set("municipalityId", "2");
    form.set("area", "vatten");
    form.set("handledByMunicipalityId", "2");
    const parsed = parseDelegationForm(form);
    expect(parsed.ok ? null : parsed.errors).toEqual({
      area: "admin-catalogue:delegations.errors.area",
    });
    form.set("area", "skola");
    const same = parseDelegationForm(form);
    expect(same.ok ? null : same.errors).toEqual({
      handledByMunicipalityId: "admin-catalogue:delegations.errors.same",
    });
  });
});
