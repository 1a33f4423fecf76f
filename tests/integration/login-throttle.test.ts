import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvent } from "../../db/schema/index";
import { DEV_STAFF_PASSWORD } from "../../db/seed/content/staff";
import { csrfToken } from "~/auth/csrf.server";
import { db, prepareDatabase } from "~/db.server";
import { action as passwordStep } from "~/routes/personal.logga-in._index";
import { withRequestContext } from "~/utils/request-context.server";

// A small allowance so that the test stays short: 3 failures per 15 minutes per address.
process.env.LOGIN_FAILURES_PER_ADDRESS = "3";
process.env.LOGIN_FAILURES_WINDOW_MINUTES = "15";

const SEED = "c".repeat(43);

async function post(ip: string, username: string, password: string): Promise<Response> {
  const cookie = `csrf=${SEED}`;
  const token = await csrfToken(new Request("http://localhost/personal/logga-in", { headers: { Cookie: cookie } }));
  const body = new URLSearchParams({ _csrf: token, username, password, redirectTo: "/personal" });
  const request = new Request("http://localhost/personal/logga-in", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  return withRequestContext({ requestId: `t-${Math.random()}`, ip }, async () => {
    try {
      return await passwordStep({ request, params: {}, context: {} as never });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  });
}

describe("staff login throttling per client address", () => {
  beforeAll(() => {
    prepareDatabase();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers 429 with Retry-After to an address that failed too often, for any account and even the right password", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const attacker = "203.0.113.7";
    // Password spraying: one guess each at different accounts never locks an account...
    for (const username of ["handlaggare.amal", "redaktor.amal", "nobody.at.all"]) {
      const r = await post(attacker, username, "Sommar2026!");
      expect(r.status).toBe(400);
    }
    // ...but the address has used its allowance: the next attempt is refused before any password check.
    const blocked = await post(attacker, "handlaggare.amal", DEV_STAFF_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get("Retry-After"))).toBeLessThanOrEqual(300);
    expect(blocked.headers.get("Set-Cookie")).toBeNull();
    expect(await blocked.json()).toMatchObject({
      errors: { username: "staffLogin.errors.throttled" },
      throttled: true,
      minutes: 5,
    });
    // The block is in the audit log once, with the address.
    const audits = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "login.throttled"), eq(auditEvent.ip, attacker)))
      .all();
    expect(audits).toHaveLength(1);

    // Another address is not affected: the right password goes on to the code step.
    const colleague = await post("198.51.100.20", "handlaggare.amal", DEV_STAFF_PASSWORD);
    expect(colleague.status).toBe(302);
    expect(colleague.headers.get("Location")).toMatch(/^\/personal\/logga-in\/(kod|registrera)/);

    // After the window has refilled one attempt the address may try again.
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1_000);
    const later = await post(attacker, "handlaggare.amal", DEV_STAFF_PASSWORD);
    expect(later.status).toBe(302);
  });
});
