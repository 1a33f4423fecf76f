import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirectToSigning } from "~/auth/oidc-sign.server";
import { personnummerOf } from "~/services/e-signature.server";
import { formPageContext, redirectWith } from "~/services/form-page.server";
import { signsBeforeSending } from "~/services/form-signing.server";
import { formSigningText, stepHref } from "~/services/forms.server";
import { CHECK_ANSWERS } from "../../forms/flow";

/**
 * "Sign and send" of an engine form whose definition asks for the applicant's signature
 * (docs/decisions/098): a GET, as for bygglov (085), that sends the browser on to the e-ID
 * provider with the summary of the draft's answers as the text to sign. Nothing changes here;
 * the case is filed at the callback (/signera/callback, kind "form"), only on a verified signature.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { def, lang, user, session } = await formPageContext(request, params.id);
  // Only a form that is sent by signing has this step; a person must be logged in to sign.
  if (!signsBeforeSending(def) || !user) throw new Response("Not found", { status: 404 });
  const c = { def, ownerKey: session.ownerKey, personId: user.personId, chosenMunicipality: null, lang };
  const summary = await formSigningText(c, lang, user);
  if (!summary.ok) throw redirectWith(session, summary.redirect);
  const personnummer = personnummerOf(user.personId);
  if (!personnummer) throw new Response("Forbidden", { status: 403 });
  return redirectToSigning({
    kind: "form",
    reference: def.id,
    party: "applicant",
    text: summary.text,
    personnummer,
    language: lang,
    failure: { to: stepHref(def, CHECK_ANSWERS), flash: "eservice:sign.failed" },
  });
}
