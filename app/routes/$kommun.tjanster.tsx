import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ServiceList } from "~/components/catalogue/ServiceList";
import { telHref } from "~/components/catalogue/ContentNotes";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listServicesByAdministration, municipalityOr404 } from "~/services/catalogue.server";
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
      { label: d.crumb ?? "", href: `/${d.municipality.slug}/tjanster` },
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = municipalityOr404(params.kommun);
  const lang = getLanguage(request);
  const t = getFixedT(lang, "catalogue");
  return {
    title: t("municipal.servicesTitle", { name: m.name }),
    description: t("municipal.servicesLead", { name: m.name }),
    crumb: t("municipal.servicesCrumb"),
    municipality: { slug: m.slug, name: m.name },
    administrations: listServicesByAdministration({ municipalityId: m.id, lang }),
  };
}

export default function MunicipalServices() {
  const { municipality: m, administrations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  return (
    <>
      <h1>{t("municipal.servicesTitle", { name: m.name })}</h1>
      <p className="lead">{t("municipal.servicesLead", { name: m.name })}</p>
      <nav aria-labelledby="admin-toc" className="toc">
        <h2 id="admin-toc" className="visually-hidden">
          {t("common.administration")}
        </h2>
        <ul className="link-list">
          {administrations.map((a) => (
            <li key={a.slug}>
              <a href={`#${a.slug}`}>{a.name}</a>{" "}
              <span className="count">({t("services.count", { count: a.services.length })})</span>
            </li>
          ))}
        </ul>
      </nav>
      {administrations.map((a) => (
        <section key={a.slug} aria-labelledby={a.slug} className="admin-group">
          <h2 id={a.slug}>{a.name}</h2>
          <p>{a.description}</p>
          <p className="note">
            <a href={telHref(a.phone)}>{a.phone}</a> · <a href={`mailto:${a.email}`}>{a.email}</a>
          </p>
          <ServiceList services={a.services} municipalities={[]} showOffered={false} />
        </section>
      ))}
    </>
  );
}
