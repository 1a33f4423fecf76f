import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  administration,
  auditEvent,
  caseAssignment,
  caseTable,
  messageAttachment,
  municipality,
  permitCase,
  roleAssignment,
  staffUser,
} from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { action as searchAction, loader as searchLoader } from "~/routes/handlaggare.sok";
import { db, prepareDatabase } from "~/db.server";
import { assignCase, messageApplicant, unassignCase } from "~/services/backoffice.server";
import { getMessageAttachment, listMessages } from "~/services/messages.server";
import {
  bulkAssign,
  parseCaseSearch,
  searchCases,
  SEARCH_PAGE_SIZE,
  workload,
  type CaseSearch,
} from "~/services/officer-tools.server";
import { officer, viewerFor } from "./people-helper";

// Issue 15 item 4 (decision 078): search, paging and sorting over 2,000 cases, bulk assignment,
// unassignment, workload and attachments on officer messages, each within the officer's scope.
const N = 2000;
const PNR = "198506112385";
let amal = 0;
let bengtsfors = 0;
let colleagueId = 0;
let asaPersonId = 0;

const search = (query: Record<string, string>): CaseSearch => {
  const parsed = parseCaseSearch(new URLSearchParams(query));
  expect(parsed.errors).toEqual({});
  return parsed.search;
};

function insertCases(municipalityId: number, code: string, count: number, first: number) {
  const adminId = db()
    .select({ id: administration.id })
    .from(administration)
    .where(eq(administration.municipalityId, municipalityId))
    .get()!.id;
  const rows = Array.from({ length: count }, (_, k) => {
    const i = first + k;
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString();
    return {
      reference: `${code}-2026-${String(i).padStart(6, "0")}`,
      municipalityId,
      administrationId: adminId,
      formId: "allman-fraga",
      formVersion: 1,
      area: "allmant" as const,
      status: i % 5 === 0 ? ("closed" as const) : ("received" as const),
      data: JSON.stringify({ applicant: { name: `Sökande Nummer${i}` } }),
      idempotencyKey: `officer-tools-${code}-${i}`,
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
}

beforeAll(() => {
  prepareDatabase();
  const id = (slug: string) => db().select().from(municipality).where(eq(municipality.slug, slug)).get()!.id;
  amal = id("amal");
  bengtsfors = id("bengtsfors");
  insertCases(amal, "AMT", N, 1);
  insertCases(bengtsfors, "BET", 30, 1);
  // Åsa Östlund applied in Åmål (a bygglov on a named property) and in Bengtsfors.
  asaPersonId = viewerFor(PNR, "Åsa Östlund").personId;
  for (const [ref, m] of [
    ["AMT-2026-900001", amal],
    ["BET-2026-900001", bengtsfors],
  ] as const) {
    const adminId = db()
      .select({ id: administration.id })
      .from(administration)
      .where(eq(administration.municipalityId, m))
      .get()!.id;
    const row = db()
      .insert(caseTable)
      .values({
        reference: ref,
        municipalityId: m,
        administrationId: adminId,
        formId: "bygglov",
        formVersion: 1,
        area: "bygglov",
        status: "received",
        applicantPersonId: asaPersonId,
        data: "{}",
        idempotencyKey: `officer-tools-${ref}`,
      })
      .returning({ id: caseTable.id })
      .get();
    db()
      .insert(permitCase)
      .values({
        caseId: row.id,
        measureType: "nybyggnad",
        propertyDesignation: m === amal ? "ÅMÅL KRUSBÄRET 1:12" : "BENGTSFORS KRUSBÄRET 1:12",
        receivedOn: "2026-03-02",
      })
      .run();
  }
  // A second officer in Åmål, for allmänt only.
  colleagueId = db()
    .insert(staffUser)
    .values({ username: "kollega.amal", name: "Kim Kollega", email: "kim@example.se", passwordHash: "x" })
    .returning({ id: staffUser.id })
    .get().id;
  db()
    .insert(roleAssignment)
    .values({ staffUserId: colleagueId, role: "officer", municipalityId: amal, area: "allmant" })
    .run();
});

describe("officer search", () => {
  it("pages through 2,000 cases 50 at a time, each case once", () => {
    const user = officer("handlaggare.amal");
    const seen = new Set<string>();
    const first = searchCases({ user, search: search({ q: "AMT-2026-00", sortering: "reference" }) });
    expect(first.total).toBe(N);
    expect(first.pages).toBe(N / SEARCH_PAGE_SIZE);
    const started = performance.now();
    for (let page = 1; page <= first.pages; page++) {
      const r = searchCases({ user, search: search({ q: "AMT-2026-00", sortering: "reference", sida: String(page) }) });
      expect(r.rows).toHaveLength(SEARCH_PAGE_SIZE);
      for (const row of r.rows) seen.add(row.reference);
    }
    expect(seen.size).toBe(N);
    // Bounded: 40 pages, each a count and a page over the scope, well under a second per page.
    expect((performance.now() - started) / first.pages).toBeLessThan(500);
    // A page beyond the end shows the last page, not an empty one.
    expect(searchCases({ user, search: search({ q: "AMT-2026-00", sida: "999" }) }).page).toBe(first.pages);
  });

  it("sorts by each column header, both directions", () => {
    const user = officer("handlaggare.amal");
    const asc = searchCases({ user, search: search({ q: "AMT-2026-00", sortering: "reference", ordning: "asc" }) });
    const desc = searchCases({ user, search: search({ q: "AMT-2026-00", sortering: "reference", ordning: "desc" }) });
    expect(asc.rows[0]!.reference).toBe("AMT-2026-000001");
    expect(desc.rows[0]!.reference).toBe(`AMT-2026-00${N}`);
    const byDate = searchCases({ user, search: search({ q: "AMT-2026-00", sortering: "received", ordning: "asc" }) });
    const dates = byDate.rows.map((r) => r.receivedOn);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe("2026-01-01");
    const byName = searchCases({ user, search: search({ q: "AMT-2026-00", sortering: "applicant", ordning: "desc" }) });
    // "sökande nummer999" > "sökande nummer1999" as text: the name, not the reference, decides.
    expect(byName.rows[0]!.applicantName).toBe("Sökande Nummer999");
    const byStatus = searchCases({ user, search: search({ q: "AMT-2026-00", sortering: "status", ordning: "asc" }) });
    expect(byStatus.rows[0]!.status).toBe("closed");
  });

  it("finds the applicant's cases by personnummer through the HMAC index, and audits it without the number", () => {
    const user = officer("handlaggare.amal");
    const r = searchCases({ user, search: search({ personnummer: "19850611-2385" }) });
    expect(r.rows.map((x) => x.reference)).toEqual(["AMT-2026-900001"]);
    const rows = db().select().from(auditEvent).where(eq(auditEvent.action, "case.search.personnummer")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.personId).toBe(asaPersonId);
    expect(JSON.stringify(rows[0])).not.toContain("2385");
    // Ten digits work as well.
    expect(searchCases({ user, search: search({ personnummer: "8506112385" }) }).total).toBe(1);
  });

  it("finds by property and by name whatever the case and diacritics", () => {
    const user = officer("handlaggare.amal");
    expect(
      searchCases({ user, search: search({ fastighet: "amal krusbaret 1:12" }) }).rows.map((r) => r.reference),
    ).toEqual(["AMT-2026-900001"]);
    expect(searchCases({ user, search: search({ namn: "asa OSTLUND" }) }).rows.map((r) => r.reference)).toEqual([
      "AMT-2026-900001",
    ]);
    expect(searchCases({ user, search: search({ namn: "nummer1999" }) }).total).toBe(1);
    // LIKE wildcards typed by the officer are literal.
    expect(searchCases({ user, search: search({ namn: "%" }) }).total).toBe(0);
  });

  it("filters by status, case type and received date (Swedish calendar days)", () => {
    const user = officer("handlaggare.amal");
    expect(searchCases({ user, search: search({ q: "AMT-2026-00", status: "closed" }) }).total).toBe(N / 5);
    expect(searchCases({ user, search: search({ omrade: "bygglov", namn: "östlund" }) }).total).toBe(1);
    // Day index 0 (2026-01-01) holds cases 300, 600, …, 1800 and those whose i % 300 = 0.
    const oneDay = searchCases({ user, search: search({ q: "AMT-2026-00", fran: "2026-01-02", till: "2026-01-02" }) });
    expect(oneDay.total).toBeGreaterThan(0);
    expect(oneDay.rows.every((r) => r.receivedOn === "2026-01-02")).toBe(true);
  });

  it("refuses a malformed personnummer or date with a field error, not a search", () => {
    const bad = parseCaseSearch(new URLSearchParams({ personnummer: "19820324-9275", fran: "2026-13-45" }));
    expect(bad.errors).toEqual({ pnr: "pnr", from: "date" });
    expect(parseCaseSearch(new URLSearchParams({ fran: "2026-03-02", till: "2026-03-01" })).errors).toEqual({
      to: "dateOrder",
    });
  });

  it("an officer in Bengtsfors sees none of Åmål's cases", () => {
    const user = officer("handlaggare.bengtsfors");
    expect(searchCases({ user, search: search({ q: "AMT" }) }).total).toBe(0);
    const asa = searchCases({ user, search: search({ personnummer: PNR }) });
    expect(asa.rows.map((r) => r.reference)).toEqual(["BET-2026-900001"]);
    expect(searchCases({ user, search: search({ q: "BET-2026-00" }) }).total).toBe(30);
  });
});

describe("assignment", () => {
  const assigned = (reference: string) =>
    db()
      .select({ staffUserId: caseAssignment.staffUserId })
      .from(caseAssignment)
      .innerJoin(caseTable, eq(caseTable.id, caseAssignment.caseId))
      .where(eq(caseTable.reference, reference))
      .get()?.staffUserId ?? null;

  it("bulk-assigns 20 cases to a colleague of the same scope", () => {
    const user = officer("handlaggare.amal");
    const page = searchCases({ user, search: search({ q: "AMT-2026-00", handlaggare: "none", status: "open" }) });
    const refs = page.rows.slice(0, 20).map((r) => r.reference);
    expect(bulkAssign({ user, references: refs, staffId: colleagueId })).toEqual({ ok: true, assigned: refs });
    expect(refs.every((r) => assigned(r) === colleagueId)).toBe(true);
    const theirs = searchCases({ user, search: search({ handlaggare: String(colleagueId) }) });
    expect(theirs.total).toBe(20);
    const load = workload({ user });
    expect(load.rows.find((r) => r.staffUserId === colleagueId)?.total).toBe(20);
  });

  it("assigns none when one case is outside the colleague's scope or the officer's", () => {
    const user = officer("handlaggare.amal");
    // The colleague handles allmänt only: the bygglov case makes the whole batch refused.
    const r = bulkAssign({ user, references: ["AMT-2026-000002", "AMT-2026-900001"], staffId: colleagueId });
    expect(r).toMatchObject({ ok: false, error: "assignee", refused: ["AMT-2026-900001"] });
    expect(assigned("AMT-2026-000002")).toBeNull();
    // A Bengtsfors case cannot be assigned by an Åmål officer at all.
    const other = bulkAssign({ user, references: ["BET-2026-000001"], staffId: user.staffUserId });
    expect(other).toMatchObject({ ok: false, refused: ["BET-2026-000001"] });
    expect(assigned("BET-2026-000001")).toBeNull();
    expect(bulkAssign({ user, references: [], staffId: colleagueId })).toMatchObject({ error: "noneSelected" });
  });

  it("unassigns and reassigns a case", () => {
    const user = officer("handlaggare.amal");
    expect(assignCase({ reference: "AMT-2026-000003", user, staffId: colleagueId })).toEqual({ ok: true });
    expect(assignCase({ reference: "AMT-2026-000003", user, staffId: user.staffUserId })).toEqual({ ok: true });
    expect(assigned("AMT-2026-000003")).toBe(user.staffUserId);
    expect(unassignCase({ reference: "AMT-2026-000003", user })).toEqual({ ok: true });
    expect(assigned("AMT-2026-000003")).toBeNull();
    expect(unassignCase({ reference: "AMT-2026-000003", user })).toMatchObject({ ok: false, status: 409 });
    expect(unassignCase({ reference: "BET-2026-000003", user: officer("handlaggare.amal") })).toMatchObject({
      status: 404,
    });
  });
});

describe("attachments on officer messages", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

  it("are checked like resident uploads and reach the applicant", async () => {
    const user = officer("handlaggare.amal");
    const sent = await messageApplicant({
      reference: "AMT-2026-900001",
      user,
      body: "Se bifogat underlag.",
      files: [{ name: "underlag.pdf", bytes: pdf }],
    });
    expect(sent).toEqual({ ok: true });
    const c = db().select().from(caseTable).where(eq(caseTable.reference, "AMT-2026-900001")).get()!;
    const messages = listMessages({ caseId: c.id, audience: "staff" })!;
    const file = messages.at(-1)!.attachments[0]!;
    expect(file).toMatchObject({ name: "underlag.pdf", mime: "application/pdf" });
    const viewer = viewerFor(PNR, "Åsa Östlund");
    const got = getMessageAttachment({ publicId: file.publicId, reference: c.reference, audience: "resident", viewer });
    expect(got?.bytes && Buffer.from(got.bytes).toString()).toContain("%PDF-1.4");
    // A file that is not what its name says is refused, and nothing is stored.
    const before = db().select().from(messageAttachment).all().length;
    const bad = await messageApplicant({
      reference: "AMT-2026-900001",
      user,
      body: "Ett program.",
      files: [{ name: "faktura.pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }],
    });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect((bad as { error: string }).error).toMatch(/^messageFile(Type|Unrecognised)$/);
    expect(db().select().from(messageAttachment).all().length).toBe(before);
    // An officer of another municipality cannot write on the case.
    expect(
      await messageApplicant({
        reference: "AMT-2026-900001",
        user: officer("handlaggare.bengtsfors"),
        body: "Hej hej",
      }),
    ).toMatchObject({ status: 404 });
  });
});

describe("the search page's routes", () => {
  const SEED = "b".repeat(43);
  async function cookieFor(username: string) {
    const id = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!.id;
    const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: id });
    return `csrf=${SEED}; ${setCookie.split(";")[0]!}`;
  }
  const settle = async (p: Promise<unknown>) => {
    try {
      const r = await p;
      return r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status;
      throw thrown;
    }
  };

  it("audits every case of a bulk assignment, and refuses a malformed search with 400", async () => {
    const cookie = await cookieFor("handlaggare.amal");
    const token = await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    const refs = ["AMT-2026-000006", "AMT-2026-000007"];
    const body = new URLSearchParams([
      ["_csrf", token],
      ["staffId", String(colleagueId)],
      ...refs.map((r) => ["arende", r]),
    ]);
    const request = new Request("http://localhost/handlaggare/sok?q=AMT", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(await settle(searchAction({ request, params: {}, context: {} as never }))).toBe(302);
    for (const ref of refs) {
      const rows = db()
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.action, "case.assign"), eq(auditEvent.subjectId, ref)))
        .all();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.municipalityId).toBe(amal);
    }
    const bad = new Request("http://localhost/handlaggare/sok?personnummer=123", { headers: { Cookie: cookie } });
    expect(await settle(searchLoader({ request: bad, params: {}, context: {} as never }))).toBe(400);
    // A resident or anonymous visitor never reaches the search.
    const anonymous = new Request("http://localhost/handlaggare/sok?namn=a");
    expect(await settle(searchLoader({ request: anonymous, params: {}, context: {} as never }))).not.toBe(200);
  });
});
