import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { paymentPath } from "~/utils/payment-path";

/** A payment id, optionally with its status or QR route: nothing that could backtrack. */
const OLD_PATH = /^([0-9A-Fa-f]{32})(\/qr|\/status)?$/;

/**
 * GET /bygglov/ansok/betalning/{id}[/status|/qr]: the payment routes' old address (decision 111).
 * A payment already under way (an open status page, Swish's way back from the app) is sent on to
 * the form-neutral path with 308, so the method and the query stay; anything else is not found.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  const found = OLD_PATH.exec(String(params["*"] ?? ""));
  if (!found?.[1]) throw new Response("Not found", { status: 404 });
  const { search } = new URL(request.url);
  return redirect(`${paymentPath(found[1])}${found[2] ?? ""}${search}`, 308);
}
