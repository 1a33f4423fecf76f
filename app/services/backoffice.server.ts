/**
 * The officers' back office: the work queue, the case view and every change an officer makes.
 * Every function takes the officer and checks the case's municipality × area against the
 * officer's scopes (delegations included) *in the query*, so an out-of-scope case is simply not
 * found (docs/decisions/028).
 */
import { and, asc, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { AREAS, isArea } from "~/domain/areas";
import { DECISION_OUTCOMES, isCaseStatus, type CaseStatus } from "~/domain/statuses";
import {
  caseAssignment,
  caseAttachment,
  caseDecision,
  caseEvent,
  caseTable,
  municipality,
  internalNote,
  organisation,
  permitCase,
  person,
  supplementRequest,
} from "../../db/schema/index";
import { isAttachmentKind, type AttachmentKind } from "../../forms/lib/building-permit";
import { db } from "~/db.server";
import { prepared } from "~/db-prepared.server";
import type { DB } from "../../db/client";
import {
  applyFeeReductionAfterDecision,
  casePayment,
  previewFeeReduction,
  recordedFeeReduction,
} from "./permit-fee-refund.server";
import { getFixedT } from "~/i18n/i18n.server";
import { renderDecisionPdf } from "~/pdf/permit-decision.server";
import { allowedTransitions, IllegalTransitionError, NOT_FOR_OFFICERS, transitionsFor } from "./case-status";
import { changeCaseStatus, childAtSubmission } from "./cases.server";
import { withoutAddresses } from "./protected-identity.server";
import { MessageRejected, sendMessageToApplicant, type NewMessageFile } from "./messages.server";
import {
  dataSubdir,
  pendingFileAge,
  pendingFileNames,
  publishPendingFile,
  readStoredFileBytes,
  removePendingFile,
  removeStoredFile,
  writePendingFile,
} from "./file-store.server";
import { commitDurably } from "~/db-durable.server";
import { clockInputFor } from "./building-permits.server";
import { addDays, computeClock, swedishDate, validateExtension, weekday, type Clock } from "./permit-clock";
import { colleaguesFor, officerScopes, type CaseScope } from "./officer-scopes.server";
import type { DecisionTemplate } from "../../db/schema/decisions";
import type { StaffUser } from "~/auth/guards.server";
import type { Permission } from "~/auth/permissions";
import type { Area } from "~/domain/areas";
import { DECISION_OUTCOME_BY_AREA_KEY } from "~/i18n/keys";
import { appealText, decisionRoute, isAppealRoute } from "~/domain/decisions";
import { ownerConsentBlock, ownerConsentDecisionNote } from "./owner-consent.server";
import {
  decisionRight,
  decisionSetup,
  deleteDecisionDraft,
  fillTemplateForCase,
  getDecisionDraft,
  saveDecisionDraft,
  templatesFor,
  templatesOfArea,
} from "./decisions.server";

export const OPEN_STATUSES: CaseStatus[] = [
  "received",
  "in_progress",
  "awaiting_completion",
  "complete",
  "place_offered",
  "place_accepted",
  "place_declined",
];
function scopeCondition(scopes: CaseScope[]): SQL {
  if (scopes.length === 0) return sql`0`;
  // The two IN lists say nothing the pairs do not, but let SQLite search the
  // (municipality, area, status) index on all three columns instead of the municipality alone:
  // the queue's count went from 5.9 to 0.7 ms on the bench's data (decision 132).
  return and(
    inArray(caseTable.municipalityId, [...new Set(scopes.map((s) => s.municipalityId))]),
    inArray(caseTable.area, [...new Set(scopes.map((s) => s.area))]),
    or(...scopes.map((s) => and(eq(caseTable.municipalityId, s.municipalityId), eq(caseTable.area, s.area)))),
  )!;
}

/**
 * The one condition for every officer read and write of a case: the officer's scopes for the
 * permission, and no case that is not yet a case for officers (an unsigned or declined school
 * application). The queue, the case view and every change use it (review 2026-12-03 §4).
 */
function officerCaseCondition(user: StaffUser, permission: Permission): SQL {
  return and(scopeCondition(officerScopes(user, permission)), notInArray(caseTable.status, [...NOT_FOR_OFFICERS]))!;
}

export interface QueueFilters {
  municipality: string;
  area: string;
  status: "open" | "closed" | "all";
  deadline: "" | "overdue" | "week";
  assigned: "" | "me" | "none";
  q: string;
  sort: "deadline" | "received" | "reference";
  /** 1-based page of QUEUE_PAGE_SIZE rows (decision 083). */
  page: number;
}

export const QUEUE_PAGE_SIZE = 50;

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = params.get(name) ?? "";
    return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  };
  // Digits only, at most six: a page past the end shows the last page, never an error.
  const page = Number.parseInt((params.get("sida") ?? "").slice(0, 6), 10);
  return {
    municipality: (params.get("kommun") ?? "").slice(0, 40),
    area: pick("omrade", ["", ...AREAS], ""),
    status: pick("status", ["open", "closed", "all"], "open"),
    deadline: pick("frist", ["", "overdue", "week"], ""),
    assigned: pick("tilldelad", ["", "me", "none"], ""),
    q: (params.get("q") ?? "").trim().slice(0, 40),
    sort: pick("sortering", ["deadline", "received", "reference"], "deadline"),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export interface QueueRow {
  reference: string;
  municipality: string;
  municipalityName: string;
  area: string;
  formId: string;
  status: string;
  receivedOn: string;
  applicantName: string;
  deadline: string | null;
  daysLeft: number | null;
  overdue: boolean;
  dueThisWeek: boolean;
  paused: boolean;
  assignedTo: string | null;
  assignedToMe: boolean;
  /** Protected personal data (docs/decisions/046): the queue marks the row. */
  protectedIdentity: boolean;
}

// The queue's statements are prepared once per connection and variant (decision 143): drizzle
// built and SQLite compiled six of them on every request (~1.3 MB of garbage each, decision 138).
// What varies per officer, day and page is a parameter: the scope as JSON lists, the clocks as one
// JSON object, today and the week's end, the reference search, the officer, limit and offset.
// Only what changes the plan or the order is part of a statement's key: the status filter (it is
// the index's third column), the deadline filter and the sort.
const idsIn = (column: SQLiteColumn, name: string) =>
  sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;

// The same rows as scopeCondition: the pairs as "municipality id:area" strings, and the two IN
// lists that let SQLite search the (municipality, area, status) index on all three columns.
const SCOPE = sql`(${idsIn(caseTable.municipalityId, "mids")} and ${idsIn(caseTable.area, "areas")} and (${caseTable.municipalityId} || ':' || ${caseTable.area}) in (select value from json_each(${sql.placeholder("pairs")})))`;

function scopeParams(scopes: CaseScope[]) {
  return {
    mids: JSON.stringify([...new Set(scopes.map((s) => s.municipalityId))]),
    areas: JSON.stringify([...new Set(scopes.map((s) => s.area))]),
    pairs: JSON.stringify(scopes.map((s) => `${s.municipalityId}:${s.area}`)),
  };
}

/** The queue's filters but the deadline: status (structural), reference search and assignment (parameters). */
function queueWhere(status: QueueFilters["status"]): SQL {
  const conditions: SQL[] = [SCOPE, notInArray(caseTable.status, [...NOT_FOR_OFFICERS])];
  if (status === "open") conditions.push(inArray(caseTable.status, OPEN_STATUSES));
  if (status === "closed") conditions.push(sql`${caseTable.status} not in ${OPEN_STATUSES}`);
  conditions.push(sql`(${sql.placeholder("q")} = '' or ${caseTable.reference} like ${sql.placeholder("q")})`);
  conditions.push(
    sql`(${sql.placeholder("assigned")} = '' or (${sql.placeholder("assigned")} = 'me' and ${caseAssignment.staffUserId} = ${sql.placeholder("me")}) or (${sql.placeholder("assigned")} = 'none' and ${caseAssignment.staffUserId} is null))`,
  );
  return and(...conditions)!;
}

const fullQueueRows = (d: DB) =>
  d
    .select({ c: caseTable, m: municipality, a: caseAssignment })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id));

// A computed clock's value, or null for every case without one (no permit row in `pc`).
const HAS_CLOCK = sql`(${permitCase.caseId} is not null and ${caseTable.area} = 'bygglov')`;
const clockValue = (index: number) =>
  sql`json_extract(${sql.placeholder("clocks")}, '$."' || ${caseTable.id} || '"' || ${`[${index}]`})`;
const DUE_DAY = sql`swedish_date(${caseTable.decisionDueAt})`;
const DEADLINE = sql`(case when ${HAS_CLOCK} then ${clockValue(0)} else ${DUE_DAY} end)`;

/** The deadline filter as deadlineOf has it: without a clock, by the due day (decision 132). */
function deadlineWhere(status: QueueFilters["status"], deadline: QueueFilters["deadline"]): SQL {
  const filtered = [queueWhere(status)];
  const open = inArray(caseTable.status, OPEN_STATUSES);
  if (deadline === "overdue")
    filtered.push(
      sql`(case when ${HAS_CLOCK} then ${clockValue(1)} = 1 else ${open} and ${DUE_DAY} < ${sql.placeholder("today")} end)`,
    );
  if (deadline === "week")
    filtered.push(
      sql`(case when ${HAS_CLOCK} then ${clockValue(2)} = 1 else ${open} and ${DUE_DAY} between ${sql.placeholder("today")} and ${sql.placeholder("weekEnd")} end)`,
    );
  return and(...filtered)!;
}

// The clock inputs of hundreds of cases: ids as one JSON parameter (as inIds, decision 120).
function clocksFor(caseIds: number[], today: string): Map<number, Clock> {
  const out = new Map<number, Clock>();
  if (caseIds.length === 0) return out;
  const ids = JSON.stringify(caseIds);
  const statements = prepared("queue.clocks", (d) => ({
    permits: d.select().from(permitCase).where(idsIn(permitCase.caseId, "ids")).prepare(),
    requests: d
      .select()
      .from(supplementRequest)
      .where(idsIn(supplementRequest.caseId, "ids"))
      .orderBy(asc(supplementRequest.caseId), asc(supplementRequest.id))
      .prepare(),
    decisions: d
      .select({ caseId: caseDecision.caseId, decidedOn: caseDecision.decidedOn })
      .from(caseDecision)
      .where(idsIn(caseDecision.caseId, "ids"))
      .prepare(),
  }));
  const permits = statements.permits.all({ ids });
  const requests = new Map<number, (typeof supplementRequest.$inferSelect)[]>();
  for (const r of statements.requests.all({ ids })) {
    const list = requests.get(r.caseId);
    if (list) list.push(r);
    else requests.set(r.caseId, [r]);
  }
  const decided = new Map<number, string | null>();
  for (const d of statements.decisions.all({ ids })) if (!decided.has(d.caseId)) decided.set(d.caseId, d.decidedOn);
  for (const p of permits) {
    out.set(
      p.caseId,
      computeClock(
        {
          receivedOn: p.receivedOn,
          supplementRequests: (requests.get(p.caseId) ?? []).map((r) => ({
            kind: r.kind === "clarification" ? "clarification" : "completeness",
            requestedOn: r.requestedOn,
            dueOn: r.dueOn,
            answeredOn: r.answeredOn,
          })),
          extension:
            p.extensionWeeks && p.extensionGrantedOn
              ? { weeks: p.extensionWeeks, reason: p.extensionReason ?? "", grantedOn: p.extensionGrantedOn }
              : null,
          decidedOn: decided.get(p.caseId) ?? null,
        },
        today,
      ),
    );
  }
  return out;
}

function applicantNameOf(data: string): string {
  try {
    const d = JSON.parse(data) as { applicant?: { name?: unknown } };
    return typeof d.applicant?.name === "string" ? d.applicant.name : "";
  } catch {
    return "";
  }
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pages: number;
}

/**
 * One page of the officer's queue (decision 083). Count, order and page are SQL (LIMIT/OFFSET);
 * only the page's rows are read in full. The deadline order and filters use the bygglov clock,
 * computed in code for the cases that have one and handed to SQL (decision 132). The statements
 * are prepared once per variant (decision 143).
 */
export function listQueue(input: {
  user: StaffUser;
  filters: QueueFilters;
  today?: string;
  pageSize?: number;
  /** The officer's case.read scopes, when the caller has them already. */
  scopes?: CaseScope[];
}): QueuePage {
  const today = input.today ?? swedishDate(new Date());
  const size = input.pageSize ?? QUEUE_PAGE_SIZE;
  const f = input.filters;
  const scopes = (input.scopes ?? officerScopes(input.user, "case.read")).filter(
    (s) => (!f.municipality || s.municipality === f.municipality) && (!f.area || s.area === f.area),
  );
  const params = {
    ...scopeParams(scopes),
    q: f.q ? `%${f.q.toUpperCase().replace(/[%_]/g, "")}%` : "",
    assigned: f.assigned,
    me: input.user.staffUserId,
  };
  type Full = {
    c: typeof caseTable.$inferSelect;
    m: typeof municipality.$inferSelect;
    a: typeof caseAssignment.$inferSelect | null;
  };
  const toRow = ({ c, m, a }: Full, clock: Clock | undefined): QueueRow => ({
    ...deadlineOf({ status: c.status, decisionDueAt: c.decisionDueAt }, clock, today),
    reference: c.reference,
    municipality: m.slug,
    municipalityName: m.name,
    area: c.area,
    formId: c.formId,
    status: c.status,
    receivedOn: swedishDate(c.createdAt),
    applicantName: applicantNameOf(c.data),
    assignedTo: a?.staffName ?? null,
    assignedToMe: a?.staffUserId === input.user.staffUserId,
    protectedIdentity: c.protectedIdentity,
  });

  if (f.deadline === "" && f.sort !== "deadline") {
    const plain = prepared(`queue.plain.${f.status}.${f.sort}`, (d) => {
      const where = queueWhere(f.status);
      const order =
        f.sort === "received" ? [asc(caseTable.createdAt), asc(caseTable.reference)] : [asc(caseTable.reference)];
      return {
        count: d
          .select({ n: sql<number>`count(*)` })
          .from(caseTable)
          .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
          .where(where)
          .prepare(),
        rows: fullQueueRows(d)
          .where(where)
          .orderBy(...order)
          .limit(sql.placeholder("limit"))
          .offset(sql.placeholder("offset"))
          .prepare(),
      };
    });
    const total = plain.count.get(params)?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.min(f.page, pages);
    const rows = plain.rows.all({ ...params, limit: size, offset: (page - 1) * size }) as Full[];
    const clocks = clocksFor(
      rows.filter((r) => r.c.area === "bygglov").map((r) => r.c.id),
      today,
    );
    return { rows: rows.map((r) => toRow(r, clocks.get(r.c.id))), total, page, pages };
  }

  // The deadline order and filters (decision 132). Only a bygglov case with a permit row has a
  // computed clock (decision 026): those few are computed here and handed to SQL as one JSON
  // object keyed by case id; every other case's deadline is the Swedish day of its due date
  // (`swedish_date`, db/client.ts). SQL then filters, counts, orders and pages, and only the
  // page's rows are read in full.
  const permits = prepared(`queue.permits.${f.status}`, (d) =>
    d
      .select({ id: caseTable.id, status: caseTable.status, decisionDueAt: caseTable.decisionDueAt })
      .from(caseTable)
      .innerJoin(permitCase, eq(permitCase.caseId, caseTable.id))
      .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
      .where(and(queueWhere(f.status), eq(caseTable.area, "bygglov")))
      .prepare(),
  ).all(params);
  const clocks = clocksFor(
    permits.map((p) => p.id),
    today,
  );
  const computed: Record<number, [string | null, 0 | 1, 0 | 1]> = {};
  for (const p of permits) {
    const d = deadlineOf(p, clocks.get(p.id), today);
    computed[p.id] = [d.deadline, d.overdue ? 1 : 0, d.dueThisWeek ? 1 : 0];
  }
  const scopedParams = {
    ...params,
    clocks: JSON.stringify(computed),
    today,
    weekEnd: addDays(today, 6 - weekday(today)),
  };
  const counted = prepared(`queue.count.${f.status}.${f.deadline}`, (d) =>
    d
      .select({ n: sql<number>`count(*)` })
      .from(caseTable)
      .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
      .leftJoin(permitCase, eq(permitCase.caseId, caseTable.id))
      .where(deadlineWhere(f.status, f.deadline))
      .prepare(),
  );
  const total = counted.get(scopedParams)?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(f.page, pages);
  if (total === 0) return { rows: [], total, page, pages };
  // The page's ids first (the sort carries one column, not whole rows), then those rows in full.
  // ASCII keys (ISO dates, references): SQLite's binary order is the order the page always had.
  const ids = prepared(`queue.ids.${f.status}.${f.deadline}.${f.sort}`, (d) => {
    const order =
      f.sort === "deadline"
        ? [sql`coalesce(${DEADLINE}, '9999')`, asc(caseTable.reference)]
        : f.sort === "received"
          ? [asc(caseTable.createdAt), asc(caseTable.reference)]
          : [asc(caseTable.reference)];
    return d
      .select({ id: caseTable.id })
      .from(caseTable)
      .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
      .leftJoin(permitCase, eq(permitCase.caseId, caseTable.id))
      .where(deadlineWhere(f.status, f.deadline))
      .orderBy(...order)
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare();
  })
    .all({ ...scopedParams, limit: size, offset: (page - 1) * size })
    .map((r) => r.id);
  const full = prepared("queue.rows-by-id", (d) => fullQueueRows(d).where(idsIn(caseTable.id, "ids")).prepare());
  const byId = new Map((full.all({ ids: JSON.stringify(ids) }) as Full[]).map((r) => [r.c.id, r]));
  const rows = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toRow(r, clocks.get(id))] : [];
  });
  return { rows, total, page, pages };
}

/** A queue row's deadline, days left and badges: the bygglov clock, else the case's due date. */
function deadlineOf(
  c: { status: string; decisionDueAt: string | null },
  clock: Clock | undefined,
  today: string,
): Pick<QueueRow, "deadline" | "daysLeft" | "overdue" | "dueThisWeek" | "paused"> {
  const deadline = clock ? clock.deadline : c.decisionDueAt ? swedishDate(c.decisionDueAt) : null;
  const open = OPEN_STATUSES.includes(c.status as CaseStatus);
  const daysLeft = clock
    ? clock.daysLeft
    : deadline && open
      ? Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000)
      : null;
  const overdue = clock ? clock.overdue : daysLeft !== null && daysLeft < 0;
  const dueThisWeek = clock
    ? clock.dueThisWeek
    : daysLeft !== null && daysLeft >= 0 && daysLeft <= 6 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7);
  return {
    deadline,
    daysLeft: open ? daysLeft : null,
    overdue: open && overdue,
    dueThisWeek: open && dueThisWeek,
    paused: clock?.state === "paused" || clock?.state === "waiting-for-supplement",
  };
}

export type CaseLookup =
  | {
      kind: "found";
      id: number;
      municipalityId: number;
      area: Area;
      /** The law it is decided under (decision 106), which picks the templates offered. */
      law: string | null;
      applicantPersonId: number | null;
    }
  | { kind: "outOfScope"; id: number; municipalityId: number; area: string; applicantPersonId: number | null }
  | { kind: "hidden"; id: number; municipalityId: number; area: string; applicantPersonId: number | null }
  | { kind: "missing" };

/**
 * Scope check for one case; the refusals are distinguished only so that they can be audited
 * (outOfScope: another municipality or area; hidden: in scope, but not yet a case for officers,
 * which answers 404 like a missing one). The municipality and applicant go into the audit row so
 * that the municipal admin and the resident see the officer's actions (§12).
 */
export function lookupCaseForStaff(input: { reference: string; user: StaffUser; permission: Permission }): CaseLookup {
  const ref = input.reference.toUpperCase();
  const columns = {
    id: caseTable.id,
    municipalityId: caseTable.municipalityId,
    area: caseTable.area,
    law: caseTable.law,
    applicantPersonId: caseTable.applicantPersonId,
  };
  const inScope = db()
    .select(columns)
    .from(caseTable)
    .where(and(eq(caseTable.reference, ref), officerCaseCondition(input.user, input.permission)))
    .get();
  if (inScope && isArea(inScope.area)) return { kind: "found", ...inScope, area: inScope.area };
  const any = db().select(columns).from(caseTable).where(eq(caseTable.reference, ref)).get();
  if (!any) return { kind: "missing" };
  const scoped = officerScopes(input.user, input.permission).some(
    (s) => s.municipalityId === any.municipalityId && s.area === any.area,
  );
  return { kind: scoped ? "hidden" : "outOfScope", ...any };
}

/** Everything the officer's case view shows. Returns null when the case is not in the officer's scope. */
export function getCaseForStaff(input: { reference: string; user: StaffUser; today?: string }) {
  const today = input.today ?? swedishDate(new Date());
  const row = db()
    .select({ c: caseTable, m: municipality, a: caseAssignment })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
    .where(and(eq(caseTable.reference, input.reference.toUpperCase()), officerCaseCondition(input.user, "case.read")))
    .get();
  if (!row || !isArea(row.c.area) || !isCaseStatus(row.c.status)) return null;
  const { c, m, a } = row;
  const area = c.area as Area;
  const status = c.status as CaseStatus;
  const permit = db().select().from(permitCase).where(eq(permitCase.caseId, c.id)).get() ?? null;
  const clockInput = permit ? clockInputFor(c.id) : null;
  const scope = { municipalityId: c.municipalityId, area: c.area };
  // The applicant as the registers know them (a person's name; an organisation's name and number).
  const applicantPerson = c.applicantPersonId
    ? db()
        .select({ given: person.givenName, family: person.familyName })
        .from(person)
        .where(eq(person.id, c.applicantPersonId))
        .get()
    : undefined;
  const applicantOrg = c.applicantOrganisationId
    ? db()
        .select({ name: organisation.name, orgNumber: organisation.orgNumber })
        .from(organisation)
        .where(eq(organisation.id, c.applicantOrganisationId))
        .get()
    : undefined;
  const applicant = applicantOrg
    ? `${applicantOrg.name} (${applicantOrg.orgNumber})`
    : applicantPerson
      ? `${applicantPerson.given} ${applicantPerson.family}`
      : applicantNameOf(c.data) || null;
  const canHandle = officerScopes(input.user, "case.handle").some(
    (s) => s.municipalityId === scope.municipalityId && s.area === scope.area,
  );
  const decidable = allowedTransitions(area, status).includes("decided");
  // Deciding needs a point of the delegation order (decision 077); preparing needs only handling.
  const right = decidable ? decisionRight(input.user, { municipalityId: c.municipalityId, area }) : null;
  return {
    id: c.id,
    reference: c.reference,
    municipalityId: c.municipalityId,
    applicantPersonId: c.applicantPersonId,
    municipalityName: m.name,
    municipalitySlug: m.slug,
    applicant,
    area: c.area,
    formId: c.formId,
    formVersion: c.formVersion,
    status: c.status,
    createdAt: c.createdAt,
    data: withoutAddresses(c, JSON.parse(c.data) as Record<string, unknown>),
    protectedIdentity: c.protectedIdentity,
    permit,
    clock: clockInput ? computeClock(clockInput, today) : null,
    // Only the moves the generic status form may make; offers, answers and decisions have their own forms.
    transitions: transitionsFor(area, status, "officer"),
    canHandle,
    canDecide: right !== null,
    canPrepare: canHandle && decidable,
    delegationPoint: right,
    decisionBody: decisionSetup(c.municipalityId, area),
    law: c.law,
    templates: decidable && canHandle ? templatesFor({ municipalityId: c.municipalityId, area, law: c.law }) : [],
    decisionDraft: decidable && canHandle ? getDecisionDraft(c.id) : null,
    assignedTo: a ? { id: a.staffUserId, name: a.staffName } : null,
    colleagues: colleaguesFor(scope),
    attachments: db()
      .select({
        publicId: caseAttachment.publicId,
        kind: caseAttachment.field,
        originalName: caseAttachment.originalName,
        size: caseAttachment.size,
        mime: caseAttachment.mime,
        createdAt: caseAttachment.createdAt,
      })
      .from(caseAttachment)
      .where(eq(caseAttachment.caseId, c.id))
      .orderBy(asc(caseAttachment.id))
      .all(),
    events: db().select().from(caseEvent).where(eq(caseEvent.caseId, c.id)).orderBy(asc(caseEvent.id)).all(),
    notes: db().select().from(internalNote).where(eq(internalNote.caseId, c.id)).orderBy(asc(internalNote.id)).all(),
    requests: db()
      .select()
      .from(supplementRequest)
      .where(eq(supplementRequest.caseId, c.id))
      .orderBy(asc(supplementRequest.id))
      .all(),
    decision: db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get() ?? null,
    ...paymentView(c.id, permit, today),
  };
}

/** Payment and the PBL fee reduction of a case (decision 080). */
function paymentView(caseId: number, permit: { feeEstimate: number | null } | null, today: string) {
  const payment = casePayment(caseId);
  return {
    payment,
    feeReduction: permit ? recordedFeeReduction(caseId) : null,
    feeReductionPreview: permit ? previewFeeReduction(caseId, payment.amount ?? permit.feeEstimate, today) : null,
  };
}

export type StaffCase = NonNullable<ReturnType<typeof getCaseForStaff>>;

/** A case the officer may change (case.handle in its scope), or null. */
function handleable(reference: string, user: StaffUser, permission: Permission = "case.handle") {
  const found = lookupCaseForStaff({ reference, user, permission });
  return found.kind === "found" ? found : null;
}

const actorOf = (user: StaffUser) => `staff:${user.staffUserId}`;

export type ActionResult = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; error: string };

export function addInternalNote(input: { reference: string; user: StaffUser; body: string }): ActionResult {
  const c = handleable(input.reference, input.user);
  if (!c) return { ok: false, status: 404, error: "notFound" };
  const body = input.body.trim();
  if (body.length < 2 || body.length > 4000) return { ok: false, status: 400, error: "noteLength" };
  db()
    .insert(internalNote)
    .values({ caseId: c.id, authorStaffId: input.user.staffUserId, authorName: input.user.name, body })
    .run();
  return { ok: true };
}

/**
 * A message to the applicant: it appears on Mina sidor and notifies them (unlike an internal
 * note, which never leaves the back office).
 */
export async function messageApplicant(input: {
  reference: string;
  user: StaffUser;
  body: string;
  /** Attachments get the resident uploads' checks (sniffed type, size) in sendMessageToApplicant. */
  files?: NewMessageFile[];
  /** Written in the message's commit (the route's audit row, decision 163). */
  alsoInCommit?: () => void;
}): Promise<ActionResult> {
  const c = handleable(input.reference, input.user);
  if (!c) return { ok: false, status: 404, error: "notFound" };
  const body = input.body.trim();
  if (body.length < 2 || body.length > 4000) return { ok: false, status: 400, error: "messageLength" };
  try {
    await sendMessageToApplicant({
      caseId: c.id,
      staffUserId: input.user.staffUserId,
      body,
      files: input.files,
      alsoInCommit: input.alsoInCommit,
    });
  } catch (e) {
    if (e instanceof MessageRejected) {
      const file = e.errors.find((x) => x.field === "files");
      if (!file) return { ok: false, status: 400, error: "messageLength" };
      // "file.tooLarge" → "messageFileTooLarge": one flat error key per upload check.
      const code = file.code.replace("file.", "");
      return { ok: false, status: 400, error: `messageFile${code.charAt(0).toUpperCase()}${code.slice(1)}` };
    }
    throw e;
  }
  return { ok: true };
}

export function assignCase(input: { reference: string; user: StaffUser; staffId: number }): ActionResult {
  const c = handleable(input.reference, input.user);
  if (!c) return { ok: false, status: 404, error: "notFound" };
  const colleague = colleaguesFor(c).find((s) => s.id === input.staffId);
  if (!colleague) return { ok: false, status: 400, error: "assignee" };
  db()
    .insert(caseAssignment)
    .values({ caseId: c.id, staffUserId: colleague.id, staffName: colleague.name })
    .onConflictDoUpdate({
      target: caseAssignment.caseId,
      set: { staffUserId: colleague.id, staffName: colleague.name, assignedAt: new Date().toISOString() },
    })
    .run();
  return { ok: true };
}

/** Takes the case off whoever had it (reassigning is assignCase to someone else). */
export function unassignCase(input: { reference: string; user: StaffUser }): ActionResult {
  const c = handleable(input.reference, input.user);
  if (!c) return { ok: false, status: 404, error: "notFound" };
  const removed = db().delete(caseAssignment).where(eq(caseAssignment.caseId, c.id)).run();
  return removed.changes > 0 ? { ok: true } : { ok: false, status: 409, error: "notAssigned" };
}

export function changeStatusForStaff(input: {
  reference: string;
  user: StaffUser;
  to: string;
  now?: Date;
}): ActionResult {
  const c = handleable(input.reference, input.user);
  if (!c) return { ok: false, status: 404, error: "notFound" };
  // A decision is made only through decide(), which writes the document.
  if (!isCaseStatus(input.to) || input.to === "decided") return { ok: false, status: 409, error: "illegalTransition" };
  try {
    changeCaseStatus({
      caseId: c.id,
      to: input.to as CaseStatus,
      via: "officer",
      actor: actorOf(input.user),
      now: input.now,
    });
  } catch (e) {
    if (e instanceof IllegalTransitionError) return { ok: false, status: 409, error: "illegalTransition" };
    throw e;
  }
  return { ok: true };
}

/** Tells the applicant on Mina sidor (a message in the case, with a notification); notes never go this way. */
async function tellApplicant(
  caseId: number,
  user: StaffUser,
  key: "supplement" | "decision",
  params: Record<string, string>,
  notify = true,
) {
  const c = db()
    .select({ language: caseTable.language, reference: caseTable.reference })
    .from(caseTable)
    .where(eq(caseTable.id, caseId))
    .get();
  if (!c) return;
  const t = getFixedT(c.language === "en" ? "en" : "sv", "backoffice");
  await sendMessageToApplicant({
    caseId,
    staffUserId: user.staffUserId,
    body: t(`applicantMessages.${key}`, { ...params, reference: c.reference }),
    notify,
  });
}

export async function requestSupplement(input: {
  reference: string;
  user: StaffUser;
  message: string;
  dueOn: string;
  kinds: string[];
  now?: Date;
  /** Written in the request's commit (the route's audit row, decision 163). */
  alsoInCommit?: () => void;
}): Promise<ActionResult> {
  const c = handleable(input.reference, input.user);
  if (!c || c.area !== "bygglov") return { ok: false, status: 404, error: "notFound" };
  const message = input.message.trim();
  if (message.length < 5 || message.length > 4000) return { ok: false, status: 400, error: "supplementMessage" };
  const today = swedishDate(input.now ?? new Date());
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn) ||
    Number.isNaN(Date.parse(input.dueOn)) ||
    input.dueOn <= today ||
    input.dueOn > addDays(today, 180)
  )
    return { ok: false, status: 400, error: "supplementDue" };
  const current = db().select({ status: caseTable.status }).from(caseTable).where(eq(caseTable.id, c.id)).get();
  const kinds = input.kinds.filter(isAttachmentKind) as AttachmentKind[];
  // Before the application is complete this is a föreläggande om komplettering (the clock has
  // not started); later it is a request for clarification (the clock pauses).
  const kind =
    current?.status === "received" || current?.status === "awaiting_completion" ? "completeness" : "clarification";
  // The move to awaiting_completion notifies; a request without a move notifies with its message.
  const moves = kind === "completeness" && current?.status === "received";
  try {
    // One commit, its fsync off the event loop (decision 155).
    await commitDurably(() => {
      if (moves)
        changeCaseStatus({
          caseId: c.id,
          to: "awaiting_completion",
          via: "supplement",
          actor: actorOf(input.user),
          note: "supplement",
          now: input.now,
        });
      db()
        .insert(supplementRequest)
        .values({
          caseId: c.id,
          kind,
          message,
          requestedKinds: JSON.stringify(kinds),
          requestedOn: today,
          dueOn: input.dueOn,
          requestedBy: actorOf(input.user),
        })
        .run();
      input.alsoInCommit?.();
    });
  } catch (e) {
    if (e instanceof IllegalTransitionError) return { ok: false, status: 409, error: "illegalTransition" };
    throw e;
  }
  await tellApplicant(c.id, input.user, "supplement", { message, due: input.dueOn }, !moves);
  return { ok: true };
}

export function extendDeadline(input: {
  reference: string;
  user: StaffUser;
  weeks: number;
  reason: string;
  now?: Date;
}): ActionResult {
  const c = handleable(input.reference, input.user);
  if (!c || c.area !== "bygglov") return { ok: false, status: 404, error: "notFound" };
  const valid = validateExtension(input.weeks, input.reason);
  if (valid !== "ok")
    return { ok: false, status: 400, error: valid === "weeks" ? "extensionWeeks" : "extensionReason" };
  const p = db().select().from(permitCase).where(eq(permitCase.caseId, c.id)).get();
  if (!p) return { ok: false, status: 404, error: "notFound" };
  if (p.extensionWeeks) return { ok: false, status: 409, error: "alreadyExtended" };
  db()
    .update(permitCase)
    .set({
      extensionWeeks: input.weeks,
      extensionReason: input.reason.trim().slice(0, 1000),
      extensionGrantedOn: swedishDate(input.now ?? new Date()),
    })
    .where(eq(permitCase.caseId, c.id))
    .run();
  db()
    .insert(caseEvent)
    .values({
      caseId: c.id,
      fromStatus: null,
      toStatus: "extended",
      actor: actorOf(input.user),
      note: `${input.weeks}`,
    })
    .run();
  return { ok: true };
}

function decisionsDir() {
  return dataSubdir("decisions");
}

/**
 * The PBL fee reduction of a late bygglov decision and the refund it led to, as rows of the
 * decision document's content (decision 085): stated in the decision itself, not only on screen.
 */
function feeReductionRows(caseId: number, t: ReturnType<typeof getFixedT>): [string, string][] {
  const r = recordedFeeReduction(caseId);
  if (!r) return [];
  const kr = (n: number) => `${n.toLocaleString("sv-SE")} kr`;
  const rows: [string, string][] = [
    [
      t("decisionPdf.feeReduction"),
      t("decisionPdf.feeReductionText", {
        weeks: r.weeksLate,
        deadline: r.deadline,
        fifths: Math.min(5, r.weeksLate),
        before: kr(r.feeBefore),
        after: kr(r.feeAfter),
      }),
    ],
  ];
  const paid = casePayment(caseId);
  const refund = paid.status === "paid" && paid.amount !== null ? paid.amount - r.feeAfter : 0;
  if (refund > 0) rows.push([t("decisionPdf.refund"), t("decisionPdf.refundText", { amount: kr(refund) })]);
  return rows;
}

/** Renders the decision document of a decided case (the same bytes every time for the same decision). */
export async function decisionPdf(caseId: number): Promise<Uint8Array | null> {
  const row = db()
    .select({ c: caseTable, d: caseDecision, m: municipality, p: permitCase })
    .from(caseDecision)
    .innerJoin(caseTable, eq(caseTable.id, caseDecision.caseId))
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .where(eq(caseDecision.caseId, caseId))
    .get();
  if (!row) return null;
  if (row.d.documentName) {
    // Encrypted at rest (docs/decisions/043); one from before encryption is read as it is.
    const stored = readStoredFileBytes(decisionsDir(), row.d.documentName);
    if (stored) return stored;
  }
  const lang = row.c.language === "en" ? "en" : "sv";
  const t = getFixedT(lang, "backoffice");
  const tp = getFixedT(lang, "permits");
  const data = JSON.parse(row.c.data) as { applicant?: { name?: string } };
  // A decision from before 077 names the body and route its area has now.
  const area = isArea(row.c.area) ? row.c.area : "allmant";
  const setup = decisionSetup(row.c.municipalityId, area);
  const route = isAppealRoute(row.d.appealRoute) ? row.d.appealRoute : setup.appealRoute;
  const child = row.c.area === "skola" || row.c.area === "barnomsorg" ? childAtSubmission(row.c) : null;
  return renderDecisionPdf({
    lang,
    municipalityName: `${row.m.name} ${t("decisionPdf.municipality")}`,
    bodyName: row.d.bodyName ?? setup.body[lang],
    reference: row.c.reference,
    decidedOn: row.d.decidedOn,
    rows: [
      [t("decisionPdf.reference"), row.c.reference],
      [t("decisionPdf.date"), row.d.decidedOn],
      [t("decisionPdf.applicant"), data.applicant?.name ?? ""],
      [t("decisionPdf.child"), child ? `${child.givenName} ${child.familyName}` : ""],
      [t("decisionPdf.property"), row.p?.propertyDesignation ?? ""],
      [t("decisionPdf.measure"), row.p ? tp(`measures.${row.p.measureType}.label`) : ""],
      ...feeReductionRows(caseId, t),
    ],
    outcomeLabel: t(DECISION_OUTCOME_BY_AREA_KEY[area][row.d.outcome]),
    text: row.d.text,
    fee: row.d.fee,
    officerName: row.d.decidedByName,
    delegation: row.d.delegationCode
      ? t("decisionPdf.delegation", { code: row.d.delegationCode, title: row.d.delegationTitle ?? "" })
      : null,
    appeal: appealText(route, lang),
    labels: {
      title: t("decisionPdf.title"),
      decision: t("decisionPdf.decision"),
      reasons: t("decisionPdf.reasons"),
      fee: t("decisionPdf.fee"),
      officer: t("decisionPdf.officer"),
      example: t("decisionPdf.example"),
    },
  });
}

/**
 * Renders and stores the decision document once the decision row is committed, in 137/150's order
 * (decision 155): the PDF is written under its pending name and made durable on libuv's threads,
 * then the row names it in a commit whose fsync runs off the event loop, and only then is the file
 * renamed. A named document always has a row naming it; a row always has its bytes (a pending one
 * is read as it is and published at start-up, `finishPendingDecisions`).
 */
export async function writeDecisionDocument(caseId: number, documentName: string): Promise<void> {
  const row = db()
    .select({ documentName: caseDecision.documentName })
    .from(caseDecision)
    .where(eq(caseDecision.caseId, caseId))
    .get();
  if (!row) return;
  const dir = decisionsDir();
  if (row.documentName === documentName) {
    // Named by a commit whose rename a kill cut short: only the rename is left.
    if (pendingFileNames(dir).includes(documentName)) publishPendingFile(dir, documentName);
    return;
  }
  const pdf = await decisionPdf(caseId);
  if (!pdf) return;
  // No row names either: an earlier attempt's pending file, or a document from before this order.
  removePendingFile(dir, documentName);
  removeStoredFile(dir, documentName);
  await writePendingFile(dir, documentName, pdf);
  try {
    await commitDurably(() =>
      db().update(caseDecision).set({ documentName }).where(eq(caseDecision.caseId, caseId)).run(),
    );
  } catch (error) {
    // Rolled back: nobody's file. Committed but not synced: the row names it, it stays pending.
    if (!decisionNames(caseId, documentName)) removePendingFile(dir, documentName);
    throw error;
  }
  publishPendingFile(dir, documentName);
}

function decisionNames(caseId: number, documentName: string): boolean {
  return (
    db()
      .select({ documentName: caseDecision.documentName })
      .from(caseDecision)
      .where(eq(caseDecision.caseId, caseId))
      .get()?.documentName === documentName
  );
}

/** Pending decision documents younger than this may belong to a decision being written now (another process). */
const PENDING_DECISION_GRACE_MS = 10 * 60_000;

/**
 * Finishes decision documents a killed process left pending (decision 155): one whose row names
 * it is published; one no row names is removed once it is older than a decision in flight could
 * be (another process may be writing it). Run at start-up and by the clean-up job. Returns
 * how many it published and removed.
 */
export function finishPendingDecisions(now = Date.now()): { published: number; removed: number } {
  const dir = decisionsDir();
  let published = 0;
  let removed = 0;
  for (const name of pendingFileNames(dir)) {
    const named = db()
      .select({ caseId: caseDecision.caseId })
      .from(caseDecision)
      .where(eq(caseDecision.documentName, name))
      .get();
    if (named) {
      publishPendingFile(dir, name);
      published++;
    } else if (pendingFileAge(dir, name, now) > PENDING_DECISION_GRACE_MS) {
      removePendingFile(dir, name);
      removed++;
    }
  }
  return { published, removed };
}

/**
 * The template posted with a decision or a draft: none (""), or one of the case's own municipality
 * × area whose law is the case's (decision 106). Another case type's or municipality's template is
 * "template"; one of the area's templates for another law (an SoL template on an LSS case, posted
 * by hand) is "templateLaw": both 400, audited by the route as every refusal.
 */
function pickTemplate(
  c: { municipalityId: number; area: Area; law: string | null },
  templateId: string,
): { ok: true; template: DecisionTemplate | null } | { ok: false; status: 400; error: "template" | "templateLaw" } {
  if (templateId === "") return { ok: true, template: null };
  const template = templatesFor(c).find((t) => t.id === Number(templateId));
  if (template) return { ok: true, template };
  const ofArea = templatesOfArea(c).some((t) => t.id === Number(templateId));
  return { ok: false, status: 400, error: ofArea ? "templateLaw" : "template" };
}

/** The decision's text as checked for both deciding and preparing, or null. */
function checkDecisionText(raw: string): string | null {
  const text = raw.trim();
  return text.length < 10 || text.length > 8000 ? null : text;
}

/**
 * Anyone who may handle the case keeps a draft decision (a beredare prepares, an officer with
 * the right decides later); it changes no status and tells no one.
 */
export function prepareDecision(input: {
  reference: string;
  user: StaffUser;
  templateId: string;
  text: string;
}): ActionResult {
  const c = handleable(input.reference, input.user);
  if (!c) return { ok: false, status: 404, error: "notFound" };
  const text = checkDecisionText(input.text);
  if (text === null) return { ok: false, status: 400, error: "decisionText" };
  const picked = pickTemplate(c, input.templateId);
  if (!picked.ok) return picked;
  const template = picked.template;
  saveDecisionDraft({ caseId: c.id, user: input.user, templateId: template?.id ?? null, text });
  return { ok: true };
}

/** A template filled for the case (the officer then edits, previews and decides); null when not the case's own. */
export function filledTemplate(input: { reference: string; user: StaffUser; templateId: number }) {
  const c = handleable(input.reference, input.user);
  if (!c) return null;
  const lang = db().select({ l: caseTable.language }).from(caseTable).where(eq(caseTable.id, c.id)).get()?.l;
  return fillTemplateForCase({
    caseId: c.id,
    municipalityId: c.municipalityId,
    area: c.area,
    law: c.law,
    templateId: input.templateId,
    lang: lang === "en" ? "en" : "sv",
  });
}

/**
 * The officer decides: decision row, status → decided, document written, all or nothing. The
 * template must be one of the case's own municipality × area (it gives the outcome and may name
 * another appeal route); the officer must hold a point of the delegation order (403 otherwise,
 * audited by the route), and the decision records which point and which body.
 */
export async function decide(input: {
  reference: string;
  user: StaffUser;
  /** The chosen template ("" when the officer writes without one: the area's route applies). */
  templateId?: string;
  /** Without a template the officer chooses the outcome; with one it must agree with the template's. */
  outcome?: string;
  text: string;
  fee: string;
  now?: Date;
  /** Written in the decision's commit (the route's audit row, decision 163). */
  alsoInCommit?: () => void;
}): Promise<ActionResult> {
  const c = handleable(input.reference, input.user, "case.read");
  if (!c) return { ok: false, status: 404, error: "notFound" };
  const point = decisionRight(input.user, c);
  if (!point) return { ok: false, status: 403, error: "noDecisionRight" };
  const picked = pickTemplate(c, input.templateId ?? "");
  if (!picked.ok) return picked;
  const template = picked.template;
  const outcome = DECISION_OUTCOMES.find((o) => o === (input.outcome || template?.outcome));
  if (!outcome || (template && template.outcome !== outcome)) return { ok: false, status: 400, error: "outcome" };
  const consent = ownerConsentBlock(c.id, outcome, input.now);
  if (consent) return { ok: false, status: 409, error: consent };
  const officerText = checkDecisionText(input.text);
  if (officerText === null) return { ok: false, status: 400, error: "decisionText" };
  const feeText = input.fee.trim().replace(/\s/g, "");
  if (feeText !== "" && !/^\d{1,7}$/.test(feeText)) return { ok: false, status: 400, error: "fee" };
  const current = db()
    .select({ status: caseTable.status, area: caseTable.area, language: caseTable.language })
    .from(caseTable)
    .where(eq(caseTable.id, c.id))
    .get();
  if (
    !current ||
    !isArea(current.area) ||
    !isCaseStatus(current.status) ||
    !allowedTransitions(current.area, current.status).includes("decided")
  )
    return { ok: false, status: 409, error: "illegalTransition" };
  const lang = current.language === "en" ? "en" : "sv";
  // An owner's consent not given (declined, or no answer by the deadline) is said in the decision (decision 100).
  const consentNote = ownerConsentDecisionNote(c.id, lang);
  const text = consentNote ? `${officerText}\n\n${consentNote}` : officerText;
  const setup = decisionSetup(c.municipalityId, c.area);
  const now = input.now ?? new Date();
  const documentName = `${input.reference.toUpperCase()}-beslut.pdf`;
  // One commit, its fsync off the event loop (decision 155); the status change's notification is
  // kicked only after that fsync.
  await commitDurably(() => {
    db()
      .insert(caseDecision)
      .values({
        caseId: c.id,
        outcome,
        decidedOn: swedishDate(now),
        text,
        fee: feeText === "" ? null : Number(feeText),
        documentName: "",
        decidedBy: actorOf(input.user),
        decidedByName: input.user.name,
        bodyName: setup.body[lang],
        // The template's route, else the case's law's own (an LSS case is never sent the SoL route), else the area's.
        appealRoute: decisionRoute({
          templateRoute: template?.appealRoute,
          caseLaw: c.law,
          bodyRoute: setup.appealRoute,
        }),
        delegationCode: point.code,
        delegationTitle: lang === "en" ? point.titleEn : point.titleSv,
        templateId: template?.id ?? null,
      })
      .run();
    changeCaseStatus({
      caseId: c.id,
      to: "decided",
      via: "decision",
      actor: actorOf(input.user),
      note: outcome,
      now,
    });
    deleteDecisionDraft(c.id);
    input.alsoInCommit?.();
  });
  await applyFeeReductionAfterDecision({ caseId: c.id, actor: input.user, requestedBy: actorOf(input.user) });
  await writeDecisionDocument(c.id, documentName);
  // The move to "decided" has told every party already (decision 079).
  await tellApplicant(c.id, input.user, "decision", {}, false);
  return { ok: true };
}

/** Attachment of a case in the officer's scope, with the case (for the audit row), or null. */
export function attachmentForStaff(input: { reference: string; user: StaffUser; publicId: string }) {
  const found = lookupCaseForStaff({ reference: input.reference, user: input.user, permission: "case.read" });
  if (found.kind !== "found") return null;
  const attachment = db()
    .select()
    .from(caseAttachment)
    .where(and(eq(caseAttachment.caseId, found.id), eq(caseAttachment.publicId, input.publicId)))
    .get();
  return attachment ? { attachment, case: found } : null;
}
