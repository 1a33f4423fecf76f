import { data, redirect } from "@remix-run/node";
import type { RequestHead } from "~/utils/request-head";
import { requireCsrf } from "~/auth/csrf.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readPost } from "~/utils/multipart.server";
import { paymentPath } from "~/utils/payment-path";
import { cookieHeaders, formPageContext, redirectWith } from "./form-page.server";
import { paymentErrorText, startFormPayment } from "./form-payment.server";
import { submitForm } from "./forms.server";

/**
 * The check page's post (the kontrollera route's action): pay, or send the form. Run by the route,
 * or in front of Express by app/http/step-post.server.ts for a plain form post (decisions 147,
 * 151), with the same outcome.
 */
export async function runSendPost(request: RequestHead, params: { id?: string }) {
  const { def, lang, user, session, answers, workingCopy } = await formPageContext(request, params.id);
  const body = await readPost(request, 10_000);
  if (!body.ok) return data({ error: body.code }, { status: body.status });
  await requireCsrf(request, body.formData);
  const intent = body.formData.get("intent");
  if (intent === "pay" || intent === "pay-app") {
    // "pay-app" (offered with JavaScript): no number, the app switch or a QR code (decision 094).
    const phone = intent === "pay-app" ? null : String(body.formData.get("phone") ?? "").slice(0, 40);
    const started = await startFormPayment(def, { answers, user, lang, ownerKey: session.ownerKey }, phone);
    // In the app: back to this page, whose panel offers the app switch and the QR code and follows
    // the request (decision 111). With a number: the payment's status page (080).
    if (started.ok)
      throw redirect(phone === null ? `/blanketter/${def.id}/kontrollera` : paymentPath(started.instructionUuid));
    return data(
      {
        error: "payment",
        paymentError: started.error as string,
        messages: [paymentErrorText(started.error, lang)],
      },
      { status: started.error === "phone" ? 400 : 503, headers: cookieHeaders(session) },
    );
  }
  const result = await submitForm(
    {
      def,
      ownerKey: session.ownerKey,
      personId: user?.personId ?? null,
      chosenMunicipality: null,
      lang,
      request,
      user,
      workingCopy,
    },
    body.formData,
  );
  if ("redirect" in result && result.flash)
    throw await redirectWithFlash(result.redirect, result.flash, { headers: cookieHeaders(session) });
  if ("redirect" in result) throw redirectWith(session, result.redirect);
  return data(
    { error: result.error, messages: result.messages ?? [] },
    { status: result.status, headers: cookieHeaders(session) },
  );
}
