import type { LoaderFunctionArgs } from "@remix-run/node";
import { applicantSignatureOf, completeSigning, type SigningResult } from "~/auth/oidc-sign.server";
import { formPageContext } from "~/services/form-page.server";
import { currentIdempotencyKey, formBase, stepHref, submitForm } from "~/services/forms.server";
import { CHECK_ANSWERS } from "../../forms/flow";
import type { ResidentViewer } from "~/services/case-access.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { completeOwnerConsentSigning } from "~/services/owner-consent.server";
import { completeSchoolSigning } from "~/services/school.server";
import { redirectWithFlash } from "~/utils/flash.server";

const MESSAGES = {
  cancelled: "childcare:school.sign.cancelled",
  failed: "childcare:school.sign.failed",
  invalid: "childcare:school.sign.failed",
  changed: "childcare:school.sign.changed",
  "not-pending": "childcare:school.sign.notPending",
  "not-found": "childcare:school.sign.notPending",
} as const;

const CONSENT_MESSAGES = {
  cancelled: "permits:ownerConsent.flash.cancelled",
  failed: "permits:ownerConsent.flash.failed",
  invalid: "permits:ownerConsent.flash.failed",
  changed: "permits:ownerConsent.flash.changed",
  "not-pending": "permits:ownerConsent.flash.notPending",
  "not-found": "permits:ownerConsent.flash.notPending",
  unavailable: "permits:ownerConsent.flash.failed",
  // Answered 403 instead (decision 107); listed so that every code has a message.
  "not-signatory": "permits:ownerConsent.flash.failed",
} as const;

const FORM_MESSAGES = {
  cancelled: "eservice:sign.cancelled",
  failed: "eservice:sign.failed",
  changed: "eservice:sign.changed",
} as const;

/** The provider sends the browser back here after a signature (docs/decisions/081, 085). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const result = await completeSigning(request);
  const headers = { "Set-Cookie": result.clearCookie, "Cache-Control": "no-store" };
  if (result.flow?.kind === "form") return formSigned({ request, result, viewer, headers });
  if (result.flow?.kind === "owner-consent") {
    const back = `/mina-sidor/medgivande/${result.flow.reference}`;
    const answer = await completeOwnerConsentSigning({ result, viewer, actor: user });
    // The signatory was re-checked as the signature came back (decision 107): refused, audited, nothing stored.
    if (!answer.ok && answer.code === "not-signatory") throw new Response("Forbidden", { status: 403, headers });
    return redirectWithFlash(back, answer.ok ? "permits:ownerConsent.flash.signed" : CONSENT_MESSAGES[answer.code], {
      headers,
    });
  }
  const reference = result.flow?.reference;
  const back = reference ? `/mina-sidor/arenden/${reference}` : "/mina-sidor";
  const r = await completeSchoolSigning({ result, viewer, actor: user });
  if (!r.ok) return redirectWithFlash(back, MESSAGES[r.code], { headers });
  return redirectWithFlash(back, "childcare:school.sign.approved", { headers });
}

/**
 * An engine form signed by its applicant (docs/decisions/098): sent now through the engine's
 * own submission, which rebuilds the text from the draft, refuses a changed draft or another
 * signer, and stores the signature with the case in one transaction.
 */
async function formSigned(input: {
  request: Request;
  result: SigningResult;
  viewer: ResidentViewer;
  headers: Record<string, string>;
}) {
  const { result, headers } = input;
  const { def, lang, user, session } = await formPageContext(input.request, result.flow?.reference);
  const back = stepHref(def, CHECK_ANSWERS);
  if (!result.ok) return redirectWithFlash(back, FORM_MESSAGES[result.reason], { headers });
  const c = { def, ownerKey: session.ownerKey, personId: user?.personId ?? null, chosenMunicipality: null, lang };
  const key = currentIdempotencyKey(c);
  if (!key || !user) return redirectWithFlash(back, FORM_MESSAGES.changed, { headers });
  const formData = new FormData();
  formData.set("_idempotency", key);
  const sent = await submitForm(
    { ...c, request: input.request, user },
    formData,
    applicantSignatureOf(result, input.viewer.personnummerHmac),
  );
  // Sent: the receipt (for a handler's case its own receipt or the case on Mina sidor, 105, 110),
  // told apart from the engine's redirects back to a step by the flash only a filing carries.
  const filed =
    "redirect" in sent && (sent.flash !== undefined || sent.redirect.startsWith(`${formBase(def)}/kvitto/`));
  if (filed) return redirectWithFlash(sent.redirect, "eservice:sign.signed", { headers });
  if ("redirect" in sent) return redirectWithFlash(sent.redirect, FORM_MESSAGES.changed, { headers });
  return redirectWithFlash(back, sent.error === "changed" ? FORM_MESSAGES.changed : FORM_MESSAGES.failed, { headers });
}
