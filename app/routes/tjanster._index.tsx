import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ServiceList } from "~/components/catalogue/ServiceList";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { CATEGORIES, countServicesByCategory, isCategory, listServices } from "~/services/catalogue.server";
import { listMunicipalities } from "~/services/municipalities.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];
export const handle: RouteHandle = {
  i18n: "catalogue",
  breadcrumb: () => ({ labelKey: "ladder.information.short", href: "/tjanster" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang, "catalogue");
  const asked = new URL(request.url).searchParams.get("kategori");
  const category = isCategory(asked) ? asked : null;
  const unknownCategory = asked !== null && asked !== "" && !category;
  const counts = countServicesByCategory();
  return data(
    {
      title: category ? `${t(`categories.${category}`)} – ${t("services.title")}` : t("services.title"),
      description: t("services.lead"),
      category,
      unknownCategory,
      categories: CATEGORIES.map((slug) => ({ slug, count: counts[slug] ?? 0 })),
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      municipalities: listMunicipalities().map((m) => ({ slug: m.slug, name: m.name })),
      services: listServices({ lang, category }),
    },
    { status: unknownCategory ? 400 : 200 },
  );
}

export default function Services() {
  const { category, unknownCategory, categories, total, municipalities, services } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  return (
    <>
      <h1>{category ? t(`categories.${category}`) : t("services.title")}</h1>
      <p className="lead">{t("services.lead")}</p>
      {unknownCategory ? (
        <div className="alert alert--error" role="alert">
          {t("services.unknownCategory")}
        </div>
      ) : null}
      <div className="browse">
        <nav aria-labelledby="by-category" className="browse__nav">
          <h2 id="by-category">{t("services.byCategory")}</h2>
          <ul className="link-list">
            <li>
              <Link to="/tjanster" aria-current={category ? undefined : "page"}>
                {t("services.allCategories")}
              </Link>{" "}
              <span className="count">({total})</span>
            </li>
            {categories.map((c) => (
              <li key={c.slug}>
                <Link to={`/tjanster?kategori=${c.slug}`} aria-current={category === c.slug ? "page" : undefined}>
                  {t(`categories.${c.slug}`)}
                </Link>{" "}
                <span className="count">({c.count})</span>
              </li>
            ))}
          </ul>
          <h2 id="by-municipality">{t("services.byMunicipality")}</h2>
          <ul className="link-list" aria-labelledby="by-municipality">
            {municipalities.map((m) => (
              <li key={m.slug}>
                <Link to={`/${m.slug}/tjanster`}>{t("services.servicesIn", { name: m.name })}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="service-list" className="browse__main">
          <h2 id="service-list">
            {category ? t(`categories.${category}`) : t("services.allHeading")}{" "}
            <span className="count">({t("services.count", { count: services.length })})</span>
          </h2>
          {services.length ? (
            <ServiceList services={services} municipalities={municipalities} />
          ) : (
            <p>{t("services.none")}</p>
          )}
        </section>
      </div>
    </>
  );
}
