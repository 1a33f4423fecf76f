import { and, asc, count, desc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { isArea, type Area } from "~/domain/areas";
import { isCaseStatus, type CaseStatus } from "~/domain/statuses";
import { lawForCase, type Law } from "~/domain/decisions";
import {
  caseAttachment,
  caseEvent,
  caseReferenceCounter,
  caseTable,
  diariumEntry,
  municipality,
  organisation,
  person,
} from "../../db/schema/index";
import type { Scope } from "~/auth/permissions";
import { placeholderValues, prepared } from "~/db-prepared.server";
import { db } from "~/db.server";
import { afterDurableCommit } from "~/db-durable.server";
import { now as clockNow } from "~/utils/clock.server";
import type { SubmitterViewer } from "./eservice-session.server";
import { formatReference, swedishYear } from "./case-reference";
import { assertTransition, INITIAL_STATUS, type TransitionPath } from "./case-status";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { diariumSearchText } from "./diarium-text.server";
import { enqueueCaseExport, kickOutbox } from "./outbox.server";
import {
  caseRecipients,
  kickNotificationDelivery,
  recordNotification,
  statusNotificationKind,
  type NotificationKind,
} from "./notifications.server";
import { caseIsProtected, withoutAddresses } from "./protected-identity.server";

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

export interface NewCase {
  idempotencyKey: string;
  municipalityId: number;
  administrationId: number;
  formId: string;
  formVersion: number;
  area: Area;
  /** The e-service's law (decision 106); absent: the area's default (SoL for social services). */
  law?: Law;
  sensitivity: "public" | "personal" | "secret";
  /** Answers without the sensitive fields. */
  data: Record<string, unknown>;
  /** Answers of fields marked sensitive; stored encrypted. */
  sensitiveData: Record<string, unknown> | null;
  applicantPersonId: number | null;
  applicantOrganisationId: number | null;
  submittedByPersonId: number | null;
  contactEmail: string | null;
  submitterKey: string | null;
  language: "sv" | "en";
  /** Days to a decision, if the case type promises one. */
  decisionDays: number | null;
  /** What the public register may get (masked again on output, docs/decisions/017). */
  diarium: { subject: string | null; partyKind: "person" | "organisation" | "none"; partyName: string | null };
  /** Uploads made by this submitter for this form, to be bound to the case. */
  attachments: { publicIds: string[]; ownerKey: string };
  /** Defaults to INITIAL_STATUS; a school application waiting for co-signing starts at "awaiting_signatures". */
  initialStatus?: CaseStatus;
  /**
   * Whether the register marks a person the case is about besides the applicant and submitter
   * (a child, the co-guardians), asked before the transaction (`anyProtected`): then the case is
   * protected too (docs/decisions/046).
   */
  involvedProtected?: boolean;
  now?: Date;
}

export interface CreatedCase {
  id: number;
  reference: string;
  created: boolean;
}

export class AttachmentMismatchError extends Error {}

/** Next number for (municipality, year), in the caller's transaction (a prepared statement on its connection). */
export function allocateReference(
  _tx: Tx | ReturnType<typeof db>,
  municipalityId: number,
  code: string,
  year: number,
): string {
  const row = sendStatements().nextNumber.get({ municipalityId, year })!;
  return formatReference(code, year, row.n);
}

/**
 * Registers a submission as a case, in one transaction: reference number, the case row,
 * its first event, its uploads and its diarium entry. The same idempotency key always
 * yields the same case (a double click or a retried post creates nothing new).
 */
/** A placeholder passed as it is stored: drizzle's column mapping is done by the caller. */
const bare = (name: string) => sql`${sql.placeholder(name)}`;
const CASE_COLUMNS = [
  "reference",
  "municipalityId",
  "administrationId",
  "formId",
  "formVersion",
  "area",
  "law",
  "status",
  "applicantPersonId",
  "applicantOrganisationId",
  "submittedByPersonId",
  "contactEmail",
  "data",
  "sensitiveData",
  "submitterKey",
  "language",
  "idempotencyKey",
  "createdAt",
  "updatedAt",
  "decisionDueAt",
  "protectedIdentity",
] as const;
const DIARIUM_COLUMNS = [
  "caseId",
  "reference",
  "municipalityId",
  "administrationId",
  "caseType",
  "area",
  "sensitivity",
  "subject",
  "partyKind",
  "partyName",
  "status",
  "registeredAt",
  "searchText",
] as const;

// What every sent form asks and writes (decisions 129, 141): built and compiled once per
// connection; drizzle built and SQLite compiled each insert on every send.
const sendStatements = () =>
  prepared("cases.send", (d) => ({
    byIdempotencyKey: d
      .select({ id: caseTable.id, reference: caseTable.reference, submitterKey: caseTable.submitterKey })
      .from(caseTable)
      .where(eq(caseTable.idempotencyKey, sql.placeholder("key")))
      .prepare(),
    municipalityCode: d
      .select({ code: municipality.code })
      .from(municipality)
      .where(eq(municipality.id, sql.placeholder("id")))
      .prepare(),
    nextNumber: d
      .insert(caseReferenceCounter)
      .values({ municipalityId: bare("municipalityId"), year: bare("year"), lastNumber: 1 })
      .onConflictDoUpdate({
        target: [caseReferenceCounter.municipalityId, caseReferenceCounter.year],
        set: { lastNumber: sql`${caseReferenceCounter.lastNumber} + 1` },
      })
      .returning({ n: caseReferenceCounter.lastNumber })
      .prepare(),
    insertCase: d.insert(caseTable).values(placeholderValues(CASE_COLUMNS)).returning({ id: caseTable.id }).prepare(),
    firstEvent: d
      .insert(caseEvent)
      .values({
        caseId: sql.placeholder("caseId"),
        fromStatus: null,
        toStatus: sql.placeholder("toStatus"),
        actor: "applicant",
        createdAt: sql.placeholder("createdAt"),
      })
      .prepare(),
    // The ids as one JSON parameter (as inIds): one statement whatever their number.
    bindAttachments: d
      .update(caseAttachment)
      .set({ caseId: bare("caseId") })
      .where(
        and(
          sql`${caseAttachment.publicId} in (select value from json_each(${sql.placeholder("publicIds")}))`,
          eq(caseAttachment.ownerKey, sql.placeholder("ownerKey")),
          eq(caseAttachment.formId, sql.placeholder("formId")),
          isNull(caseAttachment.caseId),
        ),
      )
      .prepare(),
    insertDiarium: d.insert(diariumEntry).values(placeholderValues(DIARIUM_COLUMNS)).prepare(),
    // The entry goes to the index queue, not into the indexes in this transaction: its insert
    // trigger takes the flag and deletes it (migration 0050, decision 171). A table drizzle's schema does not know.
    deferIndexing: d.$client.prepare("insert into diarium_fts_defer (id) values (1) on conflict (id) do nothing"),
  }));

/** The case a submission with this idempotency key made, if any (a retry or double click finds it). */
export function getCaseByIdempotencyKey(key: string) {
  return sendStatements().byIdempotencyKey.get({ key });
}

/**
 * better-sqlite3's own transaction function, made once per connection: the same `BEGIN IMMEDIATE`
 * (or, inside the send's transaction, the same savepoint) and rollback on a throw as drizzle's
 * `db().transaction`, without the drizzle transaction object it builds on every call (a relational
 * query builder per table of the schema, ~0.1 ms of each send; decision 154).
 */
const caseTransaction = () =>
  prepared("cases.transaction", (d) => d.$client.transaction((write: () => CreatedCase) => write()));

export function createCase(input: NewCase): CreatedCase {
  const now = input.now ?? new Date();
  const tx = db();
  const created = caseTransaction().immediate(() => {
    const existing = getCaseByIdempotencyKey(input.idempotencyKey);
    if (existing) return { id: existing.id, reference: existing.reference, created: false };

    const m = sendStatements().municipalityCode.get({ id: input.municipalityId });
    if (!m) throw new Error(`Unknown municipality ${input.municipalityId}`);
    const reference = allocateReference(tx, input.municipalityId, m.code, swedishYear(now));
    const createdAt = now.toISOString();
    const status = input.initialStatus ?? INITIAL_STATUS;
    // Protected personal data make the case and its diarium entry secret, whatever the form says.
    const protectedIdentity = caseIsProtected(tx, {
      personIds: [input.applicantPersonId, input.submittedByPersonId],
      involvedProtected: input.involvedProtected ?? false,
    });
    const sensitivity = protectedIdentity ? "secret" : input.sensitivity;
    const diarium = protectedIdentity
      ? { subject: null, partyKind: input.diarium.partyKind, partyName: null }
      : input.diarium;
    const row = sendStatements().insertCase.get({
      reference,
      municipalityId: input.municipalityId,
      administrationId: input.administrationId,
      formId: input.formId,
      formVersion: input.formVersion,
      area: input.area,
      law: lawForCase(input.area, input.law) ?? null,
      status,
      applicantPersonId: input.applicantPersonId,
      applicantOrganisationId: input.applicantOrganisationId,
      submittedByPersonId: input.submittedByPersonId,
      contactEmail: input.contactEmail,
      data: JSON.stringify(input.data),
      sensitiveData: input.sensitiveData ? encrypt(JSON.stringify(input.sensitiveData)) : null,
      submitterKey: input.submitterKey,
      language: input.language,
      idempotencyKey: input.idempotencyKey,
      createdAt,
      updatedAt: createdAt,
      decisionDueAt: input.decisionDays
        ? new Date(now.getTime() + input.decisionDays * 86_400_000).toISOString()
        : null,
      // The column's boolean mode stores 1/0.
      protectedIdentity: protectedIdentity ? 1 : 0,
    })!;
    sendStatements().firstEvent.run({ caseId: row.id, toStatus: status, createdAt });

    if (input.attachments.publicIds.length > 0) {
      const bound = sendStatements().bindAttachments.run({
        caseId: row.id,
        publicIds: JSON.stringify(input.attachments.publicIds),
        ownerKey: input.attachments.ownerKey,
        formId: input.formId,
      });
      // Rolls the whole submission back: nothing half-written.
      if (bound.changes !== input.attachments.publicIds.length) throw new AttachmentMismatchError("attachments");
    }

    const searchText = diariumSearchText({
      reference,
      caseType: input.formId,
      sensitivity,
      area: input.area,
      subject: diarium.subject,
      partyKind: diarium.partyKind,
      partyName: diarium.partyName,
      municipalityId: input.municipalityId,
      administrationId: input.administrationId,
    });
    sendStatements().deferIndexing.run();
    sendStatements().insertDiarium.run({
      caseId: row.id,
      reference,
      municipalityId: input.municipalityId,
      administrationId: input.administrationId,
      caseType: input.formId,
      area: input.area,
      sensitivity,
      subject: diarium.subject,
      partyKind: diarium.partyKind,
      partyName: diarium.partyName,
      status,
      registeredAt: createdAt,
      searchText,
    });
    // The hand-over to the case-management system (docs/decisions/020, 034), in the same
    // transaction: a case never exists without its outbox row, and a rolled-back submission
    // leaves none. A school application waiting for the second guardian is handed over when
    // it is signed (changeCaseStatus), not before.
    if (status !== "awaiting_signatures") enqueueCaseExport(reference, tx, now);
    return { id: row.id, reference, created: true };
  });
  // After the fsync when the send commits durably (decision 155): no hand-over a crash could undo.
  if (created.created) afterDurableCommit(kickOutbox);
  return created;
}

/** Moves a case along its area's status machine; illegal moves throw IllegalTransitionError. */
/** `via` names the code path asking (case-status.ts TRANSITION_PATHS); the machine refuses moves that path may not make. */
export function changeCaseStatus(input: {
  caseId: number;
  to: CaseStatus;
  via: TransitionPath;
  actor: string;
  note?: string;
  /**
   * What every party with access is told (decision 079): by default the kind that fits the
   * move (statusNotificationKind); a path may name its own kind and non-personal params.
   */
  notification?: { kind: NotificationKind; params?: Record<string, string | number> };
  now?: Date;
}) {
  const at = (input.now ?? new Date()).toISOString();
  const recorded = db().transaction((tx) => {
    const c = tx
      .select({ area: caseTable.area, status: caseTable.status, reference: caseTable.reference })
      .from(caseTable)
      .where(eq(caseTable.id, input.caseId))
      .get();
    if (!c || !isArea(c.area) || !isCaseStatus(c.status)) throw new Error(`No case ${input.caseId}`);
    assertTransition(c.area, c.status, input.to, input.via);
    // A co-signed school application becomes a case for the municipality now: hand it over.
    if (c.status === "awaiting_signatures" && input.to === "received") enqueueCaseExport(c.reference, tx, new Date(at));
    tx.update(caseTable).set({ status: input.to, updatedAt: at }).where(eq(caseTable.id, input.caseId)).run();
    tx.update(diariumEntry).set({ status: input.to }).where(eq(diariumEntry.caseId, input.caseId)).run();
    tx.insert(caseEvent)
      .values({
        caseId: input.caseId,
        fromStatus: c.status,
        toStatus: input.to,
        actor: input.actor,
        note: input.note ?? null,
        createdAt: at,
      })
      .run();
    // One notification per change, in the same transaction as the change.
    return recordNotification({
      recipients: caseRecipients(input.caseId),
      caseId: input.caseId,
      kind: input.notification?.kind ?? statusNotificationKind(c.status, input.to),
      params: input.notification?.params,
      now: new Date(at),
    });
  });
  // Inside a durable commit (an answer to a supplement or an offer, a decision): after its fsync.
  if (recorded > 0) afterDurableCommit(kickNotificationDelivery);
}

/** How long an anonymous receipt stays visible to the browser that sent it (decision 042). */
export const ANONYMOUS_RECEIPT_MINUTES = 30;

/**
 * A receipt is shown only to whoever sent it: the logged-in applicant/submitter, or, for a
 * case sent without logging in, the same browser (submitterKey) for a short while after
 * sending. A case with a person on it is never shown through a browser key.
 */
export function getCaseForSubmitter(input: { reference: string; viewer: SubmitterViewer; now?: Date }) {
  const c = db().select().from(caseTable).where(eq(caseTable.reference, input.reference)).get();
  if (!c) return undefined;
  return submitterMaySee(c, input.viewer, input.now) ? c : undefined;
}

export function submitterMaySee(
  c: Pick<typeof caseTable.$inferSelect, "applicantPersonId" | "submittedByPersonId" | "submitterKey" | "createdAt">,
  viewer: SubmitterViewer,
  now = clockNow(),
): boolean {
  if ("personId" in viewer) return c.applicantPersonId === viewer.personId || c.submittedByPersonId === viewer.personId;
  if (viewer.browserKey === null || c.submitterKey !== viewer.browserKey) return false;
  if (c.applicantPersonId !== null || c.submittedByPersonId !== null) return false;
  return new Date(c.createdAt).getTime() + ANONYMOUS_RECEIPT_MINUTES * 60_000 > now.getTime();
}

/**
 * The full answers of a case: public part plus the decrypted sensitive part. For a case with
 * protected personal data, without any address (docs/decisions/046): every output (receipts,
 * copies, the case export, the register extract) reads answers through here.
 */
export function caseAnswers(c: {
  data: string;
  sensitiveData: string | null;
  formId?: string;
  protectedIdentity?: boolean;
}): Record<string, unknown> {
  const data = JSON.parse(c.data) as Record<string, unknown>;
  const secret = c.sensitiveData ? (JSON.parse(decrypt(c.sensitiveData)) as Record<string, unknown>) : {};
  const all = { ...data, ...secret };
  return c.protectedIdentity && c.formId ? withoutAddresses({ formId: c.formId, protectedIdentity: true }, all) : all;
}

/**
 * The child as the population register named them when the case was submitted, kept with the
 * case's sensitive answers (encrypted at rest) so that officers read it without asking the
 * register again (issue 19, decision 074). Null for cases submitted before it was kept.
 */
export interface ChildAtSubmission {
  givenName: string;
  familyName: string;
  birthDate: string;
}

/** Only the name and birth date are kept: never an address (decision 046) or custody. */
export function keptChild(p: ChildAtSubmission): ChildAtSubmission {
  return { givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate };
}

export function childAtSubmission(c: { sensitiveData: string | null }): ChildAtSubmission | null {
  if (!c.sensitiveData) return null;
  const kept = (JSON.parse(decrypt(c.sensitiveData)) as { childAtSubmission?: Partial<ChildAtSubmission> })
    .childAtSubmission;
  return kept && typeof kept.givenName === "string" && typeof kept.familyName === "string"
    ? { givenName: kept.givenName, familyName: kept.familyName, birthDate: String(kept.birthDate ?? "") }
    : null;
}

// ---- Access for staff and residents (from the identity branch, on forms' case table) ------

/**
 * Who may open which case. Keep every function scoped (by staff scopes or by person).
 */
const CLOSED = "closed";

function scopeCondition(scopes: Scope[]): SQL | undefined {
  const parts = scopes
    .filter((s) => s.municipalityId !== undefined)
    .map((s) =>
      s.area
        ? and(eq(caseTable.municipalityId, s.municipalityId!), eq(caseTable.area, s.area))
        : eq(caseTable.municipalityId, s.municipalityId!),
    );
  return parts.length ? or(...parts) : undefined;
}

/** Where a case belongs, without any personal data: what a guard needs to decide. */
export function getCaseScope(reference: string): { municipalityId: number; area: Area } | undefined {
  return db()
    .select({ municipalityId: caseTable.municipalityId, area: sql<Area>`${caseTable.area}` })
    .from(caseTable)
    .where(eq(caseTable.reference, reference))
    .get();
}

export function countOpenCases(scopes: Scope[]): number {
  const cond = scopeCondition(scopes);
  if (!cond) return 0;
  return (
    db()
      .select({ n: count() })
      .from(caseTable)
      .where(and(cond, ne(caseTable.status, CLOSED)))
      .get()?.n ?? 0
  );
}

export function listCasesForStaff(scopes: Scope[]) {
  const cond = scopeCondition(scopes);
  if (!cond) return [];
  return db()
    .select({
      reference: caseTable.reference,
      caseType: caseTable.formId,
      area: caseTable.area,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      municipality: municipality.name,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .where(cond)
    .orderBy(asc(caseTable.createdAt))
    .all();
}

/** One case with its applicant, only within the staff member's scopes. */
export function getCaseForStaff({ reference, scopes }: { reference: string; scopes: Scope[] }) {
  const cond = scopeCondition(scopes);
  if (!cond) return undefined;
  const row = db()
    .select({
      id: caseTable.id,
      reference: caseTable.reference,
      caseType: caseTable.formId,
      area: caseTable.area,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      municipalityId: caseTable.municipalityId,
      municipality: municipality.name,
      applicantPersonId: caseTable.applicantPersonId,
      givenName: person.givenName,
      familyName: person.familyName,
      personnummerEncrypted: person.personnummerEncrypted,
      organisationName: organisation.name,
      orgNumber: organisation.orgNumber,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(person, eq(person.id, caseTable.applicantPersonId))
    .leftJoin(organisation, eq(organisation.id, caseTable.applicantOrganisationId))
    .where(and(eq(caseTable.reference, reference), cond))
    .get();
  if (!row) return undefined;
  const { personnummerEncrypted, ...rest } = row;
  return { ...rest, personnummer: personnummerEncrypted ? decrypt(personnummerEncrypted) : null };
}

/** A resident's own cases (as applicant, for themself or an organisation). */
export function listCasesForPerson(personId: number) {
  return db()
    .select({
      reference: caseTable.reference,
      caseType: caseTable.formId,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      municipality: municipality.name,
      organisationName: organisation.name,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(organisation, eq(organisation.id, caseTable.applicantOrganisationId))
    .where(eq(caseTable.applicantPersonId, personId))
    .orderBy(desc(caseTable.createdAt))
    .all();
}
