import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { resetEnvForTests } from "~/env.server";
import { PRODUCTION_REGISTERS } from "../helpers/production-registers";

// ASVS 3.4.1-3.4.5: in production every cookie the portal sets is __Host- (so Secure, Path=/ and
// no Domain), HttpOnly and SameSite. The production drill (tests/drills/production-start.test.ts)
// checks the CSRF and e-service cookies a real server sends; the session cookie is set only at a
// login, which a production database without accounts cannot do, so it is checked here, through
// the same functions the login and logout routes use, with a production configuration.
Object.assign(process.env, {
  PORTAL_ENV: "production",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  SMTP_URL: "smtp://mail.dalsland.example.se:587",
  PUBLIC_URL: "https://e-tjanster.dalsland.example.se",
  OIDC_ISSUER: "https://eid.dalsland.example.se",
  OIDC_CLIENT_ID: "portal",
  OIDC_CLIENT_SECRET: "client-secret-from-the-broker",
  CASE_OUTBOX: "off",
  CLAMD_HOST: "127.0.0.1:3310",
  KEY_PROVIDER: "env",
  ...PRODUCTION_REGISTERS,
});
resetEnvForTests();

function expectHostCookie(setCookie: string, name: string) {
  expect(setCookie.startsWith(`${name}=`)).toBe(true);
  expect(name.startsWith("__Host-")).toBe(true);
  const attributes = setCookie.split(";").map((a) => a.trim().toLowerCase());
  expect(attributes).toContain("secure");
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("path=/");
  expect(attributes).toContain("samesite=lax");
  expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
}

describe("cookies in production", () => {
  it("the session cookie is __Host-session: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain", async () => {
    const { clearSessionCookie } = await import("~/auth/session.server");
    expectHostCookie(await clearSessionCookie(), "__Host-session");
  });

  it("the e-service owner cookie is __Host-eservice, and the CSRF cookie __Host-csrf", async () => {
    const { eserviceCookieName, rotateEserviceCookie } = await import("~/services/eservice-session.server");
    const { csrfCookieName } = await import("~/auth/csrf.server");
    expect(eserviceCookieName()).toBe("__Host-eservice");
    expect(csrfCookieName()).toBe("__Host-csrf");
    expectHostCookie(rotateEserviceCookie(), "__Host-eservice");
  });
});
