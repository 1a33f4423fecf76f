import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import { z } from "zod";
import { isCaseStatus } from "~/domain/statuses";
import { caseParty, caseTable, childcareUnit, municipality, schoolSignature } from "../../db/schema/index";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { getVisibleCase, type ResidentViewer } from "./case-access.server";
import type { FieldErrors } from "./childcare-application";
import { isIsoDate, swedishDate, addMonths } from "./childcare-rules";
import { caseAnswers, changeCaseStatus, childAtSubmission, createCase, keptChild } from "./cases.server";
import { NOT_FOR_OFFICERS } from "./case-status";
import { adoptContactEmail, kickNotificationDelivery, recordNotification } from "./notifications.server";
import { getChildOfGuardian, REGISTER_SOURCE, registerPerson } from "./population.server";
import { anyProtected } from "./protected-identity.server";
import { recordCaseSignature, listCaseSignatures, type CaseSignatureView } from "./e-signature.server";
import { getFixedT } from "~/i18n/i18n.server";
import type { SigningResult } from "~/auth/oidc-sign.server";
import { sha256Hex } from "~/auth/oidc-sign.server";
import { contentHash } from "./signature-hash.server";
import { trail } from "./trail.server";
import { getAdministrationForArea } from "./municipalities.server";

/**
 * School applications (förskoleklass or a change of school). Where two guardians share
 * custody both must approve: the case waits in "awaiting_signatures", visible to both on Mina
 * sidor, and reaches officers only when every guardian has approved the same content hash;
 * one decline stops it (docs/decisions/023).
 */
export const SCHOOL_FORM_ID = "skolval-ansokan";
export const SCHOOL_APPLICATION_TYPES = ["forskoleklass", "skolbyte"] as const;

const SchoolApplicationSchema = z.object({
  child: z.string().min(1).max(100),
  applicationType: z.enum(SCHOOL_APPLICATION_TYPES),
  school1: z.coerce.number().int().positive(),
  school2: z.coerce.number().int().positive().optional(),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reason: z.string().max(1000).optional(),
  contactEmail: z.email().max(200).optional(),
});
export type SchoolApplicationInput = z.infer<typeof SchoolApplicationSchema>;

export function parseSchoolApplication(
  form: Record<string, unknown>,
): { ok: true; value: SchoolApplicationInput } | { ok: false; errors: FieldErrors } {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string" && v.trim() !== "") raw[k] = v.trim();
  const parsed = SchoolApplicationSchema.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "child");
      errors[field] ??= raw[field] === undefined ? "required" : issue.code === "too_big" ? "tooLong" : "invalid";
    }
    return { ok: false, errors };
  }
  if (parsed.data.school2 !== undefined && parsed.data.school2 === parsed.data.school1) errors.school2 = "duplicate";
  if (!isIsoDate(parsed.data.startDate)) errors.startDate = "invalid";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** What the guardians sign: the reference, the form and the answers (no one's own notes). */
export function signedContent(c: { reference: string; formId: string; data: string; sensitiveData: string | null }) {
  return { reference: c.reference, formId: c.formId, data: caseAnswers(c) };
}

export async function submitSchoolApplication(input: {
  viewer: ResidentViewer;
  actor: unknown;
  answers: SchoolApplicationInput;
  idempotencyKey: string;
  language: "sv" | "en";
  /**
   * The applicant signs the summary with e-ID after submitting (decision 081): their row starts
   * pending and the case waits even under sole custody. Off, the submission is the applicant's
   * approval (decision 023), as services and tests that build cases directly still use.
   */
  applicantSignsWithEId?: boolean;
  /**
   * Every other guardian of the child signs before the case reaches an officer (the definition's
   * `signatures: [{ party: "co-guardians" }]`, decision 090). Default on, as decision 023 had it.
   */
  coGuardiansSign?: boolean;
  /** The version of the e-service the answers were given on (the engine's definition). */
  formVersion?: number;
  now?: Date;
}): Promise<{ ok: true; reference: string; awaitingSignatures: boolean } | { ok: false; errors: FieldErrors }> {
  const now = input.now ?? new Date();
  const a = input.answers;
  const child = await getChildOfGuardian({ guardianHmac: input.viewer.personnummerHmac, childHmac: a.child }, "school");
  if (!child) return { ok: false, errors: { child: "notYours" } };
  const ids = [a.school1, a.school2].filter((x): x is number => x !== undefined);
  const schools = db().select().from(childcareUnit).where(inArray(childcareUnit.id, ids)).all();
  const errors: FieldErrors = {};
  ids.forEach((id, i) => {
    const s = schools.find((u) => u.id === id);
    if (!s || s.kind !== "grundskola" || s.closedAt !== null) errors[`school${i + 1}`] = "invalid";
  });
  if (new Set(schools.map((s) => s.municipalityId)).size > 1) errors.school2 ??= "sameMunicipality";
  const today = swedishDate(now);
  if (a.startDate < today) errors.startDate = "inPast";
  else if (a.startDate > addMonths(today, 18)) errors.startDate = "tooFar";
  if (Object.keys(errors).length) return { ok: false, errors };
  const municipalityId = schools.find((s) => s.id === a.school1)!.municipalityId;
  // The administration that handles the area is run-time data (administration_area, decision 056).
  const admin = getAdministrationForArea({ municipalityId: municipalityId, area: "skola" });
  if (!admin) throw new Error("No administration handles skola");
  const coGuardians =
    input.coGuardiansSign === false ? [] : child.custody.filter((h) => h !== input.viewer.personnummerHmac);
  const applicantSigns = input.applicantSignsWithEId === true;
  const awaiting = coGuardians.length > 0 || applicantSigns;
  const involvedProtected = await anyProtected([child.hmac, ...coGuardians], "school");
  let deliveries = 0;
  // One commit, its fsync off the event loop (decision 150): the case, its parties and signature
  // rows, the contact address, the audit row and the notifications together or not at all, and the
  // answer only once they are on disk. A repeat finds the case and waits for the same fsync.
  const created = await commitDurably(() => {
    const created = createCase({
      idempotencyKey: input.idempotencyKey,
      municipalityId,
      administrationId: admin.id,
      formId: SCHOOL_FORM_ID,
      formVersion: input.formVersion ?? 1,
      area: "skola",
      // A school choice names a child: secret, like childcare (the definition says so and the
      // checker holds it to that, forms/hooks.ts SECRET_SUBMIT_HANDLERS; diarium-rules.ts masks the area).
      sensitivity: "secret",
      data: {
        child: child.hmac,
        childSource: REGISTER_SOURCE,
        applicationType: a.applicationType,
        schools: ids,
        startDate: a.startDate,
        reason: a.reason ?? null,
      },
      sensitiveData: { childAtSubmission: keptChild(child) },
      applicantPersonId: input.viewer.personId,
      applicantOrganisationId: null,
      submittedByPersonId: input.viewer.personId,
      contactEmail: a.contactEmail ?? null,
      submitterKey: null,
      language: input.language,
      decisionDays: null,
      diarium: { subject: null, partyKind: "person", partyName: null },
      attachments: { publicIds: [], ownerKey: input.viewer.personnummerHmac },
      initialStatus: awaiting ? "awaiting_signatures" : "received",
      involvedProtected,
      now,
    });
    if (!created.created) return created;
    const tx = db();
    const c = tx.select().from(caseTable).where(eq(caseTable.id, created.id)).get()!;
    const hash = contentHash(signedContent(c));
    const at = now.toISOString();
    tx.insert(caseParty)
      .values({ caseId: c.id, personnummerHmac: input.viewer.personnummerHmac, role: "applicant" })
      .run();
    tx.insert(schoolSignature)
      .values(
        applicantSigns
          ? { caseId: c.id, guardianHmac: input.viewer.personnummerHmac }
          : {
              caseId: c.id,
              guardianHmac: input.viewer.personnummerHmac,
              decision: "approved",
              decidedAt: at,
              decidedByPersonId: input.viewer.personId,
              contentHash: hash,
            },
      )
      .run();
    for (const h of coGuardians) {
      tx.insert(caseParty).values({ caseId: c.id, personnummerHmac: h, role: "co-guardian" }).run();
      tx.insert(schoolSignature).values({ caseId: c.id, guardianHmac: h }).run();
    }
    adoptContactEmail(input.viewer.personnummerHmac, a.contactEmail ?? null);
    trail({
      actor: input.actor,
      action: "school.apply",
      subjectType: "case",
      subjectId: c.reference,
      municipalityId,
      personId: input.viewer.personId,
      details: { contentHash: hash },
    });
    deliveries += recordNotification({
      recipients: [input.viewer.personnummerHmac],
      caseId: c.id,
      kind: "case-submitted",
      now,
    });
    if (coGuardians.length > 0)
      deliveries += recordNotification({ recipients: coGuardians, caseId: c.id, kind: "signature-requested", now });
    return created;
  });
  if (deliveries > 0) kickNotificationDelivery();
  return { ok: true, reference: created.reference, awaitingSignatures: awaiting };
}

export interface SignatureView {
  guardianName: string;
  decision: "pending" | "approved" | "declined";
  decidedAt: string | null;
  contentHash: string | null;
  isViewer: boolean;
}

export interface SchoolCaseView {
  childName: string;
  applicationType: string;
  schools: { id: number; name: string }[];
  startDate: string;
  reason: string | null;
  contentHash: string;
  signatures: SignatureView[];
  /** The viewer has a pending signature on a case still waiting. */
  canSign: boolean;
  /** e-ID signatures over the summary, each verified again against the stored answers (decision 081). */
  eSignatures: CaseSignatureView[];
}

async function describeSchoolCase(
  c: typeof caseTable.$inferSelect,
  viewerHmac: string | null,
): Promise<SchoolCaseView> {
  const answers = caseAnswers(c) as {
    child: string;
    applicationType: string;
    schools: number[];
    startDate: string;
    reason: string | null;
  };
  const purpose = viewerHmac ? "school" : "case-handling";
  // The name given at submission; only a case from before it was kept asks the register.
  const child = childAtSubmission(c) ?? (await registerPerson(answers.child, purpose));
  const schools = answers.schools.length
    ? db()
        .select({ id: childcareUnit.id, name: childcareUnit.name })
        .from(childcareUnit)
        .where(inArray(childcareUnit.id, answers.schools))
        .all()
    : [];
  const sigs = db()
    .select()
    .from(schoolSignature)
    .where(eq(schoolSignature.caseId, c.id))
    .orderBy(asc(schoolSignature.id))
    .all();
  return {
    childName: child ? `${child.givenName} ${child.familyName}` : "",
    applicationType: answers.applicationType,
    schools: answers.schools.map((id) => schools.find((s) => s.id === id)!).filter(Boolean),
    startDate: answers.startDate,
    reason: answers.reason,
    contentHash: contentHash(signedContent(c)),
    signatures: await Promise.all(
      sigs.map(async (s) => {
        const p = await registerPerson(s.guardianHmac, purpose);
        return {
          guardianName: p ? `${p.givenName} ${p.familyName}` : "",
          decision: s.decision as SignatureView["decision"],
          decidedAt: s.decidedAt,
          contentHash: s.contentHash,
          isViewer: s.guardianHmac === viewerHmac,
        };
      }),
    ),
    canSign:
      c.status === "awaiting_signatures" && sigs.some((s) => s.guardianHmac === viewerHmac && s.decision === "pending"),
    eSignatures: await listCaseSignatures(c.id, (language) => schoolSummaryText(c, language)),
  };
}

const APPLICATION_TYPE_KEY: Record<SchoolApplicationInput["applicationType"], string> = {
  forskoleklass: "school.applicationType.forskoleklass",
  skolbyte: "school.applicationType.skolbyte",
};

/**
 * The summary both guardians read and sign (the text sent as tbs_data and shown by the e-ID
 * provider): the reference and every answer in words. Rebuilt from the stored answers whenever a
 * signature is verified, so any change to them makes the verification fail.
 */
export async function schoolSummaryText(c: typeof caseTable.$inferSelect, language: "sv" | "en"): Promise<string> {
  const t = getFixedT(language, "childcare");
  const answers = caseAnswers(c) as {
    child: string;
    applicationType: string;
    schools: number[];
    startDate: string;
    reason: string | null;
  };
  const child = childAtSubmission(c) ?? (await registerPerson(answers.child, "school"));
  const units = answers.schools.length
    ? db()
        .select({ id: childcareUnit.id, name: childcareUnit.name })
        .from(childcareUnit)
        .where(inArray(childcareUnit.id, answers.schools))
        .all()
    : [];
  const lines = [
    String(t("school.summary.heading", { reference: c.reference })),
    `${String(t("school.details.child"))}: ${child ? `${child.givenName} ${child.familyName}` : answers.child}`,
    `${String(t("school.details.type"))}: ${String(t(APPLICATION_TYPE_KEY[answers.applicationType as SchoolApplicationInput["applicationType"]] ?? answers.applicationType))}`,
    `${String(t("school.details.schools"))}: ${answers.schools
      .map((id, i) => `${i + 1}. ${units.find((u) => u.id === id)?.name ?? id}`)
      .join(", ")}`,
    `${String(t("school.details.startDate"))}: ${answers.startDate}`,
    ...(answers.reason ? [`${String(t("school.details.reason"))}: ${answers.reason}`] : []),
    "",
    String(t("school.summary.statement")),
  ];
  return lines.join("\n");
}

/** The text a guardian with a pending signature is asked to sign, or undefined when there is none. */
export async function getSchoolSigningText(input: {
  reference: string;
  viewer: ResidentViewer;
  language: "sv" | "en";
}): Promise<string | undefined> {
  const c = getVisibleCase(input);
  if (!c || c.area !== "skola" || c.status !== "awaiting_signatures") return undefined;
  const sig = db()
    .select()
    .from(schoolSignature)
    .where(and(eq(schoolSignature.caseId, c.id), eq(schoolSignature.guardianHmac, input.viewer.personnummerHmac)))
    .get();
  if (!sig || sig.decision !== "pending") return undefined;
  return schoolSummaryText(c, input.language);
}

export type ESignResult =
  | { ok: true; complete: boolean }
  | { ok: false; code: "not-found" | "not-pending" | "changed" | "cancelled" | "failed" | "invalid" };

/**
 * The answer of an e-ID signature of a school application: the summary is rebuilt and must be
 * the one sent; the signature is verified and stored (case_signature), and only then is the
 * guardian's approval recorded (the same state change as before: the case moves on when every
 * guardian has approved).
 */
export async function completeSchoolSigning(input: {
  result: SigningResult;
  viewer: ResidentViewer;
  actor: unknown;
  now?: Date;
}): Promise<ESignResult> {
  const { result } = input;
  if (!result.ok) return { ok: false, code: result.reason };
  const c = getVisibleCase({ reference: result.flow.reference, viewer: input.viewer });
  if (!c || c.area !== "skola") return { ok: false, code: "not-found" };
  const sig = db()
    .select()
    .from(schoolSignature)
    .where(and(eq(schoolSignature.caseId, c.id), eq(schoolSignature.guardianHmac, input.viewer.personnummerHmac)))
    .get();
  if (!sig) return { ok: false, code: "not-found" };
  if (sig.decision !== "pending" || c.status !== "awaiting_signatures") return { ok: false, code: "not-pending" };
  const text = await schoolSummaryText(c, result.flow.language);
  if (sha256Hex(text) !== result.flow.textHash) return { ok: false, code: "changed" };
  const check = recordCaseSignature({
    caseId: c.id,
    reference: c.reference,
    municipalityId: c.municipalityId,
    party: sig.guardianHmac === caseApplicantHmac(c.id) ? "applicant" : "co-guardian",
    signer: input.viewer,
    text,
    language: result.flow.language,
    userSignature: result.userSignature,
    issuer: result.issuer,
    signedAt: result.signedAt,
    actor: input.actor,
  });
  if (!check.ok) return { ok: false, code: "invalid" };
  const r = await signSchoolApplication({
    reference: c.reference,
    viewer: input.viewer,
    actor: input.actor,
    decision: "approve",
    expectedHash: contentHash(signedContent(c)),
    now: input.now,
  });
  return r.ok ? r : { ok: false, code: r.code };
}

function caseApplicantHmac(caseId: number): string | undefined {
  return db()
    .select({ h: caseParty.personnummerHmac })
    .from(caseParty)
    .where(and(eq(caseParty.caseId, caseId), eq(caseParty.role, "applicant")))
    .get()?.h;
}

export async function getSchoolCase(input: {
  reference: string;
  viewer: ResidentViewer;
}): Promise<SchoolCaseView | undefined> {
  const c = getVisibleCase(input);
  if (!c || c.area !== "skola") return undefined;
  return describeSchoolCase(c, input.viewer.personnummerHmac);
}

export type SignResult = { ok: true; complete: boolean } | { ok: false; code: "not-found" | "not-pending" | "changed" };

/**
 * The second guardian approves or declines. `expectedHash` is the hash shown on the page the
 * guardian read: if the content changed in between, nothing is signed.
 */
export async function signSchoolApplication(input: {
  reference: string;
  viewer: ResidentViewer;
  actor: unknown;
  decision: "approve" | "decline";
  expectedHash: string;
  now?: Date;
}): Promise<SignResult> {
  const now = input.now ?? new Date();
  const c = getVisibleCase({ reference: input.reference, viewer: input.viewer });
  if (!c || c.area !== "skola") return { ok: false, code: "not-found" };
  const sig = db()
    .select()
    .from(schoolSignature)
    .where(and(eq(schoolSignature.caseId, c.id), eq(schoolSignature.guardianHmac, input.viewer.personnummerHmac)))
    .get();
  if (!sig) return { ok: false, code: "not-found" };
  if (sig.decision !== "pending" || c.status !== "awaiting_signatures") return { ok: false, code: "not-pending" };
  const hash = contentHash(signedContent(c));
  if (hash !== input.expectedHash) return { ok: false, code: "changed" };
  const at = now.toISOString();
  const decision = input.decision === "approve" ? "approved" : "declined";
  db()
    .update(schoolSignature)
    .set({ decision, decidedAt: at, decidedByPersonId: input.viewer.personId, contentHash: hash })
    .where(and(eq(schoolSignature.id, sig.id), eq(schoolSignature.decision, "pending")))
    .run();
  trail({
    actor: input.actor,
    action: `school.signature.${decision}`,
    subjectType: "case",
    subjectId: c.reference,
    municipalityId: c.municipalityId,
    personId: input.viewer.personId,
    details: { contentHash: hash },
  });
  if (decision === "declined") {
    // Tells every party "signature-declined" (decision 079).
    changeCaseStatus({ caseId: c.id, to: "signature_declined", via: "signing", actor: "applicant", now });
    return { ok: true, complete: false };
  }
  const all = db().select().from(schoolSignature).where(eq(schoolSignature.caseId, c.id)).all();
  const complete = all.every((s) => s.decision === "approved" && s.contentHash === hash);
  if (complete) {
    changeCaseStatus({
      caseId: c.id,
      to: "received",
      via: "signing",
      actor: "applicant",
      note: "signatures-complete",
      now,
    }); // tells every party "signatures-complete"
  }
  return { ok: true, complete };
}

// ---- Officer -----------------------------------------------------------------------------

/** Hidden from officers until every guardian has signed; declined ones never reach them. */

export function listSchoolApplicationsForStaff(input: { municipalityIds: number[] }) {
  if (input.municipalityIds.length === 0) return [];
  return db()
    .select({
      reference: caseTable.reference,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      municipality: municipality.name,
      protectedIdentity: caseTable.protectedIdentity,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .where(
      and(
        eq(caseTable.area, "skola"),
        inArray(caseTable.municipalityId, input.municipalityIds),
        notInArray(caseTable.status, [...NOT_FOR_OFFICERS]),
      ),
    )
    .orderBy(asc(caseTable.createdAt))
    .all();
}

export async function getSchoolCaseForStaff(input: { reference: string; municipalityIds: number[] }) {
  const c = db().select().from(caseTable).where(eq(caseTable.reference, input.reference)).get();
  if (
    !c ||
    c.area !== "skola" ||
    !input.municipalityIds.includes(c.municipalityId) ||
    !isCaseStatus(c.status) ||
    NOT_FOR_OFFICERS.includes(c.status)
  )
    return undefined;
  return {
    caseId: c.id,
    reference: c.reference,
    status: c.status,
    municipalityId: c.municipalityId,
    applicantPersonId: c.applicantPersonId,
    protectedIdentity: c.protectedIdentity,
    ...(await describeSchoolCase(c, null)),
  };
}
