import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { childcareUnit, municipality } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import {
  answerOffer,
  childrenForApplication,
  getChildcareCase,
  getChildcareCaseForStaff,
  householdFee,
  lapseDueOffers,
  offerPlace,
  reportIncome,
  submitChildcareApplication,
  terminatePlacement,
} from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { viewerFor } from "./people-helper";
import { listNotifications } from "~/services/notifications.server";

let SARA = { personId: 0, personnummerHmac: "" };
let ERIK = { personId: 0, personnummerHmac: "" };
let MARIA = { personId: 0, personnummerHmac: "" };
let ELSA = "";
let bengtsfors = 0;
let amal = 0;
const units: number[] = [];

function answers(extra: Record<string, string> = {}) {
  const parsed = parseChildcareApplication({
    child: ELSA,
    careKind: "forskola",
    unit1: String(units[0]),
    unit2: String(units[1]),
    unit3: String(units[2]),
    desiredStart: "2026-09-01",
    hoursPerWeek: "40",
    specialNeeds: "Allergisk mot nötter, bär adrenalinpenna",
    monthlyIncome: "45100",
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe("childcare: apply, offer, accept, fee, terminate", () => {
  beforeAll(() => {
    prepareDatabase();
    SARA = viewerFor("198412179288");
    ERIK = viewerFor("198203249274");
    MARIA = viewerFor("199005122388");
    ELSA = hmacIndex("202201022387");
    bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
    amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    units.push(
      ...db()
        .select()
        .from(childcareUnit)
        .where(eq(childcareUnit.municipalityId, bengtsfors))
        .all()
        .filter((u) => u.kind === "forskola")
        .map((u) => u.id),
    );
  });

  it("a guardian sees only the children in their custody, with the register as source", async () => {
    expect((await childrenForApplication(SARA)).map((c) => c.givenName).sort()).toEqual(["Elsa", "Olle"]);
    expect((await childrenForApplication(SARA))[0]!.source).toBe("folkbokforingen-testregister");
    expect((await childrenForApplication(MARIA)).map((c) => c.givenName)).toEqual(["Alva"]);
  });

  it("a guardian cannot apply for another household's child", async () => {
    const r = await submitChildcareApplication({
      viewer: MARIA,
      actor: null,
      answers: answers(),
      idempotencyKey: "x1",
      language: "sv",
      now: new Date("2026-03-02T10:00:00Z"),
    });
    expect(r).toEqual({ ok: false, errors: { child: "notYours" } });
  });

  it("the whole journey, with the other guardian informed and queue positions per unit", async () => {
    const now = new Date("2026-03-02T10:00:00Z");
    const r = await submitChildcareApplication({
      viewer: SARA,
      actor: null,
      answers: answers(),
      idempotencyKey: "k1",
      language: "sv",
      now,
    });
    expect(r.ok).toBe(true);
    const reference = (r as { reference: string }).reference;
    expect(reference).toMatch(/^BEN-2026-\d{6}$/);
    expect(listNotifications(ERIK.personnummerHmac).map((n) => n.kind)).toContain("co-guardian-informed");

    const seen = (await getChildcareCase({ reference, viewer: SARA, now }))!;
    expect(seen.childName).toBe("Elsa Lindqvist");
    expect(seen.queue.map((q) => q.position)).toEqual([1, 1, 1]);
    expect(seen.guaranteeDate).toBe("2026-09-01");
    expect(seen.specialNeeds).toContain("nötter");
    expect(await getChildcareCase({ reference, viewer: ERIK, now })).toBeDefined();
    expect(await getChildcareCase({ reference, viewer: MARIA, now })).toBeUndefined();

    // An officer in Åmål cannot see or offer; one in Bengtsfors can.
    expect(await getChildcareCaseForStaff({ reference, municipalityIds: [amal], now })).toBeUndefined();
    expect(
      await offerPlace({
        reference,
        municipalityIds: [amal],
        unitId: units[0]!,
        startDate: "2026-09-01",
        staffUserId: 1,
        actor: null,
        now,
      }),
    ).toEqual({ ok: false, notFound: true });
    expect(
      await offerPlace({
        reference,
        municipalityIds: [bengtsfors],
        unitId: units[1]!,
        startDate: "2026-09-01",
        staffUserId: 1,
        actor: null,
        now,
      }),
    ).toEqual({ ok: true });
    expect(listNotifications(SARA.personnummerHmac).map((n) => n.kind)).toContain("offer");

    const offered = (await getChildcareCase({ reference, viewer: SARA, now }))!;
    expect(offered.offers[0]).toMatchObject({ status: "pending" });
    expect(
      await answerOffer({
        reference,
        offerId: offered.offers[0]!.id,
        answer: "accept",
        viewer: MARIA,
        actor: null,
        now,
      }),
    ).toBe("not-found");
    expect(
      await answerOffer({
        reference,
        offerId: offered.offers[0]!.id,
        answer: "accept",
        viewer: SARA,
        actor: null,
        now,
      }),
    ).toBe("accepted");
    expect(
      await answerOffer({
        reference,
        offerId: offered.offers[0]!.id,
        answer: "decline",
        viewer: ERIK,
        actor: null,
        now,
      }),
    ).toBe("not-pending");

    const placed = (await getChildcareCase({ reference, viewer: SARA, now }))!;
    expect(placed.placement).toMatchObject({ status: "active", startDate: "2026-09-01" });
    // Elsa (born 2022) is in allmän förskola age: 3 % of 45 100 = 1 353, less 25 % = 1 014.
    const fee = (await householdFee({ viewer: SARA, now }))!;
    expect(fee.children[0]).toMatchObject({ name: "Elsa Lindqvist", fullFee: 1_353, fee: 1_014 });
    expect(
      await reportIncome({ viewer: SARA, actor: null, monthlyIncome: 70_000, now: new Date("2026-03-03T10:00:00Z") }),
    ).toBe(true);
    expect((await householdFee({ viewer: ERIK, now: new Date("2026-03-03T10:00:00Z") }))!.children[0]).toMatchObject({
      fullFee: 1_776,
    });

    const t = await terminatePlacement({ reference, desiredLastDay: "2026-03-31", viewer: SARA, actor: null, now });
    expect(t).toEqual({ ok: true, lastDay: "2026-05-01" });

    // A new place during the notice period: the child is counted once for the fee.
    const again = (await submitChildcareApplication({
      viewer: SARA,
      actor: null,
      answers: answers(),
      idempotencyKey: "k1b",
      language: "sv",
      now,
    })) as { reference: string };
    await offerPlace({
      reference: again.reference,
      municipalityIds: [bengtsfors],
      unitId: units[0]!,
      startDate: "2026-09-01",
      staffUserId: 1,
      actor: null,
      now,
    });
    const offer2 = (await getChildcareCase({ reference: again.reference, viewer: SARA, now }))!.offers[0]!;
    expect(
      await answerOffer({
        reference: again.reference,
        offerId: offer2.id,
        answer: "accept",
        viewer: SARA,
        actor: null,
        now,
      }),
    ).toBe("accepted");
    expect(
      (await householdFee({ viewer: SARA, now: new Date("2026-03-03T10:00:00Z") }))!.children.map((c) => c.name),
    ).toEqual(["Elsa Lindqvist"]);
  });

  it("an unanswered offer lapses after its deadline", async () => {
    const now = new Date("2026-03-02T10:00:00Z");
    const r = (await submitChildcareApplication({
      viewer: ERIK,
      actor: null,
      answers: answers({ desiredStart: "2026-10-01" }),
      idempotencyKey: "k2",
      language: "sv",
      now,
    })) as { reference: string };
    await offerPlace({
      reference: r.reference,
      municipalityIds: [bengtsfors],
      unitId: units[0]!,
      startDate: "2026-10-01",
      staffUserId: 1,
      actor: null,
      now,
    });
    expect(await lapseDueOffers(new Date("2026-03-16T22:00:00Z"))).toBe(0);
    expect(await lapseDueOffers(new Date("2026-03-16T23:00:01Z"))).toBe(1);
    const c = (await getChildcareCase({
      reference: r.reference,
      viewer: ERIK,
      now: new Date("2026-03-17T10:00:00Z"),
    }))!;
    expect(c.offers[0]!.status).toBe("lapsed");
    expect(listNotifications(ERIK.personnummerHmac).map((n) => n.kind)).toContain("offer-lapsed");
  });

  it("special needs and income are not in the database file in plain text", () => {
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    const file = readFileSync(process.env.DATABASE_PATH!);
    expect(file.includes(Buffer.from("adrenalinpenna"))).toBe(false);
    // 45100, not a round figure: the e-service documents in the file hold round amounts of their own.
    expect(file.includes(Buffer.from("45100"))).toBe(false);
  });

  it("field errors: missing unit, duplicate units, date before the child turns one", () => {
    expect(
      parseChildcareApplication({ child: "x", careKind: "forskola", desiredStart: "2026-09-01", hoursPerWeek: "40" }),
    ).toMatchObject({ ok: false, errors: { unit1: "required" } });
    expect(
      parseChildcareApplication({
        child: "x",
        careKind: "forskola",
        unit1: "1",
        unit2: "1",
        desiredStart: "2026-09-01",
        hoursPerWeek: "40",
      }),
    ).toMatchObject({ ok: false, errors: { unit2: "duplicate" } });
    expect(
      parseChildcareApplication({
        child: "x",
        careKind: "fritidshem",
        unit1: "1",
        desiredStart: "2026-09-01",
        hoursPerWeek: "99",
      }),
    ).toMatchObject({ ok: false, errors: { hoursPerWeek: "range" } });
    expect(
      parseChildcareApplication({
        child: "x",
        careKind: "bogus",
        unit1: "1",
        desiredStart: "x",
        hoursPerWeek: "9",
        contactEmail: "nope",
      }),
    ).toMatchObject({ ok: false, errors: { careKind: "required", desiredStart: "invalid", contactEmail: "invalid" } });
  });
});
