import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as OTPAuth from "otpauth";
import { auditEvent, caseTable, person, session, staffUser } from "../../db/schema/index";
import { testPersons } from "../../db/seed/content/people";
import { seedStaffUsers } from "../../db/seed/content/staff";
import { csrfToken, requireCsrf } from "~/auth/csrf.server";
import { canStaff, getResidentUser, requireResident, staffScopes } from "~/auth/guards.server";
import { createSession, getSessionUser, sessionIsLive, setActing } from "~/auth/session.server";
import { checkPassword, checkTotp, lockMinutesAfter, passwordRuleError } from "~/auth/staff.server";
import { db, prepareDatabase } from "~/db.server";
import { env } from "~/env.server";
import { metricsText } from "~/monitoring/security-events.server";
import { audit, listAccessToPersonData, listAuditEvents } from "~/platform/audit.server";
import { listRepresentedOrganisations } from "~/auth/representation.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";
import { advanceClockForTests, resetClockForTests } from "~/utils/clock.server";

beforeAll(() => {
  prepareDatabase();
});
afterEach(() => resetClockForTests());

/** A request carrying the Set-Cookie values as cookies. */
function requestWith(...setCookies: string[]): Request {
  const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
  return new Request("http://localhost/x", { headers: { Cookie: cookie } });
}

async function residentSession(pnr = "199005122388") {
  const tp = testPersons.find((p) => p.personnummer === pnr)!;
  const { person: p } = findOrCreatePersonAtLogin({
    personnummer: pnr,
    givenName: tp.givenName,
    familyName: tp.familyName,
    protectedIdentity: false,
  });
  const { setCookie, sessionId } = await createSession(new Request("http://localhost/"), {
    kind: "resident",
    personId: p.id,
  });
  return { personId: p.id, setCookie, sessionId };
}

async function staffSession(username: string) {
  const u = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
  return (await getSessionUser(requestWith(setCookie)))!;
}

describe("sessions", () => {
  it("a resident session is found from its signed cookie, and a forged cookie finds nothing", async () => {
    const { setCookie, personId } = await residentSession();
    const user = await getSessionUser(requestWith(setCookie));
    expect(user).toMatchObject({ kind: "resident", personId, name: "Maria Nilsson" });
    const forged = setCookie.replace(/session=([^;.]+)/, "session=AAAA$1");
    expect(await getSessionUser(requestWith(forged))).toBeNull();
  });

  it("the database holds only a hash of the session token", async () => {
    const { setCookie, sessionId } = await residentSession();
    const token = decodeURIComponent(setCookie.split(";")[0]!.split("=")[1]!);
    expect(db().select().from(session).where(eq(session.idHash, sessionId)).get()).toBeDefined();
    expect(JSON.stringify(db().select().from(session).all())).not.toContain(
      JSON.parse(Buffer.from(token.split(".")[0]!, "base64").toString()),
    );
  });

  it("resident and staff sessions both expire after 30 idle minutes (ASVS 3.3.2 L2)", async () => {
    const active = await residentSession();
    const idle = await residentSession();
    const staff = await staffSession("handlaggare.amal");
    const staffCookie = (
      await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: staff.staffUserId })
    ).setCookie;
    advanceClockForTests(29 * 60_000);
    expect(await getSessionUser(requestWith(active.setCookie))).not.toBeNull();
    advanceClockForTests(2 * 60_000);
    expect(await getSessionUser(requestWith(staffCookie))).toBeNull();
    expect(await getSessionUser(requestWith(idle.setCookie))).toBeNull();
    expect(await getSessionUser(requestWith(active.setCookie))).not.toBeNull();
  });

  it("activity keeps a session alive, but not past the absolute timeout", async () => {
    const { setCookie } = await residentSession();
    const hours = env().SESSION_ABSOLUTE_HOURS;
    for (let minutes = 0; minutes < hours * 60 - 25; minutes += 25) {
      advanceClockForTests(25 * 60_000);
      expect(await getSessionUser(requestWith(setCookie))).not.toBeNull();
    }
    advanceClockForTests(60 * 60_000);
    expect(await getSessionUser(requestWith(setCookie))).toBeNull();
  });

  it("a revoked session is dead", () => {
    expect(
      sessionIsLive({
        revokedAt: new Date().toISOString(),
        expiresAt: "2999-01-01T00:00:00Z",
        lastSeenAt: new Date().toISOString(),
        idleTimeoutSeconds: 60,
      }),
    ).toBe(false);
  });
});

describe("CSRF", () => {
  const seed = "a".repeat(43);
  const withSeed = (extra = "") =>
    new Request("http://localhost/x", {
      method: "POST",
      headers: { Cookie: `csrf=${seed}${extra ? `; ${extra}` : ""}` },
    });

  it("accepts the token of this browser and session, and refuses anything else with 403", async () => {
    const token = await csrfToken(withSeed());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ok = new FormData();
    ok.set("_csrf", token);
    await expect(requireCsrf(withSeed(), ok)).resolves.toBeUndefined();
    for (const value of [null, "", "x".repeat(43), token.slice(1)]) {
      const form = new FormData();
      if (value !== null) form.set("_csrf", value);
      await expect(requireCsrf(withSeed(), form)).rejects.toMatchObject({ status: 403 });
    }
    // Another browser (seed) cannot use it.
    const other = new Request("http://localhost/x", { method: "POST", headers: { Cookie: `csrf=${"b".repeat(43)}` } });
    await expect(requireCsrf(other, ok)).rejects.toMatchObject({ status: 403 });
  });

  it("a token from before login is useless after it (bound to the session)", async () => {
    const before = await csrfToken(withSeed());
    const { setCookie } = await residentSession();
    const after = withSeed(setCookie.split(";")[0]);
    const form = new FormData();
    form.set("_csrf", before);
    await expect(requireCsrf(after, form)).rejects.toMatchObject({ status: 403 });
  });
});

describe("staff authentication", () => {
  it("accepts the seeded password, refuses a wrong one, and locks with back-off", async () => {
    expect((await checkPassword("sparrtest.mellerud", "Dalsland-test-2026")).ok).toBe(true);
    for (let i = 0; i < 4; i++)
      expect(await checkPassword("sparrtest.mellerud", "wrong")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await checkPassword("sparrtest.mellerud", "wrong")).toMatchObject({
      ok: false,
      reason: "locked",
      minutes: 1,
    });
    // Even the right password is refused while locked.
    expect(await checkPassword("sparrtest.mellerud", "Dalsland-test-2026")).toMatchObject({
      ok: false,
      reason: "locked",
    });
    advanceClockForTests(61_000);
    expect(await checkPassword("sparrtest.mellerud", "wrong")).toMatchObject({
      ok: false,
      reason: "locked",
      minutes: 2,
    });
    expect([5, 6, 7, 20].map(lockMinutesAfter)).toEqual([1, 2, 4, 60]);
    expect(await checkPassword("nobody.here", "x")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("accepts a TOTP code once (no replay) and refuses a wrong one", () => {
    const seedUser = seedStaffUsers.find((u) => u.username === "handlaggare.fargelanda")!;
    const u = db().select().from(staffUser).where(eq(staffUser.username, seedUser.username)).get()!;
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(seedUser.totpSecret!) }).generate();
    expect(checkTotp(u.id, "123456".replace(code, "654321"))).toMatchObject({ ok: false });
    expect(checkTotp(u.id, code)).toEqual({ ok: true });
    expect(checkTotp(u.id, code)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("password rules: long enough, not the username, not common", () => {
    expect(passwordRuleError("kort", "anna.falk")).toBe("tooShort");
    expect(passwordRuleError("anna.falk-is-long-enough", "anna.falk")).toBe("containsUsername");
    expect(passwordRuleError("password1234", "x.y")).toBe("common");
    expect(passwordRuleError("fyra ord som ingen gissar", "anna.falk")).toBeNull();
  });
});

describe("permissions against the seeded register", () => {
  it("an officer in Åmål cannot open a Bengtsfors case; Bengtsfors handles Dals-Ed's building permits", async () => {
    const amal = await staffSession("handlaggare.amal");
    const ben = await staffSession("handlaggare.bengtsfors");
    const caseOf = (ref: string) => db().select().from(caseTable).where(eq(caseTable.reference, ref)).get()!;
    const benCase = caseOf("BEN-2026-900001");
    const dedCase = caseOf("DED-2026-900001");
    expect(canStaff(amal, "case.read", { municipalityId: benCase.municipalityId, area: benCase.area })).toBe(false);
    expect(canStaff(ben, "case.read", { municipalityId: benCase.municipalityId, area: benCase.area })).toBe(true);
    expect(canStaff(ben, "case.read", { municipalityId: dedCase.municipalityId, area: "bygglov" })).toBe(true);
    expect(canStaff(ben, "case.read", { municipalityId: dedCase.municipalityId, area: "skola" })).toBe(false);
    expect(staffScopes(ben, "case.read")).toContainEqual({ municipalityId: dedCase.municipalityId, area: "bygglov" });
  });

  it("the representation register knows whom a person may act for", async () => {
    const peter = findOrCreatePersonAtLogin({
      personnummer: "198002079294",
      givenName: "Peter",
      familyName: "Johansson",
      protectedIdentity: false,
    }).person;
    expect((await listRepresentedOrganisations(peter.id)).map((o) => o.name)).toEqual([
      "Johanssons Bygg i Åmål AB",
      "Plogen Fastigheter i Åmål AB",
    ]);
  });
});

describe("audit trail", () => {
  it("is written with request context and cannot be updated or deleted", () => {
    audit({ actor: "system", action: "test.event", subjectType: "test", subjectId: 1, details: { note: "ok" } });
    const row = db().select().from(auditEvent).where(eq(auditEvent.action, "test.event")).get()!;
    expect(row.actorType).toBe("system");
    expect(() => db().update(auditEvent).set({ action: "tampered" }).where(eq(auditEvent.id, row.id)).run()).toThrow(
      /append-only/,
    );
    expect(() => db().delete(auditEvent).where(eq(auditEvent.id, row.id)).run()).toThrow(/append-only/);
    expect(() => db().$client.exec("DELETE FROM audit_event")).toThrow(/append-only/);
  });

  it("never stores a personnummer, even when a caller passes one", () => {
    audit({
      actor: "system",
      action: "test.pnr",
      subjectType: "person",
      subjectId: "198203249274",
      details: { pnr: "19820324-9274" },
    });
    const row = db().select().from(auditEvent).where(eq(auditEvent.action, "test.pnr")).get()!;
    expect(JSON.stringify(row)).not.toMatch(/9274/);
  });

  it("records staff reads of a resident's data with role and administration, shown to the resident", async () => {
    const ben = await staffSession("handlaggare.bengtsfors");
    const c = db().select().from(caseTable).where(eq(caseTable.reference, "DED-2026-900001")).get()!;
    audit({
      actor: ben,
      action: "case.read",
      subjectType: "case",
      subjectId: c.reference,
      municipalityId: c.municipalityId,
      personId: c.applicantPersonId!,
      details: { area: "bygglov" },
    });
    const seen = listAccessToPersonData(c.applicantPersonId!);
    expect(seen[0]).toMatchObject({
      role: "officer:bygglov",
      municipality: "Bengtsfors",
      subjectId: "DED-2026-900001",
    });
    expect(seen[0]!.administration?.sv).toMatch(/Samhällsbyggnad/);
    expect(listAuditEvents({ municipalityIds: [c.municipalityId], action: "case.read" }).total).toBeGreaterThan(0);
    expect(listAuditEvents({ municipalityIds: [], action: "case.read" }).total).toBe(0);
  });
});

describe("encryption at rest", () => {
  it("the SQLite file holds no personnummer or TOTP secret in plaintext", async () => {
    await residentSession("198203249274");
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    const file = readFileSync(env().DATABASE_PATH);
    for (const p of testPersons) {
      expect(file.includes(Buffer.from(p.personnummer)), p.id).toBe(false);
      expect(file.includes(Buffer.from(p.personnummer.slice(2))), p.id).toBe(false);
    }
    for (const u of seedStaffUsers.filter((s) => s.totpSecret))
      expect(file.includes(Buffer.from(u.totpSecret!))).toBe(false);
    // And the rows decrypt to the right values.
    const rows = new Database(env().DATABASE_PATH, { readonly: true })
      .prepare("select personnummer_encrypted from person")
      .all() as Array<{ personnummer_encrypted: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.personnummer_encrypted.startsWith("v1."))).toBe(true);
    expect(db().select().from(person).all().length).toBe(rows.length);
  });
});

describe("the guards of decision 052", () => {
  const thrownBy = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (thrown) {
      return thrown as Response;
    }
    throw new Error("expected a redirect");
  };

  it("requireResident with partyChosen sends a resident who has not chosen a party to /valj-part first", async () => {
    const { setCookie, personId } = await residentSession();
    expect(await requireResident(requestWith(setCookie))).toMatchObject({ kind: "resident", personId });
    const redirect = await thrownBy(requireResident(requestWith(setCookie), { partyChosen: true }));
    expect(redirect.headers.get("Location")).toBe("/valj-part?redirectTo=%2Fx");
    setActing((await getSessionUser(requestWith(setCookie)))!.sessionId, { kind: "self" });
    expect(await requireResident(requestWith(setCookie), { partyChosen: true })).toMatchObject({
      acting: { kind: "self" },
    });
  });

  it("getResidentUser is null for anonymous visitors and staff; requireResident sends them to the login", async () => {
    const staff = await createSession(new Request("http://localhost/"), {
      kind: "staff",
      staffUserId: db().select().from(staffUser).get()!.id,
    });
    expect(await getResidentUser(requestWith(staff.setCookie))).toBeNull();
    expect(await getResidentUser(new Request("http://localhost/x"))).toBeNull();
    const redirect = await thrownBy(requireResident(new Request("http://localhost/x")));
    expect(redirect.headers.get("Location")).toBe("/logga-in?redirectTo=%2Fx");
  });

  it("audit() stores a refused attempt as <action>.refused and counts it as a security event", async () => {
    const staff = await staffSession("handlaggare.bengtsfors");
    const counted = async () => {
      const line = (await metricsText()).body.split("\n").find((l) => l.includes('event="scope_refused"'));
      return Number(line?.split(" ").pop() ?? 0);
    };
    const before = await counted();
    audit({ actor: staff, action: "guard-test.open", subjectType: "case", subjectId: "X-1", outcome: "refused" });
    expect(await counted()).toBe(before + 1);
    const rows = db().select().from(auditEvent).where(eq(auditEvent.subjectId, "X-1")).all();
    expect(rows.map((r) => r.action)).toEqual(["guard-test.open.refused"]);
  });
});
