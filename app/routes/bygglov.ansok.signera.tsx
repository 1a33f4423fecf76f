import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireResident } from "~/auth/guards.server";
import { oidcConfigured } from "~/auth/oidc.server";
import { redirectToSigning } from "~/auth/oidc-sign.server";
import { getLanguage } from "~/i18n/i18n.server";
import { permitSigningText } from "~/services/building-permits.server";
import { personnummerOf } from "~/services/e-signature.server";

/**
 * The applicant signs the bygglov application with e-ID as the last step before it is sent
 * (docs/decisions/085). A GET, like /mina-sidor/arenden/:ref/signera: the browser goes on to the
 * provider, which a POST's form-action CSP would block; nothing changes here, the flow is bound
 * to this browser by the state/PKCE cookie, and the application is sent only at the callback.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const language = getLanguage(request);
  const summary = await permitSigningText(user, language);
  if (!summary.ok) throw redirect(summary.reason === "missing" ? "/bygglov/ansok/kontrollera" : "/bygglov/ansok");
  const personnummer = personnummerOf(user.personId);
  if (!personnummer || !oidcConfigured()) throw new Response("Forbidden", { status: 403 });
  return redirectToSigning({
    kind: "permit",
    reference: "",
    party: "applicant",
    text: summary.text,
    personnummer,
    language,
    failure: { to: "/bygglov/ansok/kontrollera", flash: "permits:sign.failed" },
  });
}
