import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  administration,
  auditEvent,
  caseDecision,
  caseTable,
  decisionBody,
  decisionTemplate,
  delegationHolder,
  delegationPoint,
  municipality,
  roleAssignment,
  staffUser,
} from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { appealText, type Law } from "~/domain/decisions";
import { createCase } from "~/services/cases.server";
import type { StaffUser } from "~/auth/guards.server";
import { getCaseForStaff } from "~/services/backoffice.server";
import { templatesFor, templatesOfArea } from "~/services/decisions.server";
import { effectiveSensitivity } from "~/services/diarium-rules";
import { getAdministrationForArea } from "~/services/municipalities.server";
import { postToCase } from "../helpers/officer-post";
import { viewerFor } from "./people-helper";

/**
 * Decision 099: social-services cases have an area of their own. Every municipality starts with
 * Socialnämnden as the deciding body, förvaltningsbesvär to förvaltningsrätten as the route, a
 * template pair per act (SoL, LSS, bostadsanpassning, färdtjänst) and a delegation point; a social
 * case is decided in that body's name with that route, never from a general template, and an
 * officer of the general area neither decides nor reads it.
 */
const SEED = "s".repeat(43);
let amal = 0;
let n = 0;
let applicant = { personId: 0, personnummerHmac: "" };

/** A staff member's session user with their role rows, as the guards build it. */
function staffNamed(username: string): StaffUser {
  const row = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const roles = db()
    .select()
    .from(roleAssignment)
    .where(eq(roleAssignment.staffUserId, row.id))
    .all()
    .map((r) => ({
      role: r.role,
      municipalityId: r.municipalityId,
      area: r.area,
      administrationId: r.administrationId,
    }));
  return { sessionId: "test", kind: "staff", staffUserId: row.id, name: row.name, roles } as StaffUser;
}

/** A social case of an e-service and its law (decision 106), as the form engine files it. */
function socialCase(formId = "ansokan-lss", law: Law = "lss"): { id: number; reference: string } {
  const a = getAdministrationForArea({ municipalityId: amal, area: "socialtjanst", defaultSlug: "socialtjanst" })!;
  const c = createCase({
    idempotencyKey: `social-decisions-${n++}`,
    municipalityId: amal,
    administrationId: a.id,
    formId,
    formVersion: 2,
    area: "socialtjanst",
    law,
    sensitivity: "secret",
    data: { applicant: { name: "Sara Stödsdotter" } },
    sensitiveData: null,
    applicantPersonId: applicant.personId,
    applicantOrganisationId: null,
    submittedByPersonId: applicant.personId,
    contactEmail: null,
    submitterKey: null,
    language: "sv",
    decisionDays: null,
    diarium: { subject: null, partyKind: "person", partyName: null },
    attachments: { publicIds: [], ownerKey: "x" },
  });
  db().update(caseTable).set({ status: "in_progress" }).where(eq(caseTable.id, c.id)).run();
  return { id: c.id, reference: db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!.reference };
}

const post = (username: string, reference: string, fields: Record<string, string>) =>
  postToCase(SEED, username, reference, fields);

const template = (area: "socialtjanst" | "allmant", nameSv: string) =>
  db()
    .select()
    .from(decisionTemplate)
    .where(
      and(
        eq(decisionTemplate.municipalityId, amal),
        eq(decisionTemplate.area, area),
        eq(decisionTemplate.nameSv, nameSv),
      ),
    )
    .get()!;

beforeAll(() => {
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  applicant = viewerFor("199304152383", "Sara Stödsdotter");
});

describe("the social-services area's body, route and templates per municipality", () => {
  it("every municipality has Socialnämnden with förvaltningsbesvär to förvaltningsrätten, and keeps Kommunstyrelsen for general cases", () => {
    const municipalities = db().select().from(municipality).all();
    expect(municipalities.length).toBeGreaterThanOrEqual(5);
    for (const m of municipalities) {
      const body = (area: "socialtjanst" | "allmant") =>
        db()
          .select()
          .from(decisionBody)
          .where(and(eq(decisionBody.municipalityId, m.id), eq(decisionBody.area, area)))
          .get();
      expect(body("socialtjanst"), m.slug).toMatchObject({
        bodySv: "Socialnämnden",
        bodyEn: "The Social Welfare Committee",
        appealRoute: "sol-forvaltningsratten",
      });
      expect(body("allmant"), m.slug).toMatchObject({ bodySv: "Kommunstyrelsen", appealRoute: "laglighetsprovning" });

      const routes = Object.fromEntries(
        templatesOfArea({ municipalityId: m.id, area: "socialtjanst" }).map((t) => [t.nameSv, [t.law, t.appealRoute]]),
      );
      expect(routes).toEqual({
        "Bistånd beviljas (SoL)": ["sol", null],
        "Bistånd avslås (SoL)": ["sol", null],
        "Insats beviljas (LSS)": ["lss", "lss-forvaltningsratten"],
        "Insats avslås (LSS)": ["lss", "lss-forvaltningsratten"],
        "Bostadsanpassningsbidrag beviljas": ["bab", "bab-forvaltningsratten"],
        "Bostadsanpassningsbidrag avslås": ["bab", "bab-forvaltningsratten"],
        "Färdtjänst beviljas": ["fardtjanst", "fardtjanst-forvaltningsratten"],
        "Färdtjänst avslås": ["fardtjanst", "fardtjanst-forvaltningsratten"],
        "Riksfärdtjänst beviljas": ["riksfardtjanst", "fardtjanst-forvaltningsratten"],
        "Riksfärdtjänst avslås": ["riksfardtjanst", "fardtjanst-forvaltningsratten"],
      });
      // The SoL templates cite the socialtjänstlag in force since 1 July 2025.
      const sol = templatesFor({ municipalityId: m.id, area: "socialtjanst", law: "sol" });
      expect(sol.map((t) => t.textSv).join(" ")).toContain("socialtjänstlagen (2025:400)");

      const point = db()
        .select()
        .from(delegationPoint)
        .where(and(eq(delegationPoint.municipalityId, m.id), eq(delegationPoint.area, "socialtjanst")))
        .get()!;
      expect(point.code).toBe("SN 1.1");
      expect(db().select().from(delegationHolder).where(eq(delegationHolder.pointId, point.id)).all()).toContainEqual(
        expect.objectContaining({ role: "officer" }),
      );
    }
  });

  it("every social route names förvaltningsrätten and its act, in both languages", () => {
    const acts = {
      "sol-forvaltningsratten": ["socialtjänstlagen (2025:400)", "Social Services Act (2025:400)"],
      "lss-forvaltningsratten": ["27 § lagen om stöd och service", "section 27"],
      "bab-forvaltningsratten": ["24 § lagen (2018:222) om bostadsanpassningsbidrag", "section 24"],
      "fardtjanst-forvaltningsratten": ["lagen (1997:736) om färdtjänst", "(1997:735)"],
    } as const;
    for (const [route, [sv, en]] of Object.entries(acts)) {
      const r = route as keyof typeof acts;
      expect(appealText(r, "sv").text).toContain("förvaltningsrätten");
      expect(appealText(r, "sv").text).toContain(sv);
      expect(appealText(r, "sv").text).toContain("till kommunen");
      expect(appealText(r, "en").text).toContain("administrative court");
      expect(appealText(r, "en").text).toContain(en);
      expect(appealText(r, "sv").text).not.toMatch(/länsstyrelsen|laglighetsprövning/);
      // Neither the old socialtjänstlag (2001:453, its 16 kap. 3 §) nor the repealed riksfärdtjänst act.
      for (const lang of ["sv", "en"] as const)
        expect(appealText(r, lang).text).not.toMatch(/2001:453|16 kap|chapter 16|1993:1300/);
    }
    expect(appealText("fardtjanst-forvaltningsratten", "sv").text).toContain("lagen (1997:735) om riksfärdtjänst");
  });

  it("files social cases with the social administration, a housing adaptation grant where its form says, and keeps them secret", () => {
    const social = getAdministrationForArea({
      municipalityId: amal,
      area: "socialtjanst",
      defaultSlug: "socialtjanst",
    });
    expect(social?.slug).toBe("socialtjanst");
    const bab = getAdministrationForArea({
      municipalityId: amal,
      area: "socialtjanst",
      defaultSlug: "samhallsbyggnad",
    });
    expect(bab?.slug).toBe("samhallsbyggnad");
    // No default kind (a designer's form): the administration mapped to the area.
    expect(getAdministrationForArea({ municipalityId: amal, area: "socialtjanst" })?.slug).toBe("socialtjanst");
    for (const administrationSlug of ["socialtjanst", "samhallsbyggnad"])
      expect(effectiveSensitivity({ sensitivity: "public", area: "socialtjanst", administrationSlug })).toBe("secret");
  });
});

describe("a social case is decided by the social body under its delegation point", () => {
  it("an LSS refusal names Socialnämnden and the LSS route; a general template is refused for it", async () => {
    const { id, reference } = socialCase();
    const general = template("allmant", "Ansökan avslås");
    expect(
      await post("handlaggare.amal", reference, {
        intent: "decide",
        templateId: String(general.id),
        outcome: "rejected",
        decisionText: "Kommunstyrelsen avslår ansökan.",
        fee: "",
      }),
    ).toBe(400);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, id)).get()).toBeUndefined();

    const lss = template("socialtjanst", "Insats avslås (LSS)");
    expect(
      await post("handlaggare.amal", reference, {
        intent: "decide",
        templateId: String(lss.id),
        outcome: "rejected",
        decisionText: "Socialnämnden avslår ansökan om insats enligt LSS. Skäl: personkretsen.",
        fee: "",
      }),
    ).toBe(302);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, id)).get()).toMatchObject({
      outcome: "rejected",
      bodyName: "Socialnämnden",
      appealRoute: "lss-forvaltningsratten",
      delegationCode: "SN 1.1",
      templateId: lss.id,
    });
  });

  it("an officer of the general area alone may not decide (nor see) a social case", async () => {
    const { id, reference } = socialCase();
    const staff = db()
      .insert(staffUser)
      .values({ username: "bara.allmant", name: "Bo Allmän", email: "bo@example.se", passwordHash: "x" })
      .returning({ id: staffUser.id })
      .get().id;
    db()
      .insert(roleAssignment)
      .values({ staffUserId: staff, role: "officer", municipalityId: amal, area: "allmant" })
      .run();
    const status = await post("bara.allmant", reference, {
      intent: "decide",
      templateId: String(template("socialtjanst", "Bistånd beviljas (SoL)").id),
      outcome: "approved",
      decisionText: "Bistånd beviljas.",
      fee: "",
    });
    expect([403, 404]).toContain(status);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, id)).get()).toBeUndefined();
    expect(
      db()
        .select()
        .from(administration)
        .where(eq(administration.id, getCaseAdministration(id)))
        .get()?.slug,
    ).toBe("socialtjanst");
  });
});

describe("templates follow the case's law (decision 106)", () => {
  const decideRefusals = (reference: string) =>
    db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "case.decide.refused"), eq(auditEvent.subjectId, reference)))
      .all();

  it("an LSS case is offered only the LSS templates; an SoL template posted by hand is a 400, audited, and nothing is decided", async () => {
    const { id, reference } = socialCase("ansokan-lss", "lss");
    expect(db().select().from(caseTable).where(eq(caseTable.id, id)).get()!.law).toBe("lss");
    const officer = staffNamed("handlaggare.amal");
    const view = getCaseForStaff({ reference, user: officer })!;
    expect(view.templates.map((t) => t.nameSv).sort()).toEqual(["Insats avslås (LSS)", "Insats beviljas (LSS)"]);

    const sol = template("socialtjanst", "Bistånd avslås (SoL)");
    for (const intent of ["decide", "prepare"])
      expect(
        await post("handlaggare.amal", reference, {
          intent,
          templateId: String(sol.id),
          outcome: "rejected",
          decisionText: "Socialnämnden avslår ansökan om bistånd. Skäl: inget behov.",
          fee: "",
        }),
      ).toBe(400);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, id)).get()).toBeUndefined();
    expect(decideRefusals(reference)).toHaveLength(1);
    expect(decideRefusals(reference)[0]!.details).toMatchObject({ error: "templateLaw" });
  });

  it("an SoL case (home help) is offered only the SoL templates, and a riksfärdtjänst case only its own", () => {
    const officer = staffNamed("handlaggare.amal");
    const names = (formId: string, law: Law) =>
      getCaseForStaff({ reference: socialCase(formId, law).reference, user: officer })!
        .templates.map((t) => t.nameSv)
        .sort();
    expect(names("ansokan-hemtjanst", "sol")).toEqual(["Bistånd avslås (SoL)", "Bistånd beviljas (SoL)"]);
    expect(names("ansokan-riksfardtjanst", "riksfardtjanst")).toEqual([
      "Riksfärdtjänst avslås",
      "Riksfärdtjänst beviljas",
    ]);
  });

  it("decided without a template, a case takes its own law's route, not the area's SoL route", async () => {
    const { id, reference } = socialCase("ansokan-bostadsanpassningsbidrag", "bab");
    expect(
      await post("handlaggare.amal", reference, {
        intent: "decide",
        templateId: "",
        outcome: "approved",
        decisionText: "Socialnämnden beviljar bostadsanpassningsbidrag för en ramp.",
        fee: "",
      }),
    ).toBe(302);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, id)).get()?.appealRoute).toBe(
      "bab-forvaltningsratten",
    );
  });
});

function getCaseAdministration(caseId: number): number {
  return db().select().from(caseTable).where(eq(caseTable.id, caseId)).get()!.administrationId;
}
