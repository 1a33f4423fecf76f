import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listMunicipalities } from "~/services/municipalities.server";
import { search, SEARCH_TYPES, type SearchResult } from "~/services/search.server";
import { MAX_INPUT } from "~/services/search-query.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];
export const handle: RouteHandle = {
  i18n: "catalogue",
  breadcrumb: (match) => {
    const d = match.data as { crumb?: string } | undefined;
    return d?.crumb ? { label: d.crumb, href: "/sok" } : null;
  },
};

type Segments = SearchResult["hits"][number]["snippet"];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang, "catalogue");
  const params = new URL(request.url).searchParams;
  // Anything typed is accepted; only the first MAX_INPUT characters are searched and echoed.
  const q = (params.get("q") ?? "").slice(0, MAX_INPUT).trim();
  const municipalities = listMunicipalities().map((m) => ({ slug: m.slug, name: m.name }));
  const typeParam = params.get("typ") || null;
  const municipalityParam = params.get("kommun") || null;
  const errors: { typ?: string; kommun?: string } = {};
  if (typeParam && !(SEARCH_TYPES as readonly string[]).includes(typeParam)) errors.typ = t("search.badFilter");
  if (municipalityParam && !municipalities.some((m) => m.slug === municipalityParam))
    errors.kommun = t("search.badFilter");
  const pageNumber = Number.parseInt(params.get("sida") ?? "1", 10);
  const invalid = Object.keys(errors).length > 0;
  const result =
    q && !invalid ? search({ q, lang, type: typeParam, municipality: municipalityParam, page: pageNumber }) : null;
  return data(
    {
      title: q ? t("search.titleFor", { q }) : t("search.title"),
      crumb: t("search.title"),
      q,
      type: errors.typ ? null : typeParam,
      municipality: errors.kommun ? null : municipalityParam,
      errors,
      municipalities,
      result,
    },
    { status: invalid ? 400 : 200 },
  );
}

function Marked({ segments }: { segments: Segments }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

function pageHref(q: string, type: string | null, municipality: string | null, page: number) {
  const p = new URLSearchParams({ q });
  if (type) p.set("typ", type);
  if (municipality) p.set("kommun", municipality);
  if (page > 1) p.set("sida", String(page));
  return `/sok?${p.toString()}`;
}

export default function Search() {
  const { q, type, municipality, errors, municipalities, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  const names = new Map(municipalities.map((m) => [m.slug, m.name]));
  const errorList = Object.entries(errors) as [keyof typeof errors, string][];
  return (
    <>
      <h1>{q ? t("search.titleFor", { q }) : t("search.title")}</h1>
      {errorList.length ? (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t("search.filters")}</h2>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                <a href={`#search-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="get" action="/sok" role="search" className="search-page-form" aria-label={t("search.label")}>
        <div className="field">
          <label htmlFor="search-q">{t("search.label")}</label>
          <div className="search-form__row">
            <input id="search-q" type="search" name="q" defaultValue={q} maxLength={MAX_INPUT} autoComplete="off" />
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
          </div>
        </div>
        <fieldset className="search-filters">
          <legend>{t("search.filters")}</legend>
          <div className={`field${errors.typ ? " field--error" : ""}`}>
            <label htmlFor="search-typ">{t("search.type")}</label>
            {errors.typ ? (
              <span className="field__error" id="search-typ-error">
                {errors.typ}
              </span>
            ) : null}
            <select
              id="search-typ"
              name="typ"
              defaultValue={type ?? ""}
              aria-invalid={errors.typ ? true : undefined}
              aria-describedby={errors.typ ? "search-typ-error" : undefined}
            >
              <option value="">{t("search.anyType")}</option>
              {SEARCH_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`search.types.${ty}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${errors.kommun ? " field--error" : ""}`}>
            <label htmlFor="search-kommun">{t("search.municipality")}</label>
            {errors.kommun ? (
              <span className="field__error" id="search-kommun-error">
                {errors.kommun}
              </span>
            ) : null}
            <select
              id="search-kommun"
              name="kommun"
              defaultValue={municipality ?? ""}
              aria-invalid={errors.kommun ? true : undefined}
              aria-describedby={errors.kommun ? "search-kommun-error" : undefined}
            >
              <option value="">{t("search.anyMunicipality")}</option>
              {municipalities.map((m) => (
                <option key={m.slug} value={m.slug}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("search.apply")}
          </button>
        </fieldset>
      </Form>

      {!q ? <p>{t("search.empty")}</p> : null}

      {result && result.total > 0 ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t("search.results", { count: result.total })}</h2>
          {result.foldedTerms.length ? (
            <p className="note">{t("search.folded", { terms: result.foldedTerms.join(", ") })}</p>
          ) : null}
          <ol className="search-results" start={(result.page - 1) * 20 + 1}>
            {result.hits.map((hit) => (
              <li key={hit.url} className="search-results__item">
                <h3 className="search-results__title">
                  <Link to={hit.url}>
                    <Marked segments={hit.title} />
                  </Link>
                </h3>
                <p className="search-results__meta">
                  <span className="tag">{t(`search.types.${hit.type}`, { defaultValue: hit.type })}</span>{" "}
                  {hit.municipalities === "*"
                    ? t("search.allFive")
                    : hit.municipalities.map((m) => names.get(m) ?? m).join(", ")}
                </p>
                <p>
                  <Marked segments={hit.snippet} />
                </p>
              </li>
            ))}
          </ol>
          {result.pages > 1 ? (
            <nav aria-label={t("search.pagination")} className="pagination">
              <p>{t("search.page", { page: result.page, pages: result.pages })}</p>
              <ul>
                {result.page > 1 ? (
                  <li>
                    <Link to={pageHref(q, type, municipality, result.page - 1)}>{t("search.previous")}</Link>
                  </li>
                ) : null}
                {result.page < result.pages ? (
                  <li>
                    <Link to={pageHref(q, type, municipality, result.page + 1)}>{t("search.next")}</Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : null}

      {result && result.total === 0 ? (
        <section aria-labelledby="nothing-heading" className="panel">
          <h2 id="nothing-heading">{t("search.nothingHeading")}</h2>
          <p>{t("search.nothingFor", { q })}</p>
          <ul>
            {(t("search.tips", { returnObjects: true }) as string[]).map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
          <p>{t("search.browse")}</p>
          <p>
            <Link to="/tjanster">{t("search.browseLink")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
