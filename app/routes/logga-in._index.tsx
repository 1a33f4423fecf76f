import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { oidcConfigured } from "~/auth/oidc.server";
import { getSessionUser } from "~/auth/session.server";
import { getFixedT } from "~/i18n/i18n.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: "auth",
  breadcrumb: () => ({ labelKey: "auth:login.title", href: "/logga-in" }),
};

const PROBLEMS = ["avbruten", "misslyckad", "otillganglig"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "/mina-sidor");
  const user = await getSessionUser(request);
  if (user?.kind === "resident") throw redirect(redirectTo);
  const problem = url.searchParams.get("fel");
  const t = getFixedT(request, "auth");
  return {
    title: t("login.title"),
    redirectTo,
    available: oidcConfigured(),
    problem: PROBLEMS.find((p) => p === problem) ?? null,
  };
}

export default function Login() {
  const { redirectTo, available, problem } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="prose">
      <h1>{t("login.title")}</h1>
      {problem ? (
        <div className="alert alert--error" role="alert">
          <p>{t(`login.problem.${problem}`)}</p>
        </div>
      ) : null}
      <p className="lead">{t("login.lead")}</p>
      {available ? (
        <form method="get" action="/logga-in/start">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" className="button">
            {t("login.button")}
          </button>
        </form>
      ) : (
        <div className="alert alert--warning">
          <p>{t("login.unavailable")}</p>
        </div>
      )}
      <h2>{t("login.helpTitle")}</h2>
      <p>{t("login.help")}</p>
      <p>
        <Link to="/personal/logga-in">{t("login.staffLink")}</Link>
      </p>
    </div>
  );
}
