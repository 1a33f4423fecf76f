import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, companyMandate, organisation } from "../../db/schema/index";
import type { ResidentUser } from "~/auth/guards.server";
import { listRepresentedOrganisations } from "~/auth/representation.server";
import { createSession, getSessionUser, setActing } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { grantMandate, listMandates, requireActingSignatory, revokeMandate } from "~/services/mandates.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";

/** Decision 069: a mandate given in the portal lets a person act for the company until it is revoked. */
beforeAll(() => prepareDatabase());

const PETER = "198002079294"; // firmatecknare, Johanssons Bygg i Åmål AB
const MARIA = "199005122388"; // represents nobody

async function sessionActingFor(personnummer: string, organisationId: number): Promise<string> {
  const { person } = findOrCreatePersonAtLogin({
    personnummer,
    givenName: "Test",
    familyName: "Person",
    protectedIdentity: false,
  });
  const s = await createSession(new Request("http://localhost/"), { kind: "resident", personId: person.id });
  setActing(s.sessionId, { kind: "organisation", organisationId });
  return s.setCookie.split(";")[0]!;
}

async function userOf(cookie: string): Promise<ResidentUser> {
  return (await getSessionUser(new Request("http://localhost/", { headers: { cookie } }))) as ResidentUser;
}

describe("mandates given in the portal", () => {
  it("let the grantee act for the company, and the revocation stops it on the next request", async () => {
    const org = db().select().from(organisation).where(eq(organisation.orgNumber, "559312-8415")).get()!;
    const peter = await userOf(await sessionActingFor(PETER, org.id));
    expect(peter.acting).toMatchObject({ kind: "organisation", organisationId: org.id });
    const company = await requireActingSignatory(peter);
    const maria = findOrCreatePersonAtLogin({
      personnummer: MARIA,
      givenName: "Maria",
      familyName: "A",
      protectedIdentity: false,
    }).person;
    expect(await listRepresentedOrganisations(maria.id)).toEqual([]);

    const granted = grantMandate(peter, company, { personnummer: MARIA, granteeName: "Maria A", validTo: null });
    expect(granted.ok).toBe(true);
    expect(grantMandate(peter, company, { personnummer: MARIA, granteeName: "Maria A", validTo: null })).toEqual({
      ok: false,
      field: "personnummer",
      code: "already",
    });
    expect(await listRepresentedOrganisations(maria.id)).toEqual([
      { id: org.id, orgNumber: "559312-8415", name: org.name, role: "ombud" },
    ]);
    const row = db().select().from(companyMandate).where(eq(companyMandate.organisationId, org.id)).get()!;
    expect(row.personnummerEncrypted).not.toContain(MARIA);

    const mariaCookie = await sessionActingFor(MARIA, org.id);
    const mariaActing = await userOf(mariaCookie);
    expect(mariaActing.acting?.kind).toBe("organisation");
    // An ombud is not a signatory: the mandates page is refused.
    await expect(requireActingSignatory(mariaActing)).rejects.toMatchObject({ status: 403 });

    expect(listMandates(company)[0]).toMatchObject({ granteeName: "Maria A", state: "active", revokedBy: null });
    expect(revokeMandate(peter, company, granted.ok ? granted.id : 0)).toBe(true);
    expect(listMandates(company)[0]).toMatchObject({ state: "revoked" });

    const again = await userOf(mariaCookie);
    expect(again.acting).toEqual({ kind: "self" });
    expect(again.actingEnded).toEqual({ name: org.name });
    expect(await listRepresentedOrganisations(maria.id)).toEqual([]);
    const actions = db()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["mandate.granted", "mandate.revoked"]));
  });
});
