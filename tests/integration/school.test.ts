import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { childcareUnit, municipality } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import { viewerFor } from "./people-helper";
import { listNotifications } from "~/services/notifications.server";
import {
  getSchoolCase,
  getSchoolCaseForStaff,
  listSchoolApplicationsForStaff,
  parseSchoolApplication,
  signSchoolApplication,
  submitSchoolApplication,
} from "~/services/school.server";

const now = new Date("2026-03-02T10:00:00Z");
let peter = { personId: 0, personnummerHmac: "" };
let lena = { personId: 0, personnummerHmac: "" };
let maria = { personId: 0, personnummerHmac: "" };
let ella = "";
let amal = 0;
let schools: number[] = [];

function apply(key: string) {
  const parsed = parseSchoolApplication({
    child: ella,
    applicationType: "skolbyte",
    school1: String(schools[0]),
    school2: String(schools[1]),
    startDate: "2026-08-17",
    reason: "Närmare hemmet",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return submitSchoolApplication({
    viewer: peter,
    actor: null,
    answers: parsed.value,
    idempotencyKey: key,
    language: "sv",
    now,
  });
}

describe("school applications with co-signing", () => {
  beforeAll(() => {
    prepareDatabase();
    peter = viewerFor("198002079294");
    lena = viewerFor("197901049283");
    maria = viewerFor("199005122388");
    ella = hmacIndex("201609102387");
    amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    schools = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, amal))
      .all()
      .filter((u) => u.kind === "grundskola")
      .map((u) => u.id);
  });

  it("waits for the second guardian, who sees it; the officer sees it only after both signed", async () => {
    const r = await apply("s1");
    expect(r).toMatchObject({ ok: true, awaitingSignatures: true });
    const reference = (r as { reference: string }).reference;
    expect(listSchoolApplicationsForStaff({ municipalityIds: [amal] }).map((c) => c.reference)).not.toContain(
      reference,
    );
    expect(await getSchoolCaseForStaff({ reference, municipalityIds: [amal] })).toBeUndefined();
    expect(listNotifications(lena.personnummerHmac).map((n) => n.kind)).toContain("signature-requested");

    const forLena = (await getSchoolCase({ reference, viewer: lena }))!;
    expect(forLena.canSign).toBe(true);
    expect(forLena.signatures.map((s) => s.decision)).toEqual(["approved", "pending"]);
    expect(await getSchoolCase({ reference, viewer: maria })).toBeUndefined();
    expect(
      await signSchoolApplication({
        reference,
        viewer: maria,
        actor: null,
        decision: "approve",
        expectedHash: forLena.contentHash,
        now,
      }),
    ).toEqual({ ok: false, code: "not-found" });
    expect(
      await signSchoolApplication({
        reference,
        viewer: lena,
        actor: null,
        decision: "approve",
        expectedHash: "0".repeat(64),
        now,
      }),
    ).toEqual({ ok: false, code: "changed" });
    expect(
      await signSchoolApplication({
        reference,
        viewer: lena,
        actor: null,
        decision: "approve",
        expectedHash: forLena.contentHash,
        now,
      }),
    ).toEqual({ ok: true, complete: true });

    const staff = (await getSchoolCaseForStaff({ reference, municipalityIds: [amal] }))!;
    expect(staff.status).toBe("received");
    expect(
      staff.signatures.every((s) => s.decision === "approved" && s.contentHash === staff.contentHash && s.decidedAt),
    ).toBe(true);
    expect(await getSchoolCaseForStaff({ reference, municipalityIds: [amal + 100] })).toBeUndefined();
    expect(
      await signSchoolApplication({
        reference,
        viewer: lena,
        actor: null,
        decision: "decline",
        expectedHash: forLena.contentHash,
        now,
      }),
    ).toEqual({ ok: false, code: "not-pending" });
  });

  it("a decline by the second guardian stops the application", async () => {
    const r = (await apply("s2")) as { reference: string };
    const view = (await getSchoolCase({ reference: r.reference, viewer: lena }))!;
    expect(
      await signSchoolApplication({
        reference: r.reference,
        viewer: lena,
        actor: null,
        decision: "decline",
        expectedHash: view.contentHash,
        now,
      }),
    ).toEqual({ ok: true, complete: false });
    expect((await getSchoolCase({ reference: r.reference, viewer: peter }))!.signatures[1]!.decision).toBe("declined");
    expect(await getSchoolCaseForStaff({ reference: r.reference, municipalityIds: [amal] })).toBeUndefined();
    expect(listNotifications(peter.personnummerHmac).map((n) => n.kind)).toContain("signature-declined");
  });

  it("validates the answers", () => {
    expect(
      parseSchoolApplication({ child: "x", applicationType: "x", school1: "1", school2: "1", startDate: "2026-13-01" }),
    ).toMatchObject({ ok: false, errors: { applicationType: "invalid" } });
    expect(
      parseSchoolApplication({
        child: "x",
        applicationType: "skolbyte",
        school1: "1",
        school2: "1",
        startDate: "2026-08-01",
      }),
    ).toMatchObject({ ok: false, errors: { school2: "duplicate" } });
    expect(parseSchoolApplication({})).toMatchObject({
      ok: false,
      errors: { child: "required", school1: "required", startDate: "required" },
    });
  });
});
