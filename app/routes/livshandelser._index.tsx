import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listLifeEvents } from "~/services/authorities.server";
import styles from "~/styles/authorities.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: "authorities",
  breadcrumb: (match) => ({
    label: (match.data as { title?: string } | undefined)?.title ?? "",
    href: "/livshandelser",
  }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang, "authorities");
  return { title: t("lifeEvents.title"), description: t("lifeEvents.lead"), guides: listLifeEvents(lang) };
}

export default function LifeEvents() {
  const { guides } = useLoaderData<typeof loader>();
  const { t } = useTranslation("authorities");
  return (
    <>
      <h1>{t("lifeEvents.title")}</h1>
      <p className="lead">{t("lifeEvents.lead")}</p>
      <ul className="card-grid">
        {guides.map((g) => (
          <li key={g.slug} className="card">
            <h2 className="card__title">
              <Link to={`/livshandelser/${g.slug}`}>{g.title}</Link>
            </h2>
            <p>{g.summary}</p>
            <p className="card__meta">{t("lifeEvents.steps", { count: g.stepCount })}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/andra-myndigheter">{t("authorities.title")}</Link>
      </p>
    </>
  );
}
