import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { canStaff, requireStaffUser } from "~/auth/guards.server";

/** /admin: to the first administration page the user may use (403 if none). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  if (canStaff(user, "users.admin")) return redirect("/admin/anvandare");
  if (canStaff(user, "audit.read")) return redirect("/admin/logg");
  throw new Response("Forbidden", { status: 403 });
}
