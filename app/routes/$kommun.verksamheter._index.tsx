import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listPages, municipalityOr404 } from "~/services/catalogue.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];
export const handle: RouteHandle = {
  i18n: "catalogue",
  breadcrumb: (match) => {
    const d = match.data as { municipality?: { slug: string; name: string }; crumb?: string } | undefined;
    if (!d?.municipality) return null;
    return [
      { label: d.municipality.name, href: `/${d.municipality.slug}` },
      { label: d.crumb ?? "", href: `/${d.municipality.slug}/verksamheter` },
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = municipalityOr404(params.kommun);
  const lang = getLanguage(request);
  const t = getFixedT(lang, "catalogue");
  return {
    title: t("municipal.activitiesTitle", { name: m.name }),
    description: t("municipal.activitiesLead"),
    crumb: t("municipal.activitiesCrumb"),
    municipality: { slug: m.slug, name: m.name },
    activities: listPages({ municipalityId: m.id, lang, kind: "activity" }),
  };
}

export default function Activities() {
  const { municipality: m, activities } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  return (
    <>
      <h1>{t("municipal.activitiesTitle", { name: m.name })}</h1>
      <p className="lead">{t("municipal.activitiesLead")}</p>
      <ul className="service-list">
        {activities.map((a) => (
          <li key={a.slug} className="service-list__item">
            <h2 className="service-list__title">
              <Link to={`/${m.slug}/verksamheter/${a.slug}`}>{a.title}</Link>
            </h2>
            <p>{a.summary}</p>
            {a.administration ? <p className="service-list__meta">{a.administration}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
