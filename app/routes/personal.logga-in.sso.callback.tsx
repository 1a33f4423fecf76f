import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { completeStaffSsoLogin } from "~/auth/staff-sso/login.server";
import { completeStaffOidcLogin } from "~/auth/staff-sso/oidc.server";
import { getFixedT } from "~/i18n/i18n.server";
import { SSO_REFUSAL_KEY } from "~/i18n/keys";
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

export default function StaffSsoRefused() {
  const { reason } = useLoaderData<{ title: string; reason: keyof typeof SSO_REFUSAL_KEY }>();
  const { t } = useTranslation("sso");
  return (
    <div className="prose">
      <h1>{t("refused.title")}</h1>
      <div className="alert alert--error" role="alert">
        <p data-testid="sso-refusal">{t(SSO_REFUSAL_KEY[reason])}</p>
      </div>
      <p>
        <Link to="/personal/logga-in">{t("refused.back")}</Link>
      </p>
    </div>
  );
}
