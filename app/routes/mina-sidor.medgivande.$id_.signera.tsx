import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { oidcConfigured } from "~/auth/oidc.server";
import { beginSigning } from "~/auth/oidc-sign.server";
import { getLanguage } from "~/i18n/i18n.server";
import { personnummerOf } from "~/services/e-signature.server";
import { mayAnswerConsent, OWNER_PARTY, ownerConsentForOwner } from "~/services/owner-consent.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { log } from "~/utils/logger.server";

/**
 * Starts the owner's e-ID signature of a consent (decision 093), as the applicant's does (081):
 * a GET that sends the browser on to the provider with the consent text, naming the logged-in
 * owner as the only one who may sign. Anyone but that owner, or an answered request: 404; for an
 * organisation's request anyone but its signatory per the company register: 403 (decision 100).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, user } = await requireResidentViewer(request);
  const publicId = String(params.id ?? "");
  const language = getLanguage(request);
  const consent = ownerConsentForOwner(publicId, viewer, language);
  if (!consent || consent.status !== "pending") throw new Response("Not found", { status: 404 });
  // An organisation's consent is signed by its signatory only (decision 100); a refusal is audited.
  const may = await mayAnswerConsent(publicId, viewer, user);
  if (may === "not-signatory") throw new Response("Forbidden", { status: 403 });
  if (may === "unavailable")
    return redirectWithFlash(`/mina-sidor/medgivande/${publicId}`, "permits:ownerConsent.flash.failed");
  const personnummer = personnummerOf(user.personId);
  if (!personnummer || !oidcConfigured()) throw new Response("Forbidden", { status: 403 });
  try {
    const { url, setCookie } = await beginSigning({
      kind: "owner-consent",
      reference: publicId,
      party: OWNER_PARTY,
      text: consent.text,
      personnummer,
      language,
    });
    return redirect(url, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    log("error", "identity provider unreachable for signing", {
      error: error instanceof Error ? error.message : String(error),
    });
    return redirectWithFlash(`/mina-sidor/medgivande/${publicId}`, "permits:ownerConsent.flash.failed");
  }
}
