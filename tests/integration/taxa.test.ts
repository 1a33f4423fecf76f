import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, municipality, permitTaxa } from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { feeFor } from "~/services/building-permits.server";
import { getPermitTaxa, PermitTaxaFormSchema, savePermitTaxa } from "~/services/taxa.server";
import { advanceClockForTests, resetClockForTests } from "~/utils/clock.server";

/** Taxa with validity dates and a restart that keeps what an administrator entered (decision 057). */
const admin = {
  sessionId: "t",
  kind: "staff",
  staffUserId: 999_001,
  name: "admin.portal",
  roles: [{ role: "admin", municipalityId: null, area: null, administrationId: null }],
} as unknown as StaffUser;

const mid = (slug: string) =>
  db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get()!.id;

const form = (values: Record<string, string>) => {
  const parsed = PermitTaxaFormSchema.safeParse(values);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

beforeAll(() => {
  prepareDatabase();
});
afterEach(() => resetClockForTests());

describe("taxa with validity dates", () => {
  it("a fee uses the taxa valid on the day: next year's figures entered in advance apply from their first day", () => {
    const amal = mid("amal");
    const current = getPermitTaxa({ municipalityId: amal, on: "2026-06-01" })!;
    savePermitTaxa({
      actor: admin,
      scope: null,
      value: form({
        municipalityId: String(amal),
        validFrom: "2027-01-01",
        prisbasbelopp: "60000",
        municipalityFactor: "1,2",
        neighbourConsultation: "20",
      }),
    });
    expect(getPermitTaxa({ municipalityId: amal, on: "2026-12-31" })!.prisbasbelopp).toBe(current.prisbasbelopp);
    const next = getPermitTaxa({ municipalityId: amal, on: "2027-01-01" })!;
    expect(next).toMatchObject({ prisbasbelopp: 60000, municipalityFactor: 1.2, example: false, year: 2027 });
    // The structure (objektsfaktorer, HF per measure) is carried over from the row it follows.
    expect(next.objectFactors).toEqual(current.objectFactors);

    const draft = {
      propertyDesignation: "",
      measureType: "nybyggnad" as const,
      description: "",
      buildingArea: "120",
      grossFloorArea: "",
      kaName: "",
      kaCertification: "",
    };
    const prop = { municipalityId: amal, detaljplan: true } as Parameters<typeof feeFor>[1];
    const today = feeFor(draft, prop)!;
    const msTo2027 = Date.parse("2027-01-01T12:00:00Z") - Date.now();
    advanceClockForTests(msTo2027);
    const nextYear = feeFor(draft, prop)!;
    expect(today.example).toBe(true);
    expect(nextYear.example).toBe(false);
    expect(nextYear.total).toBeGreaterThan(today.total);
  });

  it("a municipal admin cannot set another municipality's taxa: nothing is written", () => {
    const amal = mid("amal");
    const before = db().select().from(permitTaxa).where(eq(permitTaxa.municipalityId, amal)).all();
    const result = savePermitTaxa({
      actor: admin,
      scope: [mid("mellerud")],
      value: form({
        municipalityId: String(amal),
        validFrom: "2028-01-01",
        prisbasbelopp: "1",
        municipalityFactor: "1",
        neighbourConsultation: "1",
      }),
    });
    expect(result).toBe("outOfScope");
    expect(db().select().from(permitTaxa).where(eq(permitTaxa.municipalityId, amal)).all()).toEqual(before);
  });

  it("refuses an impossible date or a non-number with field codes, not an exception", () => {
    const bad = PermitTaxaFormSchema.safeParse({
      municipalityId: "1",
      validFrom: "2026-02-30",
      prisbasbelopp: "många",
      municipalityFactor: "",
      neighbourConsultation: "20",
    });
    expect(bad.success).toBe(false);
    const codes = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(codes).toEqual({ validFrom: "dateFormat", prisbasbelopp: "number", municipalityFactor: "required" });
  });

  it("a restart (prepareDatabase again) keeps an edited taxa and an edited municipality contact", () => {
    const dalsEd = mid("dals-ed");
    savePermitTaxa({
      actor: admin,
      scope: null,
      value: form({
        municipalityId: String(dalsEd),
        validFrom: "2000-01-01",
        prisbasbelopp: "58800",
        municipalityFactor: "0.8",
        neighbourConsultation: "18",
      }),
    });
    db().update(municipality).set({ phone: "0534-190 00" }).where(eq(municipality.id, dalsEd)).run();

    prepareDatabase();

    const rows = db().select().from(permitTaxa).where(eq(permitTaxa.municipalityId, dalsEd)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.example).toBe(false);
    expect(getPermitTaxa({ municipalityId: dalsEd, on: "2026-06-01" })).toMatchObject({
      prisbasbelopp: 58800,
      municipalityFactor: 0.8,
    });
    expect(db().select().from(municipality).where(eq(municipality.id, dalsEd)).get()!.phone).toBe("0534-190 00");
  });

  it("every taxa change is audited with the figures before and after", () => {
    const dalsEd = mid("dals-ed");
    const event = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "taxa.permit.updated"), eq(auditEvent.municipalityId, dalsEd)))
      .orderBy(desc(auditEvent.id))
      .get()!;
    const details = event.details as { before: { prisbasbelopp: number }; after: object };
    expect(details.after).toMatchObject({ prisbasbelopp: 58800 });
    expect(details.before.prisbasbelopp).not.toBe(58800);
  });
});
