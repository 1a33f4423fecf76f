/**
 * The property owner's consent to a bygglov application (docs/decisions/093). When the property
 * register names private owners other than the person who sends the application, each one is
 * asked on Mina sidor to sign a consent with e-ID (the same signature extension and verification
 * as the applicant's, decision 081/085) or to decline. The officer sees each answer, and a
 * decision waits for them: pending blocks every decision, a decline allows only a rejection or a
 * dismissal. The owner's signature is a `case_signature` row (party "property-owner"), so the
 * archive package carries it like the applicant's.
 *
 * Decision 100 adds owners that are organisations (the request goes to the organisation's party
 * on Mina sidor; only a signatory the company register names may answer) and a deadline: one
 * reminder some days before it, and after it the request expires and the officer may decide.
 */
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import { caseSignature, caseTable, organisation, permitCase, permitOwnerConsent, person } from "../../db/schema/index";
import { lookUpCompany } from "~/auth/company-register.server";
import type { SigningResult } from "~/auth/oidc-sign.server";
import type { ResidentUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { env } from "~/env.server";
import { defineJob } from "~/jobs/runner.server";
import { getFixedT } from "~/i18n/i18n.server";
import { auditDurably } from "~/platform/audit.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { RegisterAnswerError, RegisterUnavailableError } from "~/platform/register-http.server";
import { log } from "~/utils/logger.server";
import { parsePropertyDesignation } from "../../forms/lib/property-designation";
import { permitCaseSummaryText } from "./building-permits.server";
import type { ResidentViewer } from "./case-access.server";
import { recordCaseSignature, signedTextHash, storedSignatureView, type CaseSignatureView } from "./e-signature.server";
import { caseRecipients, kickNotificationDelivery, recordNotification } from "./notifications.server";
import { propertyRegister, type PropertyOwner } from "./property-register.server";
import { trail } from "./trail.server";

export const OWNER_PARTY = "property-owner";
export type OwnerConsentStatus = "pending" | "signed" | "declined" | "expired";
const DAY_MS = 86_400_000;

/** A registered owner as asked at submission: an organisation carries its signatories' HMACs when the register answered. */
type ConsentOwner = PropertyOwner & { signatoryHmacs?: string[] };
const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The owners the register names for a property, asked again at submission (the look-up of the
 * details step is not kept, and its owners' HMACs never reach the browser). Null when the
 * register does not answer: then nothing is sent.
 */
export async function registeredOwners(user: ResidentUser, designation: string): Promise<ConsentOwner[] | null> {
  const parsed = parsePropertyDesignation(designation);
  if (!parsed) return null;
  const register = propertyRegister();
  try {
    const answer = await register.lookup(parsed);
    // On disk before the owners are used (decision 155).
    await auditDurably({
      actor: user,
      action: "register.property.lookup",
      subjectType: "property",
      subjectId: parsed.text,
      details: { purpose: "owner-consent", register: register.name, result: answer.found ? "found" : "notFound" },
    });
    if (!answer.found) return null;
    const owners: ConsentOwner[] = [];
    for (const o of answer.property.owners)
      owners.push(
        o.kind === "organisation" ? { ...o, signatoryHmacs: await signatoryHmacs(o.organisationsnummer) } : o,
      );
    return owners;
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    log("warn", "property register lookup failed", { register: register.name, error: error.message });
    return null;
  }
}

/**
 * Who signs alone for an organisation per the company register (HMACs); empty when it has no such
 * company or does not answer (then nobody is told now, and the request waits on Mina sidor).
 */
async function signatoryHmacs(orgNumber: string): Promise<string[]> {
  if (!orgNumber) return [];
  try {
    const facts = await lookUpCompany(orgNumber, "owner-consent");
    if (!facts || facts.status !== "active") return [];
    return facts.signatories.filter((s) => s.signs === "alone").map((s) => s.personnummerHmac);
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    log("warn", "company register lookup failed for an owner's consent", { error: error.message });
    return [];
  }
}

/** The portal's row for an organisation the register names (made as /valj-part makes it). */
function organisationIdOf(orgNumber: string, name: string): number {
  db().insert(organisation).values({ orgNumber, name, example: false }).onConflictDoNothing().run();
  return db().select({ id: organisation.id }).from(organisation).where(eq(organisation.orgNumber, orgNumber)).get()!.id;
}

/**
 * One consent request per private owner other than the person sending (and, for a company, other
 * than its representative), with a notification on Mina sidor and by e-mail. Synchronous, so it
 * shares the transaction that creates the case. Owners without a personnummer in the register and
 * organisations are not asked here (decision 093). Returns how many were asked.
 */
export function requestOwnerConsents(
  caseId: number,
  owners: readonly ConsentOwner[],
  applicant: ResidentUser,
  now = new Date(),
): number {
  const self = db()
    .select({ h: person.personnummerHmac })
    .from(person)
    .where(eq(person.id, applicant.personId))
    .get()?.h;
  const actingFor = applicant.acting?.kind === "organisation" ? applicant.acting.organisationId : null;
  const c = db()
    .select({ reference: caseTable.reference, municipalityId: caseTable.municipalityId })
    .from(caseTable)
    .where(eq(caseTable.id, caseId))
    .get();
  if (!c) return 0;
  const deadlineAt = new Date(now.getTime() + env().OWNER_CONSENT_DAYS * DAY_MS).toISOString();
  const asked = new Set<string>();
  const organisations = new Map<number, string[]>();
  for (const o of owners) {
    let owner: { ownerHmac: string | null; ownerOrganisationId: number | null };
    if (o.kind === "organisation") {
      if (!/^\d{6}-\d{4}$/.test(o.organisationsnummer)) continue;
      const id = organisationIdOf(o.organisationsnummer, o.name);
      // The organisation the applicant acts for consents by applying.
      if (id === actingFor || organisations.has(id)) continue;
      organisations.set(id, o.signatoryHmacs ?? []);
      owner = { ownerHmac: null, ownerOrganisationId: id };
    } else {
      if (!o.personnummerHmac || o.personnummerHmac === self || asked.has(o.personnummerHmac)) continue;
      asked.add(o.personnummerHmac);
      owner = { ownerHmac: o.personnummerHmac, ownerOrganisationId: null };
    }
    db()
      .insert(permitOwnerConsent)
      .values({
        publicId: randomBytes(16).toString("base64url"),
        caseId,
        ...owner,
        ownerName: encrypt(o.name),
        requestedAt: now.toISOString(),
        deadlineAt,
      })
      .onConflictDoNothing()
      .run();
  }
  const count = asked.size + organisations.size;
  if (count === 0) return 0;
  if (asked.size > 0) recordNotification({ recipients: [...asked], caseId, kind: "owner-consent-requested", now });
  const signatories = [...organisations.values()].flat();
  if (signatories.length > 0)
    recordNotification({ recipients: signatories, caseId, kind: "owner-consent-requested-organisation", now });
  trail({
    actor: applicant,
    action: "permit.owner-consent.requested",
    subjectType: "case",
    subjectId: c.reference,
    municipalityId: c.municipalityId,
    details: { owners: asked.size, organisations: organisations.size, deadlineAt },
  });
  kickNotificationDelivery();
  return count;
}

/**
 * What the owner signs: the consent, the property and the case, then the application's summary as
 * the case keeps it (`permitCaseSummaryText`), so it is rebuilt byte for byte from the case.
 */
export function ownerConsentText(caseId: number, language: "sv" | "en"): string | null {
  const row = db()
    .select({ reference: caseTable.reference, designation: permitCase.propertyDesignation })
    .from(caseTable)
    .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .where(eq(caseTable.id, caseId))
    .get();
  const summary = permitCaseSummaryText(caseId, language);
  if (!row || summary === null) return null;
  const t = getFixedT(language, "permits");
  return [
    t("ownerConsent.textTitle"),
    t("ownerConsent.textStatement", { designation: row.designation, reference: row.reference }),
    "",
    summary,
  ].join("\n");
}

/**
 * Whose requests a viewer sees: acting for an organisation, that organisation's; otherwise their
 * own as a private owner (as Mina sidor scopes cases, decision 069).
 */
function ownedBy(viewer: ResidentViewer) {
  return viewer.organisationId
    ? eq(permitOwnerConsent.ownerOrganisationId, viewer.organisationId)
    : eq(permitOwnerConsent.ownerHmac, viewer.personnummerHmac);
}

function consentRow(publicId: string, viewer: ResidentViewer) {
  if (!PUBLIC_ID.test(publicId)) return undefined;
  return db()
    .select({
      consent: permitOwnerConsent,
      reference: caseTable.reference,
      municipalityId: caseTable.municipalityId,
      designation: permitCase.propertyDesignation,
      orgNumber: organisation.orgNumber,
      organisationName: organisation.name,
    })
    .from(permitOwnerConsent)
    .innerJoin(caseTable, eq(caseTable.id, permitOwnerConsent.caseId))
    .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .leftJoin(organisation, eq(organisation.id, permitOwnerConsent.ownerOrganisationId))
    .where(and(eq(permitOwnerConsent.publicId, publicId), ownedBy(viewer)))
    .get();
}

/** The owner's requests on Mina sidor, newest first. Only the owner's own (see ownedBy). */
export function listOwnerConsents(viewer: ResidentViewer) {
  expireDueConsents(new Date());
  return db()
    .select({
      publicId: permitOwnerConsent.publicId,
      status: permitOwnerConsent.status,
      requestedAt: permitOwnerConsent.requestedAt,
      deadlineAt: permitOwnerConsent.deadlineAt,
      reference: caseTable.reference,
      designation: permitCase.propertyDesignation,
    })
    .from(permitOwnerConsent)
    .innerJoin(caseTable, eq(caseTable.id, permitOwnerConsent.caseId))
    .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .where(ownedBy(viewer))
    .orderBy(desc(permitOwnerConsent.id))
    .all();
}

/** One request as its owner sees it, with the text to sign; null (404) for anyone else. */
export function ownerConsentForOwner(publicId: string, viewer: ResidentViewer, language: "sv" | "en") {
  expireDueConsents(new Date());
  const row = consentRow(publicId, viewer);
  if (!row) return null;
  const text = ownerConsentText(row.consent.caseId, language);
  if (text === null) return null;
  return {
    publicId: row.consent.publicId,
    reference: row.reference,
    designation: row.designation,
    status: row.consent.status as OwnerConsentStatus,
    requestedAt: row.consent.requestedAt,
    answeredAt: row.consent.answeredAt,
    deadlineAt: row.consent.deadlineAt,
    /** Set when the owner is an organisation: only its signatory may answer (decision 100). */
    organisation: row.organisationName ?? null,
    text,
  };
}

/**
 * The e-ID signature of a request the viewer's party signed, verified again against the consent
 * text rebuilt from the case (decision 107); null when it is not theirs or not signed.
 */
export function ownerConsentSignature(publicId: string, viewer: ResidentViewer): CaseSignatureView | null {
  const row = consentRow(publicId, viewer);
  if (!row || row.consent.status !== "signed" || row.consent.signatureId === null) return null;
  const signature = db()
    .select()
    .from(caseSignature)
    .where(and(eq(caseSignature.id, row.consent.signatureId), eq(caseSignature.caseId, row.consent.caseId)))
    .get();
  if (!signature) return null;
  return storedSignatureView(
    signature,
    ownerConsentText(row.consent.caseId, signature.language === "en" ? "en" : "sv") ?? "",
  );
}

type SignatoryCheck = "ok" | "not-found" | "not-signatory" | "unavailable";

/**
 * Whether the logged-in person may answer a request: a private owner always (the request is theirs
 * or not found); for an organisation only a signatory who signs alone per the company register,
 * asked now. A refused attempt is audited (not a page that only asks, `quiet`).
 */
export async function mayAnswerConsent(
  publicId: string,
  viewer: ResidentViewer,
  actor: ResidentUser,
  options: { quiet?: boolean; fresh?: boolean } = {},
): Promise<SignatoryCheck> {
  const row = consentRow(publicId, viewer);
  if (!row) return "not-found";
  if (row.consent.ownerOrganisationId === null || !row.orgNumber) return "ok";
  let signs = false;
  try {
    const facts = await lookUpCompany(row.orgNumber, "owner-consent", { fresh: options.fresh });
    signs =
      facts?.status === "active" &&
      facts.signatories.some((s) => s.personnummerHmac === viewer.personnummerHmac && s.signs === "alone");
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    return "unavailable";
  }
  if (signs) return "ok";
  if (!options.quiet)
    trail({
      actor,
      action: "permit.owner-consent.refused",
      subjectType: "case",
      subjectId: row.reference,
      municipalityId: row.municipalityId,
      personId: viewer.personId,
      details: { reason: "not-signatory" },
    });
  return "not-signatory";
}

export type ConsentAnswer =
  | { ok: true }
  | {
      ok: false;
      code:
        "cancelled" | "failed" | "invalid" | "changed" | "not-pending" | "not-found" | "not-signatory" | "unavailable";
    };

/** Records the applicant's notification in the answer's commit; delivery is kicked after its fsync. */
function tellApplicant(caseId: number, now: Date) {
  recordNotification({ recipients: caseRecipients(caseId), caseId, kind: "owner-consent-answered", now });
}

/**
 * A signature that has come back from the provider for a consent request: the request must be
 * this owner's and pending, the text the one sent (rebuilt from the case now), and the signature
 * must verify with this owner as the signer; only then is it stored and the request signed. For an
 * organisation the company register is asked again, afresh (decision 107): someone who stopped
 * being its signatory while at the provider is refused (audited) and nothing is written.
 */
export async function completeOwnerConsentSigning(input: {
  result: SigningResult;
  viewer: ResidentViewer;
  actor: ResidentUser;
  now?: Date;
}): Promise<ConsentAnswer> {
  const { result, viewer } = input;
  if (!result.ok) return { ok: false, code: result.reason };
  expireDueConsents(input.now ?? new Date());
  const row = consentRow(result.flow.reference, viewer);
  if (!row) return { ok: false, code: "not-found" };
  if (row.consent.status !== "pending") return { ok: false, code: "not-pending" };
  const may = await mayAnswerConsent(result.flow.reference, viewer, input.actor, { fresh: true });
  if (may !== "ok") return { ok: false, code: may };
  const text = ownerConsentText(row.consent.caseId, result.flow.language);
  if (text === null || signedTextHash(text) !== result.flow.textHash) return { ok: false, code: "changed" };
  const now = input.now ?? new Date();
  // The signature, the answer, its audit row and the applicant's notification in one commit whose
  // fsync runs off the event loop; answered after it (decision 150).
  const answer = await commitDurably((): ConsentAnswer => {
    const check = recordCaseSignature({
      caseId: row.consent.caseId,
      reference: row.reference,
      municipalityId: row.municipalityId,
      party: OWNER_PARTY,
      signer: { personId: viewer.personId, personnummerHmac: viewer.personnummerHmac },
      text,
      language: result.flow.language,
      userSignature: result.userSignature,
      issuer: result.issuer,
      signedAt: result.signedAt,
      actor: input.actor,
    });
    if (!check.ok) return { ok: false, code: "invalid" };
    const signature = db()
      .select({ id: caseSignature.id })
      .from(caseSignature)
      .where(
        and(
          eq(caseSignature.caseId, row.consent.caseId),
          eq(caseSignature.party, OWNER_PARTY),
          eq(caseSignature.signerHmac, viewer.personnummerHmac),
        ),
      )
      .orderBy(desc(caseSignature.id))
      .get();
    db()
      .update(permitOwnerConsent)
      .set({ status: "signed", signatureId: signature?.id ?? null, answeredAt: now.toISOString() })
      .where(and(eq(permitOwnerConsent.id, row.consent.id), eq(permitOwnerConsent.status, "pending")))
      .run();
    trail({
      actor: input.actor,
      action: "permit.owner-consent.signed",
      subjectType: "case",
      subjectId: row.reference,
      municipalityId: row.municipalityId,
      personId: viewer.personId,
    });
    tellApplicant(row.consent.caseId, now);
    return { ok: true };
  });
  if (answer.ok) kickNotificationDelivery();
  return answer;
}

/**
 * The owner says no. Only their own pending request; anything else is not found or answered. For
 * an organisation the caller has asked `mayAnswerConsent` first.
 */
export async function declineOwnerConsent(input: {
  publicId: string;
  viewer: ResidentViewer;
  actor: ResidentUser;
  now?: Date;
}): Promise<ConsentAnswer> {
  expireDueConsents(input.now ?? new Date());
  const row = consentRow(input.publicId, input.viewer);
  if (!row) return { ok: false, code: "not-found" };
  if (row.consent.status !== "pending") return { ok: false, code: "not-pending" };
  const now = input.now ?? new Date();
  // As a signature: one commit, answered after its fsync off the event loop (decision 150).
  await commitDurably(() => {
    db()
      .update(permitOwnerConsent)
      .set({ status: "declined", answeredAt: now.toISOString() })
      .where(and(eq(permitOwnerConsent.id, row.consent.id), eq(permitOwnerConsent.status, "pending")))
      .run();
    trail({
      actor: input.actor,
      action: "permit.owner-consent.declined",
      subjectType: "case",
      subjectId: row.reference,
      municipalityId: row.municipalityId,
      personId: input.viewer.personId,
    });
    tellApplicant(row.consent.caseId, now);
  });
  kickNotificationDelivery();
  return { ok: true };
}

export interface OwnerConsentView {
  ownerName: string;
  /** The owner is an organisation: its signatory answers (decision 100). */
  organisation: boolean;
  status: OwnerConsentStatus;
  requestedAt: string;
  answeredAt: string | null;
  deadlineAt: string | null;
}

/** Each owner's answer for the officer's case view (the caller has checked and audited the read). */
export function ownerConsentsForCase(caseId: number): OwnerConsentView[] {
  expireDueConsents(new Date(), caseId);
  return db()
    .select()
    .from(permitOwnerConsent)
    .where(eq(permitOwnerConsent.caseId, caseId))
    .orderBy(asc(permitOwnerConsent.id))
    .all()
    .map((r) => ({
      ownerName: decrypt(r.ownerName),
      organisation: r.ownerOrganisationId !== null,
      status: r.status as OwnerConsentStatus,
      requestedAt: r.requestedAt,
      answeredAt: r.answeredAt,
      deadlineAt: r.deadlineAt,
    }));
}

/**
 * Whether the owners' answers let a decision with this outcome be made: a pending request stops
 * every decision, a declined one stops an approval (decision 093); an expired one (no answer by
 * its deadline) stops nothing (decision 100). Null when nothing stops it.
 */
export function ownerConsentBlock(
  caseId: number,
  outcome: string,
  now = new Date(),
): "ownerConsentPending" | "ownerConsentDeclined" | null {
  expireDueConsents(now, caseId);
  const statuses = db()
    .select({ s: permitOwnerConsent.status })
    .from(permitOwnerConsent)
    .where(eq(permitOwnerConsent.caseId, caseId))
    .all()
    .map((r) => r.s);
  if (statuses.includes("pending")) return "ownerConsentPending";
  if (statuses.includes("declined") && outcome === "approved") return "ownerConsentDeclined";
  return null;
}

/**
 * The sentence a decision carries when an owner's consent was not given (decision 100): declined,
 * or not answered by the deadline. Null when every owner consented (or none was asked).
 */
export function ownerConsentDecisionNote(caseId: number, language: "sv" | "en"): string | null {
  const rows = db()
    .select({ status: permitOwnerConsent.status, deadlineAt: permitOwnerConsent.deadlineAt })
    .from(permitOwnerConsent)
    .where(eq(permitOwnerConsent.caseId, caseId))
    .all();
  const t = getFixedT(language, "permits");
  const lines: string[] = [];
  const declined = rows.filter((r) => r.status === "declined").length;
  const expired = rows.filter((r) => r.status === "expired");
  if (declined > 0) lines.push(t("ownerConsent.decisionNote.declined", { count: declined }));
  if (expired.length > 0) {
    const last =
      expired
        .map((r) => r.deadlineAt ?? "")
        .sort()
        .at(-1) ?? "";
    lines.push(t("ownerConsent.decisionNote.expired", { count: expired.length, date: last.slice(0, 10) }));
  }
  return lines.length > 0 ? lines.join(" ") : null;
}

/**
 * Requests still pending past their deadline become "expired" (each claimed once, so two runs
 * never tell twice): audited, and the applicant is told; the officer sees it in the case and may
 * decide. Run by the job, and first by every read that depends on it (as a lapsed offer is).
 * Returns how many expired.
 */
export function expireDueConsents(now: Date, caseId?: number): number {
  const due = db()
    .select({
      id: permitOwnerConsent.id,
      caseId: permitOwnerConsent.caseId,
      reference: caseTable.reference,
      municipalityId: caseTable.municipalityId,
    })
    .from(permitOwnerConsent)
    .innerJoin(caseTable, eq(caseTable.id, permitOwnerConsent.caseId))
    .where(
      and(
        eq(permitOwnerConsent.status, "pending"),
        lte(permitOwnerConsent.deadlineAt, now.toISOString()),
        caseId === undefined ? undefined : eq(permitOwnerConsent.caseId, caseId),
      ),
    )
    .all();
  let expired = 0;
  for (const r of due) {
    const claimed = db().transaction(() => {
      const changed = db()
        .update(permitOwnerConsent)
        .set({ status: "expired" })
        .where(and(eq(permitOwnerConsent.id, r.id), eq(permitOwnerConsent.status, "pending")))
        .run().changes;
      if (changed !== 1) return false;
      trail({
        actor: "system",
        action: "permit.owner-consent.expired",
        subjectType: "case",
        subjectId: r.reference,
        municipalityId: r.municipalityId,
      });
      recordNotification({
        recipients: caseRecipients(r.caseId),
        caseId: r.caseId,
        kind: "owner-consent-expired",
        now,
      });
      return true;
    });
    if (claimed) expired++;
  }
  if (expired > 0) kickNotificationDelivery();
  return expired;
}

/**
 * One reminder per request, `OWNER_CONSENT_REMINDER_DAYS` before its deadline, to the owner (a
 * person) or the organisation's signatories as the company register names them now. Claimed
 * before it is told, so it goes exactly once; an answered or expired request is never reminded.
 */
export async function remindDueConsents(now: Date): Promise<number> {
  const days = env().OWNER_CONSENT_REMINDER_DAYS;
  if (days === 0) return 0;
  const due = db()
    .select({
      id: permitOwnerConsent.id,
      caseId: permitOwnerConsent.caseId,
      ownerHmac: permitOwnerConsent.ownerHmac,
      orgNumber: organisation.orgNumber,
      deadlineAt: permitOwnerConsent.deadlineAt,
    })
    .from(permitOwnerConsent)
    .leftJoin(organisation, eq(organisation.id, permitOwnerConsent.ownerOrganisationId))
    .where(
      and(
        eq(permitOwnerConsent.status, "pending"),
        isNull(permitOwnerConsent.remindedAt),
        lte(permitOwnerConsent.deadlineAt, new Date(now.getTime() + days * DAY_MS).toISOString()),
      ),
    )
    .all()
    .filter((r) => r.deadlineAt !== null && r.deadlineAt > now.toISOString());
  let reminded = 0;
  for (const r of due) {
    const recipients = r.ownerHmac ? [r.ownerHmac] : await signatoryHmacs(r.orgNumber ?? "");
    const claimed = db().transaction(() => {
      const changed = db()
        .update(permitOwnerConsent)
        .set({ remindedAt: now.toISOString() })
        .where(
          and(
            eq(permitOwnerConsent.id, r.id),
            eq(permitOwnerConsent.status, "pending"),
            isNull(permitOwnerConsent.remindedAt),
          ),
        )
        .run().changes;
      if (changed !== 1) return false;
      recordNotification({
        recipients,
        caseId: r.caseId,
        kind: "owner-consent-reminder",
        params: { date: (r.deadlineAt ?? "").slice(0, 10) },
        now,
      });
      return true;
    });
    if (claimed) reminded++;
  }
  if (reminded > 0) kickNotificationDelivery();
  return reminded;
}

/** One run of the job; never throws (a failure is logged and the next run tries again). */
async function runOwnerConsentDeadlines(now = new Date()): Promise<{ reminded: number; expired: number }> {
  try {
    const reminded = await remindDueConsents(now);
    const expired = expireDueConsents(now);
    if (reminded + expired > 0) log("info", "owner consent deadlines", { reminded, expired });
    return { reminded, expired };
  } catch (error) {
    log("error", "owner consent job failed", { error: error instanceof Error ? error.message : String(error) });
    return { reminded: 0, expired: 0 };
  }
}

export const ownerConsentJob = defineJob({
  name: "owner-consent",
  everyMs: () => env().OWNER_CONSENT_INTERVAL_MINUTES * 60_000,
  firstDelayMs: 20_000,
  run: async ({ now }) => runOwnerConsentDeadlines(now),
});
