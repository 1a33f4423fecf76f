import type { ActionFunctionArgs } from "@remix-run/node";
import { handlePaymentCallback } from "~/services/payments.server";

/**
 * POST /api/betalning/swish/callback: Swish's callback for payment requests and refunds
 * (decision 080). No cookie is read, so no CSRF token is asked for; the body only names the
 * request: its status is read from Swish itself over mutual TLS, and a callback without the
 * request's callbackIdentifier is ignored. Always 200 (Swish retries anything else).
 */
export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const text = await request.text();
  if (text.length > 16_384) return new Response(null, { status: 413 });
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(null, { status: 400 });
  }
  await handlePaymentCallback(body, request.headers.get("callbackIdentifier"));
  return new Response(null, { status: 200 });
}
