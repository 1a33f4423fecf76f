/**
 * The building-permit e-service for residents and companies: draft, property lookup, fee
 * estimate, drawings, submission, and the applicant's view of the case (expected decision date,
 * supplement requests, decision). Every read is scoped by the applicant in the query.
 */
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import {
  caseAttachment,
  caseDecision,
  caseEvent,
  caseTable,
  municipality,
  permitCase,
  person,
  supplementRequest,
} from "../../db/schema/index";
import {
  AREA_FIELDS,
  ATTACHMENT_KINDS,
  isAttachmentKind,
  isMeasureType,
  missingAttachments,
  normalizeCertificationNumber,
  parseArea,
  requiresKontrollansvarig,
  type AttachmentKind,
  type MeasureType,
} from "../../forms/lib/building-permit";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { getAdministrationForArea, getMunicipalityByKommunkod } from "./municipalities.server";
import { createCase, changeCaseStatus } from "./cases.server";
import { caseRecipients, kickNotificationDelivery, recordNotification } from "./notifications.server";
import { hmacIndex } from "~/platform/crypto.server";
import { computeClock, swedishDate, type ClockInput } from "./permit-clock";
import { estimateFee, type FeeEstimate } from "./permit-fees";
import { getPermitTaxa } from "./taxa.server";
import { now as serverNow } from "~/utils/clock.server";
import {
  checkDrawing,
  dropDrawing,
  publishDrawing,
  storeFile,
  writeDrawingFile,
  type SniffedType,
  type StoredDrawing,
} from "./permit-uploads.server";
import { checkUploadQuota } from "./uploads.server";
import { writeAllOrNone } from "./file-store.server";
import { formatBytes } from "../../forms/format";
import type { ResidentUser } from "~/auth/guards.server";
import type { FileValue, FormValues } from "../../forms/types";
import { parsePropertyDesignation } from "../../forms/lib/property-designation";
import { audit, auditDurably } from "~/platform/audit.server";
import { RegisterAnswerError, RegisterUnavailableError } from "~/platform/register-http.server";
import { log } from "~/utils/logger.server";
import { propertyRegister } from "./property-register.server";
import { linkPaymentToCase, paidDraftPayment } from "./payments.server";
import { recordCaseSignature, signedTextHash, verifyUserSignature } from "./e-signature.server";
import type { ApplicantSignature } from "~/auth/oidc-sign.server";
import { getFixedT } from "~/i18n/i18n.server";
import { registeredOwners, requestOwnerConsents } from "./owner-consent.server";

export const FORM_ID = "bygglov-ansokan";

export interface PermitDraft {
  propertyDesignation: string;
  measureType: MeasureType | "";
  description: string;
  buildingArea: string;
  grossFloorArea: string;
  kaName: string;
  kaCertification: string;
}

export const EMPTY_DRAFT: PermitDraft = {
  propertyDesignation: "",
  measureType: "",
  description: "",
  buildingArea: "",
  grossFloorArea: "",
  kaName: "",
  kaCertification: "",
};

/** The person *and* the party they act for: part of the filing's idempotency key. */
function ownerKeyOf(user: ResidentUser): string {
  return `bygglov:${user.personId}:${user.acting?.kind === "organisation" ? user.acting.orgNumber : "self"}`;
}

/** What the applicant sees of a property and what the case keeps (decision 068). */
export interface PropertyInfo {
  designation: string;
  objektidentitet: string;
  street: string;
  postalCode: string;
  town: string;
  /** The owners' names, joined, as the case and the card show them. */
  ownerName: string;
  /** True when the person applying is one of the owners (compared by personnummer HMAC). */
  applicantOwns: boolean;
  /** Null when the register does not say. */
  detaljplan: boolean | null;
  kommunkod: string | null;
  municipalityName: string;
  /** The portal's municipality the property lies in, or null when it lies outside the portal. */
  municipalityId: number | null;
}

export type PropertyCheck =
  | { ok: true; property: PropertyInfo & { municipalityId: number } }
  | { ok: false; code: "propertyFormat" | "propertyUnknown" | "registerUnavailable"; property?: undefined }
  | { ok: false; code: "propertyOutside" | "propertyMunicipalityUnknown"; property: PropertyInfo };

/**
 * Asks the property register about a designation for a bygglov application, audited with its
 * purpose. Found anywhere in Sweden is recognised; only a property in one of the portal's
 * municipalities (the municipality table, run-time data) may be applied for here. Nothing is
 * cached: each step asks again, so an answer is never older than the page showing it.
 */
export async function lookupProperty(user: ResidentUser, designation: string): Promise<PropertyCheck> {
  const parsed = parsePropertyDesignation(designation);
  if (!parsed) return { ok: false, code: "propertyFormat" };
  const register = propertyRegister();
  let answer;
  try {
    answer = await register.lookup(parsed);
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    log("warn", "property register lookup failed", { register: register.name, error: error.message });
    await auditDurably({
      actor: user,
      action: "register.property.lookup",
      subjectType: "property",
      subjectId: parsed.text,
      details: { purpose: "bygglov", register: register.name, result: "unavailable" },
    });
    return { ok: false, code: "registerUnavailable" };
  }
  // On disk before anything of the answer is shown or used (decision 155).
  await auditDurably({
    actor: user,
    action: "register.property.lookup",
    subjectType: "property",
    subjectId: parsed.text,
    details: { purpose: "bygglov", register: register.name, result: answer.found ? "found" : "notFound" },
  });
  if (!answer.found) return { ok: false, code: "propertyUnknown" };
  const p = answer.property;
  // Inside the portal is decided by the register's kommunkod against the municipality table
  // (decision 074): names differ in spelling and can be edited, a code does not.
  const portal = p.municipality.code ? getMunicipalityByKommunkod(p.municipality.code) : undefined;
  const applicantHmac = db()
    .select({ hmac: person.personnummerHmac })
    .from(person)
    .where(eq(person.id, user.personId))
    .get()?.hmac;
  const info: PropertyInfo = {
    designation: p.designation,
    objektidentitet: p.objektidentitet,
    street: p.address?.street ?? "",
    postalCode: p.address?.postalCode ?? "",
    town: p.address?.town ?? "",
    ownerName: p.owners.map((o) => o.name).join(", "),
    applicantOwns: p.owners.some((o) => o.kind === "person" && !!applicantHmac && o.personnummerHmac === applicantHmac),
    detaljplan: p.detaljplan,
    kommunkod: p.municipality.code,
    municipalityName: p.municipality.name,
    municipalityId: portal?.id ?? null,
  };
  // Without a kommunkod (a property with no address) the portal cannot place it: nothing is guessed.
  if (!p.municipality.code) return { ok: false, code: "propertyMunicipalityUnknown", property: info };
  if (!portal) return { ok: false, code: "propertyOutside", property: info };
  return { ok: true, property: { ...info, municipalityId: portal.id } };
}

export type DetailsErrors = Partial<Record<keyof PermitDraft, string>>;

/** The checks of the details that need no register (measure, description, areas, kontrollansvarig). */
function detailsErrors(input: PermitDraft): DetailsErrors {
  const errors: DetailsErrors = {};
  if (!isMeasureType(input.measureType)) errors.measureType = "measureRequired";
  const description = input.description.trim();
  if (description.length < 10) errors.description = "descriptionShort";
  else if (description.length > 4000) errors.description = "descriptionLong";
  if (isMeasureType(input.measureType)) {
    const fields = AREA_FIELDS[input.measureType];
    for (const f of ["buildingArea", "grossFloorArea"] as const) {
      if (!fields.includes(f)) continue;
      const parsed = parseArea(input[f]);
      if (!parsed.ok) errors[f] = "areaFormat";
      else if (parsed.value === null) errors[f] = "areaRequired";
    }
    const bta = parseArea(input.grossFloorArea);
    if (requiresKontrollansvarig(input.measureType, bta.ok ? bta.value : null)) {
      if (input.kaName.trim().length < 2) errors.kaName = "kaNameRequired";
      if (!normalizeCertificationNumber(input.kaCertification)) errors.kaCertification = "kaCertification";
    }
  }
  return errors;
}

export function feeFor(
  draft: PermitDraft,
  prop: PropertyInfo & { municipalityId: number },
  on: Date = serverNow(),
): FeeEstimate | null {
  if (!isMeasureType(draft.measureType)) return null;
  // The taxa valid today, the day the application is made (docs/decisions/057).
  const taxa = getPermitTaxa({ municipalityId: prop.municipalityId, on: swedishDate(on) });
  if (!taxa) return null;
  const bya = parseArea(draft.buildingArea);
  const bta = parseArea(draft.grossFloorArea);
  const area = Math.max(bya.ok ? (bya.value ?? 0) : 0, bta.ok ? (bta.value ?? 0) : 0) || null;
  // A register that does not say (Lantmäteriet without Planer och bestämmelser): estimated as
  // inside a plan, where most bygglov are; the estimate is only a guide (decision 068).
  return estimateFee(taxa, { measure: draft.measureType, area, insideDetaljplan: prop.detaljplan ?? true });
}

export type UploadError = "empty" | "tooLarge" | "type" | "kind" | "quotaDraftFiles" | "quotaDraftBytes" | "quotaDay";

/** Stores one drawing for the draft (or, with caseId, for a supplement to a case). */
export function addDrawing(input: {
  ownerKey: string;
  kind: string;
  originalName: string;
  bytes: Uint8Array;
  caseId?: number | null;
  /**
   * Its file, already written pending (writeDrawingFile); the caller publishes it after the
   * commit. Without it the file is written here and published after this row's own commit.
   */
  stored?: StoredDrawing;
}): { ok: true; publicId: string } | { ok: false; error: UploadError; params?: Record<string, string | number> } {
  if (!isAttachmentKind(input.kind)) return { ok: false, error: "kind" };
  const check = checkDrawing(input.bytes);
  if (!check.ok) return check;
  // The draft's cap counts drawings not yet sent; a supplement (caseId) only the owner's day.
  const quota = checkUploadQuota({
    ownerKey: input.ownerKey,
    formId: input.caseId ? null : FORM_ID,
    incoming: [input.bytes.length],
  });
  if (quota) {
    const error = quota.code.slice("file.".length) as UploadError;
    return {
      ok: false,
      error,
      params: { max: quota.code === "file.quotaDraftBytes" ? formatBytes(quota.max) : quota.max },
    };
  }
  // File before row (decisions 137, 150): a named file always has its row.
  const stored = input.stored ?? storeFile(input.bytes, check.mime);
  const publicId = randomBytes(12).toString("base64url");
  try {
    insertDrawingRow(input, check.mime, stored, publicId);
  } catch (error) {
    if (!input.stored) dropDrawing(stored.storedName);
    throw error;
  }
  if (!input.stored) publishDrawing(stored.storedName);
  return { ok: true, publicId };
}

function insertDrawingRow(
  input: { ownerKey: string; kind: string; originalName: string; caseId?: number | null },
  mime: SniffedType,
  stored: StoredDrawing,
  publicId: string,
) {
  db()
    .insert(caseAttachment)
    .values({
      publicId,
      caseId: input.caseId ?? null,
      ownerKey: input.ownerKey,
      formId: FORM_ID,
      field: input.kind,
      originalName: input.originalName.slice(0, 200) || "ritning",
      storedName: stored.storedName,
      size: stored.size,
      mime,
      sha256: stored.sha256,
    })
    .run();
}

/** What a bygglov application's fee is paid for, in the payment table (decision 080). */
export const PAYMENT_PURPOSE = "bygglov-ansokan";

/** The facts of a bygglov case as its data keeps them: the signed summary is made from these. */
export interface PermitCaseData {
  measureType: MeasureType;
  propertyDesignation: string;
  property: {
    objektidentitet: string;
    kommunkod: string | null;
    street: string;
    postalCode: string;
    town: string;
    ownerName: string;
    detaljplan: boolean | null;
  };
  description: string;
  buildingArea: number | null;
  grossFloorArea: number | null;
  kontrollansvarig: { name: string; certificationNumber: string | null } | null;
  applicant: { kind: "organisation"; name: string; organisationsnummer: string } | { kind: "person"; name: string };
  submittedByName: string;
  feeEstimate: number | null;
}

/** A drawing as the signed summary names it: the signature covers its bytes through the SHA-256. */
export interface SummaryDrawing {
  kind: string;
  originalName: string;
  sha256: string;
}

function permitCaseData(
  user: ResidentUser,
  draft: PermitDraft & { measureType: MeasureType },
  prop: PropertyInfo,
  fee: FeeEstimate | null,
): PermitCaseData {
  const bya = parseArea(draft.buildingArea);
  const bta = parseArea(draft.grossFloorArea);
  const organisation = user.acting?.kind === "organisation" ? user.acting : null;
  return {
    measureType: draft.measureType,
    propertyDesignation: prop.designation,
    property: {
      objektidentitet: prop.objektidentitet,
      kommunkod: prop.kommunkod,
      street: prop.street,
      postalCode: prop.postalCode,
      town: prop.town,
      ownerName: prop.ownerName,
      detaljplan: prop.detaljplan,
    },
    description: draft.description.trim(),
    buildingArea: bya.ok ? bya.value : null,
    grossFloorArea: bta.ok ? bta.value : null,
    kontrollansvarig: requiresKontrollansvarig(draft.measureType, bta.ok ? bta.value : null)
      ? { name: draft.kaName.trim(), certificationNumber: normalizeCertificationNumber(draft.kaCertification) }
      : null,
    applicant: organisation
      ? { kind: "organisation", name: organisation.name, organisationsnummer: organisation.orgNumber }
      : { kind: "person", name: user.name },
    submittedByName: user.name,
    feeEstimate: fee?.total ?? null,
  };
}

/**
 * The text the applicant signs with e-ID (docs/decisions/085), in the signer's language: the
 * application as the case keeps it, every drawing with its SHA-256. Built from the draft before
 * submission and from the case's data and first drawings afterwards; the two must be identical,
 * so it reads nothing but its arguments and the translations.
 */
export function permitSummaryText(data: PermitCaseData, drawings: SummaryDrawing[], language: "sv" | "en"): string {
  const t = getFixedT(language, "permits");
  const applicant =
    data.applicant.kind === "organisation"
      ? `${data.applicant.name} (${data.applicant.organisationsnummer})`
      : data.applicant.name;
  const place = [data.property.street, `${data.property.postalCode} ${data.property.town}`.trim()]
    .filter(Boolean)
    .join(", ");
  const areas = [
    data.buildingArea !== null ? `BYA ${data.buildingArea} m²` : "",
    data.grossFloorArea !== null ? `BTA ${data.grossFloorArea} m²` : "",
  ].filter(Boolean);
  const lines = [
    t("sign.textTitle"),
    `${t("check.applicant")}: ${applicant}`,
    `${t("check.submittedBy")}: ${data.submittedByName}`,
    `${t("check.property")}: ${data.propertyDesignation}${place ? ` – ${place}` : ""}`,
    `${t("check.measure")}: ${t(`measures.${data.measureType}.label`)}`,
    `${t("check.description")}: ${data.description}`,
    ...(areas.length ? [`${t("check.areas")}: ${areas.join(", ")}`] : []),
    ...(data.kontrollansvarig
      ? [
          `${t("check.kontrollansvarig")}: ${data.kontrollansvarig.name}, ${data.kontrollansvarig.certificationNumber ?? ""}`,
        ]
      : []),
    `${t("check.drawings")}:`,
    ...drawings.map((d) => `- ${t(`attachments.${d.kind}`)}: ${d.originalName} (SHA-256 ${d.sha256})`),
    ...(data.feeEstimate !== null ? [`${t("check.feeTotal")}: ${data.feeEstimate} kr`] : []),
  ];
  return lines.join("\n");
}

/** The drawings sent with the application (a supplement's, owned by `case:<id>`, came later and were not signed). */
function caseDrawings(caseId: number): SummaryDrawing[] {
  return db()
    .select({
      kind: caseAttachment.field,
      originalName: caseAttachment.originalName,
      sha256: caseAttachment.sha256,
      ownerKey: caseAttachment.ownerKey,
    })
    .from(caseAttachment)
    .where(eq(caseAttachment.caseId, caseId))
    .orderBy(asc(caseAttachment.id))
    .all()
    .filter((a) => isAttachmentKind(a.kind) && a.ownerKey !== `case:${caseId}`)
    .map(({ kind, originalName, sha256 }) => ({ kind, originalName, sha256 }));
}

/** The signed summary of a submitted bygglov case, rebuilt from what the case keeps. */
export function permitCaseSummaryText(caseId: number, language: "sv" | "en"): string | null {
  const row = db().select({ data: caseTable.data }).from(caseTable).where(eq(caseTable.id, caseId)).get();
  if (!row) return null;
  const data = JSON.parse(row.data) as PermitCaseData;
  if (!data.measureType) return null;
  return permitSummaryText(data, caseDrawings(caseId), language);
}

/** A verified applicant signature and the text it covers, stored with the case it makes (decision 085). */
export interface FiledSignature {
  text: string;
  language: "sv" | "en";
  userSignature: string;
  issuer: string;
  signedAt: string;
  personnummerHmac: string;
}

/** Everything filing a bygglov case needs, from the bygglov pages' draft or the form engine's answers. */
interface PermitFiling {
  user: ResidentUser;
  lang: "sv" | "en";
  now: Date;
  prop: PropertyInfo & { municipalityId: number };
  measureType: MeasureType;
  fee: FeeEstimate | null;
  /** The case's data: the permit facts, and what the engine's form asked besides (contact). */
  data: PermitCaseData & { contact?: Record<string, unknown> };
  uploads: { publicIds: string[]; ownerKey: string };
  paid: { id: number } | null;
  owners: NonNullable<Awaited<ReturnType<typeof registeredOwners>>>;
  idempotencyKey: string;
  formVersion: number;
  signature: FiledSignature | null;
  /** Removes the draft the application was made from, in the filing's transaction. */
  deleteDraft: () => void;
}

/**
 * Files a bygglov case in one transaction, the same for the bygglov pages and the form engine's
 * `bygglov` submit handler (decision 097): the case, the permit facts with `receivedOn` (the
 * statutory clock starts there), the paid Swish payment, the owners' consent requests, the
 * applicant's signature, the draft gone and the "received" notification; then `case.submitted`.
 */
async function filePermitCase(f: PermitFiling): Promise<string> {
  const { user, prop, fee, paid, now } = f;
  // The administration that handles the area is run-time data (administration_area, decision 056).
  const admin = getAdministrationForArea({ municipalityId: prop.municipalityId, area: "bygglov" });
  if (!admin) throw new Error(`No administration handles bygglov in municipality ${prop.municipalityId}`);
  const organisation = user.acting?.kind === "organisation" ? user.acting : null;
  const payment = paid ? "swish" : fee && fee.total > 0 ? "invoice" : null;
  let deliveries = 0;
  // One commit, its fsync off the event loop (decision 150, as the send's in 146): the case, its
  // facts, payment, consents, signature, notification and audit row together or not at all, and
  // the receipt only once they are on disk. A repeat finds the case and waits for the same fsync.
  const created = await commitDurably(() => {
    const created = createCase({
      idempotencyKey: f.idempotencyKey,
      municipalityId: prop.municipalityId,
      administrationId: admin.id,
      formId: FORM_ID,
      formVersion: f.formVersion,
      area: "bygglov",
      sensitivity: "personal",
      data: { ...f.data, payment },
      sensitiveData: null,
      applicantPersonId: organisation ? null : user.personId,
      applicantOrganisationId: organisation ? organisation.organisationId : null,
      submittedByPersonId: user.personId,
      contactEmail: null,
      submitterKey: null,
      language: f.lang,
      decisionDays: null,
      diarium: organisation
        ? { subject: null, partyKind: "organisation", partyName: organisation.name }
        : { subject: null, partyKind: "person", partyName: user.name },
      attachments: f.uploads,
      now,
    });
    if (created.created) {
      db()
        .insert(permitCase)
        .values({
          caseId: created.id,
          measureType: f.measureType,
          propertyDesignation: prop.designation,
          receivedOn: swedishDate(now),
          feeEstimate: fee?.total ?? null,
        })
        .run();
      if (paid) linkPaymentToCase(paid.id, created.id);
      requestOwnerConsents(created.id, f.owners, user, now);
      if (f.signature) {
        const stored = recordCaseSignature({
          caseId: created.id,
          reference: created.reference,
          municipalityId: prop.municipalityId,
          party: "applicant",
          signer: { personId: user.personId, personnummerHmac: f.signature.personnummerHmac },
          text: f.signature.text,
          language: f.signature.language,
          userSignature: f.signature.userSignature,
          issuer: f.signature.issuer,
          signedAt: f.signature.signedAt,
          actor: user,
        });
        if (!stored.ok) throw new Error("applicant signature failed its second check");
      }
      f.deleteDraft();
      // "Received", on Mina sidor and by the channels the sender chose, with the case (decision 092).
      deliveries = recordNotification({
        recipients: caseRecipients(created.id),
        caseId: created.id,
        kind: "case-submitted",
        now,
      });
      // The same trail as every other e-service (issue 14): an audit event, in the case's commit.
      audit({
        actor: user,
        action: "case.submitted",
        subjectType: "case",
        subjectId: created.reference,
        municipalityId: prop.municipalityId,
        personId: user.personId,
        details: {
          formId: FORM_ID,
          area: "bygglov",
          payment,
          signed: Boolean(f.signature),
          ...(organisation ? { organisationId: organisation.organisationId } : {}),
        },
      });
    }
    return created;
  });
  if (deliveries > 0) kickNotificationDelivery();
  return created.reference;
}

/** Why the engine's answers cannot be filed: codes under permits:errors (with the missing drawings). */
type PermitAnswersRefusal = {
  ok: false;
  codes: string[];
  missing?: AttachmentKind[];
  /**
   * 503 when the property register did not answer (the draft stays), 409 when the answers changed
   * since they were signed, 403 for a signature that is not the applicant's; 400 otherwise.
   */
  status: 400 | 403 | 409 | 503;
};

interface PermitAnswersInput {
  user: ResidentUser;
  lang: "sv" | "en";
  answers: FormValues;
  /** The engine's owner of the draft and its uploads. */
  ownerKey: string;
  now?: Date;
}

/** The engine's answers checked as the bygglov pages check them, ready to sign and file. */
async function preparePermitAnswers(input: PermitAnswersInput) {
  const { user, answers } = input;
  const now = input.now ?? serverNow();
  const refuse = (codes: string[], status: 400 | 503 = 400): PermitAnswersRefusal => ({ ok: false, codes, status });
  const str = (name: string) => {
    const v = answers[name];
    return typeof v === "string" || typeof v === "number" ? String(v) : "";
  };
  const measure = str("measureType");
  const draft: PermitDraft = {
    propertyDesignation: str("fastighetsbeteckning"),
    measureType: isMeasureType(measure) ? measure : "",
    description: str("description"),
    buildingArea: str("buildingArea"),
    grossFloorArea: str("grossFloorArea"),
    kaName: str("kaName"),
    kaCertification: str("kaCertification"),
  };
  const errors = Object.values(detailsErrors(draft));
  if (errors.length > 0 || !isMeasureType(draft.measureType)) return refuse(errors);
  const measureType = draft.measureType;
  const check = await lookupProperty(user, draft.propertyDesignation);
  if (!check.ok) return refuse([check.code], check.code === "registerUnavailable" ? 503 : 400);
  const prop = check.property;
  const files = ATTACHMENT_KINDS.flatMap((kind) =>
    (Array.isArray(answers[kind]) ? (answers[kind] as FileValue[]) : []).map((file) => ({ kind, id: file.id })),
  );
  const missing = missingAttachments(
    measureType,
    files.map((f) => f.kind),
  );
  if (missing.length > 0) return { ...refuse(["missing"]), missing };
  const full = { ...draft, measureType };
  const fee = feeFor(full, prop, now);
  const publicIds = files.flatMap((f) => (f.id ? [f.id] : []));
  return {
    ok: true as const,
    now,
    str,
    measureType,
    prop,
    fee,
    publicIds,
    data: permitCaseData(user, full, prop, fee),
    drawings: engineDrawings(publicIds, input.ownerKey),
  };
}

/**
 * The drawings of the engine's draft as the signed summary names them: in upload order, as
 * `caseDrawings` lists them once the case holds them, so the text is rebuilt byte for byte.
 */
function engineDrawings(publicIds: string[], ownerKey: string): SummaryDrawing[] {
  if (publicIds.length === 0) return [];
  return db()
    .select({ kind: caseAttachment.field, originalName: caseAttachment.originalName, sha256: caseAttachment.sha256 })
    .from(caseAttachment)
    .where(
      and(
        inArray(caseAttachment.publicId, publicIds),
        eq(caseAttachment.ownerKey, ownerKey),
        isNull(caseAttachment.caseId),
      ),
    )
    .orderBy(asc(caseAttachment.id))
    .all()
    .filter((a) => isAttachmentKind(a.kind));
}

/**
 * What the applicant signs when sending the engine's bygglov form (decision 105): the bygglov
 * pages' summary (`permitSummaryText`), which names the organisation the applicant acts for, the
 * property, measure, drawings with their SHA-256 and the fee; the officer's case view and the
 * owners' consent rebuild it from the case as for the bygglov pages (085).
 */
export async function permitAnswersSigningText(
  input: PermitAnswersInput,
  language: "sv" | "en",
): Promise<{ ok: true; text: string } | PermitAnswersRefusal> {
  const p = await preparePermitAnswers(input);
  if (!p.ok) return p;
  return { ok: true, text: permitSummaryText(p.data, p.drawings, language) };
}

/**
 * What the engine's bygglov draft costs and where it is paid (decision 105): the fee the bygglov
 * pages charge for these answers, to the property's municipality's merchant; null without a fee
 * or while the answers are not ready to send.
 */
export async function permitAnswersPaymentTerms(
  input: PermitAnswersInput,
): Promise<{ amount: number; municipalityId: number; purpose: string } | null> {
  const p = await preparePermitAnswers(input);
  if (!p.ok || !p.fee || p.fee.total <= 0) return null;
  return { amount: p.fee.total, municipalityId: p.prop.municipalityId, purpose: PAYMENT_PURPOSE };
}

/**
 * The form engine's `bygglov` submit handler (decision 097): the engine's answers to the
 * bygglov-ansokan definition (v2: the online service's names) checked as the bygglov pages check
 * them (property in the register and in a portal municipality, measure, areas, kontrollansvarig,
 * the drawings the measure needs) and filed through the same transaction. A paid Swish payment of
 * the engine draft for exactly the fee is linked; otherwise the fee is invoiced. With
 * `signature` the applicant's e-ID signature must cover exactly `permitAnswersSigningText` now
 * and be the logged-in person's (105); it is stored with the case.
 */
export async function submitPermitAnswers(
  input: PermitAnswersInput & {
    idempotencyKey: string;
    formVersion: number;
    signature?: ApplicantSignature;
  },
): Promise<{ ok: true; reference: string } | PermitAnswersRefusal> {
  const { user } = input;
  const p = await preparePermitAnswers(input);
  if (!p.ok) return p;
  const { now, str, prop, fee } = p;
  let signature: FiledSignature | null = null;
  if (input.signature) {
    const text = permitSummaryText(p.data, p.drawings, input.signature.language);
    // Something changed between the text the applicant signed and now: nothing is sent.
    if (signedTextHash(text) !== input.signature.textHash) return { ok: false, codes: ["changed"], status: 409 };
    const check = verifyUserSignature({ userSignature: input.signature.userSignature, text });
    if (!check.ok || hmacIndex(check.personnummer) !== input.signature.personnummerHmac)
      return { ok: false, codes: ["signature"], status: 403 };
    const { textHash: _, ...rest } = input.signature;
    signature = { ...rest, text };
  }
  const owners = await registeredOwners(user, prop.designation);
  if (!owners) return { ok: false, codes: ["registerUnavailable"], status: 503 };
  const paid =
    fee && fee.total > 0
      ? paidDraftPayment({ ownerKey: input.ownerKey, purpose: PAYMENT_PURPOSE, amount: fee.total })
      : null;
  const contact = {
    phone: str("phone") || undefined,
    email: str("email") || undefined,
    invoiceAddress: input.answers.invoiceAddress,
  };
  const reference = await filePermitCase({
    user,
    lang: input.lang,
    now,
    prop,
    measureType: p.measureType,
    fee,
    data: {
      ...p.data,
      ...(contact.phone || contact.email || contact.invoiceAddress ? { contact } : {}),
    },
    uploads: { publicIds: p.publicIds, ownerKey: input.ownerKey },
    paid,
    owners,
    idempotencyKey: `bygglov:${ownerKeyOf(user)}:${input.idempotencyKey}`,
    formVersion: input.formVersion,
    signature,
    // The engine deletes its own working draft once the handler has filed the case.
    deleteDraft: () => undefined,
  });
  return { ok: true, reference };
}

/** The clock input of a case, from its permit facts, supplement requests and decision. */
export function clockInputFor(caseId: number): ClockInput | null {
  const p = db().select().from(permitCase).where(eq(permitCase.caseId, caseId)).get();
  if (!p) return null;
  const requests = db().select().from(supplementRequest).where(eq(supplementRequest.caseId, caseId)).all();
  const decision = db()
    .select({ decidedOn: caseDecision.decidedOn })
    .from(caseDecision)
    .where(eq(caseDecision.caseId, caseId))
    .get();
  return {
    receivedOn: p.receivedOn,
    supplementRequests: requests.map((r) => ({
      kind: r.kind === "clarification" ? "clarification" : "completeness",
      requestedOn: r.requestedOn,
      dueOn: r.dueOn,
      answeredOn: r.answeredOn,
    })),
    extension:
      p.extensionWeeks && p.extensionGrantedOn
        ? { weeks: p.extensionWeeks, reason: p.extensionReason ?? "", grantedOn: p.extensionGrantedOn }
        : null,
    decidedOn: decision?.decidedOn ?? null,
  };
}

/** Whose case this is, as a query condition: the person, or the organisation they act for. */
function applicantCondition(user: ResidentUser) {
  return user.acting?.kind === "organisation"
    ? eq(caseTable.applicantOrganisationId, user.acting.organisationId)
    : or(
        eq(caseTable.applicantPersonId, user.personId),
        and(isNull(caseTable.applicantOrganisationId), eq(caseTable.submittedByPersonId, user.personId)),
      );
}

export function listPermitCasesForApplicant(user: ResidentUser) {
  return db()
    .select({
      reference: caseTable.reference,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      measureType: permitCase.measureType,
      designation: permitCase.propertyDesignation,
    })
    .from(caseTable)
    .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .where(and(eq(caseTable.area, "bygglov"), applicantCondition(user)))
    .orderBy(desc(caseTable.id))
    .all();
}

/** The applicant's view: never internal notes, never who handles it internally. */
export function getPermitCaseForApplicant(input: { reference: string; user: ResidentUser; today?: string }) {
  const row = db()
    .select({ c: caseTable, p: permitCase, m: municipality })
    .from(caseTable)
    .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .where(and(eq(caseTable.reference, input.reference), eq(caseTable.area, "bygglov"), applicantCondition(input.user)))
    .get();
  if (!row) return null;
  const clockInput = clockInputFor(row.c.id)!;
  const clock = computeClock(clockInput, input.today ?? swedishDate(new Date()));
  const requests = db()
    .select()
    .from(supplementRequest)
    .where(eq(supplementRequest.caseId, row.c.id))
    .orderBy(asc(supplementRequest.id))
    .all();
  const decision = db().select().from(caseDecision).where(eq(caseDecision.caseId, row.c.id)).get();
  const attachments = db()
    .select({
      kind: caseAttachment.field,
      originalName: caseAttachment.originalName,
      createdAt: caseAttachment.createdAt,
    })
    .from(caseAttachment)
    .where(eq(caseAttachment.caseId, row.c.id))
    .orderBy(asc(caseAttachment.id))
    .all();
  const events = db()
    .select({ toStatus: caseEvent.toStatus, createdAt: caseEvent.createdAt })
    .from(caseEvent)
    .where(eq(caseEvent.caseId, row.c.id))
    .orderBy(asc(caseEvent.id))
    .all();
  return {
    id: row.c.id,
    reference: row.c.reference,
    status: row.c.status,
    municipalityName: row.m.name,
    data: JSON.parse(row.c.data) as Record<string, unknown>,
    measureType: row.p.measureType,
    propertyDesignation: row.p.propertyDesignation,
    clock,
    requests: requests.map((r) => ({
      id: r.id,
      message: r.message,
      requestedKinds: safeKinds(r.requestedKinds),
      requestedOn: r.requestedOn,
      dueOn: r.dueOn,
      answeredOn: r.answeredOn,
    })),
    decision: decision ? { outcome: decision.outcome, decidedOn: decision.decidedOn, fee: decision.fee } : null,
    attachments,
    events,
  };
}

function safeKinds(json: string): AttachmentKind[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter(isAttachmentKind) : [];
  } catch {
    return [];
  }
}

export type AnswerResult = { ok: true } | { ok: false; error: "notFound" | "answered" | "empty" | UploadError };

/**
 * The applicant answers a supplement request with drawings and/or a text. A completeness
 * request answered moves the case from awaiting_completion to complete, which starts the clock.
 * The drawings are written ahead of their rows, pending and durable, off the event loop; the
 * rows, the answer, the status change and the audit row commit together and the answer comes only
 * after that commit's fsync, also off the event loop (decision 150); then the files get their names.
 */
export async function answerSupplement(input: {
  user: ResidentUser;
  reference: string;
  requestId: number;
  text: string;
  files: { kind: string; name: string; bytes: Uint8Array }[];
  now?: Date;
}): Promise<AnswerResult> {
  const c = getPermitCaseForApplicant({ reference: input.reference, user: input.user });
  if (!c) return { ok: false, error: "notFound" };
  const request = db()
    .select()
    .from(supplementRequest)
    .where(and(eq(supplementRequest.id, input.requestId), eq(supplementRequest.caseId, c.id)))
    .get();
  if (!request) return { ok: false, error: "notFound" };
  if (request.answeredOn) return { ok: false, error: "answered" };
  const files = input.files.filter((f) => f.bytes.length > 0);
  if (files.length === 0 && input.text.trim().length === 0) return { ok: false, error: "empty" };
  const checked: { file: (typeof files)[number]; mime: SniffedType }[] = [];
  for (const f of files) {
    if (!isAttachmentKind(f.kind)) return { ok: false, error: "kind" };
    const check = checkDrawing(f.bytes);
    if (!check.ok) return { ok: false, error: check.error };
    checked.push({ file: f, mime: check.mime });
  }
  const now = input.now ?? new Date();
  const stored = await writeAllOrNone(
    checked.map((f) => writeDrawingFile(f.file.bytes, f.mime)),
    (f) => dropDrawing(f.storedName),
  );
  const recorded = new Set<string>();
  let answered: boolean;
  try {
    answered = await commitDurably(() => {
      // Claimed in the commit: two answers posted at once record one.
      const claimed = db()
        .update(supplementRequest)
        .set({ answeredOn: swedishDate(now), answerText: input.text.trim().slice(0, 4000) || null })
        .where(and(eq(supplementRequest.id, request.id), isNull(supplementRequest.answeredOn)))
        .run();
      if (claimed.changes === 0) return false;
      checked.forEach(({ file }, i) => {
        const r = addDrawing({
          ownerKey: `case:${c.id}`,
          kind: file.kind,
          originalName: file.name,
          bytes: file.bytes,
          caseId: c.id,
          stored: stored[i]!,
        });
        if (r.ok) recorded.add(stored[i]!.storedName);
      });
      if (c.status === "awaiting_completion" && request.kind === "completeness")
        changeCaseStatus({
          caseId: c.id,
          to: "complete",
          via: "applicant",
          actor: "applicant",
          note: "supplement",
          now,
        });
      audit({
        actor: input.user,
        action: "permit.supplement.answered",
        subjectType: "case",
        subjectId: input.reference,
      });
      return true;
    });
  } catch (error) {
    // Rolled back: no row names the files. Committed but not synced: they stay pending (readable,
    // published by the next start-up or clean-up).
    for (const f of stored) {
      const named = db()
        .select({ id: caseAttachment.id })
        .from(caseAttachment)
        .where(eq(caseAttachment.storedName, f.storedName))
        .get();
      if (!named) dropDrawing(f.storedName);
    }
    throw error;
  }
  for (const f of stored) {
    if (recorded.has(f.storedName)) publishDrawing(f.storedName);
    else dropDrawing(f.storedName);
  }
  return answered ? { ok: true } : { ok: false, error: "answered" };
}
