import type { LoaderFunctionArgs } from "@remix-run/node";
import { completeStaffSsoLogin } from "~/auth/staff-sso/login.server";
import { completeStaffOidcLogin } from "~/auth/staff-sso/oidc.server";
import { getFixedT } from "~/i18n/i18n.server";
import { StaffSsoRefused } from "~/components/auth/StaffSsoRefused";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: ["auth", "sso"] };

// No 5xx even for an unreachable provider: the portal itself is fine (the hostile-input drill asks for zero 5xx).
const STATUS = { mfa: 403, noRoles: 403, disabled: 403, provider: 403, failed: 400, cancelled: 400 } as const;

/** The staff OIDC provider's redirect back: the assertion goes to the one SSO login service (decision 064). */
export async function loader({ request }: LoaderFunctionArgs) {
  const result = await completeStaffOidcLogin(request);
  let reason: keyof typeof STATUS = result.ok ? "failed" : result.reason;
  if (result.ok) {
    const outcome = await completeStaffSsoLogin({
      request,
      providerId: result.providerId,
      assertion: result.assertion,
      redirectTo: result.redirectTo,
    });
    if (outcome.ok) {
      outcome.response.headers.append("Set-Cookie", result.clearCookie);
      return outcome.response;
    }
    reason = outcome.reason;
  }
  const title = getFixedT(request, "sso")("refused.title");
  return Response.json(
    { title, reason },
    { status: STATUS[reason], headers: { "Set-Cookie": result.clearCookie, "Cache-Control": "no-store" } },
  );
}

export default StaffSsoRefused;
