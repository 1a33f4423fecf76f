import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireResident } from "~/auth/guards.server";
import { payersPayment } from "~/services/form-payment.server";
import { paymentQrCode } from "~/services/payments.server";

/**
 * GET /betalning/{id}/qr: the QR code the payer scans with the Swish app on another
 * device (decision 094), fetched from Swish's QR generator for the request's token and served from
 * the portal (only to the payer, never cached). The SVG is shown in an <img>, and its own
 * Content-Security-Policy forbids scripts should it ever be opened on its own.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const found = payersPayment(request, user, String(params.id ?? ""))?.payment;
  const qr = found ? await paymentQrCode(found) : null;
  if (!qr) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(qr.body), {
    headers: {
      "content-type": qr.contentType,
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      "x-content-type-options": "nosniff",
    },
  });
}
