import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSessionUser } from "~/auth/session.server";
import { getFixedT } from "~/i18n/i18n.server";
import {
  getMunicipalityBySlug,
  listMunicipalities,
  municipalityCookieHeader,
  visitorMunicipality,
} from "~/services/municipalities.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
export const handle: RouteHandle = {
  breadcrumb: () => ({ labelKey: "municipality.chooseTitle", href: "/valj-kommun" }),
};

/**
 * Choosing a municipality only sets a preference cookie (no server state changes), so it is a
 * plain GET link that works everywhere without JavaScript and needs no CSRF token.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const back = safeRedirectPath(url.searchParams.get("tillbaka"), "/");
  const slug = url.searchParams.get("kommun");
  if (slug) {
    const m = getMunicipalityBySlug(slug);
    if (m) return redirect(back, { headers: { "Set-Cookie": municipalityCookieHeader(m.slug) } });
  }
  const t = getFixedT(request);
  return {
    title: t("municipality.chooseTitle"),
    back,
    unknown: Boolean(slug),
    // Marked as the visitor's: the one chosen, else a logged-in resident's home municipality (decision 109).
    chosen: visitorMunicipality(request, await getSessionUser(request))?.municipality.slug ?? null,
    municipalities: listMunicipalities().map((m) => ({ slug: m.slug, name: m.name })),
  };
}

export default function ChooseMunicipality() {
  const { back, municipalities, chosen, unknown } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("municipality.chooseTitle")}</h1>
      <p className="lead">{t("municipality.chooseLead")}</p>
      {unknown ? (
        <div className="alert alert--error" role="alert">
          {t("municipality.unknown")}
        </div>
      ) : null}
      {municipalities.length === 0 ? <p>{t("municipality.none")}</p> : null}
      <ul className="choice-list">
        {municipalities.map((m) => (
          <li key={m.slug}>
            <a
              className="choice-list__link"
              href={`/valj-kommun?kommun=${m.slug}&tillbaka=${encodeURIComponent(back)}`}
              aria-current={chosen === m.slug ? "true" : undefined}
            >
              {m.name}
              {chosen === m.slug ? <span className="tag">{t("municipality.yours")}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
