import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DB } from "../client";
import { integrationSystem, integrationSystemMunicipality, municipality } from "../schema/index";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * A case-management system for development and tests, with a published token, allowed to call
 * back about cases of all five municipalities (docs/dev-accounts.md). Never in production:
 * there, systems are added by an administrator with a generated token and their own scope.
 * It has no target and no routes (docs/decisions/058): demo and test cases go to the
 * env-configured fallback target, and this system may call back about those, as before. Routing a
 * (municipality, area) to it without a target would make those cases wait instead.
 */
export const TEST_INTEGRATION_SYSTEM = {
  slug: "arendesystem-test",
  name: "Ärendesystem (test)",
  token: "test-token-arendesystem-dalsland-0001",
} as const;

export function hashIntegrationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function seedIntegrationSystems(tx: Tx) {
  if (process.env.PORTAL_ENV === "production") return;
  const values = {
    slug: TEST_INTEGRATION_SYSTEM.slug,
    name: TEST_INTEGRATION_SYSTEM.name,
    tokenHash: hashIntegrationToken(TEST_INTEGRATION_SYSTEM.token),
  };
  tx.insert(integrationSystem).values(values).onConflictDoNothing({ target: integrationSystem.slug }).run();
  const system = tx
    .select({ id: integrationSystem.id })
    .from(integrationSystem)
    .where(eq(integrationSystem.slug, values.slug))
    .get()!;
  for (const m of tx.select({ id: municipality.id }).from(municipality).all()) {
    tx.insert(integrationSystemMunicipality)
      .values({ systemId: system.id, municipalityId: m.id })
      .onConflictDoNothing()
      .run();
  }
}
