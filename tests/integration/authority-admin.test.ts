/**
 * Creating an authority at /admin/myndigheter through the route module (issue 13 item 3,
 * docs/decisions/061): portal-wide administrators only, field-level errors (required names in
 * both languages, a unique slug, an https address), the link registry and the audit log.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, authority, externalLink, staffUser } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action, loader } from "~/routes/admin.myndigheter._index";
import { getAuthority } from "~/services/authorities.server";

const SEED = "s".repeat(43);

async function cookieFor(username: string) {
  const u = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
  return `${setCookie.split(";")[0]}; csrf=${SEED}`;
}

async function settle<T>(fn: () => Promise<T>): Promise<T | Response> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function post(cookie: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams(fields);
  body.set("_csrf", await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } })));
  const request = new Request("http://localhost/admin/myndigheter", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  return (await settle(() => action({ request, params: {}, context: {} } as ActionFunctionArgs))) as Response;
}

const get = (cookie: string) =>
  settle(() =>
    loader({
      request: new Request("http://localhost/admin/myndigheter", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    } as LoaderFunctionArgs),
  );

const VALID = {
  slug: "transportstyrelsen-e2e",
  level: "state",
  nameSv: "Transportstyrelsen",
  nameEn: "Swedish Transport Agency",
  descriptionSv: "Körkort, fordon och trafiktillstånd.",
  descriptionEn: "Driving licences, vehicles and traffic permits.",
  url: "https://www.transportstyrelsen.se/int-test",
};

let portalAdmin = "";
let amalAdmin = "";
let portalEditor = "";

beforeAll(async () => {
  prepareDatabase();
  portalAdmin = await cookieFor("admin.portal");
  amalAdmin = await cookieFor("admin.amal");
  portalEditor = await cookieFor("redaktor.portal");
});

describe("creating an authority", () => {
  it("a municipal administrator and an editor can neither open the page nor post to it", async () => {
    for (const cookie of [amalAdmin, portalEditor]) {
      expect(((await get(cookie)) as Response).status).toBe(403);
      expect((await post(cookie, VALID)).status).toBe(403);
    }
    expect(db().select().from(authority).where(eq(authority.slug, VALID.slug)).get()).toBeUndefined();
  });

  it("missing names, a malformed slug and a plain-http address are field errors with nothing saved", async () => {
    const before = db().select().from(authority).all().length;
    const res = await post(portalAdmin, {
      ...VALID,
      slug: "-Fel slug",
      nameEn: "",
      descriptionSv: "",
      url: "http://x.se",
    });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    expect(errors).toEqual({
      slug: "admin-catalogue:authorities.errors.slugFormat",
      nameEn: "admin-catalogue:authorities.errors.nameEn",
      descriptionSv: "admin-catalogue:authorities.errors.descriptionSv",
      url: "admin-catalogue:authorities.errors.url",
    });
    expect((await post(portalAdmin, { ...VALID, level: "kommun" })).status).toBe(400);
    expect(db().select().from(authority).all().length).toBe(before);
  });

  it("a portal-wide administrator adds one: it is public, its address is in the link registry, the change is audited", async () => {
    const res = await post(portalAdmin, VALID);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/admin/myndigheter");
    const shown = getAuthority(VALID.slug, "en");
    expect(shown).toMatchObject({ level: "state", name: "Swedish Transport Agency", link: { url: VALID.url } });
    const link = db().select().from(externalLink).where(eq(externalLink.url, VALID.url)).get();
    expect(link?.source).toBe(`authority:${VALID.slug}`);
    const event = db().select().from(auditEvent).orderBy(desc(auditEvent.id)).limit(1).get()!;
    expect(event.action).toBe("authority.created");
    expect(event.subjectType).toBe("authority");
    expect(event.details).toMatchObject({ slug: VALID.slug, url: VALID.url });
    // Listed for the administrator, after the seeded ones.
    const page = (await get(portalAdmin)) as { rows: { slug: string }[] };
    expect(page.rows.at(-1)?.slug).toBe(VALID.slug);
  });

  it("the same slug again is a field error, and a restart's seed keeps the created authority", async () => {
    const res = await post(portalAdmin, { ...VALID, nameSv: "Annan" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({
      slug: "admin-catalogue:authorities.errors.slugTaken",
    });
    seed(db());
    expect(getAuthority(VALID.slug, "sv")?.name).toBe("Transportstyrelsen");
  });
});
