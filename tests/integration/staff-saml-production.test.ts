import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestSamlIdp } from "~/auth/staff-sso/test-saml-idp.server";
import { resetEnvForTests } from "~/env.server";
import { PRODUCTION_REGISTERS } from "../helpers/production-registers";

// A valid production configuration (as production-cookies.test.ts): the local SAML identity
// provider signs whatever a tester picks, so it must refuse to exist here (decision 065).
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

describe("the local SAML identity provider in production", () => {
  it("refuses to be created with PORTAL_ENV=production", () => {
    expect(() => createTestSamlIdp({ entityId: "https://idp.example/saml" })).toThrow(
      "The test SAML identity provider never runs with PORTAL_ENV=production.",
    );
  });
});
