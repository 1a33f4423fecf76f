import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  caseParty,
  caseTable,
  childcareApplication,
  childcarePreference,
  childcareUnit,
  municipality,
  schoolSignature,
} from "../../db/schema/index";
import { hookedDefinition } from "../../forms/test-support";
import type { ChoiceField, FormValues } from "../../forms/types";
import type { ResidentUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import { computeValues, resolveFieldHooks, submitHandlerFor } from "~/services/form-hooks.server";
import { getFormDefinition } from "~/services/forms.server";
import { listNotifications } from "~/services/notifications.server";
import { viewerFor } from "./people-helper";

let SARA: ResidentUser;
let MARIA: ResidentUser;
let ERIK_HMAC = "";
const ELSA = hmacIndex("202201022387");
let units: { id: number; name: string }[] = [];

const asUser = (v: { personId: number }) => ({ kind: "resident", personId: v.personId }) as unknown as ResidentUser;
const choice = (def: ReturnType<typeof hookedDefinition>, name: string) =>
  def.steps.flatMap((s) => s.fields).find((f) => f.name === name) as ChoiceField;

/** Sends the answers through the definition's submit handler, as the check page does. */
function send(user: ResidentUser, idempotencyKey: string, extra: FormValues = {}, lang: "sv" | "en" = "sv") {
  const def = hookedDefinition();
  return submitHandlerFor(def)!({
    def,
    answers: answers(extra),
    user,
    lang,
    idempotencyKey,
    now: new Date("2026-03-02T10:00:00Z"),
  });
}

function answers(extra: FormValues = {}): FormValues {
  return {
    child: ELSA,
    careKind: "forskola",
    municipality: "bengtsfors",
    unit1: String(units[0]!.id),
    unit2: String(units[1]!.id),
    desiredStart: "2026-09-01",
    hoursPerWeek: 40,
    monthlyIncome: 45100,
    ...extra,
  };
}

describe("the engine's named hooks, childcare's behind each name (decision 087)", () => {
  beforeAll(() => {
    prepareDatabase();
    SARA = asUser(viewerFor("198412179288"));
    MARIA = asUser(viewerFor("199005122388"));
    ERIK_HMAC = viewerFor("198203249274").personnummerHmac;
    const bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
    units = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, bengtsfors))
      .all()
      .filter((u) => u.kind === "forskola" && u.closedAt === null)
      .sort((a, b) => a.name.localeCompare(b.name, "sv"))
      .map((u) => ({ id: u.id, name: u.name }));
  });

  it("lookup: the children come from the register for the logged-in guardian only", async () => {
    const mine = await resolveFieldHooks(hookedDefinition(), { answers: {}, user: SARA, lang: "sv" });
    expect(
      choice(mine.def, "child")
        .options.map((o) => o.label?.split(" ")[0])
        .sort(),
    ).toEqual(["Elsa", "Olle"]);
    expect(choice(mine.def, "child").options.map((o) => o.value)).toContain(ELSA);
    const theirs = await resolveFieldHooks(hookedDefinition(), { answers: {}, user: MARIA, lang: "sv" });
    expect(choice(theirs.def, "child").options.map((o) => o.value)).not.toContain(ELSA);
    const nobody = await resolveFieldHooks(hookedDefinition(), { answers: {}, user: null, lang: "sv" });
    expect(choice(nobody.def, "child").options).toEqual([]);
    expect(mine.unavailable).toEqual([]);
  });

  it("options: the open units of the chosen municipality and kind, none before both are chosen", async () => {
    const chosen = await resolveFieldHooks(hookedDefinition(), { answers: answers(), user: SARA, lang: "sv" });
    expect(units.length).toBeGreaterThan(1);
    expect(choice(chosen.def, "unit1").options.map((o) => Number(o.value))).toEqual(units.map((u) => u.id));
    expect(choice(chosen.def, "unit2").options[0]!.label).toContain(units[0]!.name);
    const early = await resolveFieldHooks(hookedDefinition(), {
      answers: { careKind: "forskola" },
      user: SARA,
      lang: "sv",
    });
    expect(choice(early.def, "unit1").options).toEqual([]);
    const fritids = await resolveFieldHooks(hookedDefinition(), {
      answers: answers({ careKind: "fritidshem" }),
      user: SARA,
      lang: "sv",
    });
    expect(choice(fritids.def, "unit1").options.map((o) => Number(o.value))).not.toContain(units[0]!.id);
  });

  it("computed: the maxtaxa fee for these answers, lower with a lower income", async () => {
    const [fee] = await computeValues(hookedDefinition(), { answers: answers(), user: SARA, lang: "sv" });
    expect(fee).toMatchObject({ name: "fee", labelKey: "forms.hooked.computed.fee.label" });
    expect(fee!.value.value).toBeGreaterThan(0);
    expect(fee!.value.text).toMatch(/kr$/);
    const [low] = await computeValues(hookedDefinition(), {
      answers: answers({ monthlyIncome: 10000 }),
      user: SARA,
      lang: "sv",
    });
    expect(Number(low!.value.value)).toBeLessThan(Number(fee!.value.value));
    expect(
      await computeValues(hookedDefinition(), { answers: { careKind: "forskola" }, user: SARA, lang: "sv" }),
    ).toEqual([]);
  });

  it("submit: the childcare handler files the same case rows and notifications as the childcare service", async () => {
    const r = await send(SARA, "hook-1");
    expect(r.ok).toBe(true);
    const reference = (r as { reference: string }).reference;
    const row = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    expect(row).toMatchObject({ area: "barnomsorg", formId: "forskola-ansokan" });
    const app = db().select().from(childcareApplication).where(eq(childcareApplication.caseId, row.id)).get()!;
    expect(app).toMatchObject({ childHmac: ELSA, careKind: "forskola", desiredStart: "2026-09-01", hoursPerWeek: 40 });
    const prefs = db().select().from(childcarePreference).where(eq(childcarePreference.caseId, row.id)).all();
    expect(prefs.sort((a, b) => a.rank - b.rank).map((p) => p.unitId)).toEqual([units[0]!.id, units[1]!.id]);
    const parties = db().select().from(caseParty).where(eq(caseParty.caseId, row.id)).all();
    expect(parties.map((p) => p.role).sort()).toEqual(["applicant", "co-guardian"]);
    expect(
      listNotifications(ERIK_HMAC)
        .filter((n) => n.caseId === row.id)
        .map((n) => n.kind),
    ).toContain("co-guardian-informed");
    // The same key again is the same case (a double click), not a second one.
    const again = await send(SARA, "hook-1");
    expect(again).toEqual({ ok: true, reference });
  });

  it("submit: refusals carry the childcare service's own messages", async () => {
    const notYours = await send(MARIA, "hook-2");
    expect(notYours.ok).toBe(false);
    const same = await send(SARA, "hook-3", { unit2: String(units[0]!.id) }, "en");
    expect(same.ok).toBe(false);
    // The texts the childcare route showed (childcare:apply.errors.<field>.<code>), in the applicant's language.
    expect((same as { messages: string[] }).messages).toEqual(["Choose different units"]);
    expect((notYours as { messages: string[] }).messages).toEqual(["Välj ett barn i din vårdnad"]);
  });
});

describe("school choice's hooks on the seed e-service (decision 090)", () => {
  const PETER = () => asUser(viewerFor("198002079294"));
  const LENA_HMAC = hmacIndex("197901049283");
  const ELLA = hmacIndex("201609102387");
  const school = () => getFormDefinition("skolval-ansokan")!;
  let amalSchools: number[] = [];

  beforeAll(() => {
    prepareDatabase();
    const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    amalSchools = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, amal))
      .all()
      .filter((u) => u.kind === "grundskola" && u.closedAt === null)
      .map((u) => u.id);
  });

  function sendSchool(
    user: ResidentUser,
    key: string,
    extra: FormValues = {},
    def = school(),
    lang: "sv" | "en" = "sv",
  ) {
    return submitHandlerFor(def)!({
      def,
      answers: {
        child: ELLA,
        applicationType: "skolbyte",
        school1: String(amalSchools[0]),
        startDate: "2026-08-17",
        ...extra,
      },
      user,
      lang,
      idempotencyKey: key,
      now: new Date("2026-03-02T10:00:00Z"),
    });
  }

  it("options: every open compulsory school, named with its town and municipality", async () => {
    const { def } = await resolveFieldHooks(school(), { answers: {}, user: PETER(), lang: "sv" });
    const open = db()
      .select()
      .from(childcareUnit)
      .all()
      .filter((u) => u.kind === "grundskola" && u.closedAt === null);
    expect(amalSchools.length).toBeGreaterThan(1);
    const options = choice(def as never, "school1").options;
    expect(options.map((o) => Number(o.value)).sort((a, b) => a - b)).toEqual(
      open.map((u) => u.id).sort((a, b) => a - b),
    );
    expect(options.map((o) => o.label)).toContain("Kristinelundskolan F–6, Åmål (Åmål)");
    expect(choice(def as never, "school2").options).toEqual(options);
    expect(choice(def as never, "child").options.map((o) => o.value)).toContain(ELLA);
  });

  it("submit: the case waits for the applicant's and the co-guardian's e-ID signatures", async () => {
    const r = await sendSchool(PETER(), "school-hook-1");
    expect(r.ok).toBe(true);
    const reference = (r as { reference: string }).reference;
    const row = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    expect(row).toMatchObject({
      area: "skola",
      formId: "skolval-ansokan",
      formVersion: school().version,
      status: "awaiting_signatures",
    });
    const sigs = db().select().from(schoolSignature).where(eq(schoolSignature.caseId, row.id)).all();
    expect(sigs.map((s) => s.decision)).toEqual(["pending", "pending"]);
    expect(sigs.map((s) => s.guardianHmac)).toContain(LENA_HMAC);
    expect(
      listNotifications(LENA_HMAC)
        .filter((n) => n.caseId === row.id)
        .map((n) => n.kind),
    ).toContain("signature-requested");
    expect(await sendSchool(PETER(), "school-hook-1")).toEqual({ ok: true, reference });
  });

  it("submit: without co-guardians among the signatures, only the applicant signs", async () => {
    const def = { ...school(), signatures: [] };
    const r = await sendSchool(PETER(), "school-hook-2", { startDate: "2026-08-18" }, def);
    const row = db()
      .select()
      .from(caseTable)
      .where(eq(caseTable.reference, (r as { reference: string }).reference))
      .get()!;
    const sigs = db().select().from(schoolSignature).where(eq(schoolSignature.caseId, row.id)).all();
    expect(sigs.map((s) => s.guardianHmac)).not.toContain(LENA_HMAC);
    expect(sigs).toHaveLength(1);
  });

  it("submit: refusals carry the school service's own messages, in the applicant's language", async () => {
    const same = await sendSchool(PETER(), "school-hook-3", { school2: String(amalSchools[0]) }, school(), "en");
    expect(same).toEqual({ ok: false, messages: ["Choose two different schools"] });
    const past = await sendSchool(PETER(), "school-hook-4", { startDate: "2026-01-01" });
    expect(past).toEqual({ ok: false, messages: ["Startdatumet kan inte ha passerat"] });
    const notYours = await sendSchool(asUser(viewerFor("199005122388")), "school-hook-5");
    expect(notYours).toEqual({ ok: false, messages: ["Välj ett barn i din vårdnad"] });
  });
});
