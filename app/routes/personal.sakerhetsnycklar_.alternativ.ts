import type { ActionFunctionArgs } from "@remix-run/node";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { registrationOptions } from "~/auth/webauthn.server";
import { readForm } from "~/services/multipart.server";

/** The challenge for adding a security key (JSON for the browser's WebAuthn call). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  return Response.json(await registrationOptions(user.staffUserId, user.sessionId), {
    headers: { "Cache-Control": "no-store" },
  });
}
