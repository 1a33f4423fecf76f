import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { beginLogin, oidcConfigured } from "~/auth/oidc.server";
import { getLanguage } from "~/i18n/i18n.server";
import { log } from "~/utils/logger.server";

/**
 * Starts the OpenID Connect flow. A GET (not a form POST) because the browser is sent on to
 * another origin, which the CSP's form-action 'self' would block after a POST; login CSRF is
 * prevented by the state/PKCE cookie checked at the callback.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!oidcConfigured()) return redirect("/logga-in?fel=otillganglig");
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "/mina-sidor";
  try {
    const { url, setCookie } = await beginLogin(redirectTo, getLanguage(request));
    return redirect(url, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    log("error", "identity provider unreachable", { error: error instanceof Error ? error.message : String(error) });
    return redirect(`/logga-in?fel=otillganglig`);
  }
}
