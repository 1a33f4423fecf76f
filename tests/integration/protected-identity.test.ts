import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  administration,
  caseTable,
  childcareUnit,
  diariumEntry,
  municipality,
  organisation,
  person,
  staffUser,
} from "../../db/schema/index";
import { getFormDefinition, formDefinitions } from "../../forms/definitions/index";
import type { Field } from "../../forms/types";
import type { StaffUser as IdentityStaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { listAuditEvents } from "~/platform/audit.server";
import { getCaseForStaff, listQueue, parseQueueFilters } from "~/services/backoffice.server";
import { buildCaseExport } from "~/services/case-export.server";
import { caseAnswers, createCase } from "~/services/cases.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import {
  getChildcareCaseForStaff,
  listChildcareQueueForStaff,
  submitChildcareApplication,
} from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { searchDiarium } from "~/services/diarium.server";
import { getReceipt } from "~/services/forms.server";
import { accessLogFor, getMyCase, listMyCases, registerExtract } from "~/services/mypages.server";
import { listNotifications } from "~/services/notifications.server";
import { findOrCreatePersonAtLogin, registerMarksProtected } from "~/services/people.server";
import { householdOf, isProtectedIdentity, registerPerson } from "~/services/population.server";
import { auditIfProtected, PROTECTED_READ_ACTION } from "~/services/protected-identity.server";
import {
  getSchoolCase,
  getSchoolCaseForStaff,
  parseSchoolApplication,
  signSchoolApplication,
  submitSchoolApplication,
} from "~/services/school.server";
import { auditStaffCaseRead } from "~/services/staff-area.server";
import { viewerFor } from "./people-helper";

/*
 * Skyddade personuppgifter end to end at service level (docs/decisions/046). In the example
 * register Karin Berg and her daughter Maja (Färgelanda) have sekretessmarkering; Anders Berg is
 * Maja's other guardian and, with Karin, firmatecknare of Bergs Snickeri & Bygg HB.
 */
const KARIN = "198901012388";
const ANDERS = "198802292394";
const MAJA = "202502112382";
const JOHAN = "197504049292"; // Mellerud, nobody protected: the control
const HOME = "Smedjevägen"; // the Bergs' registered street
const now = new Date("2026-03-02T10:00:00Z");

let karin = { personId: 0, personnummerHmac: "" };
let anders = { personId: 0, personnummerHmac: "" };
let fargelanda = 0;
let samhallsbyggnad = 0;
let bergsSnickeri = 0;
let officer: IdentityStaffUser;
let schoolOfficer: IdentityStaffUser;

function parkingCase(input: {
  key: string;
  applicantPersonId: number;
  submittedByPersonId?: number;
  organisationId?: number | null;
}) {
  return createCase({
    idempotencyKey: input.key,
    municipalityId: fargelanda,
    administrationId: samhallsbyggnad,
    formId: "parkeringstillstand-rorelsehindrade",
    formVersion: 1,
    area: "allmant",
    sensitivity: "public",
    data: {
      applicantName: "Sökande",
      applicantAddress: { street: `${HOME} 8`, postalCode: "458 30", town: "Färgelanda" },
      phone: "0528-12345",
      permitFor: "forare",
    },
    sensitiveData: { applicantPersonnummer: KARIN },
    applicantPersonId: input.organisationId ? null : input.applicantPersonId,
    applicantOrganisationId: input.organisationId ?? null,
    submittedByPersonId: input.submittedByPersonId ?? input.applicantPersonId,
    contactEmail: null,
    submitterKey: null,
    language: "sv",
    decisionDays: 30,
    diarium: {
      subject: `${HOME} 8, parkeringstillstånd`,
      partyKind: input.organisationId ? "organisation" : "person",
      partyName: input.organisationId ? "Bergs Snickeri & Bygg HB" : "Karin Berg",
    },
    attachments: { publicIds: [], ownerKey: "none" },
    now,
  });
}

const caseRow = (reference: string) => db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;

describe("protected identities (skyddade personuppgifter)", () => {
  beforeAll(() => {
    prepareDatabase();
    karin = viewerFor(KARIN, "Karin Berg");
    anders = viewerFor(ANDERS, "Anders Berg");
    fargelanda = db().select().from(municipality).where(eq(municipality.slug, "fargelanda")).get()!.id;
    samhallsbyggnad = db()
      .select()
      .from(administration)
      .where(and(eq(administration.municipalityId, fargelanda), eq(administration.slug, "samhallsbyggnad")))
      .get()!.id;
    bergsSnickeri = db().select().from(organisation).where(eq(organisation.orgNumber, "969782-4408")).get()!.id;
    const officerRow = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.fargelanda")).get()!;
    const session = {
      sessionId: "test",
      kind: "staff",
      staffUserId: officerRow.id,
      name: officerRow.name,
      roles: [
        { role: "officer", municipalityId: fargelanda, area: "allmant", administrationId: null },
        { role: "officer", municipalityId: fargelanda, area: "barnomsorg", administrationId: null },
        { role: "officer", municipalityId: fargelanda, area: "skola", administrationId: null },
      ],
    } as IdentityStaffUser;
    schoolOfficer = session;
    officer = session;
  });

  describe("the marker comes from the population register", () => {
    it("the register marks Karin and Maja, not Anders; the household's address is withheld", async () => {
      expect(await isProtectedIdentity(hmacIndex(KARIN), "case-handling")).toBe(true);
      expect(await isProtectedIdentity(hmacIndex(MAJA), "case-handling")).toBe(true);
      expect(await isProtectedIdentity(hmacIndex(ANDERS), "case-handling")).toBe(false);
      expect((await registerPerson(hmacIndex(KARIN), "case-handling"))?.protectedIdentity).toBe("sekretessmarkering");
      expect((await householdOf(hmacIndex(ANDERS), "mypages"))?.address).toBeNull();
      expect((await householdOf(hmacIndex(JOHAN), "mypages"))?.address?.street).toBe("Tallvägen 14");
    });

    it("a login stores the register's marker on the person row", async () => {
      findOrCreatePersonAtLogin({
        personnummer: KARIN,
        givenName: "Karin",
        familyName: "Berg",
        protectedIdentity: await registerMarksProtected(KARIN),
      });
      const rows = db().select({ hmac: person.personnummerHmac, marked: person.protectedIdentity }).from(person).all();
      expect(rows.find((r) => r.hmac === hmacIndex(KARIN))?.marked).toBe(true);
      expect(rows.find((r) => r.hmac === hmacIndex(ANDERS))?.marked).toBe(false);
    });
  });

  describe("no address is shown or exported", () => {
    it("Mina sidor's register extract has no address for anyone in a protected household, and keeps it for others", async () => {
      for (const v of [karin, anders]) {
        const x = await registerExtract({
          viewer: v,
          person: { givenName: "X", familyName: "Berg", personnummer: null },
          accessLog: [],
        });
        expect(x.household?.address).toBeNull();
        expect(JSON.stringify(x)).not.toContain(HOME);
      }
      const johan = viewerFor(JOHAN);
      expect(
        (
          await registerExtract({
            viewer: johan,
            person: { givenName: "Johan", familyName: "Andersson", personnummer: null },
            accessLog: [],
          })
        ).household?.address?.street,
      ).toBe("Tallvägen 14");
    });

    it("no form pre-fills an address from the profile or the register", () => {
      const fields = (f: Field[]): Field[] =>
        f.flatMap((x) => (x.type === "group" ? [x, ...(x.fields as Field[])] : [x]));
      for (const def of formDefinitions) {
        for (const f of fields(def.steps.flatMap((s) => s.fields)))
          if (f.type === "address") expect(f.prefill, `${def.id}.${f.name}`).toBeUndefined();
      }
    });

    it("a protected applicant's typed address is in no answer view: receipt, officer view, case export (marked) and register extract", async () => {
      const created = parkingCase({ key: "pi-parking-karin", applicantPersonId: karin.personId });
      const c = caseRow(created.reference);
      expect(c.protectedIdentity).toBe(true);
      expect(caseAnswers(c)).not.toHaveProperty("applicantAddress");
      expect(caseAnswers(c)).toMatchObject({ applicantName: "Sökande", applicantPersonnummer: KARIN });

      const receipt = getReceipt({
        def: getFormDefinition(c.formId)!,
        reference: c.reference,
        viewer: { personId: karin.personId },
        lang: "sv",
      })!;
      expect(JSON.stringify(receipt)).not.toContain(HOME);

      const staffView = getCaseForStaff({ reference: c.reference, user: officer })!;
      expect(staffView.protectedIdentity).toBe(true);
      expect(JSON.stringify(staffView.data)).not.toContain(HOME);

      const doc = (await buildCaseExport(c.reference, now))!;
      expect(doc.case).toMatchObject({ protectedIdentity: true });
      expect(JSON.stringify(doc.case)).not.toContain(HOME);

      const x = await registerExtract({
        viewer: karin,
        person: { givenName: "Karin", familyName: "Berg", personnummer: null },
        accessLog: [],
      });
      expect(x.cases.map((k) => k.reference)).toContain(c.reference);
      expect(JSON.stringify(x)).not.toContain(HOME);
    });

    it("an ordinary applicant's case keeps its address and carries no marker (the control)", async () => {
      const created = parkingCase({ key: "pi-parking-anders", applicantPersonId: anders.personId });
      const c = caseRow(created.reference);
      expect(c.protectedIdentity).toBe(false);
      expect(caseAnswers(c)).toHaveProperty("applicantAddress");
      const doc = (await buildCaseExport(c.reference, now))!;
      expect(doc.case).toMatchObject({ protectedIdentity: false });
      expect(JSON.stringify(doc.case)).toContain(HOME);
    });
  });

  describe("the diarium entry is secret", () => {
    it("a public case type becomes secret in the register when the applicant is protected; search cannot find its subject", () => {
      const created = parkingCase({ key: "pi-diarium-karin", applicantPersonId: karin.personId });
      const row = db().select().from(diariumEntry).where(eq(diariumEntry.reference, created.reference)).get()!;
      expect(row.sensitivity).toBe("secret");
      expect(row.subject).toBeNull();
      expect(row.partyName).toBeNull();
      const listed = searchDiarium({ q: created.reference }, "sv").entries.find(
        (e) => e.reference === created.reference,
      )!;
      expect(listed.subject).toBeNull();
      expect(listed.party).toBe("Sekretess");
      expect(searchDiarium({ q: HOME }, "sv").entries.map((e) => e.reference)).not.toContain(created.reference);
      // The same case type from an ordinary applicant shows its subject: the masking is the marker's doing.
      const ordinary = parkingCase({ key: "pi-diarium-anders", applicantPersonId: anders.personId });
      expect(
        searchDiarium({ q: ordinary.reference }, "sv").entries.find((e) => e.reference === ordinary.reference)?.subject,
      ).toContain(HOME);
    });
  });

  describe("other guardians and representatives get no automatic access", () => {
    it("the other guardian neither sees nor hears of a protected mother's childcare application for a protected child", async () => {
      const unit = db()
        .select()
        .from(childcareUnit)
        .where(eq(childcareUnit.municipalityId, fargelanda))
        .all()
        .find((u) => u.kind === "forskola")!;
      const parsed = parseChildcareApplication({
        child: hmacIndex(MAJA),
        careKind: "forskola",
        unit1: String(unit.id),
        desiredStart: "2026-08-17",
        hoursPerWeek: "30",
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const r = await submitChildcareApplication({
        viewer: karin,
        actor: null,
        answers: parsed.value,
        idempotencyKey: "pi-childcare",
        language: "sv",
        now,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(caseRow(r.reference).protectedIdentity).toBe(true);
      expect(listMyCases(karin).map((c) => c.reference)).toContain(r.reference);
      expect(listMyCases(anders).map((c) => c.reference)).not.toContain(r.reference);
      expect(await getMyCase({ reference: r.reference, viewer: anders })).toBeUndefined();
      expect(
        listNotifications(anders.personnummerHmac, 50).filter((n) => n.caseId === caseRow(r.reference).id),
      ).toEqual([]);

      // The officer sees the warning flag in the queue and on the case.
      expect(
        (await listChildcareQueueForStaff({ municipalityIds: [fargelanda], now })).find(
          (q) => q.reference === r.reference,
        )?.protectedIdentity,
      ).toBe(true);
      expect(
        (await getChildcareCaseForStaff({ reference: r.reference, municipalityIds: [fargelanda], now }))
          ?.protectedIdentity,
      ).toBe(true);

      // The officer's read reaches the applicant's access log, not the other guardian's.
      const c = caseRow(r.reference);
      auditStaffCaseRead({
        user: schoolOfficer,
        caseId: c.id,
        reference: c.reference,
        municipalityId: fargelanda,
        area: "barnomsorg",
      });
      expect(accessLogFor(karin.personId, "sv").map((a) => a.case)).toContain(r.reference);
      expect(accessLogFor(anders.personId, "sv").map((a) => a.case)).not.toContain(r.reference);
    });

    it("school co-signing: the other guardian may sign while asked to, sees no address, and loses access once signed", async () => {
      const schools = db()
        .select()
        .from(childcareUnit)
        .where(eq(childcareUnit.municipalityId, fargelanda))
        .all()
        .filter((u) => u.kind === "grundskola");
      const parsed = parseSchoolApplication({
        child: hmacIndex(MAJA),
        applicationType: "skolbyte",
        school1: String(schools[0]!.id),
        startDate: "2026-08-17",
        reason: "Närmare",
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const r = await submitSchoolApplication({
        viewer: karin,
        actor: null,
        answers: parsed.value,
        idempotencyKey: "pi-school",
        language: "sv",
        now,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.awaitingSignatures).toBe(true);
      const view = (await getSchoolCase({ reference: r.reference, viewer: anders }))!;
      expect(view.canSign).toBe(true);
      expect(JSON.stringify(view)).not.toContain(HOME);
      expect(listNotifications(anders.personnummerHmac, 50).some((n) => n.kind === "signature-requested")).toBe(true);
      const signed = await signSchoolApplication({
        reference: r.reference,
        viewer: anders,
        actor: null,
        decision: "approve",
        expectedHash: view.contentHash,
        now,
      });
      expect(signed).toEqual({ ok: true, complete: true });
      expect(listMyCases(anders).map((c) => c.reference)).not.toContain(r.reference);
      expect(await getSchoolCase({ reference: r.reference, viewer: anders })).toBeUndefined();
      expect(await getSchoolCase({ reference: r.reference, viewer: karin })).toBeDefined();
      expect(
        (await getSchoolCaseForStaff({ reference: r.reference, municipalityIds: [fargelanda] }))?.protectedIdentity,
      ).toBe(true);
    });

    it("another representative of the organisation does not see what a protected representative submitted for it", () => {
      const created = parkingCase({ key: "pi-org", applicantPersonId: karin.personId, organisationId: bergsSnickeri });
      expect(caseRow(created.reference).protectedIdentity).toBe(true);
      expect(listMyCases({ ...karin, organisationId: bergsSnickeri }).map((c) => c.reference)).toContain(
        created.reference,
      );
      expect(listMyCases({ ...anders, organisationId: bergsSnickeri }).map((c) => c.reference)).not.toContain(
        created.reference,
      );
    });
  });

  describe("officers are warned and every read is audited", () => {
    it("the queue marks the case and the case view carries the marker", () => {
      const created = parkingCase({ key: "pi-queue", applicantPersonId: karin.personId });
      const { rows } = listQueue({
        user: officer,
        filters: parseQueueFilters(new URLSearchParams(`q=${created.reference}`)),
      });
      expect(rows.find((q) => q.reference === created.reference)?.protectedIdentity).toBe(true);
      expect(getCaseForStaff({ reference: created.reference, user: officer })?.protectedIdentity).toBe(true);
    });

    it("a staff read of a protected case is audited with its own action, which the audit view filters on; an ordinary case is not", () => {
      const protectedCase = parkingCase({ key: "pi-audit-karin", applicantPersonId: karin.personId });
      const ordinary = parkingCase({ key: "pi-audit-anders", applicantPersonId: anders.personId });
      expect(auditIfProtected({ actor: officer, reference: protectedCase.reference, what: "case" })).toBe(true);
      expect(auditIfProtected({ actor: officer, reference: ordinary.reference, what: "case" })).toBe(false);
      const c = caseRow(protectedCase.reference);
      auditStaffCaseRead({
        user: schoolOfficer,
        caseId: c.id,
        reference: c.reference,
        municipalityId: fargelanda,
        area: "allmant",
      });
      const { events } = listAuditEvents({
        municipalityIds: [fargelanda],
        action: "protected-identity",
        pageSize: 100,
      });
      const mine = events.filter((e) => e.subjectId === protectedCase.reference);
      expect(mine).toHaveLength(2);
      expect(mine.every((e) => e.action === PROTECTED_READ_ACTION)).toBe(true);
      expect(events.some((e) => e.subjectId === ordinary.reference)).toBe(false);
    });
  });
});
