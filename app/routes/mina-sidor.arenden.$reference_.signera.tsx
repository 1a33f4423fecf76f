import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { oidcConfigured } from "~/auth/oidc.server";
import { beginSigning } from "~/auth/oidc-sign.server";
import { getLanguage } from "~/i18n/i18n.server";
import { personnummerOf } from "~/services/e-signature.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { getSchoolSigningText } from "~/services/school.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { log } from "~/utils/logger.server";

const REFERENCE = /^[A-Z]{3}-\d{4}-\d{6}$/;

/**
 * Starts an e-ID signature of the case's summary (docs/decisions/081). A GET like /logga-in/start:
 * the browser goes on to the provider, which a POST's form-action CSP would block; it changes
 * nothing here, and the signature is bound to this browser by the state/PKCE cookie.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, user } = await requireResidentViewer(request);
  const reference = params.reference ?? "";
  if (!REFERENCE.test(reference)) throw new Response("Not found", { status: 404 });
  const language = getLanguage(request);
  const text = await getSchoolSigningText({ reference, viewer, language });
  if (!text) throw new Response("Not found", { status: 404 });
  const personnummer = personnummerOf(user.personId);
  if (!personnummer || !oidcConfigured()) throw new Response("Forbidden", { status: 403 });
  try {
    const { url, setCookie } = await beginSigning({ reference, party: "guardian", text, personnummer, language });
    return redirect(url, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    log("error", "identity provider unreachable for signing", {
      error: error instanceof Error ? error.message : String(error),
    });
    return redirectWithFlash(`/mina-sidor/arenden/${reference}`, "childcare:school.sign.failed");
  }
}
