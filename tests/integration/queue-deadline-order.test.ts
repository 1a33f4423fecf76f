import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  administration,
  caseDecision,
  caseTable,
  municipality,
  permitCase,
  supplementRequest,
} from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { listQueue, parseQueueFilters, type QueueRow } from "~/services/backoffice.server";
import { swedishDate } from "~/services/permit-clock";
import { officer } from "./people-helper";

// Decision 132: the deadline order and filters run in SQL. A bygglov case with a permit row keeps
// its computed clock (paused, waiting, extended, decided), every other case its due date's Swedish
// day (due times around 22:00–23:00 UTC on both sides of the summer-time changes). The oracle is
// the rows themselves: each row's deadline and badges come from the same deadlineOf as before, so
// every order and filter must equal the reference-ordered listing sorted and filtered in JS.
const PREFIX = "AMD-2026-";
const TODAY = "2026-03-25"; // a Wednesday, four days before summer time starts
const PAGE = 7;

const everyPage = (user: StaffUser, query: Record<string, string>): { rows: QueueRow[]; total: number } => {
  const first = listQueue({
    user,
    filters: parseQueueFilters(new URLSearchParams({ q: PREFIX, ...query })),
    today: TODAY,
    pageSize: PAGE,
  });
  const rows = [...first.rows];
  for (let page = 2; page <= first.pages; page++)
    rows.push(
      ...listQueue({
        user,
        filters: parseQueueFilters(new URLSearchParams({ q: PREFIX, ...query, sida: String(page) })),
        today: TODAY,
        pageSize: PAGE,
      }).rows,
    );
  return { rows, total: first.total };
};

beforeAll(() => {
  prepareDatabase();
  const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  const adminId = db()
    .select({ id: administration.id })
    .from(administration)
    .where(eq(administration.municipalityId, amal))
    .get()!.id;
  // Due instants at 21:30, 22:30 and 23:30 UTC around 2026-03-29 and 2026-10-25 (summer time),
  // some in the past (overdue), this week, later, and none.
  const dueTimes = [
    "2026-03-20T21:30:00.000Z",
    "2026-03-24T22:30:00.000Z",
    "2026-03-25T22:30:00.000Z",
    "2026-03-28T22:30:00.000Z",
    "2026-03-28T23:30:00.000Z",
    "2026-03-29T21:30:00.000Z",
    "2026-03-29T22:30:00.000Z",
    "2026-04-02T12:00:00.000Z",
    "2026-10-24T22:30:00.000Z",
    "2026-10-25T22:30:00.000Z",
    null,
  ];
  const statuses = ["received", "in_progress", "closed", "awaiting_completion"] as const;
  db().transaction((tx) => {
    for (let i = 1; i <= 60; i++) {
      const permit = i % 3 === 0;
      const created = new Date(Date.UTC(2026, 0, 1) + (i % 17) * 86_400_000).toISOString();
      const row = tx
        .insert(caseTable)
        .values({
          reference: `${PREFIX}${String(i).padStart(6, "0")}`,
          municipalityId: amal,
          administrationId: adminId,
          formId: permit ? "bygglov" : "allman-fraga",
          formVersion: 1,
          area: permit ? "bygglov" : i % 5 === 0 ? "bygglov" : "allmant",
          status: statuses[i % statuses.length]!,
          data: JSON.stringify({ applicant: { name: `Sökande ${i}` } }),
          idempotencyKey: `queue-deadline-${i}`,
          decisionDueAt: dueTimes[i % dueTimes.length],
          createdAt: created,
          updatedAt: created,
        })
        .returning({ id: caseTable.id })
        .get();
      if (!permit) continue;
      // Received from mid December to late January: ten weeks later falls around today.
      const receivedOn = new Date(Date.UTC(2025, 11, 10) + (i % 11) * 4 * 86_400_000).toISOString().slice(0, 10);
      tx.insert(permitCase)
        .values({
          caseId: row.id,
          measureType: "nybyggnad",
          propertyDesignation: `Åmål Test ${i}`,
          receivedOn,
          extensionWeeks: i % 4 === 0 ? 3 : null,
          extensionReason: i % 4 === 0 ? "Remiss" : null,
          extensionGrantedOn: i % 4 === 0 ? receivedOn : null,
        })
        .run();
      const request = (kind: "completeness" | "clarification", answeredOn: string | null) =>
        tx
          .insert(supplementRequest)
          .values({
            caseId: row.id,
            kind,
            message: "Test",
            requestedOn: receivedOn,
            dueOn: TODAY,
            answeredOn,
            requestedBy: "staff:1",
          })
          .run();
      if (i % 5 === 0) request("completeness", null); // waiting: no deadline
      if (i % 7 === 0) request("clarification", null); // paused: the deadline moves with today
      if (i % 11 === 0) request("clarification", "2026-01-20");
      if (i % 13 === 0)
        tx.insert(caseDecision)
          .values({
            caseId: row.id,
            outcome: "approved",
            decidedOn: "2026-03-01",
            text: "Beviljas",
            documentName: "beslut.pdf",
            decidedBy: "staff:1",
            decidedByName: "Test",
          })
          .run();
    }
  });
});

describe("the officer queue's deadline order and filters in SQL", () => {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byDeadline = (x: QueueRow, y: QueueRow) =>
    cmp(x.deadline ?? "9999", y.deadline ?? "9999") || cmp(x.reference, y.reference);
  const byReceived = (x: QueueRow, y: QueueRow) => cmp(x.receivedOn, y.receivedOn);

  it("the data has clocks of every kind and due days that differ from the UTC day", () => {
    const user = officer("handlaggare.amal");
    const all = everyPage(user, { status: "all", sortering: "reference" }).rows;
    expect(all).toHaveLength(60);
    expect(all.some((r) => r.paused)).toBe(true);
    expect(all.some((r) => r.overdue)).toBe(true);
    expect(all.some((r) => r.dueThisWeek)).toBe(true);
    expect(all.some((r) => r.deadline === null)).toBe(true);
    const due = db().select({ d: caseTable.decisionDueAt }).from(caseTable).all();
    expect(due.some((r) => r.d && swedishDate(r.d) !== r.d.slice(0, 10))).toBe(true);
  });

  for (const status of ["open", "closed", "all"])
    for (const frist of ["", "overdue", "week"])
      for (const sortering of ["deadline", "received", "reference"])
        it(`status ${status}, deadline filter '${frist}', sorted by ${sortering}: the same rows and order as computed in code`, () => {
          const user = officer("handlaggare.amal");
          const reference = everyPage(user, { status, sortering: "reference" }).rows;
          const expected = reference.filter((r) =>
            frist === "overdue" ? r.overdue : frist === "week" ? r.dueThisWeek : true,
          );
          if (sortering === "deadline") expected.sort(byDeadline);
          // Received is ordered by the instant, so only the day is compared here.
          const got = everyPage(user, { status, frist, sortering });
          expect(got.total).toBe(expected.length);
          if (sortering === "received") {
            expect(got.rows.map((r) => r.reference).sort()).toEqual(expected.map((r) => r.reference).sort());
            expect(got.rows).toEqual([...got.rows].sort(byReceived));
          } else expect(got.rows).toEqual(expected);
        });
});
