import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireResident } from "~/auth/guards.server";
import { payersPayment } from "~/services/form-payment.server";
import { refreshPayment } from "~/services/payments.server";

/**
 * GET /betalning/{id}/status: the payment's status as JSON, for the status page's
 * polling with JavaScript (decision 094). Only the payer (the draft's owner) gets an answer; each
 * call asks Swish about an open request, as a reload of the page does.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  // The bygglov pages' payment or an engine form's (decision 105): the payer's own only.
  const found = payersPayment(request, user, String(params.id ?? ""))?.payment;
  if (!found) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const p = await refreshPayment(found, "status-poll");
  // The reference once paid, for the check page's island to say (decision 111).
  const answer = p.status === "PAID" ? { status: p.status, reference: p.paymentReference } : { status: p.status };
  return new Response(JSON.stringify(answer), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}
