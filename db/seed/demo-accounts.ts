import { eq, inArray, or } from "drizzle-orm";
import type { DB } from "../client";
import { integrationSystem, staffSsoProvider, staffUser } from "../schema/index";
import { seedStaffUsers } from "./content/staff";
import { hashIntegrationToken, TEST_INTEGRATION_SYSTEM } from "./integration";

/**
 * The one place that knows which accounts the demo seed creates with published credentials
 * (docs/dev-accounts.md): the staff usernames of db/seed/content/staff.ts and the integration
 * system `arendesystem-test` with its published token. Production refuses a database that holds
 * any of them (docs/decisions/041); the list is the seed's own, so it cannot drift.
 */
export const DEMO_STAFF_USERNAMES: readonly string[] = seedStaffUsers.map((u) => u.username);

/** Human-readable lines naming every demo account found; empty when the database is clean. */
export function findDemoAccounts(db: DB): string[] {
  const found: string[] = [];
  const staff = db
    .select({ username: staffUser.username })
    .from(staffUser)
    .where(inArray(staffUser.username, [...DEMO_STAFF_USERNAMES]))
    .all()
    .map((r) => r.username);
  if (staff.length > 0) {
    found.push(
      `demo staff accounts with published passwords and TOTP secrets (docs/dev-accounts.md): ${staff.join(", ")}`,
    );
  }
  const systems = db
    .select({ slug: integrationSystem.slug })
    .from(integrationSystem)
    .where(
      or(
        eq(integrationSystem.slug, TEST_INTEGRATION_SYSTEM.slug),
        eq(integrationSystem.tokenHash, hashIntegrationToken(TEST_INTEGRATION_SYSTEM.token)),
      ),
    )
    .all()
    .map((r) => r.slug);
  if (systems.length > 0) {
    found.push(`the test integration system with the published token (docs/dev-accounts.md): ${systems.join(", ")}`);
  }
  // The demo's staff SSO provider trusts the local Test-SSO, where anyone picks any groups (decision 064).
  const testSso = db
    .select({ name: staffSsoProvider.name, issuer: staffSsoProvider.oidcIssuer })
    .from(staffSsoProvider)
    .all()
    .filter((p) => p.issuer?.endsWith("/test-sso"));
  if (testSso.length > 0)
    found.push(
      `staff SSO providers that trust the local test provider /test-sso: ${testSso.map((p) => p.name).join(", ")}`,
    );
  return found;
}
