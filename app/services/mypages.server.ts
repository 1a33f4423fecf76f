import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { OfferStatus } from "~/domain/statuses";
import { isArea } from "~/domain/areas";
import { isCaseStatus } from "~/domain/statuses";
import {
  caseAttachment,
  caseEvent,
  caseParty,
  caseTable,
  childcareApplication,
  childcareOffer,
  childcarePlacement,
  childcareUnit,
  householdIncome,
  message,
  messageAttachment,
  municipality,
  organisation,
  schoolSignature,
} from "../../db/schema/index";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { inIds, prepared } from "~/db-prepared.server";
import { getVisibleCase, visibleToResident, type ResidentViewer } from "./case-access.server";
import { allowedTransitions } from "./case-status";
import { caseAnswers, changeCaseStatus } from "./cases.server";
import { getChildcareCase, lapseDueOffers } from "./childcare.server";
import { getSchoolCase } from "./school.server";
import { caseSignaturesOf } from "./case-signatures.server";
import { effectiveOfferStatus } from "./childcare-rules";
import { decrypt } from "~/platform/crypto.server";
import { listDraftsForPerson } from "./drafts.server";
import { personOwnerKey } from "./eservice-session.server";
import { getMessageAttachment, listMessages, unreadOfficerMessages } from "./messages.server";
import { uploadsDir } from "./uploads.server";
import { readStoredFile } from "./file-store.server";
import { getNotificationSettings, listNotifications } from "./notifications.server";
import { childrenInCustodyOf, householdOf, REGISTER_SOURCE, registerPerson } from "./population.server";
import { trail } from "./trail.server";
import { listAccessToPersonData } from "~/platform/audit.server";

/**
 * Mina sidor: one resident's view across the portal's municipalities. Every query starts from
 * visibleToResident(viewer) or from the viewer's own register hmac.
 */

export interface CaseSummary {
  id: number;
  reference: string;
  formId: string;
  area: string;
  status: string;
  municipality: string;
  createdAt: string;
  decisionDueAt: string | null;
}

export type WaitingItem =
  | { kind: "offer"; reference: string; deadline: string }
  | { kind: "signature"; reference: string }
  | { kind: "messages"; reference: string; count: number }
  | { kind: "completion"; reference: string };

const myCasesStatement = (forOrganisation: boolean) =>
  prepared(`mypages.cases.${forOrganisation ? "organisation" : "person"}`, (d) =>
    d
      .select({
        id: caseTable.id,
        reference: caseTable.reference,
        formId: caseTable.formId,
        area: caseTable.area,
        status: caseTable.status,
        municipality: municipality.name,
        createdAt: caseTable.createdAt,
        decisionDueAt: caseTable.decisionDueAt,
      })
      .from(caseTable)
      .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
      .where(
        visibleToResident({
          personId: sql.placeholder("personId"),
          personnummerHmac: sql.placeholder("hmac"),
          ...(forOrganisation ? { organisationId: sql.placeholder("organisationId") } : {}),
        }),
      )
      .orderBy(desc(caseTable.createdAt), desc(caseTable.id))
      .prepare(),
  );

export function listMyCases(viewer: ResidentViewer): CaseSummary[] {
  // Prepared once per variant of the rule (acting for an organisation or not): decision 120.
  return myCasesStatement(Boolean(viewer.organisationId)).all({
    personId: viewer.personId,
    hmac: viewer.personnummerHmac,
    organisationId: viewer.organisationId ?? null,
  });
}

export async function myPagesOverview(input: { viewer: ResidentViewer; now?: Date }) {
  const now = input.now ?? new Date();
  await lapseDueOffers(now);
  const cases = listMyCases(input.viewer);
  const ids = cases.map((c) => c.id);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const waiting: WaitingItem[] = [];
  if (ids.length) {
    for (const o of db()
      .select()
      .from(childcareOffer)
      .where(and(inIds(childcareOffer.caseId, ids), eq(childcareOffer.status, "pending")))
      .all()) {
      if (effectiveOfferStatus({ status: o.status as OfferStatus, deadlineAt: o.deadlineAt }, now) === "pending") {
        waiting.push({ kind: "offer", reference: byId.get(o.caseId)!.reference, deadline: o.deadlineAt });
      }
    }
    const sigs = db()
      .select({ caseId: schoolSignature.caseId })
      .from(schoolSignature)
      .where(
        and(
          inIds(schoolSignature.caseId, ids),
          eq(schoolSignature.guardianHmac, input.viewer.personnummerHmac),
          eq(schoolSignature.decision, "pending"),
        ),
      )
      .all();
    for (const s of sigs)
      if (byId.get(s.caseId)!.status === "awaiting_signatures")
        waiting.push({ kind: "signature", reference: byId.get(s.caseId)!.reference });
    for (const [caseId, count] of unreadOfficerMessages(ids))
      waiting.push({ kind: "messages", reference: byId.get(caseId)!.reference, count });
    for (const c of cases)
      if (c.status === "awaiting_completion") waiting.push({ kind: "completion", reference: c.reference });
  }
  // The drafts of the party acted for now (its owner key, decision 114), the rest only counted.
  const actingFor = input.viewer.organisationId
    ? (db()
        .select({ orgNumber: organisation.orgNumber })
        .from(organisation)
        .where(eq(organisation.id, input.viewer.organisationId))
        .get()?.orgNumber ?? null)
    : null;
  const drafts = listDraftsForPerson(input.viewer.personId, personOwnerKey(input.viewer.personId, actingFor), now);
  return {
    cases,
    waiting,
    notifications: listNotifications(input.viewer.personnummerHmac, 10),
    drafts: input.viewer.organisationId && actingFor === null ? [] : drafts.drafts,
    draftsForOtherParties: drafts.forOtherParties,
    // Until when this stays true by the clock alone (Mina sidor's render cache, decision 124): a
    // pending offer lapses after its deadline, a draft disappears when it expires; the rest
    // changes only by a write.
    validUntil: waiting.reduce(
      (until, w) => (w.kind === "offer" ? Math.min(until, Date.parse(w.deadline)) : until),
      drafts.nextExpiry,
    ),
  };
}

export interface TimelineEntry {
  at: string;
  kind: "status" | "message-in" | "message-out" | "offer" | "signature";
  status?: string;
  unit?: string;
  name?: string;
  decision?: string;
}

export interface DocumentView {
  publicId: string;
  name: string;
  size: number;
  source: "case" | "message";
}

/** The resident's view of one case; undefined if it is not theirs (the route answers 404). */
export async function getMyCase(input: { reference: string; viewer: ResidentViewer; now?: Date }) {
  const now = input.now ?? new Date();
  const c = getVisibleCase(input);
  if (!c) return undefined;
  const m = db()
    .select({ name: municipality.name })
    .from(municipality)
    .where(eq(municipality.id, c.municipalityId))
    .get();
  const timeline: TimelineEntry[] = db()
    .select()
    .from(caseEvent)
    .where(eq(caseEvent.caseId, c.id))
    .orderBy(asc(caseEvent.createdAt), asc(caseEvent.id))
    .all()
    .map((e) => ({ at: e.createdAt, kind: "status" as const, status: e.toStatus }));
  // Opening the case marks the officer's messages as read.
  const messages =
    listMessages({ reference: c.reference, audience: "resident", viewer: input.viewer, markReadAt: now }) ?? [];
  for (const msg of messages)
    timeline.push({ at: msg.createdAt, kind: msg.sender === "applicant" ? "message-in" : "message-out" });
  for (const o of db()
    .select({ at: childcareOffer.offeredAt, unit: childcareUnit.name })
    .from(childcareOffer)
    .innerJoin(childcareUnit, eq(childcareUnit.id, childcareOffer.unitId))
    .where(eq(childcareOffer.caseId, c.id))
    .all()) {
    timeline.push({ at: o.at, kind: "offer", unit: o.unit });
  }
  for (const s of db().select().from(schoolSignature).where(eq(schoolSignature.caseId, c.id)).all()) {
    if (!s.decidedAt) continue;
    const p = await registerPerson(s.guardianHmac, "mypages");
    timeline.push({
      at: s.decidedAt,
      kind: "signature",
      name: p ? `${p.givenName} ${p.familyName}` : "",
      decision: s.decision,
    });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const documents: DocumentView[] = [
    ...db()
      .select()
      .from(caseAttachment)
      .where(eq(caseAttachment.caseId, c.id))
      .all()
      .map((a) => ({ publicId: a.publicId, name: a.originalName, size: a.size, source: "case" as const })),
    ...messages.flatMap((msg) =>
      msg.attachments.map((a) => ({ publicId: a.publicId, name: a.name, size: a.size, source: "message" as const })),
    ),
  ];
  const isApplicant = !input.viewer.organisationId
    ? c.applicantPersonId === input.viewer.personId || c.submittedByPersonId === input.viewer.personId
    : c.applicantOrganisationId === input.viewer.organisationId;
  const canWithdraw =
    isApplicant &&
    isArea(c.area) &&
    isCaseStatus(c.status) &&
    allowedTransitions(c.area, c.status).includes("withdrawn");
  return {
    case: {
      id: c.id,
      reference: c.reference,
      formId: c.formId,
      area: c.area,
      status: c.status,
      municipality: m?.name ?? "",
      createdAt: c.createdAt,
      decisionDueAt: c.decisionDueAt,
    },
    timeline,
    messages,
    documents,
    canWithdraw,
  };
}

/**
 * A document of a case the viewer may see: a message attachment or a file uploaded with the
 * form. Undefined for anything else.
 */
export function getMyDocument(input: { reference: string; publicId: string; viewer: ResidentViewer }) {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(input.publicId)) return undefined;
  const fromMessage = getMessageAttachment({
    publicId: input.publicId,
    reference: input.reference,
    audience: "resident",
    viewer: input.viewer,
  });
  if (fromMessage) return fromMessage;
  const c = getVisibleCase(input);
  if (!c) return undefined;
  const a = db()
    .select()
    .from(caseAttachment)
    .where(and(eq(caseAttachment.caseId, c.id), eq(caseAttachment.publicId, input.publicId)))
    .get();
  if (!a) return undefined;
  return { name: a.originalName, mime: a.mime, size: a.size, bytes: readStoredFile(uploadsDir(), a.storedName) };
}

/** Withdraw a case that is not yet decided; only the applicant (not a co-guardian) may. */
export async function withdrawCase(input: {
  reference: string;
  viewer: ResidentViewer;
  actor: unknown;
  now?: Date;
}): Promise<"withdrawn" | "not-found" | "not-allowed"> {
  const view = await getMyCase(input);
  if (!view) return "not-found";
  if (!view.canWithdraw) return "not-allowed";
  const now = input.now ?? new Date();
  // Status change, queue and audit row in one commit, its fsync off the event loop (decision 155);
  // the parties' notification is kicked after it.
  await commitDurably(() => {
    changeCaseStatus({ caseId: view.case.id, to: "withdrawn", via: "applicant", actor: "applicant", now });
    db()
      .update(childcareApplication)
      .set({ queueStatus: "closed" })
      .where(eq(childcareApplication.caseId, view.case.id))
      .run();
    trail({
      actor: input.actor,
      action: "case.withdraw",
      subjectType: "case",
      subjectId: view.case.reference,
      personId: input.viewer.personId,
    });
  });
  // changeCaseStatus has told every party ("case-withdrawn", decision 079).
  return "withdrawn";
}

/**
 * Register extract (GDPR art. 15): everything the portal holds about the person, decrypted for
 * them. Same content for the page and the JSON download.
 */
export interface AccessEntry {
  at: string;
  action: string;
  case: string | null;
  role: string | null;
  administration: string | null;
  municipality: string | null;
}

/** Staff reads of the person's data, newest first, in the reader's language (the access log on Mina sidor). */
export function accessLogFor(personId: number, lang: "sv" | "en", limit = 100): AccessEntry[] {
  return listAccessToPersonData(personId, limit).map((a) => ({
    at: a.at,
    action: a.action,
    case: a.subjectId,
    role: a.role,
    administration: a.administration ? a.administration[lang] : null,
    municipality: a.municipality,
  }));
}

export async function registerExtract(input: {
  viewer: ResidentViewer;
  person: { givenName: string; familyName: string; personnummer: string | null };
  accessLog: AccessEntry[];
  now?: Date;
}) {
  const v = input.viewer;
  const own = { ...v, organisationId: null };
  const cases = db().select().from(caseTable).where(visibleToResident(own)).orderBy(asc(caseTable.createdAt)).all();
  const caseIds = cases.map((c) => c.id);
  const hh = await householdOf(v.personnummerHmac, "mypages");
  const children = await childrenInCustodyOf(v.personnummerHmac, "mypages");
  const messages = caseIds.length
    ? db().select().from(message).where(inArray(message.caseId, caseIds)).orderBy(asc(message.createdAt)).all()
    : [];
  const files = messages.length
    ? db()
        .select()
        .from(messageAttachment)
        .where(
          inArray(
            messageAttachment.messageId,
            messages.map((m) => m.id),
          ),
        )
        .all()
    : [];
  const settings = getNotificationSettings(v.personnummerHmac);
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    person: { ...input.person, source: REGISTER_SOURCE },
    household: hh
      ? {
          address: hh.address,
          municipality: hh.municipality,
          guardians: hh.guardians.map((g) => ({ name: `${g.givenName} ${g.familyName}` })),
          source: REGISTER_SOURCE,
        }
      : null,
    children: children.map((c) => ({
      name: `${c.givenName} ${c.familyName}`,
      birthDate: c.birthDate,
      source: REGISTER_SOURCE,
    })),
    cases: cases.map((c) => ({
      reference: c.reference,
      formId: c.formId,
      status: c.status,
      createdAt: c.createdAt,
      role: c.applicantPersonId === v.personId ? "applicant" : "party",
      answers: caseAnswers(c),
    })),
    messages: messages.map((m) => ({
      case: cases.find((c) => c.id === m.caseId)?.reference,
      from: m.sender,
      at: m.createdAt,
      body: decrypt(m.body),
      attachments: files
        .filter((f) => f.messageId === m.id)
        .map((f) => ({ name: f.originalName, size: f.size, sha256: f.sha256 })),
    })),
    parties: caseIds.length
      ? db()
          .select({ caseId: caseParty.caseId, role: caseParty.role })
          .from(caseParty)
          .where(and(inArray(caseParty.caseId, caseIds), eq(caseParty.personnummerHmac, v.personnummerHmac)))
          .all()
          .map((p) => ({ case: cases.find((c) => c.id === p.caseId)?.reference, role: p.role }))
      : [],
    income: hh
      ? db()
          .select()
          .from(householdIncome)
          .where(eq(householdIncome.householdKey, hh.key))
          .orderBy(asc(householdIncome.validFrom))
          .all()
          .map((r) => ({
            monthlyIncome: Number(decrypt(r.monthlyIncome)),
            validFrom: r.validFrom,
            reportedByYou: r.reportedByPersonId === v.personId,
          }))
      : [],
    placements: hh
      ? await Promise.all(
          db()
            .select({ p: childcarePlacement, unit: childcareUnit.name })
            .from(childcarePlacement)
            .innerJoin(childcareUnit, eq(childcareUnit.id, childcarePlacement.unitId))
            .where(eq(childcarePlacement.householdKey, hh.key))
            .all()
            .map(async ({ p, unit }) => ({
              child: (await registerPerson(p.childHmac, "mypages"))?.givenName ?? "",
              unit,
              startDate: p.startDate,
              status: p.status,
              lastDay: p.lastDay,
            })),
        )
      : [],
    signatures: db()
      .select()
      .from(schoolSignature)
      .where(eq(schoolSignature.guardianHmac, v.personnummerHmac))
      .all()
      .map((s) => ({
        case: cases.find((c) => c.id === s.caseId)?.reference,
        decision: s.decision,
        decidedAt: s.decidedAt,
        contentHash: s.contentHash,
      })),
    notifications: listNotifications(v.personnummerHmac, 1000).map((n) => ({
      kind: n.kind,
      at: n.createdAt,
      params: n.params,
    })),
    settings: { emailEnabled: settings.emailEnabled, email: settings.email },
    accessLog: input.accessLog,
  };
}

/** Everything the case page shows: the common case view plus its childcare or school side. */
export async function getMyCaseDetail(input: { reference: string; viewer: ResidentViewer; now?: Date }) {
  const base = await getMyCase(input);
  if (!base) return undefined;
  const childcare = base.case.area === "barnomsorg" ? ((await getChildcareCase(input)) ?? null) : null;
  const school = base.case.area === "skola" ? ((await getSchoolCase(input)) ?? null) : null;
  // The e-ID signatures, verified again on every view (decision 107); null: they could not be checked now.
  return { ...base, childcare, school, signatures: await caseSignaturesOf(base.case.id) };
}

/** The register extract for the logged-in person, with identity's access log; audited as a read of one's own data. */
export async function myRegisterExtract(input: {
  viewer: ResidentViewer;
  actor: unknown;
  person: { givenName: string; familyName: string; personnummer: string | null };
  lang: "sv" | "en";
}) {
  const accessLog = accessLogFor(input.viewer.personId, input.lang, 500);
  trail({
    actor: input.actor,
    action: "person.extract",
    subjectType: "person",
    subjectId: input.viewer.personId,
    personId: input.viewer.personId,
  });
  return await registerExtract({ viewer: input.viewer, person: input.person, accessLog });
}
