import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCsrf } from "~/auth/csrf.server";
import { beginStaffSsoLogin } from "~/auth/staff-sso/oidc.server";
import { getSsoProvider } from "~/auth/staff-sso/providers.server";
import { beginStaffSamlLogin } from "~/auth/staff-sso/saml-login.server";
import { getLanguage } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import { safeRedirectPath } from "~/utils/safe-redirect";

/** A GET has nothing to start: the buttons on the login page post here. */
export const loader = () => redirect("/personal/logga-in");

/**
 * "Logga in med kommunens inloggning": starts the login at the chosen provider, by its protocol:
 * the OIDC code flow (decision 064) or a SAML AuthnRequest by HTTP-Redirect (decision 073).
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const providerId = Number(form.get("provider"));
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/personal");
  const protocol = Number.isInteger(providerId) ? getSsoProvider(providerId)?.protocol : undefined;
  const begun =
    protocol === "saml"
      ? await beginStaffSamlLogin(providerId, redirectTo)
      : protocol === "oidc"
        ? await beginStaffSsoLogin(providerId, redirectTo, getLanguage(request))
        : null;
  if (!begun) return redirect("/personal/logga-in/sso/callback?error=unavailable");
  return redirect(begun.url, { headers: { "Set-Cookie": begun.setCookie, "Cache-Control": "no-store" } });
}
