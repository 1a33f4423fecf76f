import type { LoaderFunctionArgs } from "@remix-run/node";
import { staffSamlMetadata } from "~/auth/staff-sso/saml-login.server";

/**
 * The portal's SAML service-provider metadata for one provider (entity id, ACS, signing
 * certificate), public by nature: the municipality's IT loads it into their IdP (decision 073).
 * The URL is also the SP entity id.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const providerId = Number(params.provider);
  const xml = Number.isInteger(providerId) && providerId > 0 ? await staffSamlMetadata(providerId) : null;
  if (!xml) throw new Response("Not Found", { status: 404 });
  return new Response(xml, {
    headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
