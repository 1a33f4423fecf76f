import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { roleAssignment, staffUser } from "../../db/schema/index";
import { completeEnrolment, createPortalAdmin, getOpenEnrolment, ENROLMENT_HOURS } from "~/auth/enrolment.server";
import { checkPassword } from "~/auth/staff.server";
import { closeDatabase, db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { loader as chooseMunicipality } from "~/routes/valj-kommun";
import { advanceClockForTests, resetClockForTests } from "~/utils/clock.server";
import { PRODUCTION_REGISTERS } from "../helpers/production-registers";

/** Issue 13 item 2 (decision 056): an empty production database, then `admin:create` and its one-time link. */
const saved = { ...process.env };
function useProduction() {
  closeDatabase();
  const dir = mkdtempSync(join(tmpdir(), "portal-first-run-"));
  Object.assign(process.env, {
    PORTAL_ENV: "production",
    DATA_DIR: dir,
    DATABASE_PATH: join(dir, "portal.db"),
    SESSION_SECRET: "s".repeat(48),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SMTP_URL: "smtp://mail.dalsland.example.se:587",
    PUBLIC_URL: "https://e-tjanster.dalsland.example.se",
    OIDC_ISSUER: "https://eid.dalsland.example.se",
    OIDC_CLIENT_ID: "portal",
    OIDC_CLIENT_SECRET: "client-secret-from-the-broker",
    CASE_OUTBOX: "systems",
    CLAMD_HOST: "127.0.0.1:3310",
    KEY_PROVIDER: "env",
    ...PRODUCTION_REGISTERS,
  });
  resetEnvForTests();
  prepareDatabase();
}
afterEach(() => {
  closeDatabase();
  resetClockForTests();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetEnvForTests();
});

const PASSWORD = "Vänern-fyrtorn-2026!";

describe("first run of a production install", () => {
  it("an empty production portal lists no municipality instead of failing", async () => {
    useProduction();
    const data = (await chooseMunicipality({
      request: new Request("http://localhost/valj-kommun"),
      params: {},
      context: { requestId: "t", cspNonce: "n", clientIp: "127.0.0.1" },
    })) as { municipalities: unknown[] };
    expect(data.municipalities).toEqual([]);
  });

  it("admin:create makes a portal-wide admin whose one-time link sets the password once", async () => {
    useProduction();
    const created = await createPortalAdmin({ username: "forvaltare", name: "Första Förvaltaren", email: "a@b.se" });
    if ("error" in created) throw new Error("refused");
    expect(await createPortalAdmin({ username: "Forvaltare", name: "X", email: "x@b.se" })).toEqual({ error: "taken" });
    const roles = db().select().from(roleAssignment).where(eq(roleAssignment.staffUserId, created.staffUserId)).all();
    expect(roles.map((r) => [r.role, r.municipalityId])).toEqual([["admin", null]]);
    // Before the link is used no password works, and only the token's hash is stored.
    expect((await checkPassword("forvaltare", PASSWORD)).ok).toBe(false);
    expect(JSON.stringify(db().$client.prepare("select * from staff_enrolment").all())).not.toContain(created.token);

    expect(await completeEnrolment(created.token, PASSWORD, "something else")).toEqual({
      ok: false,
      error: "mismatch",
    });
    expect(await completeEnrolment(created.token, "short", "short")).toEqual({ ok: false, error: "tooShort" });
    expect(await completeEnrolment(created.token, PASSWORD, PASSWORD)).toEqual({
      ok: true,
      staffUserId: created.staffUserId,
    });
    // Single use: the same link again is refused and leaves the password alone.
    expect(await completeEnrolment(created.token, "Annat-lösen-som-är-långt-1", "Annat-lösen-som-är-långt-1")).toEqual({
      ok: false,
      error: "invalid",
    });
    const check = await checkPassword("forvaltare", PASSWORD);
    expect(check.ok).toBe(true);
    // TOTP is enrolled next, in the browser: the account has none yet.
    expect(db().select().from(staffUser).where(eq(staffUser.id, created.staffUserId)).get()?.totpEnrolledAt).toBeNull();
  });

  it("the link expires", async () => {
    useProduction();
    const created = await createPortalAdmin({ username: "sen", name: "Sen Förvaltare", email: "s@b.se" });
    if ("error" in created) throw new Error("refused");
    expect(getOpenEnrolment(created.token)).toBeDefined();
    advanceClockForTests(ENROLMENT_HOURS * 3600_000 + 1000);
    expect(getOpenEnrolment(created.token)).toBeUndefined();
    expect(await completeEnrolment(created.token, PASSWORD, PASSWORD)).toEqual({ ok: false, error: "invalid" });
  });
});
