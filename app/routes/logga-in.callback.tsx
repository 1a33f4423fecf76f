import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { completeLogin } from "~/auth/oidc.server";
import { createSession, setActing } from "~/auth/session.server";
import { audit } from "~/services/audit.server";
import { rotateEserviceCookie } from "~/services/eservice-session.server";
import { findOrCreatePersonAtLogin, listRepresentedOrganisations } from "~/services/people.server";
import { flashCookieHeader } from "~/utils/flash.server";

/** The provider sends the browser back here with a code; a new session starts. */
export async function loader({ request }: LoaderFunctionArgs) {
  const result = await completeLogin(request);
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", result.clearCookie);
  if (!result.ok) {
    audit({ actor: null, action: result.reason === "cancelled" ? "login.cancelled" : "login.failed", subjectType: "resident", details: { method: "oidc" } });
    return redirect(`/logga-in?fel=${result.reason === "cancelled" ? "avbruten" : "misslyckad"}&redirectTo=${encodeURIComponent(result.redirectTo)}`, { headers });
  }
  const { person, created } = findOrCreatePersonAtLogin(result);
  const session = await createSession(request, { kind: "resident", personId: person.id, idToken: result.idToken });
  headers.append("Set-Cookie", session.setCookie);
  // What this browser filled in anonymously stays behind; the person's own work follows them (decision 042).
  headers.append("Set-Cookie", rotateEserviceCookie());
  const actor = { sessionId: session.sessionId, kind: "resident" as const, personId: person.id, name: `${person.givenName} ${person.familyName}`, roles: [] };
  if (created) audit({ actor, action: "person.created", subjectType: "person", subjectId: person.id, personId: person.id });
  audit({ actor, action: "login", subjectType: "session", subjectId: session.sessionId.slice(0, 12), personId: person.id, details: { method: "oidc" } });
  if (listRepresentedOrganisations(person.id).length > 0) {
    return redirect(`/valj-part?redirectTo=${encodeURIComponent(result.redirectTo)}`, { headers });
  }
  setActing(session.sessionId, { kind: "self" });
  headers.append("Set-Cookie", await flashCookieHeader("flash.loggedIn", { name: actor.name }));
  return redirect(result.redirectTo, { headers });
}
