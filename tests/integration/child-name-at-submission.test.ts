import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, caseTable, childcareUnit, municipality } from "../../db/schema/index";
import { NAVET_ORDER_ID, NAVET_ORG_NR, navetListener } from "../stand-ins/navet";
import { db, prepareDatabase } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import { applicationCopyCaseById, applicationCopyRows } from "~/services/application-copy.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import { getChildcareCaseForStaff, submitChildcareApplication } from "~/services/childcare.server";
import { navetPopulationRegister } from "~/services/population-navet.server";
import { usePopulationRegisterForTests } from "~/services/population.server";
import {
  getSchoolCase,
  getSchoolCaseForStaff,
  parseSchoolApplication,
  signSchoolApplication,
  submitSchoolApplication,
} from "~/services/school.server";
import { viewerFor } from "./people-helper";

/**
 * Issue 19, decision 074: in Navet mode the portal holds children only as HMACs, and Navet cannot
 * be asked by an HMAC. The child's name and birth date, as Navet gave them at submission, are kept
 * with the case's sensitive answers (encrypted at rest): officers read them without asking Navet
 * again, also when Navet is down or the portal has restarted.
 */
const SARA = "198412179288"; // guardian of Elsa Lindqvist, Bengtsfors
const ELSA = "202201022387";
const PETER = "198002079294"; // guardian of Ella Johansson, Åmål
const ELLA = "201609102387";
const LENA = "197901049283"; // Ella's other guardian, who co-signs
let outage: "fault" | undefined;
let server: Server;
let childcareRef = "";
let schoolRef = "";

function municipalityId(slug: string): number {
  return db().select().from(municipality).where(eq(municipality.slug, slug)).get()!.id;
}

function units(slug: string, kind: string): number[] {
  return db()
    .select()
    .from(childcareUnit)
    .where(and(eq(childcareUnit.municipalityId, municipalityId(slug)), eq(childcareUnit.kind, kind)))
    .all()
    .map((u) => u.id);
}

/** Navet look-ups so far, of one person or of anyone. */
function navetLookups(personnummer?: string): number {
  const about = personnummer ? eq(auditEvent.subjectId, hmacIndex(personnummer)) : undefined;
  return db()
    .select({ n: count() })
    .from(auditEvent)
    .where(and(eq(auditEvent.action, "population.lookup"), about))
    .get()!.n;
}

beforeAll(async () => {
  prepareDatabase();
  server = createServer(navetListener({ outage: () => outage }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  usePopulationRegisterForTests(
    navetPopulationRegister({
      url: `http://127.0.0.1:${port}/na/na_epersondata/V2/personpostXML`,
      orgNr: NAVET_ORG_NR,
      orderId: NAVET_ORDER_ID,
      attempts: 1,
      backoffMs: 10,
    }),
  );
  const now = new Date();
  const start = new Date(now.getTime() + 120 * 86_400_000).toISOString().slice(0, 10);
  const preschool = units("bengtsfors", "forskola");
  const childcare = parseChildcareApplication({
    child: hmacIndex(ELSA),
    careKind: "forskola",
    unit1: String(preschool[0]),
    desiredStart: start,
    hoursPerWeek: "35",
  });
  if (!childcare.ok) throw new Error(JSON.stringify(childcare.errors));
  const c = await submitChildcareApplication({
    viewer: viewerFor(SARA, "Sara Lindqvist"),
    actor: null,
    answers: childcare.value,
    idempotencyKey: `child-name-childcare-${now.getTime()}`,
    language: "sv",
    now,
  });
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  childcareRef = c.reference;
  const schools = units("amal", "grundskola");
  const school = parseSchoolApplication({
    child: hmacIndex(ELLA),
    applicationType: "skolbyte",
    school1: String(schools[0]),
    startDate: start,
  });
  if (!school.ok) throw new Error(JSON.stringify(school.errors));
  const s = await submitSchoolApplication({
    viewer: viewerFor(PETER, "Peter Johansson"),
    actor: null,
    answers: school.value,
    idempotencyKey: `child-name-school-${now.getTime()}`,
    language: "sv",
    now,
  });
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  schoolRef = s.reference;
  // The other guardian approves, so that the application reaches the officers.
  const lena = viewerFor(LENA, "Lena Johansson");
  const view = await getSchoolCase({ reference: schoolRef, viewer: lena });
  const signed = await signSchoolApplication({
    reference: schoolRef,
    viewer: lena,
    actor: null,
    decision: "approve",
    expectedHash: view!.contentHash,
    now,
  });
  if (!signed.ok) throw new Error(signed.code);
});

afterAll(async () => {
  usePopulationRegisterForTests(undefined);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the child's name as Navet gave it at submission", () => {
  it("is stored encrypted with the case: neither the name nor the birth date is readable in the row", () => {
    const rows = db()
      .select()
      .from(caseTable)
      .where(inArray(caseTable.reference, [childcareRef, schoolRef]))
      .all();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const raw = `${row.data} ${row.sensitiveData ?? ""}`;
      expect(row.sensitiveData).not.toBeNull();
      for (const text of ["Elsa", "Ella", "2022-01-02", "2016-09-10", ELSA, ELLA]) expect(raw).not.toContain(text);
    }
  });

  it("an officer's views of the case show it without asking Navet again", async () => {
    outage = undefined;
    const before = navetLookups();
    const childcare = await getChildcareCaseForStaff({
      reference: childcareRef,
      municipalityIds: [municipalityId("bengtsfors")],
    });
    expect(childcare).toMatchObject({ childName: "Elsa Lindqvist", childBirthDate: "2022-01-02" });
    const copy = await applicationCopyRows(applicationCopyCaseById(childcare!.caseId)!, "sv");
    expect(copy[0]!.text).toContain("Elsa Lindqvist");
    expect(navetLookups()).toBe(before);
    // The school view still names the co-signing guardians from the register, but never asks about the child.
    const ellaBefore = navetLookups(ELLA);
    const school = await getSchoolCaseForStaff({ reference: schoolRef, municipalityIds: [municipalityId("amal")] });
    expect(school?.childName).toBe("Ella Johansson");
    expect(navetLookups(ELLA)).toBe(ellaBefore);
  });

  it("an officer still sees the child's name while Navet is down", async () => {
    outage = "fault";
    try {
      const childcare = await getChildcareCaseForStaff({
        reference: childcareRef,
        municipalityIds: [municipalityId("bengtsfors")],
      });
      expect(childcare?.childName).toBe("Elsa Lindqvist");
    } finally {
      outage = undefined;
    }
  });
});
