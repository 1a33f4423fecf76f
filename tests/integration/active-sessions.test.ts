import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { session, staffUser } from "../../db/schema/index";
import { DEV_STAFF_PASSWORD } from "../../db/seed/content/staff";
import { csrfToken } from "~/auth/csrf.server";
import { createSession, sessionIsLive } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";
import * as route from "~/routes/inloggningar";

// ASVS 3.3.4: a person sees their active sessions (device, address, started, last seen) and
// ends one or all others; staff re-enter their password to do it; CSRF as everywhere.

const SEED = "s".repeat(43);
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROME =
  "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
const context = { requestId: "t", cspNonce: "", clientIp: "10.0.0.1" };

beforeAll(() => prepareDatabase());

async function login(
  data: { kind: "resident"; personId: number } | { kind: "staff"; staffUserId: number },
  userAgent: string,
) {
  const { setCookie, sessionId } = await createSession(
    new Request("http://localhost/", { headers: { "User-Agent": userAgent } }),
    data,
  );
  return { cookie: `${setCookie.split(";")[0]}; csrf=${SEED}`, sessionId };
}

const live = (idHash: string) => sessionIsLive(db().select().from(session).where(eq(session.idHash, idHash)).get()!);

async function load(cookie: string) {
  const request = new Request("http://localhost/inloggningar", { headers: { Cookie: cookie } });
  return (await route.loader({ request, params: {}, context } as LoaderFunctionArgs)) as Awaited<
    ReturnType<typeof route.loader>
  >;
}

async function post(cookie: string, fields: Record<string, string>, withCsrf = true) {
  const token = await csrfToken(new Request("http://localhost/inloggningar", { headers: { Cookie: cookie } }));
  const body = new URLSearchParams({ ...(withCsrf ? { _csrf: token } : {}), ...fields });
  const request = new Request("http://localhost/inloggningar", {
    method: "POST",
    body,
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  });
  try {
    return await route.action({ request, params: {}, context } as ActionFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("active sessions (ASVS 3.3.4)", () => {
  it("a resident sees each session with device, address and times, and ends another one", async () => {
    const { person } = findOrCreatePersonAtLogin({
      personnummer: "199005122388",
      givenName: "Maria",
      familyName: "Nilsson",
      protectedIdentity: false,
    });
    const here = await login({ kind: "resident", personId: person.id }, FIREFOX);
    const phone = await login({ kind: "resident", personId: person.id }, CHROME);
    const page = await load(here.cookie);
    const mine = page.sessions.find((s) => s.current)!;
    const other = page.sessions.find((s) => !s.current && s.device.system === "Android")!;
    expect(mine.device).toEqual({ browser: "Firefox", system: "Windows" });
    expect(other.device).toEqual({ browser: "Chrome", system: "Android" });
    expect(mine.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(JSON.stringify(page)).not.toContain(here.sessionId);

    expect((await post(here.cookie, { end: other.handle }, false)).status).toBe(403);
    expect(live(phone.sessionId)).toBe(true);
    const done = await post(here.cookie, { end: other.handle });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/inloggningar");
    expect(live(phone.sessionId)).toBe(false);
    expect(live(here.sessionId)).toBe(true);
  });

  it("staff end all other sessions only after re-entering their password", async () => {
    const u = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!;
    const here = await login({ kind: "staff", staffUserId: u.id }, FIREFOX);
    const a = await login({ kind: "staff", staffUserId: u.id }, CHROME);
    const b = await login({ kind: "staff", staffUserId: u.id }, CHROME);
    expect((await load(here.cookie)).staff).toBe(true);

    const missing = await post(here.cookie, { end: "others" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ errors: { password: "sessions.errors.passwordRequired" } });
    const wrong = await post(here.cookie, { end: "others", password: "inte rätt lösenord alls" });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ errors: { password: "sessions.errors.passwordWrong" } });
    expect(live(a.sessionId) && live(b.sessionId)).toBe(true);

    const done = await post(here.cookie, { end: "others", password: DEV_STAFF_PASSWORD });
    expect(done.status).toBe(302);
    expect(live(a.sessionId)).toBe(false);
    expect(live(b.sessionId)).toBe(false);
    expect(live(here.sessionId)).toBe(true);
    expect((await load(here.cookie)).sessions).toHaveLength(1);
  });
});
