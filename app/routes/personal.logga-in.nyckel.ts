import type { ActionFunctionArgs } from "@remix-run/node";
import { requireCsrf } from "~/auth/csrf.server";
import { pendingLogin } from "~/auth/staff-login.server";
import { authenticationOptions, hasSecurityKey } from "~/auth/webauthn.server";
import { readForm } from "~/services/multipart.server";

/** The challenge for this login attempt's security key (JSON for the browser's WebAuthn call). */
export async function action({ request }: ActionFunctionArgs) {
  const row = await pendingLogin(request, "second-factor");
  const form = await readForm(request);
  await requireCsrf(request, form);
  if (!hasSecurityKey(row.staffUserId!)) return Response.json({ error: "noKey" }, { status: 404 });
  return Response.json(await authenticationOptions(row.staffUserId!, row.idHash), {
    headers: { "Cache-Control": "no-store" },
  });
}
