import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditEvent,
  decisionTemplate,
  delegationHolder,
  delegationPoint,
  municipality,
  staffUser,
} from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action, loader } from "~/routes/admin.beslut._index";
import { decisionSetup, templatesOfArea } from "~/services/decisions.server";

// /admin/beslut (decision 083): scoped to the admin's municipality, CSRF, field errors, audited.
const SEED = "e".repeat(43);
let amal = 0;
let bengtsfors = 0;

async function cookieFor(username: string) {
  const id = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!.id;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: id });
  return `csrf=${SEED}; ${setCookie.split(";")[0]!}`;
}

async function settle<T>(p: Promise<T>): Promise<{ status: number; body: unknown }> {
  try {
    const r = (await p) as unknown;
    if (r instanceof Response) return { status: r.status, body: null };
    const d = r as { data?: unknown; init?: { status?: number } };
    return { status: d.init?.status ?? 200, body: d.data ?? r };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}

async function post(username: string, fields: Record<string, string>) {
  const cookie = await cookieFor(username);
  const token = await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  const request = new Request("http://localhost/admin/beslut", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }),
  });
  return settle(action({ request, params: {}, context: {} as never }));
}

beforeAll(() => {
  prepareDatabase();
  const id = (slug: string) => db().select().from(municipality).where(eq(municipality.slug, slug)).get()!.id;
  amal = id("amal");
  bengtsfors = id("bengtsfors");
});

describe("/admin/beslut", () => {
  it("a template's law (decision 106): set in the social area, refused in an area without that law", async () => {
    const template = {
      intent: "template",
      kommun: String(amal),
      outcome: "dismissed",
      templateAppealRoute: "",
      nameSv: "Ansökan avvisas (LSS)",
      nameEn: "Application dismissed (LSS)",
      textSv: "{body} avvisar ansökan {reference} om insats enligt LSS.",
      textEn: "{body} dismisses application {reference} for support under LSS.",
      templateLaw: "lss",
    };
    const foreign = await post("admin.amal", { ...template, omrade: "allmant" });
    expect(foreign.status).toBe(400);
    expect((foreign.body as { errors: object }).errors).toMatchObject({ templateLaw: "decisions-admin:errors.law" });
    expect(templatesOfArea({ municipalityId: amal, area: "allmant" }).map((t) => t.nameSv)).not.toContain(
      "Ansökan avvisas (LSS)",
    );
    const unknown = await post("admin.amal", { ...template, omrade: "socialtjanst", templateLaw: "pbl" });
    expect(unknown.status).toBe(400);

    expect((await post("admin.amal", { ...template, omrade: "socialtjanst" })).status).toBe(302);
    const saved = templatesOfArea({ municipalityId: amal, area: "socialtjanst" }).find(
      (t) => t.nameSv === "Ansökan avvisas (LSS)",
    );
    expect(saved?.law).toBe("lss");
  });

  it("a municipal admin sees their own municipality only; another one's is refused (403, audited)", async () => {
    const cookie = await cookieFor("admin.amal");
    const page = await settle(
      loader({
        request: new Request(`http://localhost/admin/beslut?kommun=${bengtsfors}&omrade=bygglov`, {
          headers: { Cookie: cookie },
        }),
        params: {},
        context: {} as never,
      }),
    );
    // Another municipality in the URL falls back to the admin's own.
    const body = page.body as { target: { municipalityId: number }; municipalities: { id: number }[] };
    expect(body.municipalities.map((m) => m.id)).toEqual([amal]);
    expect(body.target.municipalityId).toBe(amal);

    const r = await post("admin.amal", {
      intent: "body",
      kommun: String(bengtsfors),
      omrade: "bygglov",
      bodySv: "Miljö- och byggnämnden",
      bodyEn: "The Environment and Building Committee",
      appealRoute: "pbl-lansstyrelsen",
    });
    expect(r.status).toBe(403);
    expect(db().select().from(auditEvent).where(eq(auditEvent.action, "decision.admin.refused")).all()).toHaveLength(1);
    expect(decisionSetup(bengtsfors, "bygglov").body.sv).toBe("Byggnadsnämnden");
    // An officer is no admin.
    expect((await post("handlaggare.amal", { intent: "body", kommun: String(amal), omrade: "bygglov" })).status).toBe(
      403,
    );
  });

  it("saves the body and appeal route, audited with before and after", async () => {
    const r = await post("admin.amal", {
      intent: "body",
      kommun: String(amal),
      omrade: "bygglov",
      bodySv: "Miljö- och byggnämnden",
      bodyEn: "The Environment and Building Committee",
      appealRoute: "pbl-lansstyrelsen",
    });
    expect(r.status).toBe(302);
    expect(decisionSetup(amal, "bygglov").body).toEqual({
      sv: "Miljö- och byggnämnden",
      en: "The Environment and Building Committee",
    });
    const a = db().select().from(auditEvent).where(eq(auditEvent.action, "decision.body.saved")).get()!;
    expect(a.municipalityId).toBe(amal);
    expect(a.details).toMatchObject({
      before: { bodySv: "Byggnadsnämnden" },
      after: { bodySv: "Miljö- och byggnämnden" },
    });
    const bad = await post("admin.amal", {
      intent: "body",
      kommun: String(amal),
      omrade: "bygglov",
      bodySv: "",
      bodyEn: "x y",
      appealRoute: "x",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: object }).errors).toMatchObject({
      bodySv: "decisions-admin:errors.body",
      appealRoute: "decisions-admin:errors.appealRoute",
    });
  });

  it("refuses an unknown placeholder as a field error naming it, and keeps a template's history", async () => {
    const template = {
      intent: "template",
      kommun: String(amal),
      omrade: "allmant",
      outcome: "dismissed",
      templateAppealRoute: "",
      nameSv: "Ansökan avvisas",
      nameEn: "Application dismissed",
      textSv: "{body} avvisar ansökan {reference} från {sokande}.",
      textEn: "{body} dismisses application {reference} from {applicant}.",
    };
    const bad = await post("admin.amal", template);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: { textSv: "decisions-admin:errors.placeholder" },
      unknown: { textSv: ["sokande"] },
    });
    expect((bad.body as { errors: Record<string, string> }).errors.textEn).toBeUndefined();

    const preview = await post("admin.amal", {
      ...template,
      intent: "template-preview",
      textSv: "{body} avvisar {reference}.",
    });
    expect(preview.status).toBe(200);
    expect((preview.body as { preview: { sv: string } }).preview.sv).toBe("Kommunstyrelsen avvisar EXE-2026-000123.");

    expect(
      (await post("admin.amal", { ...template, textSv: "{body} avvisar ansökan {reference} från {applicant}." }))
        .status,
    ).toBe(302);
    const saved = templatesOfArea({ municipalityId: amal, area: "allmant" }).find((t) => t.outcome === "dismissed")!;
    expect(saved.nameSv).toBe("Ansökan avvisas");
    // Another municipality's template id is not this area's: a field error, nothing changed.
    const other = templatesOfArea({ municipalityId: bengtsfors, area: "allmant" })[0]!;
    const wrong = await post("admin.amal", {
      ...template,
      textSv: "{body} avvisar {reference} helt.",
      templateId: String(other.id),
    });
    expect(wrong.status).toBe(400);
    expect(db().select().from(decisionTemplate).where(eq(decisionTemplate.id, other.id)).get()!.nameSv).toBe(
      other.nameSv,
    );

    expect(
      (
        await post("admin.amal", {
          ...template,
          templateId: String(saved.id),
          nameSv: "Avvisning",
          textSv: "{body} avvisar {reference}.",
        })
      ).status,
    ).toBe(302);
    const cookie = await cookieFor("admin.amal");
    const page = await settle(
      loader({
        request: new Request(`http://localhost/admin/beslut?kommun=${amal}&omrade=allmant`, {
          headers: { Cookie: cookie },
        }),
        params: {},
        context: {} as never,
      }),
    );
    const history = (page.body as { history: { templateId: number; fields: string[] }[] }).history;
    expect(history.filter((h) => h.templateId === saved.id).map((h) => h.fields)).toEqual([
      ["nameSv", "textSv"],
      ["outcome", "nameSv", "nameEn", "textSv", "textEn", "appealRoute", "law"],
    ]);
  });

  it("edits the delegation order: a point, a named holder (never a beredare), removing both", async () => {
    const point = (code: string) =>
      db()
        .select()
        .from(delegationPoint)
        .where(
          and(
            eq(delegationPoint.municipalityId, amal),
            eq(delegationPoint.area, "skola"),
            eq(delegationPoint.code, code),
          ),
        )
        .get();
    const base = { kommun: String(amal), omrade: "skola" };
    expect(
      (
        await post("admin.amal", {
          ...base,
          intent: "point",
          code: "U 2.2",
          titleSv: "Skolskjuts",
          titleEn: "School transport",
        })
      ).status,
    ).toBe(302);
    const created = point("U 2.2")!;
    expect(
      (await post("admin.amal", { ...base, intent: "point", code: "U 2.2", titleSv: "Igen", titleEn: "Again" })).body,
    ).toMatchObject({
      errors: { code: "decisions-admin:errors.codeTaken" },
    });
    const officerId = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!.id;
    const beredare = db().select().from(staffUser).where(eq(staffUser.username, "beredare.amal")).get()!.id;
    expect(
      (
        await post("admin.amal", {
          ...base,
          intent: "holder-add",
          pointId: String(created.id),
          holder: `staff:${officerId}`,
        })
      ).status,
    ).toBe(302);
    // A beredare has no decision right: never a holder.
    expect(
      (
        await post("admin.amal", {
          ...base,
          intent: "holder-add",
          pointId: String(created.id),
          holder: `staff:${beredare}`,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post("admin.amal", {
          ...base,
          intent: "holder-add",
          pointId: String(created.id),
          holder: "role:preparer",
        })
      ).status,
    ).toBe(400);
    const holders = db().select().from(delegationHolder).where(eq(delegationHolder.pointId, created.id)).all();
    expect(holders).toEqual([expect.objectContaining({ staffUserId: officerId, role: null })]);
    expect(
      (await post("admin.amal", { ...base, intent: "holder-remove", holderId: String(holders[0]!.id) })).status,
    ).toBe(302);
    expect((await post("admin.amal", { ...base, intent: "point-remove", pointId: String(created.id) })).status).toBe(
      302,
    );
    expect(point("U 2.2")).toBeUndefined();
    const actions = db()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .all()
      .map((a) => a.action)
      .filter((a) => a.startsWith("delegation."));
    expect(actions).toEqual([
      "delegation.point.saved",
      "delegation.holder.added",
      "delegation.holder.removed",
      "delegation.point.removed",
    ]);
  });
});
