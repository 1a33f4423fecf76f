/**
 * /admin/gallring and /admin/gallring/rapport through their route modules (docs/decisions/059):
 * a municipality's admin sees and changes only its own municipality's rules and report rows,
 * whatever the form says, and case types are shown by their e-service title.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { municipality, retentionRule, staffUser } from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession, getSessionUser } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action, loader } from "~/routes/admin.gallring._index";
import { loader as reportLoader } from "~/routes/admin.gallring.rapport";
import { caseTypeTitle } from "~/services/retention-rules.server";
import { staffFunctions } from "~/services/staff-home.server";

const SEED = "s".repeat(43);
const BYGGLOV = "bygglov-ansokan";
let amalId = 0;
let bengtsforsId = 0;
let amalAdmin = "";
let bengtsforsAdmin = "";
let portalAdmin = "";
let officer = "";

async function cookieFor(username: string) {
  const u = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
  return `${setCookie.split(";")[0]}; csrf=${SEED}`;
}

const args = (cookie: string, path = "/admin/gallring") =>
  ({
    request: new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }),
    params: {},
    context: {},
  }) as LoaderFunctionArgs;

async function post(cookie: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  body.set("_csrf", await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } })));
  const request = new Request("http://localhost/admin/gallring", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  try {
    return await action({ request, params: {}, context: {} } as ActionFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const ruleOf = (municipalityId: number) =>
  db()
    .select()
    .from(retentionRule)
    .where(and(eq(retentionRule.municipalityId, municipalityId), eq(retentionRule.caseType, BYGGLOV)))
    .get();

const idOf = (slug: string) => db().select().from(municipality).where(eq(municipality.slug, slug)).get()!.id;

beforeAll(async () => {
  prepareDatabase();
  amalId = idOf("amal");
  bengtsforsId = idOf("bengtsfors");
  amalAdmin = await cookieFor("admin.amal");
  bengtsforsAdmin = await cookieFor("admin.bengtsfors");
  portalAdmin = await cookieFor("admin.portal");
  officer = await cookieFor("handlaggare.bengtsfors");
  // A one-month rule in each municipality: the seeded building-permit history decided months ago falls under both.
  for (const [cookie, id] of [
    [amalAdmin, amalId],
    [bengtsforsAdmin, bengtsforsId],
  ] as const) {
    const saved = await post(cookie, {
      municipalityId: String(id),
      caseType: BYGGLOV,
      action: "thin",
      periodMonths: "1",
    });
    expect(saved.status).toBe(302);
  }
});

describe("retention pages for a municipality's admin", () => {
  it("a Bengtsfors admin sees only Bengtsfors's rules and can choose only Bengtsfors", async () => {
    const data = await loader(args(bengtsforsAdmin));
    expect(data.rules.map((r) => r.municipalityId)).toEqual([bengtsforsId]);
    expect(data.municipalities.map((m) => m.id)).toEqual([bengtsforsId]);
    const everything = await loader(args(portalAdmin));
    expect(everything.rules.map((r) => r.municipalityId).sort()).toEqual([amalId, bengtsforsId].sort());
  });

  it("a Bengtsfors admin cannot save a rule for Åmål by changing the form: 400 on the field, Åmål's rule unchanged", async () => {
    const response = await post(bengtsforsAdmin, {
      municipalityId: String(amalId),
      caseType: BYGGLOV,
      action: "delete",
      periodMonths: "600",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { municipalityId: "records:rules.errors.municipality" } });
    expect(ruleOf(amalId)).toMatchObject({ action: "thin", periodMonths: 1 });
  });

  it("a Bengtsfors admin cannot delete Åmål's rule by its id: 404, and the rule stays", async () => {
    const response = await post(bengtsforsAdmin, { intent: "delete", id: String(ruleOf(amalId)!.id) });
    expect(response.status).toBe(404);
    expect(ruleOf(amalId)).toBeDefined();
  });

  it("the dry run shows a Bengtsfors admin Bengtsfors's cases and none of Åmål's", async () => {
    const all = await reportLoader(args(portalAdmin, "/admin/gallring/rapport"));
    expect(new Set(all.cases.map((c) => c.municipality))).toEqual(new Set(["Bengtsfors", "Åmål"]));
    const own = await reportLoader(args(bengtsforsAdmin, "/admin/gallring/rapport"));
    expect(own.cases.length).toBeGreaterThan(0);
    expect(new Set(own.cases.map((c) => c.municipality))).toEqual(new Set(["Bengtsfors"]));
    expect(own.portalWide).toBe(false);
  });

  it("an officer without diarium.admin gets 403 on both pages and no link on the start page", async () => {
    await expect(loader(args(officer))).rejects.toMatchObject({ status: 403 });
    await expect(reportLoader(args(officer, "/admin/gallring/rapport"))).rejects.toMatchObject({ status: 403 });
    expect(staffFunctions((await getSessionUser(args(officer).request))!).some((f) => f.key === "records")).toBe(false);
    const admin = staffFunctions((await getSessionUser(args(bengtsforsAdmin).request))!);
    expect(admin.find((f) => f.key === "records")).toMatchObject({ href: "/admin/gallring" });
  });
});

describe("case types by name", () => {
  it("the form, the rules and the dry run name a case type by its e-service title in the reader's language", async () => {
    const sv = await loader(args(bengtsforsAdmin));
    expect(sv.caseTypes).toContainEqual({ id: BYGGLOV, title: "Ansök om bygglov, rivningslov eller marklov" });
    expect(sv.caseTypes).toContainEqual({
      id: "forskola-ansokan",
      title: "Ansök om barnomsorg",
    });
    expect(sv.rules[0]!.caseTypeTitle).toBe("Ansök om bygglov, rivningslov eller marklov");
    const en = await loader(args(bengtsforsAdmin, "/admin/gallring?lang=en"));
    expect(en.caseTypes).toContainEqual({ id: BYGGLOV, title: "Apply for a building, demolition or site permit" });
    const report = await reportLoader(args(bengtsforsAdmin, "/admin/gallring/rapport?lang=en"));
    expect(new Set(report.cases.map((c) => c.caseType))).toEqual(
      new Set(["Apply for a building, demolition or site permit"]),
    );
  });

  it("a case type without a form is named from the register's vocabulary, not shown as its id", () => {
    expect(caseTypeTitle("sv", "bistand-socialtjanst")).toBe("Ansökan om bistånd");
    expect(caseTypeTitle("sv", "okand-typ")).toBe("okand-typ");
  });
});
