import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getSessionUser } from "~/auth/session.server";
import { listMunicipalities, localized, visitorMunicipality } from "~/services/municipalities.server";
import { formatNameList } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang);
  // The browser's choice, else a logged-in resident's home municipality (decision 109).
  const chosen = visitorMunicipality(request, await getSessionUser(request))?.municipality;
  const all = listMunicipalities();
  // The municipalities come from the table (issue 13 item 4); a fresh install has none yet.
  const lead =
    all.length > 0
      ? t("home.lead", {
          municipalities: formatNameList(
            all.map((m) => m.name),
            lang,
          ),
        })
      : t("home.leadNoMunicipality");
  return {
    title: t("home.title"),
    description: lead,
    lead,
    chosen: chosen?.slug ?? null,
    municipalities: all.map((m) => ({
      slug: m.slug,
      name: m.name,
      intro: localized(m, "intro", lang),
      population: m.population,
    })),
  };
}

const LADDER = [
  { key: "information", href: "/tjanster" },
  { key: "forms", href: "/blanketter" },
  { key: "myPages", href: "/mina-sidor" },
  { key: "authorities", href: "/andra-myndigheter" },
] as const;

export default function Home() {
  const { municipalities, chosen, lead } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{lead}</p>
        <Form method="get" action="/sok" role="search" className="search-form" aria-label={t("search.label")}>
          <label htmlFor="home-search" className="search-form__label">
            {t("search.label")}
          </label>
          <div className="search-form__row">
            <input id="home-search" type="search" name="q" autoComplete="off" maxLength={200} />
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
          </div>
        </Form>
      </div>

      <section aria-labelledby="ladder-heading">
        <h2 id="ladder-heading">{t("home.ladderHeading")}</h2>
        <ol className="ladder">
          {LADDER.map((step, index) => (
            <li key={step.key} className="ladder__step">
              <span className="ladder__number" aria-hidden="true">
                {index + 1}
              </span>
              <h3>
                <Link to={step.href}>{t(`ladder.${step.key}.title`)}</Link>
              </h3>
              <p>{t(`ladder.${step.key}.description`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading">{t("home.municipalitiesHeading")}</h2>
        <ul className="card-grid">
          {municipalities.map((m) => (
            <li key={m.slug} className="card">
              <h3>
                <Link to={`/${m.slug}`}>{m.name}</Link>
              </h3>
              <p>{m.intro}</p>
              {chosen === m.slug ? <p className="tag">{t("municipality.yours")}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
