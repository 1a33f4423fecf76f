import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, childcareUnit, municipality, staffUser, caseTable } from "../../db/schema/index";
import { testPersons } from "../../db/seed/content/people";
import { demoMarker } from "./people-helper";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { loader as officerCopy } from "~/routes/handlaggare.barnomsorg.$reference_.ansokan[.]pdf";
import { loader as residentCopy } from "~/routes/mina-sidor.arenden.$reference_.ansokan[.]pdf";
import { applicationCopyRows } from "~/services/application-copy.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import { submitChildcareApplication } from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";
import { parseSchoolApplication, submitSchoolApplication } from "~/services/school.server";

// Sara (Bengtsfors, guardian of Elsa with Erik); Maria (Åmål, another household);
// Peter and Lena (Åmål, guardians of Ella).
const SARA = "198412179288";
const ERIK = "198203249274";
const MARIA = "199005122388";
const PETER = "198002079294";

function person(pnr: string) {
  const tp = testPersons.find((p) => p.personnummer === pnr)!;
  return findOrCreatePersonAtLogin({
    personnummer: pnr,
    givenName: tp.givenName,
    familyName: tp.familyName,
    protectedIdentity: demoMarker(pnr),
  }).person;
}

async function cookieFor(data: { kind: "resident"; personId: number } | { kind: "staff"; staffUserId: number }) {
  const { setCookie } = await createSession(new Request("http://localhost/"), data);
  return setCookie.split(";")[0]!;
}

async function call(
  loader: typeof residentCopy,
  url: string,
  params: Record<string, string>,
  cookie: string | null,
): Promise<Response> {
  const request = new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    return await loader({ request, params, context: {} as never });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const NOW = new Date("2026-03-02T10:00:00Z");
let childcareRef = "";
let schoolRef = "";

describe("a PDF copy of a childcare or school application", () => {
  beforeAll(async () => {
    prepareDatabase();
    const sara = person(SARA);
    const bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
    const units = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, bengtsfors))
      .all()
      .filter((u) => u.kind === "forskola");
    const parsed = parseChildcareApplication({
      child: hmacIndex("202201022387"),
      careKind: "forskola",
      unit1: String(units[1]!.id),
      unit2: String(units[0]!.id),
      desiredStart: "2026-09-01",
      hoursPerWeek: "35",
      specialNeeds: "Glutenfri kost",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = await submitChildcareApplication({
      viewer: { personId: sara.id, personnummerHmac: sara.personnummerHmac, organisationId: null },
      actor: null,
      answers: parsed.value,
      idempotencyKey: "copy-1",
      language: "sv",
      now: NOW,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    childcareRef = r.reference;

    const peter = person(PETER);
    const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    const schools = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, amal))
      .all()
      .filter((u) => u.kind === "grundskola");
    const sp = parseSchoolApplication({
      child: hmacIndex("201609102387"),
      applicationType: "skolbyte",
      school1: String(schools[0]!.id),
      startDate: "2026-08-17",
      reason: "Närmare hemmet",
    });
    if (!sp.ok) throw new Error(JSON.stringify(sp.errors));
    const s = await submitSchoolApplication({
      viewer: { personId: peter.id, personnummerHmac: peter.personnummerHmac, organisationId: null },
      actor: null,
      answers: sp.value,
      idempotencyKey: "copy-2",
      language: "sv",
      now: NOW,
    });
    if (!s.ok) throw new Error(JSON.stringify(s));
    schoolRef = s.reference;
  });

  it("the applicant downloads it: a PDF attachment naming the reference, never cached", async () => {
    const res = await call(
      residentCopy,
      `http://localhost/mina-sidor/arenden/${childcareRef}/ansokan.pdf`,
      { reference: childcareRef },
      await cookieFor({ kind: "resident", personId: person(SARA).id }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="ansokan-${childcareRef}.pdf"`);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toContain(childcareRef);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it("says what was sent: the child, the units in the order chosen, the dates, the special needs; in English too", async () => {
    const c = db().select().from(caseTable).where(eq(caseTable.reference, childcareRef)).get()!;
    const sv = await applicationCopyRows(c, "sv");
    const text = sv.map((r) => `${r.label}: ${r.text}`).join("\n");
    expect(text).toContain("Elsa Lindqvist");
    expect(text).toMatch(/1\. .+\n2\. .+/);
    expect(text).toContain("2026-09-01");
    expect(text).toContain("Glutenfri kost");
    const en = (await applicationCopyRows(c, "en")).map((r) => r.label);
    expect(en).toContain("Special needs");
    expect(en).not.toEqual(sv.map((r) => r.label));
    const school = db().select().from(caseTable).where(eq(caseTable.reference, schoolRef)).get()!;
    const schoolText = (await applicationCopyRows(school, "sv")).map((r) => `${r.label}: ${r.text}`).join("\n");
    expect(schoolText).toContain("Närmare hemmet");
    expect(schoolText).toMatch(/[0-9a-f]{64}/);
  });

  it("the other guardian, a party to the case, may download it too; a resident of another household gets 404", async () => {
    const erik = await call(
      residentCopy,
      "http://localhost/x",
      { reference: childcareRef },
      await cookieFor({ kind: "resident", personId: person(ERIK).id }),
    );
    expect(erik.status).toBe(200);
    const maria = await call(
      residentCopy,
      "http://localhost/x",
      { reference: childcareRef },
      await cookieFor({ kind: "resident", personId: person(MARIA).id }),
    );
    expect(maria.status).toBe(404);
    const mariaSchool = await call(
      residentCopy,
      "http://localhost/x",
      { reference: schoolRef },
      await cookieFor({ kind: "resident", personId: person(MARIA).id }),
    );
    expect(mariaSchool.status).toBe(404);
    // Signed out: sent to log in, not given the file.
    const anonymous = await call(residentCopy, "http://localhost/x", { reference: childcareRef }, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/logga-in/);
  });

  it("an officer of the municipality gets it and the read is in the audit log (and the applicant's access log); another municipality's officer gets 404", async () => {
    const officer = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.bengtsfors")).get()!;
    const res = await call(
      officerCopy as typeof residentCopy,
      "http://localhost/x",
      { reference: childcareRef },
      await cookieFor({ kind: "staff", staffUserId: officer.id }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const reads = db()
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "case.read"),
          eq(auditEvent.subjectId, childcareRef),
          eq(auditEvent.personId, person(SARA).id),
        ),
      )
      .all();
    expect(reads.length).toBe(1);
    const other = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!;
    const denied = await call(
      officerCopy as typeof residentCopy,
      "http://localhost/x",
      { reference: childcareRef },
      await cookieFor({ kind: "staff", staffUserId: other.id }),
    );
    expect(denied.status).toBe(404);
  });
});
