import { disableInactiveSsoAccounts } from "~/auth/staff-sso/providers.server";
import { env } from "~/env.server";
import { defineJob } from "~/jobs/runner.server";

/**
 * Disables staff accounts that sign in by SSO and have not done so for
 * STAFF_SSO_DISABLE_AFTER_DAYS (decision 064): someone who left the municipality loses the
 * portal even when nobody remembers to remove them. Daily; off in test (tests run it by hand).
 */
export const staffSsoInactiveJob = defineJob({
  name: "staff-sso-inactive",
  everyMs: () => (env().PORTAL_ENV === "test" || env().STAFF_SSO_DISABLE_AFTER_DAYS === 0 ? 0 : 86_400_000),
  firstDelayMs: 5 * 60_000,
  run: async ({ now }) => ({ disabled: disableInactiveSsoAccounts(now) }),
});
