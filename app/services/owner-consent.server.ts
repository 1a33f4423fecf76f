/**
 * The property owner's consent to a bygglov application (docs/decisions/093). When the property
 * register names private owners other than the person who sends the application, each one is
 * asked on Mina sidor to sign a consent with e-ID (the same signature extension and verification
 * as the applicant's, decision 081/085) or to decline. The officer sees each answer, and a
 * decision waits for them: pending blocks every decision, a decline allows only a rejection or a
 * dismissal. The owner's signature is a `case_signature` row (party "property-owner"), so the
 * archive package carries it like the applicant's.
 */
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { caseSignature, caseTable, permitCase, permitOwnerConsent, person } from "../../db/schema/index";
import type { SigningResult } from "~/auth/oidc-sign.server";
import type { ResidentUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { RegisterAnswerError, RegisterUnavailableError } from "~/platform/register-http.server";
import { log } from "~/utils/logger.server";
import { parsePropertyDesignation } from "../../forms/lib/property-designation";
import { permitCaseSummaryText } from "./building-permits.server";
import type { ResidentViewer } from "./case-access.server";
import { recordCaseSignature, signedTextHash } from "./e-signature.server";
import { caseRecipients, kickNotificationDelivery, recordNotification } from "./notifications.server";
import { propertyRegister, type PropertyOwner } from "./property-register.server";
import { trail } from "./trail.server";

export const OWNER_PARTY = "property-owner";
export type OwnerConsentStatus = "pending" | "signed" | "declined";
const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The owners the register names for a property, asked again at submission (the look-up of the
 * details step is not kept, and its owners' HMACs never reach the browser). Null when the
 * register does not answer: then nothing is sent.
 */
export async function registeredOwners(user: ResidentUser, designation: string): Promise<PropertyOwner[] | null> {
  const parsed = parsePropertyDesignation(designation);
  if (!parsed) return null;
  const register = propertyRegister();
  try {
    const answer = await register.lookup(parsed);
    audit({
      actor: user,
      action: "register.property.lookup",
      subjectType: "property",
      subjectId: parsed.text,
      details: { purpose: "owner-consent", register: register.name, result: answer.found ? "found" : "notFound" },
    });
    return answer.found ? answer.property.owners : null;
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    log("warn", "property register lookup failed", { register: register.name, error: error.message });
    return null;
  }
}

/**
 * One consent request per private owner other than the person sending (and, for a company, other
 * than its representative), with a notification on Mina sidor and by e-mail. Synchronous, so it
 * shares the transaction that creates the case. Owners without a personnummer in the register and
 * organisations are not asked here (decision 093). Returns how many were asked.
 */
export function requestOwnerConsents(
  caseId: number,
  owners: readonly PropertyOwner[],
  applicant: ResidentUser,
  now = new Date(),
): number {
  const self = db()
    .select({ h: person.personnummerHmac })
    .from(person)
    .where(eq(person.id, applicant.personId))
    .get()?.h;
  const c = db()
    .select({ reference: caseTable.reference, municipalityId: caseTable.municipalityId })
    .from(caseTable)
    .where(eq(caseTable.id, caseId))
    .get();
  if (!c) return 0;
  const asked = new Set<string>();
  for (const o of owners) {
    if (o.kind !== "person" || !o.personnummerHmac || o.personnummerHmac === self || asked.has(o.personnummerHmac))
      continue;
    asked.add(o.personnummerHmac);
    db()
      .insert(permitOwnerConsent)
      .values({
        publicId: randomBytes(16).toString("base64url"),
        caseId,
        ownerHmac: o.personnummerHmac,
        ownerName: encrypt(o.name),
        requestedAt: now.toISOString(),
      })
      .onConflictDoNothing()
      .run();
  }
  if (asked.size === 0) return 0;
  recordNotification({ recipients: [...asked], caseId, kind: "owner-consent-requested", now });
  trail({
    actor: applicant,
    action: "permit.owner-consent.requested",
    subjectType: "case",
    subjectId: c.reference,
    municipalityId: c.municipalityId,
    details: { owners: asked.size },
  });
  kickNotificationDelivery();
  return asked.size;
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

function consentRow(publicId: string, viewer: ResidentViewer) {
  if (!PUBLIC_ID.test(publicId)) return undefined;
  return db()
    .select({
      consent: permitOwnerConsent,
      reference: caseTable.reference,
      municipalityId: caseTable.municipalityId,
      designation: permitCase.propertyDesignation,
    })
    .from(permitOwnerConsent)
    .innerJoin(caseTable, eq(caseTable.id, permitOwnerConsent.caseId))
    .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .where(and(eq(permitOwnerConsent.publicId, publicId), eq(permitOwnerConsent.ownerHmac, viewer.personnummerHmac)))
    .get();
}

/** The owner's requests on Mina sidor, newest first. Only the owner's own (by personnummer HMAC). */
export function listOwnerConsents(viewer: ResidentViewer) {
  return db()
    .select({
      publicId: permitOwnerConsent.publicId,
      status: permitOwnerConsent.status,
      requestedAt: permitOwnerConsent.requestedAt,
      reference: caseTable.reference,
      designation: permitCase.propertyDesignation,
    })
    .from(permitOwnerConsent)
    .innerJoin(caseTable, eq(caseTable.id, permitOwnerConsent.caseId))
    .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .where(eq(permitOwnerConsent.ownerHmac, viewer.personnummerHmac))
    .orderBy(desc(permitOwnerConsent.id))
    .all();
}

/** One request as its owner sees it, with the text to sign; null (404) for anyone else. */
export function ownerConsentForOwner(publicId: string, viewer: ResidentViewer, language: "sv" | "en") {
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
    text,
  };
}

export type ConsentAnswer =
  { ok: true } | { ok: false; code: "cancelled" | "failed" | "invalid" | "changed" | "not-pending" | "not-found" };

function tellApplicant(caseId: number, now: Date) {
  recordNotification({ recipients: caseRecipients(caseId), caseId, kind: "owner-consent-answered", now });
  kickNotificationDelivery();
}

/**
 * A signature that has come back from the provider for a consent request: the request must be
 * this owner's and pending, the text the one sent (rebuilt from the case now), and the signature
 * must verify with this owner as the signer; only then is it stored and the request signed.
 */
export function completeOwnerConsentSigning(input: {
  result: SigningResult;
  viewer: ResidentViewer;
  actor: ResidentUser;
  now?: Date;
}): ConsentAnswer {
  const { result, viewer } = input;
  if (!result.ok) return { ok: false, code: result.reason };
  const row = consentRow(result.flow.reference, viewer);
  if (!row) return { ok: false, code: "not-found" };
  if (row.consent.status !== "pending") return { ok: false, code: "not-pending" };
  const text = ownerConsentText(row.consent.caseId, result.flow.language);
  if (text === null || signedTextHash(text) !== result.flow.textHash) return { ok: false, code: "changed" };
  const now = input.now ?? new Date();
  return db().transaction((): ConsentAnswer => {
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
}

/** The owner says no. Only their own pending request; anything else is not found or answered. */
export function declineOwnerConsent(input: {
  publicId: string;
  viewer: ResidentViewer;
  actor: ResidentUser;
  now?: Date;
}): ConsentAnswer {
  const row = consentRow(input.publicId, input.viewer);
  if (!row) return { ok: false, code: "not-found" };
  if (row.consent.status !== "pending") return { ok: false, code: "not-pending" };
  const now = input.now ?? new Date();
  db().transaction(() => {
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
  return { ok: true };
}

export interface OwnerConsentView {
  ownerName: string;
  status: OwnerConsentStatus;
  requestedAt: string;
  answeredAt: string | null;
}

/** Each owner's answer for the officer's case view (the caller has checked and audited the read). */
export function ownerConsentsForCase(caseId: number): OwnerConsentView[] {
  return db()
    .select()
    .from(permitOwnerConsent)
    .where(eq(permitOwnerConsent.caseId, caseId))
    .orderBy(asc(permitOwnerConsent.id))
    .all()
    .map((r) => ({
      ownerName: decrypt(r.ownerName),
      status: r.status as OwnerConsentStatus,
      requestedAt: r.requestedAt,
      answeredAt: r.answeredAt,
    }));
}

/**
 * Whether the owners' answers let a decision with this outcome be made: a pending request stops
 * every decision, a declined one stops an approval (decision 093). Null when nothing stops it.
 */
export function ownerConsentBlock(
  caseId: number,
  outcome: string,
): "ownerConsentPending" | "ownerConsentDeclined" | null {
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
