import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvent,
  caseDecision,
  caseSignature,
  caseTable,
  notification,
  organisation,
  permitOwnerConsent,
  staffUser,
} from "../../db/schema/index";
import { useCompanyRegister } from "~/auth/company-register.server";
import { exampleCompany } from "~/auth/company-register-demo.server";
import { beginSigning, completeSigning } from "~/auth/oidc-sign.server";
import type { ResidentUser, StaffUser } from "~/auth/guards.server";
import { sessionUserOf } from "~/auth/session.server";
import { db } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import { changeStatusForStaff, decide } from "~/services/backoffice.server";
import { permitCaseSummaryText } from "~/services/building-permits.server";
import { fileEnginePermit } from "./engine-permit-helper";
import { listCaseSignatures, verifyUserSignature } from "~/services/e-signature.server";
import {
  OWNER_PARTY,
  completeOwnerConsentSigning,
  declineOwnerConsent,
  expireDueConsents,
  listOwnerConsents,
  mayAnswerConsent,
  ownerConsentBlock,
  ownerConsentForOwner,
  ownerConsentText,
  ownerConsentsForCase,
  remindDueConsents,
  requestOwnerConsents,
} from "~/services/owner-consent.server";
import { viewerFor } from "./people-helper";
import { browser, cookiePair, formPost, startTestIdp } from "./test-idp-harness";

/**
 * The property owner's consent to a bygglov (decision 093): asked of the register's other owners
 * only, signed with e-ID at the local test provider and verified on receipt and on every view,
 * declined by a click, and a decision refused (409) while it is pending.
 */
let base = "";
const ERIK = "198203249274";
const SARA = "198412179288";
const MARIA = "199005122388";
const PETER = "198002079294"; // firmatecknare for Plogen Fastigheter per the company register
const CO_OWNED = "Bengtsfors Sågen 1:24";
const ORG_OWNED = "Bengtsfors Sågen 1:25"; // Erik and Plogen Fastigheter i Åmål AB (decision 100)
const PLOGEN = "556742-9179";

let idp: Awaited<ReturnType<typeof startTestIdp>>;
beforeAll(async () => {
  idp = await startTestIdp();
  base = idp.base;
});
afterAll(() => idp.close());

/** Logs in at the test provider as `as` and signs; returns the callback URL and the page shown. */
async function atProvider(url: string, as: string) {
  const go = browser();
  let location = (await go(url)).headers.get("location")!;
  const uid = () => /\/interaction\/([^/?]+)/.exec(location)![1];
  location = (await go(`${base}/test-idp/interaction/${uid()}/login`, formPost({ personnummer: as }))).headers.get(
    "location",
  )!;
  let signPage = "";
  for (let hops = 0; hops < 6 && !location.includes("/signera/callback"); hops++) {
    const res = await go(new URL(location, base).href);
    if (res.status === 200) {
      signPage = await res.text();
      location = (await go(`${base}/test-idp/interaction/${uid()}/sign`, formPost({}))).headers.get("location")!;
    } else location = res.headers.get("location")!;
  }
  return { signPage, callback: new URL(location, base).href };
}

function resident(personnummer: string, name: string) {
  const viewer = viewerFor(personnummer, name);
  const user = {
    kind: "resident",
    personId: viewer.personId,
    name,
    acting: { kind: "self" },
    roles: [],
    sessionId: "s",
  } as unknown as ResidentUser;
  return { viewer, user };
}

function officer(username: string): StaffUser {
  const r = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  return sessionUserOf({
    idHash: `test-${username}`,
    kind: "staff",
    staffUserId: r.id,
    personId: null,
    actingKind: null,
    actingOrganisationId: null,
  }) as StaffUser;
}

/** Erik sends a small façade change for `designation` on the engine (no e-ID of his own: not what is tested here). */
async function fileFacadeChange(designation: string) {
  const { user } = resident(ERIK, "Erik Lindqvist");
  const sent = await fileEnginePermit(user, { fastighetsbeteckning: designation });
  if (!sent.ok) throw new Error(sent.codes.join());
  return db().select().from(caseTable).where(eq(caseTable.reference, sent.reference)).get()!;
}

const consentsOf = (caseId: number) =>
  db().select().from(permitOwnerConsent).where(eq(permitOwnerConsent.caseId, caseId)).all();

describe("the property owner's consent (decision 093)", () => {
  it("is asked only of the other private owners the register names, once each", async () => {
    const alone = await fileFacadeChange("Bengtsfors Sågen 1:23");
    expect(consentsOf(alone.id)).toEqual([]);

    const shared = await fileFacadeChange(CO_OWNED);
    const rows = consentsOf(shared.id);
    expect(rows.map((r) => [r.ownerHmac, r.status])).toEqual([[hmacIndex(SARA), "pending"]]);
    expect(rows[0]!.ownerName).not.toContain("Sara");
    const told = db()
      .select()
      .from(notification)
      .where(and(eq(notification.caseId, shared.id), eq(notification.kind, "owner-consent-requested")))
      .all();
    expect(told.map((n) => n.recipientHmac)).toEqual([hmacIndex(SARA)]);
    expect(JSON.stringify(told.map((n) => n.params))).not.toContain(SARA);

    // Owners without a personnummer or organisationsnummer, the applicant and repeats are not asked;
    // an organisation is (decision 100).
    const { user } = resident(ERIK, "Erik Lindqvist");
    const asked = requestOwnerConsents(
      alone.id,
      [
        { kind: "person", name: "Erik Lindqvist", personnummerHmac: hmacIndex(ERIK) },
        { kind: "organisation", name: "Bolaget AB", organisationsnummer: "556000-0000" },
        { kind: "organisation", name: "Bolaget AB", organisationsnummer: "556000-0000" },
        { kind: "organisation", name: "Okänt bolag", organisationsnummer: "" },
        { kind: "person", name: "Okänd", personnummerHmac: null },
        { kind: "person", name: "Maria Nilsson", personnummerHmac: hmacIndex(MARIA) },
        { kind: "person", name: "Maria Nilsson", personnummerHmac: hmacIndex(MARIA) },
      ],
      user,
    );
    expect(asked).toBe(2);
    const bolaget = db().select().from(organisation).where(eq(organisation.orgNumber, "556000-0000")).get()!;
    const askedRows = consentsOf(alone.id).map((r) => [r.ownerHmac, r.ownerOrganisationId]);
    expect(askedRows).toHaveLength(2);
    expect(askedRows).toEqual(
      expect.arrayContaining([
        [null, bolaget.id],
        [hmacIndex(MARIA), null],
      ]),
    );
  });

  it("only the owner sees the request; the signature verifies, a changed byte fails it, and the decision waits", async () => {
    const c = await fileFacadeChange(CO_OWNED);
    const [row] = consentsOf(c.id);
    const sara = resident(SARA, "Sara Lindqvist");
    const maria = resident(MARIA, "Maria Nilsson");
    const erik = resident(ERIK, "Erik Lindqvist");
    expect(ownerConsentForOwner(row!.publicId, maria.viewer, "sv")).toBeNull();
    expect(ownerConsentForOwner(row!.publicId, erik.viewer, "sv")).toBeNull();
    expect(listOwnerConsents(maria.viewer).some((x) => x.publicId === row!.publicId)).toBe(false);
    expect(listOwnerConsents(sara.viewer).some((x) => x.publicId === row!.publicId)).toBe(true);
    const shown = ownerConsentForOwner(row!.publicId, sara.viewer, "sv")!;
    expect(shown.text).toContain(CO_OWNED);
    expect(shown.text).toContain(permitCaseSummaryText(c.id, "sv")!);

    // The officer cannot decide while the consent is pending.
    const handler = officer("handlaggare.bengtsfors");
    expect(changeStatusForStaff({ reference: c.reference, user: handler, to: "complete" })).toEqual({ ok: true });
    const decision = { reference: c.reference, user: handler, outcome: "approved", text: "Bygglov beviljas.", fee: "" };
    expect(await decide(decision)).toEqual({ ok: false, status: 409, error: "ownerConsentPending" });

    // Someone else cannot sign for the owner: the provider refuses another person, and a signature
    // completed by another logged-in viewer finds no request.
    const { url, setCookie } = await beginSigning({
      kind: "owner-consent",
      reference: row!.publicId,
      party: OWNER_PARTY,
      text: shown.text,
      personnummer: SARA,
      language: "sv",
    });
    const { signPage, callback } = await atProvider(url, SARA);
    expect(signPage).toContain(CO_OWNED);
    const result = await completeSigning(new Request(callback, { headers: { Cookie: cookiePair(setCookie) } }));
    if (!result.ok) throw new Error(result.reason);
    expect(await completeOwnerConsentSigning({ result, viewer: maria.viewer, actor: maria.user })).toEqual({
      ok: false,
      code: "not-found",
    });
    expect(verifyUserSignature({ userSignature: result.userSignature, text: shown.text })).toMatchObject({
      ok: true,
      personnummer: SARA,
    });
    expect(verifyUserSignature({ userSignature: result.userSignature, text: `${shown.text} ` })).toEqual({
      ok: false,
      reason: "text-changed",
    });
    expect(await completeOwnerConsentSigning({ result, viewer: sara.viewer, actor: sara.user })).toEqual({ ok: true });
    // A second answer to the same request is refused.
    expect(await declineOwnerConsent({ publicId: row!.publicId, viewer: sara.viewer, actor: sara.user })).toEqual({
      ok: false,
      code: "not-pending",
    });

    const signatures = db().select().from(caseSignature).where(eq(caseSignature.caseId, c.id)).all();
    expect(signatures.map((s) => [s.party, s.signerHmac])).toEqual([[OWNER_PARTY, hmacIndex(SARA)]]);
    expect(consentsOf(c.id)[0]).toMatchObject({ status: "signed", signatureId: signatures[0]!.id });
    expect(ownerConsentsForCase(c.id)).toEqual([
      expect.objectContaining({ ownerName: "Sara Lindqvist", status: "signed" }),
    ]);
    const textFor = async (l: "sv" | "en", party: string) =>
      (party === OWNER_PARTY ? ownerConsentText(c.id, l) : permitCaseSummaryText(c.id, l)) ?? "";
    expect((await listCaseSignatures(c.id, textFor)).map((s) => [s.signerName, s.valid])).toEqual([
      ["Sara Lindqvist", true],
    ]);

    expect(await decide(decision)).toEqual({ ok: true });

    // One changed byte in the stored application and the owner's signature no longer verifies.
    const data = JSON.parse(c.data) as Record<string, unknown>;
    db()
      .update(caseTable)
      .set({ data: JSON.stringify({ ...data, description: `${String(data.description)}!` }) })
      .where(eq(caseTable.id, c.id))
      .run();
    expect((await listCaseSignatures(c.id, textFor)).map((s) => s.valid)).toEqual([false]);
  });

  it("a decline is the owner's alone, and then the officer may reject but not approve", async () => {
    const c = await fileFacadeChange(CO_OWNED);
    const [row] = consentsOf(c.id);
    const sara = resident(SARA, "Sara Lindqvist");
    const maria = resident(MARIA, "Maria Nilsson");
    expect(await declineOwnerConsent({ publicId: row!.publicId, viewer: maria.viewer, actor: maria.user })).toEqual({
      ok: false,
      code: "not-found",
    });
    expect(await declineOwnerConsent({ publicId: "x", viewer: sara.viewer, actor: sara.user })).toEqual({
      ok: false,
      code: "not-found",
    });
    expect(await declineOwnerConsent({ publicId: row!.publicId, viewer: sara.viewer, actor: sara.user })).toEqual({
      ok: true,
    });
    expect(consentsOf(c.id)[0]!.status).toBe("declined");
    const handler = officer("handlaggare.bengtsfors");
    expect(changeStatusForStaff({ reference: c.reference, user: handler, to: "complete" })).toEqual({ ok: true });
    const decision = { reference: c.reference, user: handler, text: "Bygglov beviljas.", fee: "" };
    expect(await decide({ ...decision, outcome: "approved" })).toEqual({
      ok: false,
      status: 409,
      error: "ownerConsentDeclined",
    });
    expect(await decide({ ...decision, outcome: "rejected", text: "Ansökan avslås." })).toEqual({ ok: true });
  });
});

/** A resident acting for an organisation (as /valj-part leaves the session). */
function actingFor(personnummer: string, name: string, orgNumber: string) {
  const { viewer, user } = resident(personnummer, name);
  const organisationId = db()
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.orgNumber, orgNumber))
    .get()!.id;
  return {
    viewer: { ...viewer, organisationId },
    user: { ...user, acting: { kind: "organisation", organisationId } } as ResidentUser,
  };
}

const notificationsOf = (caseId: number, kind: string) =>
  db()
    .select()
    .from(notification)
    .where(and(eq(notification.caseId, caseId), eq(notification.kind, kind)))
    .all();

const DAY = 86_400_000;

describe("an organisation's consent, by its signatory (decision 100)", () => {
  it("goes to the organisation; its signatory is told and may sign, an ombud acting for it may not (403, audited)", async () => {
    const c = await fileFacadeChange(ORG_OWNED);
    const rows = consentsOf(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ownerHmac: null, status: "pending" });
    const plogen = db().select().from(organisation).where(eq(organisation.orgNumber, PLOGEN)).get()!;
    expect(rows[0]!.ownerOrganisationId).toBe(plogen.id);
    // The company register's signatory is told; the ombud (Sara) and the applicant are not.
    expect(notificationsOf(c.id, "owner-consent-requested-organisation").map((n) => n.recipientHmac)).toEqual([
      hmacIndex(PETER),
    ]);
    expect(notificationsOf(c.id, "owner-consent-requested")).toEqual([]);

    // Acting for oneself, nobody sees the organisation's request; acting for it, its representatives do.
    const peterSelf = resident(PETER, "Peter Johansson");
    expect(ownerConsentForOwner(rows[0]!.publicId, peterSelf.viewer, "sv")).toBeNull();
    const peter = actingFor(PETER, "Peter Johansson", PLOGEN);
    const sara = actingFor(SARA, "Sara Lindqvist", PLOGEN);
    expect(ownerConsentForOwner(rows[0]!.publicId, peter.viewer, "sv")).toMatchObject({
      organisation: "Plogen Fastigheter i Åmål AB",
    });
    expect(listOwnerConsents(sara.viewer).map((x) => x.publicId)).toContain(rows[0]!.publicId);

    // The ombud is refused, and the refusal is audited (a page that only asks is not).
    const before = db().select().from(auditEvent).where(eq(auditEvent.action, "permit.owner-consent.refused")).all();
    expect(await mayAnswerConsent(rows[0]!.publicId, sara.viewer, sara.user, { quiet: true })).toBe("not-signatory");
    expect(await mayAnswerConsent(rows[0]!.publicId, sara.viewer, sara.user)).toBe("not-signatory");
    const refused = db().select().from(auditEvent).where(eq(auditEvent.action, "permit.owner-consent.refused")).all();
    expect(refused.length - before.length).toBe(1);
    expect(refused.at(-1)).toMatchObject({ subjectId: c.reference, personId: sara.viewer.personId });
    // Someone outside the organisation does not find it at all.
    expect(await mayAnswerConsent(rows[0]!.publicId, peterSelf.viewer, peterSelf.user)).toBe("not-found");
    expect(await mayAnswerConsent(rows[0]!.publicId, peter.viewer, peter.user)).toBe("ok");

    // The signatory signs with e-ID; the signature names him and verifies.
    const shown = ownerConsentForOwner(rows[0]!.publicId, peter.viewer, "sv")!;
    const { url, setCookie } = await beginSigning({
      kind: "owner-consent",
      reference: rows[0]!.publicId,
      party: OWNER_PARTY,
      text: shown.text,
      personnummer: PETER,
      language: "sv",
    });
    const { callback } = await atProvider(url, PETER);
    const result = await completeSigning(new Request(callback, { headers: { Cookie: cookiePair(setCookie) } }));
    if (!result.ok) throw new Error(result.reason);
    expect(await completeOwnerConsentSigning({ result, viewer: peter.viewer, actor: peter.user })).toEqual({
      ok: true,
    });
    expect(consentsOf(c.id)[0]!.status).toBe("signed");
    const signatures = db().select().from(caseSignature).where(eq(caseSignature.caseId, c.id)).all();
    expect(signatures.map((s) => [s.party, s.signerHmac])).toEqual([[OWNER_PARTY, hmacIndex(PETER)]]);
    expect(ownerConsentsForCase(c.id)).toEqual([
      expect.objectContaining({ ownerName: "Plogen Fastigheter i Åmål AB", organisation: true, status: "signed" }),
    ]);
    expect(ownerConsentBlock(c.id, "approved")).toBeNull();

    // Signed: no reminder ever follows, nor expiry.
    const deadline = new Date(consentsOf(c.id)[0]!.deadlineAt!);
    await remindDueConsents(new Date(deadline.getTime() - DAY));
    expireDueConsents(new Date(deadline.getTime() + DAY));
    expect(notificationsOf(c.id, "owner-consent-reminder")).toEqual([]);
    expect(consentsOf(c.id)[0]!.status).toBe("signed");
  });

  it("a signatory who stops being one while at the provider is refused at the callback (decision 107): audited, nothing stored", async () => {
    const c = await fileFacadeChange(ORG_OWNED);
    const publicId = consentsOf(c.id)[0]!.publicId;
    const peter = actingFor(PETER, "Peter Johansson", PLOGEN);
    // The company register stand-in, whose board changes while Peter is at the provider.
    let signatories = exampleCompany(PLOGEN)!.signatories;
    useCompanyRegister({
      name: "demo",
      getCompany: (n) =>
        Promise.resolve(n === PLOGEN ? { ...exampleCompany(PLOGEN)!, signatories } : exampleCompany(n)),
    });
    try {
      // Signing starts: he signs alone per the register (and that answer is now kept in memory).
      expect(await mayAnswerConsent(publicId, peter.viewer, peter.user)).toBe("ok");
      const shown = ownerConsentForOwner(publicId, peter.viewer, "sv")!;
      const { url, setCookie } = await beginSigning({
        kind: "owner-consent",
        reference: publicId,
        party: OWNER_PARTY,
        text: shown.text,
        personnummer: PETER,
        language: "sv",
      });
      const { callback } = await atProvider(url, PETER);
      const result = await completeSigning(new Request(callback, { headers: { Cookie: cookiePair(setCookie) } }));
      if (!result.ok) throw new Error(result.reason);
      // Meanwhile he leaves the board: the register no longer names him.
      signatories = signatories.filter((s) => s.personnummer !== PETER);
      const refusals = () =>
        db()
          .select()
          .from(auditEvent)
          .where(and(eq(auditEvent.action, "permit.owner-consent.refused"), eq(auditEvent.subjectId, c.reference)))
          .all();
      expect(refusals()).toHaveLength(0);
      expect(await completeOwnerConsentSigning({ result, viewer: peter.viewer, actor: peter.user })).toEqual({
        ok: false,
        code: "not-signatory",
      });
      expect(refusals()).toEqual([expect.objectContaining({ personId: peter.viewer.personId })]);
      expect(consentsOf(c.id)[0]).toMatchObject({ status: "pending", signatureId: null, answeredAt: null });
      expect(db().select().from(caseSignature).where(eq(caseSignature.caseId, c.id)).all()).toEqual([]);
      expect(ownerConsentBlock(c.id, "approved")).toBe("ownerConsentPending");
    } finally {
      useCompanyRegister(null);
    }
  });

  it("the organisation the applicant acts for is not asked", () => {
    const peter = actingFor(PETER, "Peter Johansson", PLOGEN);
    const alone = db().select().from(caseTable).orderBy(caseTable.id).get()!;
    const before = consentsOf(alone.id).length;
    expect(
      requestOwnerConsents(
        alone.id,
        [{ kind: "organisation", name: "Plogen Fastigheter i Åmål AB", organisationsnummer: PLOGEN }],
        peter.user,
      ),
    ).toBe(0);
    expect(consentsOf(alone.id)).toHaveLength(before);
  });
});

describe("the consent's deadline and reminder (decision 100)", () => {
  it("reminds the owner exactly once some days before the deadline, then expires it; the officer may decide and the decision says so", async () => {
    const c = await fileFacadeChange(CO_OWNED);
    const [row] = consentsOf(c.id);
    const requested = new Date(row!.requestedAt);
    const deadline = new Date(row!.deadlineAt!);
    // 14 days by default, the reminder 3 days before it.
    expect(deadline.getTime() - requested.getTime()).toBe(14 * DAY);

    await remindDueConsents(new Date(deadline.getTime() - 4 * DAY));
    expect(notificationsOf(c.id, "owner-consent-reminder")).toEqual([]);
    await remindDueConsents(new Date(deadline.getTime() - 3 * DAY + 1000));
    await remindDueConsents(new Date(deadline.getTime() - 2 * DAY));
    await remindDueConsents(new Date(deadline.getTime() - 1000));
    const reminders = notificationsOf(c.id, "owner-consent-reminder");
    expect(reminders.map((n) => n.recipientHmac)).toEqual([hmacIndex(SARA)]);
    expect(JSON.parse(reminders[0]!.params)).toEqual({
      reference: c.reference,
      date: row!.deadlineAt!.slice(0, 10),
    });

    // Before the deadline the decision still waits.
    const handler = officer("handlaggare.bengtsfors");
    expect(changeStatusForStaff({ reference: c.reference, user: handler, to: "complete" })).toEqual({ ok: true });
    const decision = { reference: c.reference, user: handler, outcome: "approved", text: "Bygglov beviljas.", fee: "" };
    expect(await decide({ ...decision, now: new Date(deadline.getTime() - 1000) })).toEqual({
      ok: false,
      status: 409,
      error: "ownerConsentPending",
    });
    expect(consentsOf(c.id)[0]!.status).toBe("pending");

    // After it the request expires (once), the applicant is told, and no reminder follows.
    const after = new Date(deadline.getTime() + 60_000);
    expect(expireDueConsents(after, c.id)).toBe(1);
    expect(expireDueConsents(after, c.id)).toBe(0);
    expect(consentsOf(c.id)[0]!.status).toBe("expired");
    expect(notificationsOf(c.id, "owner-consent-expired").map((n) => n.recipientHmac)).toEqual([hmacIndex(ERIK)]);
    await remindDueConsents(after);
    expect(notificationsOf(c.id, "owner-consent-reminder")).toHaveLength(1);
    const sara = resident(SARA, "Sara Lindqvist");
    expect(await declineOwnerConsent({ publicId: row!.publicId, viewer: sara.viewer, actor: sara.user })).toEqual({
      ok: false,
      code: "not-pending",
    });
    expect(ownerConsentsForCase(c.id)).toEqual([expect.objectContaining({ status: "expired" })]);

    // The officer may decide now, and the decision records that consent was not given.
    expect(await decide({ ...decision, now: after })).toEqual({ ok: true });
    const decided = db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()!;
    expect(decided.text).toBe(
      `Bygglov beviljas.\n\nMedgivande från fastighetsägare har inte lämnats: begäran besvarades inte senast ${row!.deadlineAt!.slice(0, 10)}.`,
    );
  });

  it("a request the owner declines gets no reminder", async () => {
    const c = await fileFacadeChange(CO_OWNED);
    const [row] = consentsOf(c.id);
    const sara = resident(SARA, "Sara Lindqvist");
    expect(await declineOwnerConsent({ publicId: row!.publicId, viewer: sara.viewer, actor: sara.user })).toEqual({
      ok: true,
    });
    await remindDueConsents(new Date(new Date(row!.deadlineAt!).getTime() - DAY));
    expect(notificationsOf(c.id, "owner-consent-reminder")).toEqual([]);
  });
});
