import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { StaffSsoRefused } from "~/components/auth/StaffSsoRefused";
import { completeStaffSsoLogin } from "~/auth/staff-sso/login.server";
import { completeStaffSamlLogin } from "~/auth/staff-sso/saml-login.server";
import { getFixedT } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: ["auth", "sso"] };

const STATUS = { mfa: 403, noRoles: 403, disabled: 403, provider: 403, failed: 400 } as const;

/** Nothing to show on a GET: the IdP posts here. */
export const loader = () => redirect("/personal/logga-in");

/**
 * The SAML assertion consumer service (HTTP-POST binding, saml-bindings-2.0-os §3.5) of one
 * provider. The IdP's page posts here from its own origin, so this path is let past the global
 * cross-origin refusal and carries no CSRF token (decision 073): its protection is the IdP's
 * signature over the assertion, the single-use InResponseTo of a request this portal made, and
 * the cookie that binds that request to the browser which started it.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const providerId = Number(params.provider);
  const form = await readForm(request);
  let reason: keyof typeof STATUS = "provider";
  let clearCookie = "";
  if (Number.isInteger(providerId) && providerId > 0) {
    const result = await completeStaffSamlLogin(request, providerId, form);
    clearCookie = result.clearCookie;
    reason = result.ok ? "failed" : result.reason === "provider" ? "provider" : "failed";
    if (result.ok) {
      const outcome = await completeStaffSsoLogin({
        request,
        providerId,
        assertion: result.assertion,
        redirectTo: result.redirectTo,
      });
      if (outcome.ok) {
        outcome.response.headers.append("Set-Cookie", result.clearCookie);
        return outcome.response;
      }
      reason = outcome.reason;
    }
  }
  const title = getFixedT(request, "sso")("refused.title");
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (clearCookie) headers.append("Set-Cookie", clearCookie);
  return Response.json({ title, reason }, { status: STATUS[reason], headers });
}

export default StaffSsoRefused;
