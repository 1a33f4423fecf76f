import { and, asc, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { OfferStatus } from "~/domain/statuses";
import {
  caseParty,
  caseTable,
  childcareApplication,
  childcareFeeConfig,
  childcareOffer,
  childcarePlacement,
  childcarePreference,
  childcareUnit,
  householdIncome,
  municipality,
  type ChildcareUnit,
} from "../../db/schema/index";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { anyProtected } from "./protected-identity.server";
import { getVisibleCase, visibleToResident, type ResidentViewer } from "./case-access.server";
import { rankedUnits, type ChildcareApplicationInput, type FieldErrors } from "./childcare-application";
import {
  calculateFees,
  isMaxtaxaConfig,
  MAXTAXA_2026,
  type CareKind,
  type FeeChild,
  type FeeResult,
  type MaxtaxaConfig,
} from "./childcare-fee";
import {
  assessStartDate,
  checkDesiredStart,
  effectiveOfferStatus,
  offerDeadline,
  queuePosition,
  swedishDate,
  terminationLastDay,
  type StartDateAssessment,
} from "./childcare-rules";
import { changeCaseStatus, childAtSubmission, createCase, keptChild } from "./cases.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { adoptContactEmail, kickNotificationDelivery, recordNotification } from "./notifications.server";
import {
  childrenInCustodyOf,
  getChildOfGuardian,
  householdOf,
  REGISTER_SOURCE,
  registerPerson,
  type RegisterChild,
} from "./population.server";
import { trail } from "./trail.server";
import { getAdministrationForArea } from "./municipalities.server";

export const CHILDCARE_FORM_ID = "forskola-ansokan";

/** The year's maxtaxa figures from configuration, falling back to the built-in 2026 values. */
export function maxtaxaFor(year: number): MaxtaxaConfig {
  const rows = db()
    .select()
    .from(childcareFeeConfig)
    .where(lte(childcareFeeConfig.year, year))
    .orderBy(desc(childcareFeeConfig.year))
    .all();
  for (const r of rows) {
    const parsed: unknown = JSON.parse(r.config);
    if (isMaxtaxaConfig(parsed)) return parsed;
  }
  return MAXTAXA_2026;
}

export function listUnits(input: { municipalityId: number; kind?: CareKind }): ChildcareUnit[] {
  // A closed unit is not offered any more (decision 060); cases that named it still show its name.
  const where = and(
    eq(childcareUnit.municipalityId, input.municipalityId),
    isNull(childcareUnit.closedAt),
    input.kind ? eq(childcareUnit.kind, input.kind) : undefined,
  );
  return db().select().from(childcareUnit).where(where).orderBy(asc(childcareUnit.name)).all();
}

export interface ChildChoice {
  hmac: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  /** Where the child is registered (the municipality applied to by default). */
  municipality: string | null;
  source: typeof REGISTER_SOURCE;
}

/** The children the logged-in guardian may apply for, from the population register. */
export async function childrenForApplication(
  viewer: ResidentViewer,
  purpose: "childcare" | "school" = "childcare",
): Promise<ChildChoice[]> {
  return (await childrenInCustodyOf(viewer.personnummerHmac, purpose)).map((c) => ({
    hmac: c.hmac,
    givenName: c.givenName,
    familyName: c.familyName,
    birthDate: c.birthDate,
    municipality: c.municipality,
    source: REGISTER_SOURCE,
  }));
}

function latestIncome(householdKey: string, on: string): number | null {
  const row = db()
    .select()
    .from(householdIncome)
    .where(and(eq(householdIncome.householdKey, householdKey), lte(householdIncome.validFrom, on)))
    .orderBy(desc(householdIncome.validFrom), desc(householdIncome.id))
    .get();
  return row ? Number(decrypt(row.monthlyIncome)) : null;
}

/**
 * Placements that cost a fee on `on`: active ones and terminated ones still in their notice
 * period. One per child (a child moving to a new place during the notice period is counted
 * once, at the newer place).
 */
function activePlacements(householdKey: string, on: string) {
  const rows = db()
    .select()
    .from(childcarePlacement)
    .where(eq(childcarePlacement.householdKey, householdKey))
    .all()
    .filter((p) => p.status === "active" || (p.lastDay !== null && p.lastDay >= on));
  const byChild = new Map<string, (typeof rows)[number]>();
  for (const p of rows) {
    const seen = byChild.get(p.childHmac);
    if (!seen || (seen.status !== "active" && p.status === "active") || (seen.status === p.status && p.id > seen.id))
      byChild.set(p.childHmac, p);
  }
  return [...byChild.values()];
}

/**
 * The fee the household would pay with this child placed as asked: the household's other
 * placements count for the child order (the youngest is child 1).
 */
export async function estimateFee(input: {
  viewer: ResidentViewer;
  childHmac: string;
  careKind: CareKind;
  hoursPerWeek: number;
  monthlyIncome?: number | null;
  on: string;
}): Promise<{ result: FeeResult; incomeKnown: boolean } | undefined> {
  const child = await getChildOfGuardian(
    { guardianHmac: input.viewer.personnummerHmac, childHmac: input.childHmac },
    "childcare",
  );
  if (!child) return undefined;
  const income = input.monthlyIncome ?? latestIncome(child.householdKey, input.on);
  // Without an income the maximum fee applies (as the municipalities' rules say).
  const config = maxtaxaFor(Number(input.on.slice(0, 4)));
  const counted = income ?? config.incomeCapPerMonth;
  const others = await placedSiblings(child.householdKey, child.hmac, input.on);
  const result = calculateFees(
    config,
    counted,
    [{ id: child.hmac, birthDate: child.birthDate, kind: input.careKind, hoursPerWeek: input.hoursPerWeek }, ...others],
    input.on,
  );
  return { result, incomeKnown: income !== null };
}

export interface PreparedApplication {
  child: RegisterChild;
  municipalityId: number;
  units: ChildcareUnit[];
  assessment: StartDateAssessment;
  coGuardians: string[];
}

/** All checks that need the register and the database; returns field error codes. */
export async function prepareApplication(
  viewer: ResidentViewer,
  input: ChildcareApplicationInput,
  now: Date,
): Promise<{ ok: true; value: PreparedApplication } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const child = await getChildOfGuardian(
    { guardianHmac: viewer.personnummerHmac, childHmac: input.child },
    "childcare",
  );
  if (!child) return { ok: false, errors: { child: "notYours" } };
  const ids = rankedUnits(input);
  const units = db().select().from(childcareUnit).where(inArray(childcareUnit.id, ids)).all();
  const byId = new Map(units.map((u) => [u.id, u]));
  const ordered = ids.map((id) => byId.get(id));
  ordered.forEach((u, i) => {
    if (!u || u.kind !== input.careKind || u.closedAt !== null) errors[`unit${i + 1}`] = "invalid";
  });
  const municipalityIds = new Set(ordered.filter(Boolean).map((u) => u!.municipalityId));
  if (municipalityIds.size > 1) errors.unit2 ??= "sameMunicipality";
  const today = swedishDate(now);
  const problem = checkDesiredStart(input.careKind, child.birthDate, today, input.desiredStart);
  if (problem) errors.desiredStart = problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const coGuardians = child.custody.filter((h) => h !== viewer.personnummerHmac);
  return {
    ok: true,
    value: {
      child,
      municipalityId: ordered[0]!.municipalityId,
      units: ordered as ChildcareUnit[],
      assessment: assessStartDate(today, input.desiredStart),
      coGuardians,
    },
  };
}

/**
 * Registers the application as a case (reference, diarium entry masked as secret), its queue
 * facts and ranked units, the parties who may follow it, and tells the other guardian.
 */
export async function submitChildcareApplication(input: {
  viewer: ResidentViewer;
  actor: unknown;
  answers: ChildcareApplicationInput;
  idempotencyKey: string;
  language: "sv" | "en";
  now?: Date;
}): Promise<{ ok: true; reference: string } | { ok: false; errors: FieldErrors }> {
  const now = input.now ?? new Date();
  const prepared = await prepareApplication(input.viewer, input.answers, now);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const a = input.answers;
  const involvedProtected = await anyProtected([p.child.hmac, ...p.coGuardians], "childcare");
  // The administration that handles the area is run-time data (administration_area, decision 056).
  const admin = getAdministrationForArea({ municipalityId: p.municipalityId, area: "barnomsorg" });
  if (!admin) throw new Error("No administration handles barnomsorg");
  let deliveries = 0;
  // One commit, its fsync off the event loop (decision 150): the case, its queue facts, ranked
  // units, parties, income, the contact address, the audit row and the notifications together or
  // not at all, and the answer only once they are on disk. A repeat finds the case and waits too.
  const created = await commitDurably(() => {
    const created = createCase({
      idempotencyKey: input.idempotencyKey,
      municipalityId: p.municipalityId,
      administrationId: admin.id,
      formId: CHILDCARE_FORM_ID,
      formVersion: 1,
      area: "barnomsorg",
      sensitivity: "secret",
      // The child is named by register hmac; names come from the register when shown.
      data: {
        child: p.child.hmac,
        careKind: a.careKind,
        units: p.units.map((u) => u.id),
        desiredStart: a.desiredStart,
        guaranteeDate: p.assessment.guaranteeDate,
        hoursPerWeek: a.hoursPerWeek,
        reason: a.reason ?? null,
        childSource: REGISTER_SOURCE,
      },
      sensitiveData: {
        ...(a.specialNeeds ? { specialNeeds: a.specialNeeds } : {}),
        childAtSubmission: keptChild(p.child),
      },
      applicantPersonId: input.viewer.personId,
      applicantOrganisationId: null,
      submittedByPersonId: input.viewer.personId,
      contactEmail: a.contactEmail ?? null,
      submitterKey: null,
      language: input.language,
      decisionDays: null,
      diarium: { subject: null, partyKind: "person", partyName: null },
      attachments: { publicIds: [], ownerKey: input.viewer.personnummerHmac },
      involvedProtected,
      now,
    });
    if (!created.created) return created;
    const tx = db();
    tx.insert(childcareApplication)
      .values({
        caseId: created.id,
        childHmac: p.child.hmac,
        householdKey: p.child.householdKey,
        municipalityId: p.municipalityId,
        careKind: a.careKind,
        desiredStart: a.desiredStart,
        guaranteeDate: p.assessment.guaranteeDate,
        hoursPerWeek: a.hoursPerWeek,
        queuedAt: now.toISOString(),
      })
      .run();
    p.units.forEach((u, i) =>
      tx
        .insert(childcarePreference)
        .values({ caseId: created.id, unitId: u.id, rank: i + 1 })
        .run(),
    );
    tx.insert(caseParty)
      .values({ caseId: created.id, personnummerHmac: input.viewer.personnummerHmac, role: "applicant" })
      .run();
    for (const h of p.coGuardians)
      tx.insert(caseParty).values({ caseId: created.id, personnummerHmac: h, role: "co-guardian" }).run();
    if (a.monthlyIncome !== undefined) {
      tx.insert(householdIncome)
        .values({
          householdKey: p.child.householdKey,
          reportedByPersonId: input.viewer.personId,
          monthlyIncome: encrypt(String(a.monthlyIncome)),
          validFrom: swedishDate(now),
        })
        .run();
    }
    adoptContactEmail(input.viewer.personnummerHmac, a.contactEmail ?? null);
    trail({
      actor: input.actor,
      action: "childcare.apply",
      subjectType: "case",
      subjectId: created.reference,
      municipalityId: p.municipalityId,
      personId: input.viewer.personId,
    });
    deliveries += recordNotification({
      recipients: [input.viewer.personnummerHmac],
      caseId: created.id,
      kind: "case-submitted",
      now,
    });
    if (p.coGuardians.length > 0)
      deliveries += recordNotification({
        recipients: p.coGuardians,
        caseId: created.id,
        kind: "co-guardian-informed",
        now,
      });
    return created;
  });
  if (deliveries > 0) kickNotificationDelivery();
  return { ok: true, reference: created.reference };
}

/**
 * Unanswered offers past their deadline lapse; the case goes to place_declined (noted as
 * lapsed), the lapse is audited and the guardians are notified. Run by the scheduled job
 * (offer-lapse.server.ts) and, as a backstop, before anything reads offers. Each offer is
 * claimed with a conditional update inside one transaction, so two runs at once (the job and
 * a page) lapse it once; an offer whose case can no longer move (e.g. withdrawn) is closed
 * without a status change rather than stopping the run.
 */
export async function lapseDueOffers(now = new Date()): Promise<number> {
  const due = db()
    .select()
    .from(childcareOffer)
    .where(eq(childcareOffer.status, "pending"))
    .all()
    .filter(
      (o) => effectiveOfferStatus({ status: o.status as OfferStatus, deadlineAt: o.deadlineAt }, now) === "lapsed",
    );
  let lapsed = 0;
  for (const o of due) {
    const claimed = db().transaction(() => {
      const r = db()
        .update(childcareOffer)
        .set({ status: "lapsed" })
        .where(and(eq(childcareOffer.id, o.id), eq(childcareOffer.status, "pending")))
        .run();
      if (r.changes === 0) return null;
      db()
        .update(childcareApplication)
        .set({ queueStatus: "closed" })
        .where(eq(childcareApplication.caseId, o.caseId))
        .run();
      const c = db()
        .select({ status: caseTable.status, municipalityId: caseTable.municipalityId })
        .from(caseTable)
        .where(eq(caseTable.id, o.caseId))
        .get();
      if (c && c.status === "place_offered")
        changeCaseStatus({
          caseId: o.caseId,
          to: "place_declined",
          via: "lapse",
          actor: "system",
          note: "offer-lapsed",
          notification: { kind: "offer-lapsed" },
          now,
        });
      return { municipalityId: c?.municipalityId };
    });
    if (!claimed) continue;
    lapsed += 1;
    trail({
      actor: "system",
      action: "childcare.offer.lapse",
      subjectType: "childcare_offer",
      subjectId: o.id,
      municipalityId: claimed.municipalityId,
      details: { deadlineAt: o.deadlineAt },
    });
  }
  return lapsed;
}

export interface QueueView {
  unitId: number;
  unitName: string;
  rank: number;
  position: number | null;
}

function queuePositions(caseId: number): QueueView[] {
  const prefs = db()
    .select({ unitId: childcarePreference.unitId, rank: childcarePreference.rank, name: childcareUnit.name })
    .from(childcarePreference)
    .innerJoin(childcareUnit, eq(childcareUnit.id, childcarePreference.unitId))
    .where(eq(childcarePreference.caseId, caseId))
    .orderBy(asc(childcarePreference.rank))
    .all();
  return prefs.map((p) => {
    const entries = db()
      .select({
        caseId: childcareApplication.caseId,
        guaranteeDate: childcareApplication.guaranteeDate,
        queuedAt: childcareApplication.queuedAt,
      })
      .from(childcarePreference)
      .innerJoin(childcareApplication, eq(childcareApplication.caseId, childcarePreference.caseId))
      .where(and(eq(childcarePreference.unitId, p.unitId), eq(childcareApplication.queueStatus, "queued")))
      .all();
    return { unitId: p.unitId, unitName: p.name, rank: p.rank, position: queuePosition(entries, caseId) };
  });
}

export interface ChildcareCaseView {
  childName: string;
  childSource: string;
  careKind: CareKind;
  desiredStart: string;
  guaranteeDate: string;
  hoursPerWeek: number;
  queueStatus: string;
  queue: QueueView[];
  specialNeeds: string | null;
  offers: {
    id: number;
    unitName: string;
    unitAddress: string;
    startDate: string;
    deadlineAt: string;
    status: OfferStatus;
    answeredAt: string | null;
  }[];
  placement: {
    id: number;
    unitName: string;
    startDate: string;
    hoursPerWeek: number;
    status: string;
    lastDay: string | null;
  } | null;
  fee: { result: FeeResult; incomeKnown: boolean } | null;
}

/** The childcare side of a case the viewer may see (undefined when not theirs or not childcare). */
export async function getChildcareCase(input: {
  reference: string;
  viewer: ResidentViewer;
  now?: Date;
}): Promise<ChildcareCaseView | undefined> {
  const now = input.now ?? new Date();
  await lapseDueOffers(now);
  const c = getVisibleCase({ reference: input.reference, viewer: input.viewer });
  if (!c || c.area !== "barnomsorg") return undefined;
  const app = db().select().from(childcareApplication).where(eq(childcareApplication.caseId, c.id)).get();
  if (!app) return undefined;
  const child = childAtSubmission(c) ?? (await registerPerson(app.childHmac, "childcare"));
  const offers = db()
    .select({ o: childcareOffer, u: childcareUnit })
    .from(childcareOffer)
    .innerJoin(childcareUnit, eq(childcareUnit.id, childcareOffer.unitId))
    .where(eq(childcareOffer.caseId, c.id))
    .orderBy(asc(childcareOffer.offeredAt))
    .all();
  const placementRow = db()
    .select({ p: childcarePlacement, u: childcareUnit })
    .from(childcarePlacement)
    .innerJoin(childcareUnit, eq(childcareUnit.id, childcarePlacement.unitId))
    .where(eq(childcarePlacement.caseId, c.id))
    .get();
  const today = swedishDate(now);
  const fee =
    placementRow || app.queueStatus !== "closed"
      ? await estimateFeeForHousehold(
          app.householdKey,
          app.childHmac,
          app.careKind as CareKind,
          app.hoursPerWeek,
          today,
        )
      : null;
  const secret = c.sensitiveData ? (JSON.parse(decrypt(c.sensitiveData)) as { specialNeeds?: string }) : {};
  return {
    childName: child ? `${child.givenName} ${child.familyName}` : "",
    childSource: REGISTER_SOURCE,
    careKind: app.careKind as CareKind,
    desiredStart: app.desiredStart,
    guaranteeDate: app.guaranteeDate,
    hoursPerWeek: app.hoursPerWeek,
    queueStatus: app.queueStatus,
    queue: app.queueStatus === "queued" ? queuePositions(c.id) : [],
    specialNeeds: secret.specialNeeds ?? null,
    offers: offers.map(({ o, u }) => ({
      id: o.id,
      unitName: u.name,
      unitAddress: `${u.street}, ${u.postalCode} ${u.town}`,
      startDate: o.startDate,
      deadlineAt: o.deadlineAt,
      status: effectiveOfferStatus({ status: o.status as OfferStatus, deadlineAt: o.deadlineAt }, now),
      answeredAt: o.answeredAt,
    })),
    placement: placementRow
      ? {
          id: placementRow.p.id,
          unitName: placementRow.u.name,
          startDate: placementRow.p.startDate,
          hoursPerWeek: placementRow.p.hoursPerWeek,
          status: placementRow.p.status,
          lastDay: placementRow.p.lastDay,
        }
      : null,
    fee,
  };
}

/** Birth dates of the household's other placed children, for the sibling discount. */
async function placedSiblings(householdKey: string, childHmac: string, on: string): Promise<FeeChild[]> {
  return Promise.all(
    activePlacements(householdKey, on)
      .filter((p) => p.childHmac !== childHmac)
      .map(async (p) => ({
        id: p.childHmac,
        birthDate: (await registerPerson(p.childHmac, "childcare"))?.birthDate ?? "2000-01-01",
        kind: p.careKind as CareKind,
        hoursPerWeek: p.hoursPerWeek,
      })),
  );
}

async function estimateFeeForHousehold(
  householdKey: string,
  childHmac: string,
  careKind: CareKind,
  hours: number,
  on: string,
) {
  const income = latestIncome(householdKey, on);
  const config = maxtaxaFor(Number(on.slice(0, 4)));
  const others = await placedSiblings(householdKey, childHmac, on);
  const birthDate = (await registerPerson(childHmac, "childcare"))?.birthDate ?? "2000-01-01";
  const result = calculateFees(
    config,
    income ?? config.incomeCapPerMonth,
    [{ id: childHmac, birthDate, kind: careKind, hoursPerWeek: hours }, ...others],
    on,
  );
  return { result, incomeKnown: income !== null };
}

export type AnswerResult = "accepted" | "declined" | "not-found" | "not-pending";

/** A guardian accepts or declines an offer on a case they may see, before its deadline. */
export async function answerOffer(input: {
  reference: string;
  offerId: number;
  answer: "accept" | "decline";
  viewer: ResidentViewer;
  actor: unknown;
  now?: Date;
}): Promise<AnswerResult> {
  const now = input.now ?? new Date();
  await lapseDueOffers(now);
  const c = getVisibleCase({ reference: input.reference, viewer: input.viewer });
  if (!c || c.area !== "barnomsorg") return "not-found";
  const offer = db()
    .select()
    .from(childcareOffer)
    .where(and(eq(childcareOffer.id, input.offerId), eq(childcareOffer.caseId, c.id)))
    .get();
  if (!offer) return "not-found";
  if (offer.status !== "pending") return "not-pending";
  const app = db().select().from(childcareApplication).where(eq(childcareApplication.caseId, c.id)).get()!;
  const at = now.toISOString();
  // The offer, the queue, the placement, the case's status (with its notification) and the audit
  // row in one commit whose fsync runs off the event loop; answered after it (decision 150).
  await commitDurably(() => {
    const tx = db();
    if (input.answer === "accept") {
      tx.update(childcareOffer)
        .set({ status: "accepted", answeredAt: at, answeredByPersonId: input.viewer.personId })
        .where(eq(childcareOffer.id, offer.id))
        .run();
      tx.update(childcareApplication).set({ queueStatus: "placed" }).where(eq(childcareApplication.caseId, c.id)).run();
      tx.insert(childcarePlacement)
        .values({
          caseId: c.id,
          offerId: offer.id,
          childHmac: app.childHmac,
          householdKey: app.householdKey,
          unitId: offer.unitId,
          careKind: app.careKind,
          startDate: offer.startDate,
          hoursPerWeek: app.hoursPerWeek,
        })
        .run();
      changeCaseStatus({ caseId: c.id, to: "place_accepted", via: "answer", actor: "applicant", now });
    } else {
      tx.update(childcareOffer)
        .set({ status: "declined", answeredAt: at, answeredByPersonId: input.viewer.personId })
        .where(eq(childcareOffer.id, offer.id))
        .run();
      tx.update(childcareApplication).set({ queueStatus: "closed" }).where(eq(childcareApplication.caseId, c.id)).run();
      changeCaseStatus({ caseId: c.id, to: "place_declined", via: "answer", actor: "applicant", now });
    }
    trail({
      actor: input.actor,
      action: `childcare.offer.${input.answer}`,
      subjectType: "childcare_offer",
      subjectId: offer.id,
      municipalityId: c.municipalityId,
      personId: input.viewer.personId,
    });
  });
  return input.answer === "accept" ? "accepted" : "declined";
}

/** Uppsägning: the place ends on the day asked for, but not before the notice period has run. */
export async function terminatePlacement(input: {
  reference: string;
  desiredLastDay: string;
  viewer: ResidentViewer;
  actor: unknown;
  now?: Date;
}): Promise<{ ok: true; lastDay: string } | { ok: false; code: "not-found" | "invalid" | "in-past" }> {
  const now = input.now ?? new Date();
  const c = getVisibleCase({ reference: input.reference, viewer: input.viewer });
  if (!c || c.area !== "barnomsorg") return { ok: false, code: "not-found" };
  const placement = db()
    .select()
    .from(childcarePlacement)
    .where(and(eq(childcarePlacement.caseId, c.id), eq(childcarePlacement.status, "active")))
    .get();
  if (!placement) return { ok: false, code: "not-found" };
  const today = swedishDate(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.desiredLastDay) || Number.isNaN(Date.parse(input.desiredLastDay)))
    return { ok: false, code: "invalid" };
  if (input.desiredLastDay < today) return { ok: false, code: "in-past" };
  const lastDay = terminationLastDay(today, input.desiredLastDay);
  // Placement, status change (its notification kicked after the fsync) and audit row in one
  // commit, its fsync off the event loop (decision 155); they were three FULL commits.
  await commitDurably(() => {
    db()
      .update(childcarePlacement)
      .set({
        status: "terminated",
        terminationRequestedAt: now.toISOString(),
        terminatedByPersonId: input.viewer.personId,
        lastDay,
      })
      .where(eq(childcarePlacement.id, placement.id))
      .run();
    changeCaseStatus({
      caseId: c.id,
      to: "closed",
      via: "answer",
      actor: "applicant",
      note: `placement-terminated:${lastDay}`,
      notification: { kind: "placement-terminated", params: { lastDay } },
      now,
    });
    trail({
      actor: input.actor,
      action: "childcare.placement.terminate",
      subjectType: "childcare_placement",
      subjectId: placement.id,
      municipalityId: c.municipalityId,
      personId: input.viewer.personId,
      details: { lastDay },
    });
  });
  return { ok: true, lastDay };
}

/** Household income for the fee; a new report is a new row (history is kept). */
export async function reportIncome(input: {
  viewer: ResidentViewer;
  actor: unknown;
  monthlyIncome: number;
  now?: Date;
}): Promise<boolean> {
  const hh = await householdOf(input.viewer.personnummerHmac, "childcare");
  if (!hh || hh.children.length === 0) return false;
  const now = input.now ?? new Date();
  db()
    .insert(householdIncome)
    .values({
      householdKey: hh.key,
      reportedByPersonId: input.viewer.personId,
      monthlyIncome: encrypt(String(input.monthlyIncome)),
      validFrom: swedishDate(now),
    })
    .run();
  trail({
    actor: input.actor,
    action: "childcare.income.report",
    subjectType: "household_income",
    subjectId: hh.key,
    personId: input.viewer.personId,
  });
  return true;
}

/** The household's fee overview for Mina sidor: each placed child's monthly fee. */
export async function householdFee(input: { viewer: ResidentViewer; now?: Date }) {
  const hh = await householdOf(input.viewer.personnummerHmac, "childcare");
  if (!hh) return null;
  const on = swedishDate(input.now ?? new Date());
  const income = latestIncome(hh.key, on);
  const placements = activePlacements(hh.key, on);
  const config = maxtaxaFor(Number(on.slice(0, 4)));
  const result = calculateFees(
    config,
    income ?? config.incomeCapPerMonth,
    await Promise.all(
      placements.map(async (p) => ({
        id: p.childHmac,
        birthDate: (await registerPerson(p.childHmac, "childcare"))?.birthDate ?? "2000-01-01",
        kind: p.careKind as CareKind,
        hoursPerWeek: p.hoursPerWeek,
      })),
    ),
    on,
  );
  return {
    income,
    config,
    result,
    children: await Promise.all(
      result.children.map(async (c) => {
        const p = await registerPerson(String(c.id), "childcare");
        return { ...c, name: p ? `${p.givenName} ${p.familyName}` : "" };
      }),
    ),
  };
}

// ---- Officer (simple handling view) -------------------------------------------------------

/** Childcare applications in the officer's municipalities, oldest guarantee date first. */
export async function listChildcareQueueForStaff(input: { municipalityIds: number[]; now?: Date }) {
  await lapseDueOffers(input.now ?? new Date());
  if (input.municipalityIds.length === 0) return [];
  return db()
    .select({
      caseId: caseTable.id,
      reference: caseTable.reference,
      status: caseTable.status,
      municipality: municipality.name,
      municipalityId: caseTable.municipalityId,
      careKind: childcareApplication.careKind,
      desiredStart: childcareApplication.desiredStart,
      guaranteeDate: childcareApplication.guaranteeDate,
      queueStatus: childcareApplication.queueStatus,
      protectedIdentity: caseTable.protectedIdentity,
    })
    .from(childcareApplication)
    .innerJoin(caseTable, eq(caseTable.id, childcareApplication.caseId))
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .where(inArray(caseTable.municipalityId, input.municipalityIds))
    .orderBy(asc(childcareApplication.guaranteeDate), asc(childcareApplication.queuedAt))
    .all();
}

/** One application for the officer, only within their municipalities. */
export async function getChildcareCaseForStaff(input: { reference: string; municipalityIds: number[]; now?: Date }) {
  const now = input.now ?? new Date();
  await lapseDueOffers(now);
  const c = db().select().from(caseTable).where(eq(caseTable.reference, input.reference)).get();
  if (!c || c.area !== "barnomsorg" || !input.municipalityIds.includes(c.municipalityId)) return undefined;
  const app = db().select().from(childcareApplication).where(eq(childcareApplication.caseId, c.id)).get();
  if (!app) return undefined;
  // The name given at submission; only a case from before it was kept asks the register.
  const child = childAtSubmission(c) ?? (await registerPerson(app.childHmac, "case-handling"));
  const prefs = db()
    .select({ unitId: childcarePreference.unitId, rank: childcarePreference.rank, name: childcareUnit.name })
    .from(childcarePreference)
    .innerJoin(childcareUnit, eq(childcareUnit.id, childcarePreference.unitId))
    .where(eq(childcarePreference.caseId, c.id))
    .orderBy(asc(childcarePreference.rank))
    .all();
  const offers = db()
    .select({
      id: childcareOffer.id,
      unitName: childcareUnit.name,
      startDate: childcareOffer.startDate,
      deadlineAt: childcareOffer.deadlineAt,
      status: childcareOffer.status,
    })
    .from(childcareOffer)
    .innerJoin(childcareUnit, eq(childcareUnit.id, childcareOffer.unitId))
    .where(eq(childcareOffer.caseId, c.id))
    .all();
  const secret = c.sensitiveData ? (JSON.parse(decrypt(c.sensitiveData)) as { specialNeeds?: string }) : {};
  return {
    caseId: c.id,
    reference: c.reference,
    status: c.status,
    municipalityId: c.municipalityId,
    applicantPersonId: c.applicantPersonId,
    protectedIdentity: c.protectedIdentity,
    childName: child ? `${child.givenName} ${child.familyName}` : "",
    childBirthDate: child?.birthDate ?? "",
    careKind: app.careKind,
    desiredStart: app.desiredStart,
    guaranteeDate: app.guaranteeDate,
    hoursPerWeek: app.hoursPerWeek,
    queueStatus: app.queueStatus,
    specialNeeds: secret.specialNeeds ?? null,
    preferences: prefs,
    offers,
    units: listUnits({ municipalityId: c.municipalityId, kind: app.careKind as CareKind }).map((u) => ({
      id: u.id,
      name: u.name,
    })),
  };
}

/** The officer offers a place; the guardians are told and have OFFER_ANSWER_DAYS to answer. */
export async function offerPlace(input: {
  reference: string;
  municipalityIds: number[];
  unitId: number;
  startDate: string;
  staffUserId: number;
  actor: unknown;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | { ok: false; notFound: true }> {
  const now = input.now ?? new Date();
  const c = db().select().from(caseTable).where(eq(caseTable.reference, input.reference)).get();
  if (!c || c.area !== "barnomsorg" || !input.municipalityIds.includes(c.municipalityId))
    return { ok: false, notFound: true };
  const app = db().select().from(childcareApplication).where(eq(childcareApplication.caseId, c.id)).get();
  if (!app) return { ok: false, notFound: true };
  const errors: FieldErrors = {};
  const unit = db().select().from(childcareUnit).where(eq(childcareUnit.id, input.unitId)).get();
  if (!unit || unit.municipalityId !== c.municipalityId || unit.kind !== app.careKind || unit.closedAt !== null)
    errors.unitId = "invalid";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate) || Number.isNaN(Date.parse(input.startDate)))
    errors.startDate = "invalid";
  else if (input.startDate < swedishDate(now)) errors.startDate = "inPast";
  if (app.queueStatus !== "queued") errors.unitId ??= "notQueued";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Status changes, offer, queue and audit row in one commit, its fsync off the event loop
  // (decision 155); they were up to four FULL commits and a refused change left them half-written.
  await commitDurably(() => {
    if (c.status === "received")
      changeCaseStatus({ caseId: c.id, to: "in_progress", via: "offer", actor: `staff:${input.staffUserId}`, now });
    db().transaction((tx) => {
      tx.insert(childcareOffer)
        .values({
          caseId: c.id,
          unitId: input.unitId,
          startDate: input.startDate,
          offeredAt: now.toISOString(),
          deadlineAt: offerDeadline(now),
          offeredByStaffId: input.staffUserId,
        })
        .run();
      tx.update(childcareApplication)
        .set({ queueStatus: "offered" })
        .where(eq(childcareApplication.caseId, c.id))
        .run();
    });
    changeCaseStatus({
      caseId: c.id,
      to: "place_offered",
      via: "offer",
      actor: `staff:${input.staffUserId}`,
      notification: { kind: "offer", params: { unit: unit!.name } },
      now,
    });
    trail({
      actor: input.actor,
      action: "childcare.offer.create",
      subjectType: "case",
      subjectId: c.reference,
      municipalityId: c.municipalityId,
      personId: c.applicantPersonId ?? undefined,
    });
  });
  return { ok: true };
}

/** Mina sidor › Barnomsorg: the viewer's childcare cases and the household's fee. */
export async function childcareOverview(input: { viewer: ResidentViewer; now?: Date }) {
  await lapseDueOffers(input.now ?? new Date());
  const cases = db()
    .select({
      reference: caseTable.reference,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      municipality: municipality.name,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .where(and(eq(caseTable.area, "barnomsorg"), visibleToResident(input.viewer)))
    .orderBy(desc(caseTable.createdAt))
    .all();
  return { cases, fee: input.viewer.organisationId ? null : await householdFee(input) };
}
