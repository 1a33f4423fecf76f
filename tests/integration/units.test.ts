import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, childcareUnit, municipality } from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import { listUnits, prepareApplication } from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { parseUnitForm, saveUnit, setUnitClosed, UnitFormSchema } from "~/services/units.server";
import { viewerFor } from "./people-helper";

/** Units as run-time data an administrator keeps (issue 13, docs/decisions/060). */
const admin = {
  sessionId: "t",
  kind: "staff",
  staffUserId: 999_001,
  name: "admin.portal",
  roles: [{ role: "admin", municipalityId: null, area: null, administrationId: null }],
} as unknown as StaffUser;

const mid = (slug: string) =>
  db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get()!.id;

const unitForm = (values: Record<string, string>) => {
  const parsed = UnitFormSchema.safeParse({
    name: "Blåklockan",
    kind: "forskola",
    street: "Storgatan 1",
    postalCode: "66631",
    town: "Bengtsfors",
    ageFrom: "1",
    ageTo: "5",
    capacity: "40",
    phone: "0531-526 00",
    ...values,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

const lastAudit = (action: string, subjectId: string) =>
  db()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subjectId, subjectId)))
    .orderBy(desc(auditEvent.id))
    .get();

beforeAll(() => {
  prepareDatabase();
});

describe("units administration", () => {
  it("a created preschool is offered in applications; once closed it is not, but the row stays", () => {
    const bengtsfors = mid("bengtsfors");
    const saved = saveUnit({ actor: admin, scope: null, value: unitForm({ municipalityId: String(bengtsfors) }) });
    if (!saved.ok) throw new Error(saved.reason);
    const row = db().select().from(childcareUnit).where(eq(childcareUnit.id, saved.id)).get()!;
    expect(row).toMatchObject({ slug: "bengtsfors-blaklockan", postalCode: "666 31", example: false, closedAt: null });
    expect(listUnits({ municipalityId: bengtsfors, kind: "forskola" }).map((u) => u.id)).toContain(saved.id);
    expect(lastAudit("unit.created", String(saved.id))!.details).toMatchObject({
      before: null,
      after: { name: "Blåklockan" },
    });

    expect(setUnitClosed({ actor: admin, scope: null, id: saved.id, closed: true })).toBe("saved");
    expect(listUnits({ municipalityId: bengtsfors, kind: "forskola" }).map((u) => u.id)).not.toContain(saved.id);
    expect(db().select().from(childcareUnit).where(eq(childcareUnit.id, saved.id)).get()!.closedAt).not.toBeNull();
    expect(lastAudit("unit.closed", String(saved.id))!.details).toMatchObject({ before: { closedAt: null } });

    // A second unit of the same name gets its own slug.
    const again = saveUnit({ actor: admin, scope: null, value: unitForm({ municipalityId: String(bengtsfors) }) });
    if (!again.ok) throw new Error(again.reason);
    expect(db().select().from(childcareUnit).where(eq(childcareUnit.id, again.id)).get()!.slug).toBe(
      "bengtsfors-blaklockan-2",
    );
  });

  it("an application naming a closed unit is refused for that choice (a form posted before the close)", async () => {
    const bengtsfors = mid("bengtsfors");
    const open = listUnits({ municipalityId: bengtsfors, kind: "forskola" });
    const target = open[0]!;
    const viewer = viewerFor("198412179288");
    const input = () => {
      const parsed = parseChildcareApplication({
        child: hmacIndex("202201022387"),
        careKind: "forskola",
        unit1: String(target.id),
        unit2: "",
        unit3: "",
        desiredStart: "2027-09-01",
        hoursPerWeek: "40",
        specialNeeds: "",
        monthlyIncome: "45000",
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return parsed.value;
    };
    const now = new Date("2027-01-10T10:00:00Z");
    expect((await prepareApplication(viewer, input(), now)).ok).toBe(true);
    setUnitClosed({ actor: admin, scope: null, id: target.id, closed: true });
    const refused = await prepareApplication(viewer, input(), now);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.errors.unit1).toBe("invalid");
    setUnitClosed({ actor: admin, scope: null, id: target.id, closed: false });
    expect((await prepareApplication(viewer, input(), now)).ok).toBe(true);
  });

  it("a municipal admin can neither create a unit in nor edit a unit of another municipality", () => {
    const amalUnit = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, mid("amal")))
      .get()!;
    const mellerudOnly = [mid("mellerud")];
    expect(
      saveUnit({ actor: admin, scope: mellerudOnly, value: unitForm({ municipalityId: String(mid("amal")) }) }),
    ).toEqual({ ok: false, reason: "outOfScope" });
    expect(
      saveUnit({
        actor: admin,
        scope: mellerudOnly,
        id: amalUnit.id,
        value: unitForm({ municipalityId: String(mid("mellerud")), name: "Kapad" }),
      }),
    ).toEqual({ ok: false, reason: "notFound" });
    expect(setUnitClosed({ actor: admin, scope: mellerudOnly, id: amalUnit.id, closed: true })).toBe("notFound");
    expect(db().select().from(childcareUnit).where(eq(childcareUnit.id, amalUnit.id)).get()).toEqual(amalUnit);
  });

  it("bad input gives one field code per field, never an exception", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      municipalityId: "1",
      name: "",
      kind: "zoo",
      street: "Storgatan 1",
      postalCode: "6663",
      town: "Ed",
      ageFrom: "5",
      ageTo: "3",
      capacity: "0",
      phone: "",
    }))
      form.set(k, v);
    const parsed = parseUnitForm(form);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? null : parsed.errors).toEqual({
      name: "admin-catalogue:units.errors.required",
      kind: "admin-catalogue:units.errors.kind",
      postalCode: "admin-catalogue:units.errors.postalCode",
      ageTo: "admin-catalogue:units.errors.ageOrder",
      capacity: "admin-catalogue:units.errors.capacity",
    });
  });

  it("a restart (prepareDatabase again) keeps an edited seeded unit and a closed one", () => {
    const seeded = db()
      .select()
      .from(childcareUnit)
      .where(and(eq(childcareUnit.municipalityId, mid("dals-ed")), eq(childcareUnit.example, true)))
      .all();
    const [renamed, closed] = [seeded[0]!, seeded[1]!];
    const saved = saveUnit({
      actor: admin,
      scope: null,
      id: renamed.id,
      value: unitForm({ municipalityId: String(renamed.municipalityId), kind: renamed.kind, name: "Nya namnet" }),
    });
    expect(saved.ok).toBe(true);
    setUnitClosed({ actor: admin, scope: null, id: closed.id, closed: true });

    prepareDatabase();

    expect(db().select().from(childcareUnit).where(eq(childcareUnit.id, renamed.id)).get()).toMatchObject({
      name: "Nya namnet",
      slug: renamed.slug,
      example: false,
    });
    expect(db().select().from(childcareUnit).where(eq(childcareUnit.id, closed.id)).get()!.closedAt).not.toBeNull();
    expect(db().select().from(childcareUnit).where(eq(childcareUnit.slug, renamed.slug)).all()).toHaveLength(1);
  });
});
