import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { providerLogoutUrl } from "~/auth/oidc.server";
import { staffProviderLogoutUrl } from "~/auth/staff-sso/oidc.server";
import { getSsoProvider } from "~/auth/staff-sso/providers.server";
import { staffSamlLogoutUrl } from "~/auth/staff-sso/saml-login.server";
import {
  clearSessionCookie,
  getSessionRow,
  getSessionUser,
  revokeAllSessions,
  revokeSession,
} from "~/auth/session.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { env } from "~/env.server";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { rotateEserviceCookie } from "~/services/eservice-session.server";
import { flashCookieHeader } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: "auth" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const t = getFixedT(request, "auth");
  return { title: t("logout.title"), signedIn: Boolean(user) };
}

/** Ends the session here (and at the identity provider when it supports that). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const user = await getSessionUser(request);
  const row = await getSessionRow(request);
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", await clearSessionCookie());
  // The next person at this browser starts with a new, empty browser key (decision 042).
  headers.append("Set-Cookie", rotateEserviceCookie());
  if (!user || !row) return redirect("/", { headers });
  const everywhere = form.get("everywhere") === "1";
  revokeSession(user.sessionId);
  if (everywhere) {
    const n = revokeAllSessions(
      user.kind === "staff" ? { staffUserId: user.staffUserId! } : { personId: user.personId! },
    );
    audit({
      actor: user,
      action: "logout.everywhere",
      subjectType: "session",
      personId: user.personId,
      municipalityId: user.municipalityId ?? undefined,
      details: { sessions: n + 1 },
    });
  } else {
    audit({
      actor: user,
      action: "logout",
      subjectType: "session",
      subjectId: user.sessionId.slice(0, 12),
      personId: user.personId,
      municipalityId: user.municipalityId ?? undefined,
    });
  }
  headers.append("Set-Cookie", await flashCookieHeader(everywhere ? "flash.loggedOutEverywhere" : "flash.loggedOut"));
  if (user.kind === "staff") {
    // Signed in through the municipality's provider: end that session too, when it can (decision 064).
    // SAML: a signed LogoutRequest when the provider has an SLO URL (decision 073).
    const protocol = row.ssoProviderId ? getSsoProvider(row.ssoProviderId)?.protocol : undefined;
    const atStaffProvider =
      row.ssoProviderId && protocol === "saml"
        ? await staffSamlLogoutUrl(row.ssoProviderId, user.staffUserId!, row.ssoSessionIndex)
        : row.ssoProviderId
          ? await staffProviderLogoutUrl(row.ssoProviderId, row.ssoSessionIndex, getLanguage(request))
          : null;
    return redirect(atStaffProvider ?? "/personal/logga-in", { headers });
  }
  const atProvider = await providerLogoutUrl(`${env().PUBLIC_URL}/`, getLanguage(request));
  return redirect(atProvider ?? "/", { headers });
}

export default function Logout() {
  const { signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="prose">
      <h1>{t("logout.title")}</h1>
      {signedIn ? (
        <Form method="post" reloadDocument>
          <CsrfField />
          <p>{t("logout.question")}</p>
          <div className="button-row">
            <button type="submit" className="button">
              {t("logout.button")}
            </button>
            <button type="submit" name="everywhere" value="1" className="button button--secondary">
              {t("logout.everywhere")}
            </button>
          </div>
        </Form>
      ) : (
        <p>{t("logout.notSignedIn")}</p>
      )}
    </div>
  );
}
