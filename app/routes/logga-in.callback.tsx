import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { completeLogin } from "~/auth/oidc.server";
import { createSession, setActing } from "~/auth/session.server";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { rotateEserviceCookie } from "~/services/eservice-session.server";
import { representedOrganisations } from "~/auth/representation.server";
import { findOrCreatePersonAtLogin, registerAtLogin } from "~/services/people.server";
import { flashCookieHeader } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: "auth" };

/** The provider sends the browser back here with a code; a new session starts. */
export async function loader({ request }: LoaderFunctionArgs) {
  const result = await completeLogin(request);
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", result.clearCookie);
  if (!result.ok && result.reason === "assurance") {
    // Authenticated, but too weakly for Mina sidor: no session, and a page that says why (decision 042).
    audit({
      actor: null,
      action: "login.refused",
      subjectType: "resident",
      details: { method: "oidc", reason: "acr", acr: result.acr, required: result.required },
    });
    const t = getFixedT(request, "auth");
    return data(
      { title: t("login.assurance.title"), retry: `/logga-in?redirectTo=${encodeURIComponent(result.redirectTo)}` },
      { status: 403, headers },
    );
  }
  if (!result.ok) {
    audit({
      actor: null,
      action: result.reason === "cancelled" ? "login.cancelled" : "login.failed",
      subjectType: "resident",
      details: { method: "oidc" },
    });
    return redirect(
      `/logga-in?fel=${result.reason === "cancelled" ? "avbruten" : "misslyckad"}&redirectTo=${encodeURIComponent(result.redirectTo)}`,
      { headers },
    );
  }
  // The register decides at every login: a marker set or lifted since is followed (decision 046).
  // The same answer names the home municipality: the header's and the forms' municipality while
  // this browser has chosen none; kept with the session only (decision 109).
  const registered = await registerAtLogin(result.personnummer);
  const { person, created } = findOrCreatePersonAtLogin({ ...result, protectedIdentity: registered.protectedIdentity });
  const session = await createSession(request, {
    kind: "resident",
    personId: person.id,
    homeMunicipality: registered.municipality,
  });
  headers.append("Set-Cookie", session.setCookie);
  // What this browser filled in anonymously stays behind; the person's own work follows them (decision 042).
  headers.append("Set-Cookie", rotateEserviceCookie());
  const actor = {
    sessionId: session.sessionId,
    kind: "resident" as const,
    personId: person.id,
    name: `${person.givenName} ${person.familyName}`,
    roles: [],
  };
  if (created)
    audit({ actor, action: "person.created", subjectType: "person", subjectId: person.id, personId: person.id });
  audit({
    actor,
    action: "login",
    subjectType: "session",
    subjectId: session.sessionId.slice(0, 12),
    personId: person.id,
    details: { method: "oidc", acr: result.acr },
  });
  const represented = await representedOrganisations(person.id);
  if (represented.organisations.length > 0 || represented.unavailable) {
    return redirect(`/valj-part?redirectTo=${encodeURIComponent(result.redirectTo)}`, { headers });
  }
  setActing(session.sessionId, { kind: "self" });
  headers.append("Set-Cookie", await flashCookieHeader("flash.loggedIn", { name: actor.name }));
  return redirect(result.redirectTo, { headers });
}

/** Shown only when the provider's level of assurance was too low. */
export default function LoginRefused() {
  const { retry } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="prose">
      <h1>{t("login.assurance.title")}</h1>
      <div className="alert alert--error" role="alert">
        <p>{t("login.assurance.body")}</p>
      </div>
      <p>
        <a href={retry}>{t("login.assurance.retry")}</a>
      </p>
    </div>
  );
}
