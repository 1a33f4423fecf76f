import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { childcareUnit, municipality } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import { offerPlace, submitChildcareApplication } from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { sendMessageToApplicant } from "~/services/messages.server";
import { viewerFor } from "./people-helper";
import { getMyCase, listMyCases, myPagesOverview, registerExtract, withdrawCase } from "~/services/mypages.server";

const now = new Date("2026-03-02T10:00:00Z");
let johan = { personId: 0, personnummerHmac: "" };
let emma = { personId: 0, personnummerHmac: "" };
let anders = { personId: 0, personnummerHmac: "" };

describe("Mina sidor", () => {
  let reference = "";
  let mellerud = 0;
  beforeAll(async () => {
    prepareDatabase();
    johan = viewerFor("197504049292");
    emma = viewerFor("198603139885");
    anders = viewerFor("198802292394");
    mellerud = db().select().from(municipality).where(eq(municipality.slug, "mellerud")).get()!.id;
    const unit = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, mellerud))
      .all()
      .find((u) => u.kind === "forskola")!;
    const parsed = parseChildcareApplication({
      child: hmacIndex("202405142387"),
      careKind: "forskola",
      unit1: String(unit.id),
      desiredStart: "2026-08-17",
      hoursPerWeek: "35",
      specialNeeds: "Glutenfri kost",
    });
    if (!parsed.ok) throw new Error("bad");
    const r = (await submitChildcareApplication({
      viewer: johan,
      actor: null,
      answers: parsed.value,
      idempotencyKey: "mp1",
      language: "sv",
      now,
    })) as { reference: string };
    reference = r.reference;
  });

  it("both guardians see the case; another household does not", async () => {
    expect(listMyCases(johan).map((c) => c.reference)).toEqual([reference]);
    expect(listMyCases(emma).map((c) => c.reference)).toEqual([reference]);
    expect(listMyCases(anders)).toEqual([]);
    expect(await getMyCase({ reference, viewer: anders })).toBeUndefined();
    expect(await withdrawCase({ reference, viewer: anders, actor: null })).toBe("not-found");
  });

  it("things waiting: an offer to answer and an unread message", async () => {
    const mid = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, mellerud))
      .all()
      .find((u) => u.kind === "forskola")!;
    await sendMessageToApplicant({
      caseId: listMyCases(johan)[0]!.id,
      staffUserId: 3,
      body: "Välkommen",
      now: new Date(now.getTime() + 1000),
    });
    const o = await myPagesOverview({ viewer: emma, now });
    expect(o.waiting).toEqual([{ kind: "messages", reference, count: 1 }]);
    await offerPlace({
      reference,
      municipalityIds: [mellerud],
      unitId: mid.id,
      startDate: "2026-08-17",
      staffUserId: 3,
      actor: null,
      now: new Date(now.getTime() + 2000),
    });
    const after = await myPagesOverview({ viewer: johan, now });
    expect(after.waiting.map((w) => w.kind).sort()).toEqual(["messages", "offer"]);
    const view = (await getMyCase({ reference, viewer: johan, now }))!;
    expect(view.timeline.map((t) => t.kind)).toEqual(["status", "message-out", "status", "status", "offer"]);
    expect(view.canWithdraw).toBe(false); // place_offered cannot be withdrawn; answer the offer instead
  });

  it("the register extract holds the person's cases, decrypted answers and messages, and nothing of other households", async () => {
    const x = await registerExtract({
      viewer: emma,
      person: { givenName: "Emma", familyName: "Andersson", personnummer: "198603139885" },
      accessLog: [],
    });
    expect(x.cases).toHaveLength(1);
    expect(x.cases[0]!.answers).toMatchObject({ specialNeeds: "Glutenfri kost" });
    expect(x.children.map((c) => c.name).sort()).toEqual(["Hugo Andersson", "Liam Andersson", "Wilma Andersson"]);
    expect(x.messages[0]!.body).toBe("Välkommen");
    const other = await registerExtract({
      viewer: anders,
      person: { givenName: "Anders", familyName: "Berg", personnummer: null },
      accessLog: [],
    });
    expect(other.cases).toEqual([]);
    expect(JSON.stringify(other)).not.toContain("Andersson");
  });

  it("the applicant withdraws an undecided case; a co-guardian may not", async () => {
    const unit = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, mellerud))
      .all()
      .find((u) => u.kind === "forskola")!;
    const parsed = parseChildcareApplication({
      child: hmacIndex("202201032394"),
      careKind: "forskola",
      unit1: String(unit.id),
      desiredStart: "2026-08-17",
      hoursPerWeek: "35",
    });
    if (!parsed.ok) throw new Error("bad");
    const r = (await submitChildcareApplication({
      viewer: johan,
      actor: null,
      answers: parsed.value,
      idempotencyKey: "mp2",
      language: "sv",
      now,
    })) as { reference: string };
    expect(await withdrawCase({ reference: r.reference, viewer: emma, actor: null })).toBe("not-allowed");
    expect(await withdrawCase({ reference: r.reference, viewer: johan, actor: null })).toBe("withdrawn");
    expect((await getMyCase({ reference: r.reference, viewer: johan }))!.case.status).toBe("withdrawn");
    expect(await withdrawCase({ reference: r.reference, viewer: johan, actor: null })).toBe("not-allowed");
  });
});
