/**
 * Officer tools that scale (docs/decisions/078): search across the cases in the officer's
 * scope with paging and sorting done by SQLite, bulk assignment and the workload view. Every
 * query is narrowed by the officer's scopes in the WHERE clause, like the queue
 * (backoffice.server.ts), so a case outside them is never counted, listed or assigned.
 */
import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import {
  caseAssignment,
  caseParty,
  caseTable,
  municipality,
  organisation,
  permitCase,
  person,
} from "../../db/schema/index";
import { foldText } from "../../db/client";
import { parsePersonnummer } from "../../forms/lib/identity-number";
import { AREAS, type Area } from "~/domain/areas";
import { CASE_STATUSES } from "~/domain/statuses";
import { db } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import { audit } from "~/platform/audit.server";
import type { StaffUser } from "~/auth/guards.server";
import { NOT_FOR_OFFICERS } from "./case-status";
import { assignCase, OPEN_STATUSES } from "./backoffice.server";
import { colleaguesFor, officerScopes, type CaseScope } from "./officer-scopes.server";
import { swedishDate } from "./permit-clock";

export const SEARCH_PAGE_SIZE = 50;
export const SEARCH_SORTS = ["reference", "applicant", "status", "received", "handler"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
/** At most this many cases in one bulk assignment (a page holds 50). */
export const BULK_MAX = 100;

export interface CaseSearch {
  /** Part of a case reference. */
  q: string;
  /** Words of the applicant's name, each matched anywhere, ignoring case and diacritics. */
  name: string;
  /** A personnummer as written; only its HMAC is used and logged (decision 008). */
  pnr: string;
  property: string;
  municipality: string;
  area: "" | Area;
  /** "open", "closed", "" (all) or one status. */
  status: string;
  /** Received on or after / on or before (Swedish civil dates). */
  from: string;
  to: string;
  /** "", "me", "none" or a staff user id. */
  handler: string;
  sort: SearchSort;
  dir: "asc" | "desc";
  page: number;
}

export type SearchErrors = Partial<Record<"pnr" | "from" | "to", string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** Reads the search from the URL; input is cut before it is used (decision 040). */
export function parseCaseSearch(params: URLSearchParams): { search: CaseSearch; errors: SearchErrors } {
  const text = (name: string, max = 60) => (params.get(name) ?? "").slice(0, max).trim();
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = params.get(name) ?? "";
    return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  };
  const handler = text("handlaggare", 12);
  const page = Number.parseInt(text("sida", 6), 10);
  const search: CaseSearch = {
    q: text("q", 40),
    name: text("namn"),
    pnr: text("personnummer", 20),
    property: text("fastighet"),
    municipality: text("kommun", 40),
    area: pick("omrade", ["", ...AREAS], ""),
    status: pick("status", ["", "open", "closed", ...CASE_STATUSES], ""),
    from: text("fran", 10),
    to: text("till", 10),
    handler: handler === "me" || handler === "none" || /^\d{1,9}$/.test(handler) ? handler : "",
    sort: pick("sortering", SEARCH_SORTS, "received"),
    dir: pick("ordning", ["asc", "desc"], params.get("sortering") ? "asc" : "desc"),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
  };
  const errors: SearchErrors = {};
  if (search.pnr && !parsePersonnummer(search.pnr).ok) errors.pnr = "pnr";
  if (search.from && !validDate(search.from)) errors.from = "date";
  if (search.to && !validDate(search.to)) errors.to = "date";
  if (!errors.from && !errors.to && search.from && search.to && search.from > search.to) errors.to = "dateOrder";
  return { search, errors };
}

/** The instant a Swedish civil date begins (Europe/Stockholm is UTC+1 or UTC+2). */
function stockholmStart(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const summer = new Date(midnightUtc - 2 * 3_600_000);
  return (swedishDate(summer) === day ? summer : new Date(midnightUtc - 3_600_000)).toISOString();
}
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** LIKE pattern for a folded fragment; the escape character keeps % and _ literal. */
function contains(fragment: string): string {
  return `%${foldText(fragment).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function scopeCondition(scopes: CaseScope[]): SQL {
  if (scopes.length === 0) return sql`0`;
  return or(...scopes.map((s) => and(eq(caseTable.municipalityId, s.municipalityId), eq(caseTable.area, s.area))))!;
}

/** The applicant's name as the registers or the form gave it. */
const applicantName = sql<string>`coalesce(${person.givenName} || ' ' || ${person.familyName}, ${organisation.name}, case when json_valid(${caseTable.data}) then json_extract(${caseTable.data}, '$.applicant.name') end, '')`;

export interface SearchRow {
  reference: string;
  municipalityName: string;
  area: string;
  status: string;
  receivedOn: string;
  applicantName: string;
  propertyDesignation: string | null;
  assignedTo: string | null;
  protectedIdentity: boolean;
  /** The officer may assign this case (case.handle in its scope). */
  canAssign: boolean;
}

export interface SearchResult {
  rows: SearchRow[];
  total: number;
  page: number;
  pages: number;
}

/**
 * One page of the officer's cases matching the search. Two statements (count and page), each
 * one pass over the cases in scope with LIMIT 50, so the time is bounded by the number of cases
 * in scope whatever is typed. A search by personnummer is a staff read of personal data and is
 * audited, with the person (when known) but never the number.
 */
export function searchCases(input: { user: StaffUser; search: CaseSearch }): SearchResult {
  const s = input.search;
  const scopes = officerScopes(input.user, "case.read").filter(
    (x) => (!s.municipality || x.municipality === s.municipality) && (!s.area || x.area === s.area),
  );
  const where: SQL[] = [scopeCondition(scopes), notInArray(caseTable.status, [...NOT_FOR_OFFICERS])];
  if (s.q) where.push(sql`${caseTable.reference} like ${contains(s.q).toUpperCase()} escape '\\'`);
  for (const word of s.name.split(" ").filter(Boolean).slice(0, 4))
    where.push(sql`fold(${applicantName}) like ${contains(word)} escape '\\'`);
  if (s.property) where.push(sql`fold(${permitCase.propertyDesignation}) like ${contains(s.property)} escape '\\'`);
  if (s.status === "open") where.push(inArray(caseTable.status, OPEN_STATUSES));
  else if (s.status === "closed") where.push(notInArray(caseTable.status, OPEN_STATUSES));
  else if (s.status) where.push(sql`${caseTable.status} = ${s.status}`);
  if (s.from) where.push(sql`${caseTable.createdAt} >= ${stockholmStart(s.from)}`);
  if (s.to) where.push(sql`${caseTable.createdAt} < ${stockholmStart(nextDay(s.to))}`);
  if (s.handler === "me") where.push(eq(caseAssignment.staffUserId, input.user.staffUserId));
  else if (s.handler === "none") where.push(isNull(caseAssignment.staffUserId));
  else if (s.handler) where.push(eq(caseAssignment.staffUserId, Number(s.handler)));
  let pnrPersonId: number | null = null;
  const parsedPnr = s.pnr ? parsePersonnummer(s.pnr) : null;
  if (parsedPnr?.ok) {
    const h = hmacIndex(parsedPnr.value.normalized);
    pnrPersonId = db().select({ id: person.id }).from(person).where(eq(person.personnummerHmac, h)).get()?.id ?? null;
    where.push(
      or(
        eq(person.personnummerHmac, h),
        sql`${caseTable.id} in (select ${caseParty.caseId} from ${caseParty} where ${caseParty.personnummerHmac} = ${h})`,
        pnrPersonId === null ? sql`0` : eq(caseTable.submittedByPersonId, pnrPersonId),
      )!,
    );
  }
  const condition = and(...where);
  const total =
    db()
      .select({ n: count() })
      .from(caseTable)
      .leftJoin(person, eq(person.id, caseTable.applicantPersonId))
      .leftJoin(organisation, eq(organisation.id, caseTable.applicantOrganisationId))
      .leftJoin(permitCase, eq(permitCase.caseId, caseTable.id))
      .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
      .where(condition)
      .get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const page = Math.min(s.page, pages);
  const direction = s.dir === "asc" ? asc : desc;
  const sortColumn = {
    reference: caseTable.reference,
    applicant: sql`fold(${applicantName})`,
    status: caseTable.status,
    received: caseTable.createdAt,
    handler: sql`coalesce(${caseAssignment.staffName}, '')`,
  }[s.sort];
  const rows = db()
    .select({
      reference: caseTable.reference,
      municipalityId: caseTable.municipalityId,
      municipalityName: municipality.name,
      area: caseTable.area,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      applicantName,
      propertyDesignation: permitCase.propertyDesignation,
      assignedTo: caseAssignment.staffName,
      protectedIdentity: caseTable.protectedIdentity,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(person, eq(person.id, caseTable.applicantPersonId))
    .leftJoin(organisation, eq(organisation.id, caseTable.applicantOrganisationId))
    .leftJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
    .where(condition)
    .orderBy(direction(sortColumn), direction(caseTable.reference))
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE)
    .all();
  if (parsedPnr?.ok)
    audit({
      actor: input.user,
      action: "case.search.personnummer",
      subjectType: "person",
      subjectId: pnrPersonId === null ? undefined : String(pnrPersonId),
      personId: pnrPersonId,
      details: { hits: total },
    });
  const handle = officerScopes(input.user, "case.handle");
  return {
    total,
    page,
    pages,
    rows: rows.map((r) => ({
      reference: r.reference,
      municipalityName: r.municipalityName,
      area: r.area,
      status: r.status,
      receivedOn: swedishDate(r.createdAt),
      applicantName: r.applicantName ?? "",
      propertyDesignation: r.propertyDesignation,
      assignedTo: r.assignedTo,
      protectedIdentity: r.protectedIdentity,
      canAssign: handle.some((h) => h.municipalityId === r.municipalityId && h.area === r.area),
    })),
  };
}

/** Officers the user may assign to in at least one of their handling scopes, by name. */
export function assignableColleagues(user: StaffUser): { id: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const scope of officerScopes(user, "case.handle")) for (const c of colleaguesFor(scope)) seen.set(c.id, c.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

export type BulkResult =
  | { ok: true; assigned: string[] }
  | { ok: false; status: 400; error: "noneSelected" | "tooMany" | "assignee"; refused: string[] };

/**
 * Assigns every selected case to one officer, or none of them: each case must be in the user's
 * handling scope and the officer must handle cases in that case's scope. The caller audits each
 * case in `assigned` (and the refusal).
 */
export function bulkAssign(input: { user: StaffUser; references: string[]; staffId: number }): BulkResult {
  const references = [...new Set(input.references.map((r) => r.trim().toUpperCase()).filter(Boolean))];
  if (references.length === 0) return { ok: false, status: 400, error: "noneSelected", refused: [] };
  if (references.length > BULK_MAX) return { ok: false, status: 400, error: "tooMany", refused: [] };
  const handle = officerScopes(input.user, "case.handle");
  const cases = db()
    .select({ reference: caseTable.reference, municipalityId: caseTable.municipalityId, area: caseTable.area })
    .from(caseTable)
    .where(
      and(
        inArray(caseTable.reference, references),
        scopeCondition(handle),
        notInArray(caseTable.status, [...NOT_FOR_OFFICERS]),
      ),
    )
    .all();
  const colleagues = new Map<string, Set<number>>();
  const refused = references.filter((ref) => {
    const c = cases.find((x) => x.reference === ref);
    if (!c) return true;
    const key = `${c.municipalityId}:${c.area}`;
    if (!colleagues.has(key)) colleagues.set(key, new Set(colleaguesFor(c).map((x) => x.id)));
    return !colleagues.get(key)!.has(input.staffId);
  });
  if (refused.length > 0) return { ok: false, status: 400, error: "assignee", refused };
  db().transaction(() => {
    for (const reference of references) {
      const r = assignCase({ reference, user: input.user, staffId: input.staffId });
      if (!r.ok) throw new Error(`bulk assignment of ${reference} failed after its check: ${r.error}`);
    }
  });
  return { ok: true, assigned: references };
}

export interface WorkloadRow {
  staffUserId: number | null;
  name: string | null;
  byStatus: Record<string, number>;
  total: number;
}

/** Open cases in the officer's scope per assigned officer (null: not assigned) and status. */
export function workload(input: { user: StaffUser; municipality?: string; area?: string }): {
  rows: WorkloadRow[];
  statuses: string[];
} {
  const scopes = officerScopes(input.user, "case.read").filter(
    (x) => (!input.municipality || x.municipality === input.municipality) && (!input.area || x.area === input.area),
  );
  const counts = db()
    .select({
      staffUserId: caseAssignment.staffUserId,
      name: caseAssignment.staffName,
      status: caseTable.status,
      n: count(),
    })
    .from(caseTable)
    .leftJoin(caseAssignment, eq(caseAssignment.caseId, caseTable.id))
    .where(and(scopeCondition(scopes), inArray(caseTable.status, OPEN_STATUSES)))
    .groupBy(caseAssignment.staffUserId, caseAssignment.staffName, caseTable.status)
    .all();
  const rows = new Map<string, WorkloadRow>();
  for (const c of counts) {
    const key = String(c.staffUserId ?? "none");
    const row = rows.get(key) ?? { staffUserId: c.staffUserId, name: c.name, byStatus: {}, total: 0 };
    row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + c.n;
    row.total += c.n;
    rows.set(key, row);
  }
  const statuses = OPEN_STATUSES.filter((st) => counts.some((c) => c.status === st));
  // Officers by name, the unassigned cases last.
  const sorted = [...rows.values()].sort((a, b) =>
    a.staffUserId === null ? 1 : b.staffUserId === null ? -1 : (a.name ?? "").localeCompare(b.name ?? "", "sv"),
  );
  return { rows: sorted, statuses };
}
