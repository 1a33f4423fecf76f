import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, caseAssignment, caseTable, municipality } from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { listQueue, parseQueueFilters, QUEUE_PAGE_SIZE } from "~/services/backoffice.server";
import { bulkAssign } from "~/services/officer-tools.server";
import { officer } from "./people-helper";

// The officer queue pages (decision 083): 2,000 open cases, 50 a page, every case exactly once in
// each order, and 20 of them bulk-assigned from a page of the queue.
const N = 2000;
const PREFIX = "AMQ-2026-";

const queue = (user: StaffUser, query: Record<string, string>) =>
  listQueue({ user, filters: parseQueueFilters(new URLSearchParams({ q: PREFIX, ...query })), today: "2026-06-01" });

beforeAll(() => {
  prepareDatabase();
  const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  const adminId = db()
    .select({ id: administration.id })
    .from(administration)
    .where(eq(administration.municipalityId, amal))
    .get()!.id;
  const rows = Array.from({ length: N }, (_, k) => {
    const i = k + 1;
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString();
    // Deadlines repeat (ties are broken by reference) and every seventh case has none.
    const due = i % 7 === 0 ? null : new Date(Date.UTC(2026, 4, 1) + (i % 90) * 86_400_000).toISOString();
    return {
      reference: `${PREFIX}${String(i).padStart(6, "0")}`,
      municipalityId: amal,
      administrationId: adminId,
      formId: "allman-fraga",
      formVersion: 1,
      area: "allmant" as const,
      status: "received" as const,
      data: JSON.stringify({ applicant: { name: `Sökande ${i}` } }),
      idempotencyKey: `queue-paging-${i}`,
      decisionDueAt: due,
      createdAt: day,
      updatedAt: day,
    };
  });
  db().transaction((tx) => {
    for (let i = 0; i < rows.length; i += 200)
      tx.insert(caseTable)
        .values(rows.slice(i, i + 200))
        .run();
  });
});

describe("the officer queue pages", () => {
  for (const sort of ["deadline", "reference", "received"] as const) {
    it(`shows every one of 2,000 cases exactly once, 50 a page, sorted by ${sort}`, () => {
      const user = officer("handlaggare.amal");
      const first = queue(user, { sortering: sort });
      expect(first.total).toBe(N);
      expect(first.pages).toBe(N / QUEUE_PAGE_SIZE);
      const all: string[] = [];
      const keys: string[] = [];
      for (let page = 1; page <= first.pages; page++) {
        const r = queue(user, { sortering: sort, sida: String(page) });
        expect(r.page).toBe(page);
        expect(r.rows).toHaveLength(QUEUE_PAGE_SIZE);
        for (const row of r.rows) {
          all.push(row.reference);
          keys.push(sort === "deadline" ? (row.deadline ?? "9999") : sort === "received" ? row.receivedOn : "");
        }
      }
      expect(new Set(all).size).toBe(N);
      // The order holds across page boundaries, not only within a page.
      if (sort === "reference") expect(all).toEqual([...all].sort());
      else expect(keys).toEqual([...keys].sort());
    });
  }

  // The queue's statements are prepared once per variant and shared by every officer (decision
  // 143): the scope, the search and the officer are parameters, never part of a kept statement.
  it("one prepared statement answers each officer with their own scope, search and assignments", () => {
    const amal = officer("handlaggare.amal");
    const mellerud = officer("handlaggare.mellerud");
    const designer = officer("designer.amal");
    for (const sortering of ["deadline", "reference"]) {
      expect(queue(amal, { sortering }).total).toBe(N);
      expect(queue(mellerud, { sortering }).total).toBe(0);
      expect(queue(designer, { sortering }).total).toBe(0);
      expect(queue(amal, { sortering, omrade: "bygglov" }).total).toBe(0);
      expect(queue(amal, { sortering, omrade: "allmant" }).total).toBe(N);
      expect(queue(amal, { sortering, kommun: "mellerud" }).total).toBe(0);
      expect(queue(amal, { sortering, q: `${PREFIX}00012` }).total).toBe(10);
      expect(queue(amal, { sortering }).total).toBe(N);
      expect(queue(mellerud, { sortering, tilldelad: "me" }).total).toBe(0);
      // Without the search, the seed's own Åmål cases are in the queue too.
      const everything = listQueue({ user: amal, filters: parseQueueFilters(new URLSearchParams({ sortering })) });
      expect(everything.total).toBeGreaterThan(N);
    }
  });

  it("a page past the end shows the last page; nonsense is page 1", () => {
    const user = officer("handlaggare.amal");
    expect(queue(user, { sida: "999" }).page).toBe(N / QUEUE_PAGE_SIZE);
    expect(queue(user, { sida: "999", sortering: "reference" }).page).toBe(N / QUEUE_PAGE_SIZE);
    expect(queue(user, { sida: "-3" }).page).toBe(1);
    expect(queue(user, { sida: "x" }).page).toBe(1);
  });

  it("a deadline filter pages the filtered rows only", () => {
    const user = officer("handlaggare.amal");
    const overdue = queue(user, { frist: "overdue" });
    // Due 2026-05-01 + (i % 90) days; today is 2026-06-01: i % 90 < 31 is overdue, unless it has none.
    const expected = Array.from({ length: N }, (_, k) => k + 1).filter((i) => i % 7 !== 0 && i % 90 < 31).length;
    expect(overdue.total).toBe(expected);
    const last = queue(user, { frist: "overdue", sida: String(overdue.pages) });
    expect(last.rows.length).toBe(expected - (overdue.pages - 1) * QUEUE_PAGE_SIZE);
    expect(last.rows.every((r) => r.overdue)).toBe(true);
  });

  it("bulk-assigns 20 cases taken from a page of the queue; the unassigned queue shrinks by 20", () => {
    const user = officer("handlaggare.amal");
    const before = queue(user, { tilldelad: "none", sortering: "reference" });
    expect(before.total).toBe(N);
    const page3 = queue(user, { tilldelad: "none", sortering: "reference", sida: "3" });
    const refs = page3.rows.slice(10, 30).map((r) => r.reference);
    expect(refs).toHaveLength(20);
    expect(bulkAssign({ user, references: refs, staffId: user.staffUserId })).toEqual({ ok: true, assigned: refs });
    const assignedIds = db()
      .select({ reference: caseTable.reference })
      .from(caseAssignment)
      .innerJoin(caseTable, eq(caseTable.id, caseAssignment.caseId))
      .where(eq(caseAssignment.staffUserId, user.staffUserId))
      .all()
      .map((r) => r.reference)
      .filter((r) => r.startsWith(PREFIX));
    expect(assignedIds.sort()).toEqual([...refs].sort());
    expect(queue(user, { tilldelad: "none" }).total).toBe(N - 20);
    const mine = queue(user, { tilldelad: "me", sortering: "reference" });
    expect(mine.total).toBe(20);
    expect(mine.pages).toBe(1);
    expect(mine.rows.map((r) => r.reference)).toEqual(refs);
    expect(mine.rows.every((r) => r.assignedToMe)).toBe(true);
  });
});
