/**
 * Fetches plain case rows for the statistics (the maths is in case-statistics.ts).
 * Officers see their scopes; the public page sees every municipality, aggregated only.
 */
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { caseDecision, caseTable, municipality, permitCase, supplementRequest } from "../../db/schema/index";
import { db } from "~/db.server";
import {
  decidedSince,
  incomingPerWeek,
  openByAge,
  processingByGroup,
  summarizeProcessing,
  type StatRow,
} from "./case-statistics";
import { computeClock, STATUTORY_WEEKS, swedishDate } from "./permit-clock";
import { officerScopes } from "./officer-scopes.server";
import type { StaffUser } from "~/auth/guards.server";

/** Statutory or promised limit per case type in days (bygglov: PBL 10 weeks; others: the form's promise). */
export function limitDaysFor(caseType: string): number {
  if (caseType === "bygglov-ansokan") return STATUTORY_WEEKS * 7;
  if (caseType.startsWith("forskola") || caseType.startsWith("barnomsorg")) return 120; // four months
  return 56;
}

function statRows(where: SQL | undefined): StatRow[] {
  const rows = db()
    .select({
      id: caseTable.id,
      municipality: municipality.slug,
      formId: caseTable.formId,
      createdAt: caseTable.createdAt,
      decidedOn: caseDecision.decidedOn,
      receivedOn: permitCase.receivedOn,
      extensionWeeks: permitCase.extensionWeeks,
      extensionGrantedOn: permitCase.extensionGrantedOn,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(caseDecision, eq(caseDecision.caseId, caseTable.id))
    .leftJoin(permitCase, eq(permitCase.caseId, caseTable.id))
    .where(where)
    .all();
  const permitIds = rows.filter((r) => r.receivedOn !== null).map((r) => r.id);
  const requests = permitIds.length
    ? db().select().from(supplementRequest).where(inArray(supplementRequest.caseId, permitIds)).all()
    : [];
  const byCase = new Map<number, typeof requests>();
  for (const r of requests) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  return rows.map((r) => {
    const receivedOn = r.receivedOn ?? swedishDate(r.createdAt);
    let processingDays: number | null = null;
    if (r.receivedOn && r.decidedOn) {
      // For building permits the law counts from the complete application, without pauses.
      processingDays = computeClock(
        {
          receivedOn: r.receivedOn,
          supplementRequests: (byCase.get(r.id) ?? []).map((q) => ({
            kind: q.kind === "clarification" ? "clarification" : "completeness",
            requestedOn: q.requestedOn,
            dueOn: q.dueOn,
            answeredOn: q.answeredOn,
          })),
          extension: null,
          decidedOn: r.decidedOn,
        },
        r.decidedOn,
      ).processingDays;
    }
    return {
      municipality: r.municipality,
      caseType: r.formId,
      receivedOn,
      decidedOn: r.decidedOn ?? null,
      processingDays,
    };
  });
}

export function dashboardFor(
  user: StaffUser,
  filter: { municipality: string; caseType: string },
  today = swedishDate(new Date()),
) {
  const scopes = officerScopes(user, "stats.read").filter(
    (s) => !filter.municipality || s.municipality === filter.municipality,
  );
  const where =
    scopes.length === 0
      ? eq(caseTable.id, -1)
      : or(...scopes.map((s) => and(eq(caseTable.municipalityId, s.municipalityId), eq(caseTable.area, s.area))));
  let rows = statRows(where);
  const caseTypes = [...new Set(rows.map((r) => r.caseType))].sort();
  if (filter.caseType) rows = rows.filter((r) => r.caseType === filter.caseType);
  const lastYear = decidedSince(rows, today, 365);
  return {
    scopes: officerScopes(user, "stats.read"),
    caseTypes,
    incoming: incomingPerWeek(rows, today, 12),
    openByAge: openByAge(rows, today),
    processing: processingByGroup(lastYear, limitDaysFor),
    total: summarizeProcessing(lastYear, filter.caseType ? limitDaysFor(filter.caseType) : STATUTORY_WEEKS * 7),
  };
}

/** Fewer decisions than this in a group are not reported publicly (too few to say anything, and could single out a person). */
export const PUBLIC_MIN_DECISIONS = 5;

export function publicProcessingTimes(today = swedishDate(new Date())) {
  const rows = decidedSince(statRows(undefined), today, 365);
  const names = new Map(
    db()
      .select({ slug: municipality.slug, name: municipality.name })
      .from(municipality)
      .all()
      .map((m) => [m.slug, m.name]),
  );
  return processingByGroup(rows, limitDaysFor).map((g) => ({
    ...g,
    municipalityName: names.get(g.municipality) ?? g.municipality,
    reported: g.decided >= PUBLIC_MIN_DECISIONS,
  }));
}
