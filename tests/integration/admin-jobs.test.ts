import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, jobLease, jobRun, staffUser } from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession, getSessionUser } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action, loader } from "~/routes/admin.jobb";
import { staffFunctions } from "~/services/staff-home.server";
import { SCHEDULED_JOBS, startScheduledJobs, stopScheduledJobs } from "~/services/scheduled-jobs.server";

// /admin/jobb (docs/decisions/053): portal-wide administrators only; "Kör nu" is a CSRF-checked,
// audited POST that makes the job due and lets the runner take it when its lease is free.
const SEED = "s".repeat(43);
const DAY = 86_400_000;

async function cookieFor(username: string) {
  const u = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
  return `${setCookie.split(";")[0]}; csrf=${SEED}`;
}

const get = (cookie: string) =>
  ({
    request: new Request("http://localhost/admin/jobb", { headers: { Cookie: cookie } }),
    params: {},
    context: {},
  }) as LoaderFunctionArgs;

async function post(cookie: string, fields: Record<string, string>, withCsrf = true) {
  const body = new URLSearchParams(fields);
  if (withCsrf) body.set("_csrf", await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } })));
  const request = new Request("http://localhost/admin/jobb", {
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

const status = (r: unknown) => (r instanceof Response ? r.status : 200);
const runsOf = (name: string) => db().select().from(jobRun).where(eq(jobRun.name, name)).all();

async function until(check: () => boolean) {
  const end = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

let portalAdmin = "";
let municipalAdmin = "";

beforeAll(async () => {
  prepareDatabase();
  portalAdmin = await cookieFor("admin.portal");
  municipalAdmin = await cookieFor("admin.bengtsfors");
  startScheduledJobs();
});

afterAll(async () => {
  await stopScheduledJobs();
});

describe("the admin page of scheduled jobs", () => {
  it("lists every job with its last run and the failures of the last 7 days, for a portal-wide administrator", async () => {
    const now = Date.now();
    const row = (startedAt: number, ok: boolean) => ({
      name: "link-check",
      holder: "test",
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: new Date(startedAt + 1000).toISOString(),
      ok,
      summary: ok ? '{"checked":3}' : "connect ECONNREFUSED",
    });
    db()
      .insert(jobRun)
      .values([row(now - 8 * DAY, false), row(now - 2 * DAY, false), row(now - DAY, true)])
      .run();
    const data = await loader(get(portalAdmin));
    expect(data.jobs.map((j) => j.name)).toEqual(SCHEDULED_JOBS.map((j) => j.name));
    const links = data.jobs.find((j) => j.name === "link-check")!;
    expect(links.failures7d).toBe(1);
    expect(links.lastRun).toMatchObject({ ok: true, summary: '{"checked":3}' });
    const home = staffFunctions((await getSessionUser(get(portalAdmin).request))!);
    expect(home.find((f) => f.key === "jobs")).toMatchObject({ href: "/admin/jobb", count: 1 });
  });

  it("a municipality's administrator neither sees the page nor can start a job", async () => {
    await expect(loader(get(municipalAdmin))).rejects.toMatchObject({ status: 403 });
    expect(status(await post(municipalAdmin, { job: "offer-lapse" }))).toBe(403);
    const home = staffFunctions((await getSessionUser(get(municipalAdmin).request))!);
    expect(home.some((f) => f.key === "jobs")).toBe(false);
  });

  it("refuses a POST without the CSRF token, and an unknown job with 400", async () => {
    expect(status(await post(portalAdmin, { job: "offer-lapse" }, false))).toBe(403);
    expect(status(await post(portalAdmin, { job: "no-such-job" }))).toBe(400);
  });

  it("'run now' is audited and runs the job once its lease is free, not while another process holds it", async () => {
    const name = "offer-lapse";
    const before = runsOf(name).length;
    // Another process holds the lease: the request waits for it.
    const later = new Date(Date.now() + 60_000).toISOString();
    db().update(jobLease).set({ holder: "other-process", expiresAt: later }).where(eq(jobLease.name, name)).run();
    const response = await post(portalAdmin, { job: name });
    expect(status(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/admin/jobb");
    const audits = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "job.run_requested"), eq(auditEvent.subjectId, name)))
      .all();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: "staff", subjectType: "job" });
    await new Promise((r) => setTimeout(r, 200));
    expect(runsOf(name)).toHaveLength(before);

    // The other holder's lease ends: the asked-for run happens (the runner polls every 5 s).
    db()
      .update(jobLease)
      .set({ holder: "", expiresAt: new Date(0).toISOString() })
      .where(eq(jobLease.name, name))
      .run();
    expect(status(await post(portalAdmin, { job: name }))).toBe(302);
    await until(() => runsOf(name).some((r) => r.ok === true));
    expect(runsOf(name)).toHaveLength(before + 1);
  });
});
