import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, childcareFeeConfig, municipality } from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { maxtaxaFor } from "~/services/childcare.server";
import { MaxtaxaFormSchema, parseMaxtaxaForm, saveMaxtaxa } from "~/services/taxa.server";

/** The maxtaxa per year entered by a portal-wide administrator (decisions 022 and 060). */
const staff = (roles: object[]) =>
  ({ sessionId: "t", kind: "staff", staffUserId: 999_003, name: "t", roles }) as unknown as StaffUser;
const portalAdmin = staff([{ role: "admin", municipalityId: null, area: null, administrationId: null }]);

const value = (v: Record<string, string>) => MaxtaxaFormSchema.parse(v);

beforeAll(() => {
  prepareDatabase();
});

describe("maxtaxa administration", () => {
  it("next year's inkomsttak entered in advance gives that year's ceilings; this year's stay", () => {
    const before2026 = maxtaxaFor(2026);
    expect(
      saveMaxtaxa({
        actor: portalAdmin,
        value: value({ year: "2027", incomeCapPerMonth: "60 000", source: "Skolverket: maxtaxa 2027" }),
      }),
    ).toBe("saved");
    const y2027 = maxtaxaFor(2027);
    expect(y2027.incomeCapPerMonth).toBe(60000);
    expect(y2027.forskola.map((s) => s.maxFee)).toEqual([1800, 1200, 600]);
    expect(y2027.fritidshem.map((s) => s.maxFee)).toEqual([1200, 600, 600]);
    expect(y2027.allmanForskola).toEqual(before2026.allmanForskola);
    expect(maxtaxaFor(2026)).toEqual(before2026);
    const event = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "taxa.maxtaxa.created"), eq(auditEvent.subjectId, "2027")))
      .orderBy(desc(auditEvent.id))
      .get()!;
    expect(event.details).toMatchObject({ before: null, after: { incomeCapPerMonth: 60000 } });
  });

  it("a municipal admin cannot set the national maxtaxa: nothing is written", () => {
    const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    const municipalAdmin = staff([{ role: "admin", municipalityId: amal, area: null, administrationId: null }]);
    const result = saveMaxtaxa({
      actor: municipalAdmin,
      value: value({ year: "2028", incomeCapPerMonth: "99999", source: "x" }),
    });
    expect(result).toBe("forbidden");
    expect(db().select().from(childcareFeeConfig).where(eq(childcareFeeConfig.year, 2028)).get()).toBeUndefined();
  });

  it("a corrected 2026 survives a restart: the seed inserts the built-in year only when absent", () => {
    saveMaxtaxa({
      actor: portalAdmin,
      value: value({ year: "2026", incomeCapPerMonth: "59300", source: "Rättat" }),
    });
    prepareDatabase();
    expect(maxtaxaFor(2026).incomeCapPerMonth).toBe(59300);
    expect(db().select().from(childcareFeeConfig).where(eq(childcareFeeConfig.year, 2026)).get()!.source).toBe(
      "Rättat",
    );
  });

  it("a bad year or cap is a field error", () => {
    const form = new FormData();
    form.set("year", "27");
    form.set("incomeCapPerMonth", "5");
    form.set("source", "");
    const parsed = parseMaxtaxaForm(form);
    expect(parsed.ok ? null : parsed.errors).toEqual({
      year: "admin-catalogue:maxtaxa.errors.year",
      incomeCapPerMonth: "admin-catalogue:maxtaxa.errors.incomeCap",
      source: "admin-catalogue:maxtaxa.errors.required",
    });
  });
});
