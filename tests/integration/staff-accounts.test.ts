import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, municipality, session, staffUser } from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import {
  addRoleAssignment,
  changePassword,
  checkPassword,
  createStaffUser,
  getStaffUserInScope,
  getStaffUserRow,
  isLocked,
  passwordRuleError,
  resetStaffUser,
} from "~/auth/staff.server";
import { db, prepareDatabase } from "~/db.server";
import { action as adminUserAction } from "~/routes/admin.anvandare.$id";
import { action as loginAction } from "~/routes/personal.logga-in._index";
import { advanceClockForTests, resetClockForTests } from "~/utils/clock.server";

// Review 2026-12-03 §5 (municipal admin takeover) and §9 (staff password lifecycle).
const SEED = "c".repeat(43);
let amal = 0;
let bengtsfors = 0;

const idOf = (username: string) => db().select().from(staffUser).where(eq(staffUser.username, username)).get()!.id;

async function postAs(
  action: typeof loginAction,
  url: string,
  fields: Record<string, string>,
  staffUserId?: number,
  params: Record<string, string> = {},
) {
  let cookie = `csrf=${SEED}`;
  if (staffUserId !== undefined)
    cookie += `; ${(await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId })).setCookie.split(";")[0]}`;
  const token = await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  const request = new Request(url, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }),
  });
  try {
    return (await action({ request, params, context: {} as never })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function newStaff(username: string, roles: { municipalityId: number; area: "allmant" | "bygglov" }[]) {
  const created = await createStaffUser({
    username,
    name: username,
    email: `${username}@example.se`,
    municipalityId: amal,
  });
  if ("error" in created) throw new Error(created.error);
  for (const r of roles)
    addRoleAssignment({
      staffUserId: created.id,
      role: "officer",
      municipalityId: r.municipalityId,
      area: r.area,
      administrationId: null,
      createdBy: 1,
    });
  return created;
}

beforeAll(() => {
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
});
afterEach(() => resetClockForTests());

describe("a municipal admin cannot take over an account with rights elsewhere (§5)", () => {
  it("the Åmål admin's reset, disable and enable of an Åmål employee who also holds a Bengtsfors role answer 403 and are audited", async () => {
    const target = await newStaff("samverkan.amal", [
      { municipalityId: amal, area: "allmant" },
      { municipalityId: bengtsfors, area: "bygglov" },
    ]);
    const before = getStaffUserRow(target.id)!.passwordHash;
    for (const intent of ["reset", "disable", "enable"]) {
      const res = await postAs(
        adminUserAction,
        `http://localhost/admin/anvandare/${target.id}`,
        { intent },
        idOf("admin.amal"),
        { id: String(target.id) },
      );
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ errors: { intent: "admin.user.errors.outsideScope" } });
    }
    const after = getStaffUserRow(target.id)!;
    expect(after.passwordHash).toBe(before);
    expect(after.disabledAt).toBeNull();
    const refused = db().select().from(auditEvent).where(eq(auditEvent.action, "staff_user.reset.refused")).all();
    expect(refused.map((e) => e.municipalityId).sort()).toEqual([amal, bengtsfors].sort());

    // A portal-wide admin may.
    const portal = await postAs(
      adminUserAction,
      `http://localhost/admin/anvandare/${target.id}`,
      { intent: "reset" },
      idOf("admin.portal"),
      { id: String(target.id) },
    );
    expect(portal.status).toBe(200);
    expect(await portal.json()).toHaveProperty("temporaryPassword");
  });

  it("the Åmål admin still resets an account whose every role is in Åmål", async () => {
    const target = await newStaff("bara.amal", [{ municipalityId: amal, area: "allmant" }]);
    const res = await postAs(
      adminUserAction,
      `http://localhost/admin/anvandare/${target.id}`,
      { intent: "reset" },
      idOf("admin.amal"),
      { id: String(target.id) },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty("temporaryPassword");
  });
});

describe("role grants and removals (app/auth/staff-admin.server.ts changeStaffAccount)", () => {
  const post = (id: number, fields: Record<string, string>, as = "admin.amal") =>
    postAs(adminUserAction, `http://localhost/admin/anvandare/${id}`, fields, idOf(as), { id: String(id) });

  it("the Åmål admin cannot grant a Bengtsfors role, nor an officer role without an area, nor change their own account", async () => {
    const target = await newStaff("grant.amal", [{ municipalityId: amal, area: "allmant" }]);
    const elsewhere = await post(target.id, {
      intent: "addRole",
      role: "officer",
      municipalityId: String(bengtsfors),
      area: "bygglov",
    });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.json()).toMatchObject({ errors: { municipalityId: "admin.users.errors.municipality" } });
    const noArea = await post(target.id, {
      intent: "addRole",
      role: "officer",
      municipalityId: String(amal),
      area: "",
    });
    expect(noArea.status).toBe(400);
    expect(await noArea.json()).toMatchObject({ errors: { area: "admin.user.errors.area" } });
    const self = await post(idOf("admin.amal"), { intent: "disable" });
    expect(self.status).toBe(400);
    expect(await self.json()).toMatchObject({ errors: { intent: "admin.user.errors.self" } });
    const granted = db().select().from(auditEvent).where(eq(auditEvent.action, "role.granted")).all();
    expect(granted.filter((e) => e.subjectId === String(target.id))).toEqual([]);
  });

  it("a grant is audited; a removal ends the account's sessions at once and is audited", async () => {
    const target = await newStaff("revoke.amal", []);
    const added = await post(target.id, {
      intent: "addRole",
      role: "officer",
      municipalityId: String(amal),
      area: "skola",
    });
    expect(added.status).toBe(302);
    const grant = db().select().from(auditEvent).where(eq(auditEvent.action, "role.granted")).all();
    expect(grant.find((e) => e.subjectId === String(target.id))).toMatchObject({ municipalityId: amal });

    await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: target.id });
    const live = () =>
      db()
        .select()
        .from(session)
        .where(eq(session.staffUserId, target.id))
        .all()
        .filter((s) => !s.revokedAt);
    expect(live().length).toBe(1);
    const assignmentId = getStaffUserInScope(target.id, null)!.roles[0]!.id;
    const removed = await post(target.id, { intent: "removeRole", assignmentId: String(assignmentId) });
    expect(removed.status).toBe(302);
    expect(live()).toEqual([]);
    const revoke = db().select().from(auditEvent).where(eq(auditEvent.action, "role.revoked")).all();
    expect(revoke.find((e) => e.subjectId === String(target.id))).toMatchObject({ municipalityId: amal });
  });
});

describe("staff password lifecycle (§9)", () => {
  it("refuses passwords from the bundled breach list, also with digits or signs around them (ASVS 2.1.7)", () => {
    for (const p of ["qwertyuiop123", "1qaz2wsx3edc", "Princess2026!!", "123456789012", "!!Sunshine1234"])
      expect(passwordRuleError(p, "anna.falk")).toBe("breached");
    expect(passwordRuleError("fyra ord som ingen gissar", "anna.falk")).toBeNull();
    expect(passwordRuleError("Kanelbulle-på-Rådhustorget", "anna.falk")).toBeNull();
  });

  it("a temporary password expires after TEMP_PASSWORD_HOURS (72 h)", async () => {
    const u = await newStaff("tillfallig.amal", [{ municipalityId: amal, area: "allmant" }]);
    const temporary = await resetStaffUser(u.id);
    expect(await checkPassword("tillfallig.amal", temporary)).toMatchObject({ ok: true });
    advanceClockForTests(73 * 3_600_000);
    expect(await checkPassword("tillfallig.amal", temporary)).toMatchObject({ ok: false, reason: "expired" });
    const res = await postAs(loginAction, "http://localhost/personal/logga-in", {
      username: "tillfallig.amal",
      password: temporary,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: { password: "staffLogin.errors.temporaryExpired" } });
  });

  it("a password change ends the user's other sessions and keeps this one", async () => {
    const u = await newStaff("byter.amal", [{ municipalityId: amal, area: "allmant" }]);
    const temporary = await resetStaffUser(u.id);
    const here = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
    const elsewhere = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
    expect(await changePassword(u.id, temporary, "ett helt nytt långt lösenord", here.sessionId)).toMatchObject({
      ok: true,
      revokedSessions: 1,
    });
    const revoked = (id: string) => db().select().from(session).where(eq(session.idHash, id)).get()!.revokedAt;
    expect(revoked(here.sessionId)).toBeNull();
    expect(revoked(elsewhere.sessionId)).not.toBeNull();
  });

  it("wrong current passwords count towards the lock-out, and the locking one ends the sessions", async () => {
    const u = await newStaff("gissad.amal", [{ municipalityId: amal, area: "allmant" }]);
    const temporary = await resetStaffUser(u.id);
    const s = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
    for (let i = 0; i < 5; i++)
      expect(await changePassword(u.id, `gissning-${i}`, "ett helt nytt långt lösenord", s.sessionId)).toMatchObject({
        ok: false,
        code: "wrong",
      });
    expect(isLocked(getStaffUserRow(u.id)!)).toBe(true);
    expect(db().select().from(session).where(eq(session.idHash, s.sessionId)).get()!.revokedAt).not.toBeNull();
    // Even the right one is refused while locked.
    expect(await changePassword(u.id, temporary, "ett helt nytt långt lösenord")).toMatchObject({
      ok: false,
      code: "wrong",
    });
  });

  it("the login answer is the same for a locked account, an unknown username and a wrong password, and takes about as long", async () => {
    const u = await newStaff("last.amal", [{ municipalityId: amal, area: "allmant" }]);
    const temporary = await resetStaffUser(u.id);
    const answer = async (username: string, password: string) => {
      const res = await postAs(loginAction, "http://localhost/personal/logga-in", { username, password });
      return { status: res.status, body: { ...((await res.json()) as Record<string, unknown>), username: undefined } };
    };
    const wrong = await answer("last.amal", "fel-lösenord");
    const unknown = await answer("finns.inte.amal", "fel-lösenord");
    for (let i = 0; i < 5; i++) await checkPassword("last.amal", `fel-${i}`);
    expect(isLocked(getStaffUserRow(u.id)!)).toBe(true);
    const lockedWrong = await answer("last.amal", "fel-lösenord");
    const lockedRight = await answer("last.amal", temporary);
    expect(unknown).toEqual(wrong);
    expect(lockedWrong).toEqual(wrong);
    expect(lockedRight).toEqual(wrong);

    // Every path verifies one argon2 hash: a locked account is not answered faster.
    const time = async (username: string, password: string) => {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) await checkPassword(username, password);
      return performance.now() - t0;
    };
    await time("finns.inte.amal", "x"); // the dummy hash is made once
    const lockedMs = await time("last.amal", "fel");
    const unknownMs = await time("finns.inte.amal", "fel");
    expect(lockedMs).toBeGreaterThan(unknownMs * 0.3);
  });
});
