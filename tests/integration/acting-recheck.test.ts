import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, auditEvent, municipality, representation, session } from "../../db/schema/index";
import { createSession, setActing } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { createCase } from "~/services/cases.server";
import { listMyCases } from "~/services/mypages.server";
import { listRepresentedOrganisations } from "~/auth/representation.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";

/** Review §11: acting for an organisation is re-checked against the register on every request. */
beforeAll(() => prepareDatabase());

const PETER = "198002079294";

describe("acting for an organisation", () => {
  it("ends on the next request once the representation is removed from the register", async () => {
    const { person } = findOrCreatePersonAtLogin({
      personnummer: PETER,
      givenName: "Peter",
      familyName: "Johansson",
      protectedIdentity: false,
    });
    const org = (await listRepresentedOrganisations(person.id))[0]!;
    const m = db().select().from(municipality).all()[0]!;
    const admin = db()
      .select()
      .from(administration)
      .all()
      .find((a) => a.municipalityId === m.id)!;
    const companyCase = createCase({
      idempotencyKey: "acting-recheck-1",
      municipalityId: m.id,
      administrationId: admin.id,
      formId: "felanmalan-gata-park",
      formVersion: 1,
      area: "allmant",
      sensitivity: "normal",
      data: {},
      sensitiveData: null,
      applicantPersonId: person.id,
      applicantOrganisationId: org.id,
      submittedByPersonId: person.id,
      contactEmail: null,
      submitterKey: null,
      language: "sv",
      decisionDays: null,
      diarium: { subject: null, partyKind: "organisation", partyName: org.name },
      attachments: { publicIds: [], ownerKey: "" },
    } as never);
    const { setCookie, sessionId } = await createSession(new Request("http://localhost/"), {
      kind: "resident",
      personId: person.id,
    });
    setActing(sessionId, { kind: "organisation", organisationId: org.id });
    const request = () => new Request("http://localhost/mina-sidor", { headers: { Cookie: setCookie.split(";")[0]! } });

    const before = await requireResidentViewer(request());
    expect(before.user.acting).toMatchObject({ kind: "organisation", organisationId: org.id });
    expect(listMyCases(before.viewer).map((c) => c.reference)).toContain(companyCase.reference);

    db()
      .delete(representation)
      .where(
        and(eq(representation.personnummerHmac, person.personnummerHmac), eq(representation.organisationId, org.id)),
      )
      .run();

    const after = await requireResidentViewer(request());
    expect(after.user.acting).toEqual({ kind: "self" });
    expect(after.user.actingEnded).toEqual({ name: org.name });
    expect(after.viewer.organisationId).toBeNull();
    expect(listMyCases(after.viewer).map((c) => c.reference)).not.toContain(companyCase.reference);
    // Back to self for good, and the change is in the audit trail.
    expect(db().select().from(session).where(eq(session.idHash, sessionId)).get()?.actingKind).toBe("self");
    expect(db().select().from(auditEvent).where(eq(auditEvent.action, "party.revoked")).all()).toHaveLength(1);
    const third = await requireResidentViewer(request());
    expect(third.user.actingEnded).toBeUndefined();
  });
});
