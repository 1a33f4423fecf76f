/**
 * Creating a life-event guide at /redaktor/livshandelser/ny (issue 13 item 3, docs/decisions/061):
 * portal-wide editors and administrators only, field-level errors, and the new guide stays out of
 * every public reader (list, page, sitemap, open data) until its first publish.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, lifeEvent, staffUser } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession, getSessionUser } from "~/auth/session.server";
import type { StaffUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { action } from "~/routes/redaktor.livshandelser.ny";
import { getLifeEvent, listLifeEvents } from "~/services/authorities.server";
import {
  getGuideForEdit,
  listGuidesForEditor,
  publishGuide,
  saveGuideDraft,
} from "~/services/life-event-editor.server";
import { lifeEventsData } from "~/services/open-data.server";
import { sitemapEntries } from "~/services/sitemap.server";

const SEED = "s".repeat(43);
const SLUG = "borja-studera-e2e";

async function cookieFor(username: string) {
  const u = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
  return `${setCookie.split(";")[0]}; csrf=${SEED}`;
}

async function post(cookie: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams(fields);
  body.set("_csrf", await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } })));
  const request = new Request("http://localhost/redaktor/livshandelser/ny", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  try {
    return (await action({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function staffOf(cookie: string): Promise<StaffUser> {
  return (await getSessionUser(new Request("http://localhost/", { headers: { Cookie: cookie } }))) as StaffUser;
}

const isPublic = () => ({
  list: listLifeEvents("sv").some((e) => e.slug === SLUG),
  page: getLifeEvent(SLUG, "sv") !== undefined,
  sitemap: sitemapEntries().some((e) => e.path === `/livshandelser/${SLUG}`),
  openData: JSON.stringify(lifeEventsData("http://localhost")).includes(SLUG),
});

let portalEditor = "";
let municipalEditor = "";
let municipalAdmin = "";

beforeAll(async () => {
  prepareDatabase();
  seed(db());
  portalEditor = await cookieFor("redaktor.portal");
  municipalEditor = await cookieFor("redaktor.mellerud");
  municipalAdmin = await cookieFor("admin.amal");
});

describe("creating a life-event guide", () => {
  it("municipal editors and administrators may not create a guide", async () => {
    for (const cookie of [municipalEditor, municipalAdmin])
      expect((await post(cookie, { slug: SLUG, titleSv: "X", titleEn: "X" })).status).toBe(403);
    expect(db().select().from(lifeEvent).where(eq(lifeEvent.slug, SLUG)).get()).toBeUndefined();
  });

  it("a missing English title, a malformed or taken slug are field errors", async () => {
    const missing = await post(portalEditor, { slug: "Fel--adress", titleSv: "Börja studera", titleEn: "" });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: unknown }).errors).toEqual({
      slug: "guides.errors.slugFormat",
      titleEn: "guides.errors.titleEn",
    });
    const taken = await post(portalEditor, { slug: "flytta-till-dalsland", titleSv: "A", titleEn: "B" });
    expect(((await taken.json()) as { errors: unknown }).errors).toEqual({ slug: "guides.errors.slugTaken" });
    const reserved = await post(portalEditor, { slug: "ny", titleSv: "A", titleEn: "B" });
    expect(((await reserved.json()) as { errors: unknown }).errors).toEqual({ slug: "guides.errors.slugFormat" });
  });

  it("a created guide is a draft no resident sees; after its first publish it is in every public list", async () => {
    const res = await post(portalEditor, { slug: SLUG, titleSv: "Börja studera", titleEn: "Start studying" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/redaktor/livshandelser/${SLUG}`);
    const created = db().select().from(lifeEvent).where(eq(lifeEvent.slug, SLUG)).get()!;
    expect(created).toMatchObject({ published: false, example: false });
    expect(db().select().from(auditEvent).orderBy(desc(auditEvent.id)).limit(1).get()).toMatchObject({
      action: "life_event.created",
      subjectType: "life_event",
    });
    expect(isPublic()).toEqual({ list: false, page: false, sitemap: false, openData: false });

    const user = await staffOf(portalEditor);
    expect(listGuidesForEditor(user, "sv").find((g) => g.slug === SLUG)).toMatchObject({ published: false });
    // Without a summary and steps it cannot be published; it stays hidden.
    expect(publishGuide(user, SLUG)).toMatchObject({ errors: { summarySv: "guides.errors.summary" } });
    expect(isPublic().page).toBe(false);

    const { draft } = getGuideForEdit(user, SLUG);
    saveGuideDraft(user, SLUG, {
      ...draft,
      summarySv: "Vad du gör när du börjar studera.",
      summaryEn: "What to do when you start studying.",
      steps: [
        {
          titleSv: "Sök studiemedel",
          titleEn: "Apply for student finance",
          bodySv: "Hos CSN.",
          bodyEn: "At CSN.",
          actorKind: "authority",
          authoritySlug: "csn",
          serviceSlug: "",
          formId: "",
        },
      ],
    });
    expect(isPublic().list).toBe(false);
    expect(publishGuide(user, SLUG)).toEqual({ ok: true });
    expect(isPublic()).toEqual({ list: true, page: true, sitemap: true, openData: true });
    expect(getLifeEvent(SLUG, "en")?.steps[0]?.title).toBe("Apply for student finance");
    expect(db().select().from(auditEvent).orderBy(desc(auditEvent.id)).limit(1).get()).toMatchObject({
      action: "life_event.published",
      details: { slug: SLUG, first: true },
    });
    // A restart's seed neither removes nor hides it.
    seed(db());
    expect(isPublic().page).toBe(true);
  });
});
