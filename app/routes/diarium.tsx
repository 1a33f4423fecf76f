import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { diariumFeedPath, diariumFeedTitle } from "~/services/diarium-feed.server";
import {
  DIARIUM_CSV_MAX,
  diariumFilterOptions,
  parseDiariumQuery,
  searchDiarium,
  type DiariumFeedQuery,
} from "~/services/diarium.server";
import eserviceStyles from "~/styles/eservice.css";
import { diariumCsvHref, diariumPageHref } from "~/utils/diarium-links";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
export const handle: RouteHandle = {
  i18n: ["diarium", "eservice"],
  breadcrumb: () => ({ labelKey: "diarium:breadcrumb", href: "/diarium" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang, "diarium");
  const url = new URL(request.url);
  const parsed = parseDiariumQuery(url.searchParams);
  // The feed follows the municipality and administration chosen, when they are valid ones.
  const feedQuery: DiariumFeedQuery = parsed.ok
    ? { kommun: parsed.query.kommun, forvaltning: parsed.query.forvaltning }
    : {};
  const feedTitle = diariumFeedTitle(feedQuery, lang);
  // Announced with <link rel="alternate"> by pageMeta, and linked visibly below.
  const feeds = {
    atom: diariumFeedPath("atom", feedQuery, lang),
    rss: diariumFeedPath("rss", feedQuery, lang),
    atomTitle: t("feed.alternateAtom", { title: feedTitle.title }),
    rssTitle: t("feed.alternateRss", { title: feedTitle.title }),
    filters: feedTitle.filters,
  };
  const base = {
    title: t("title"),
    description: t("lead"),
    options: diariumFilterOptions(lang),
    csvMax: DIARIUM_CSV_MAX,
    feeds,
  };
  if (!parsed.ok) {
    return data({ ...base, query: parsed.query, errors: parsed.errors, result: null }, { status: 400 });
  }
  return {
    ...base,
    query: parsed.query as Record<string, string | number | undefined>,
    errors: null,
    result: searchDiarium(parsed.query, lang),
  };
}

const FIELD_IDS: Record<string, string> = {
  q: "q",
  kommun: "kommun",
  forvaltning: "forvaltning",
  status: "status",
  fran: "fran",
  till: "till",
  sida: "q",
  _form: "q",
};

export default function Diarium() {
  const { options, query, errors, result, csvMax, feeds } = useLoaderData<typeof loader>();
  const { t } = useTranslation("diarium");
  const q = query as Record<string, string | number | undefined>;
  const value = (k: string) => (q[k] === undefined ? "" : String(q[k]));
  const errorItems = Object.entries(errors ?? {}).map(([field, e]) => ({
    href: FIELD_IDS[field] ?? "q",
    text: t(`errors.${e.code}`, e.params ?? {}),
  }));
  const errorFor = (field: string) =>
    errors && (errors as Record<string, { code: string }>)[field]
      ? t(`errors.${(errors as Record<string, { code: string }>)[field]!.code}`)
      : null;
  // The same on every row: translated once per page, not 25 times (decision 139).
  const requestLink = t("requestLink");

  const input = (name: string, type = "text", width?: string) => {
    const err = errorFor(name);
    const hint = name === "q" || name === "fran" || name === "till";
    const describedBy = [hint ? `${name}-hint` : "", err ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
    const labelKey = name === "fran" ? "from" : name === "till" ? "to" : name;
    return (
      <div className={`field${err ? " field--error" : ""}`}>
        <label htmlFor={name}>{t(`${labelKey}.label`)}</label>
        {hint ? (
          <span className="field__hint" id={`${name}-hint`}>
            {t(`${labelKey}.hint`)}
          </span>
        ) : null}
        {err ? (
          <span className="field__error" id={`${name}-error`}>
            {err}
          </span>
        ) : null}
        <input
          id={name}
          name={name}
          type={type}
          defaultValue={value(name)}
          aria-invalid={err ? true : undefined}
          aria-describedby={describedBy}
          className={width}
          inputMode={type === "text" && name !== "q" ? "numeric" : undefined}
          maxLength={name === "q" ? 100 : 10}
          autoComplete="off"
        />
      </div>
    );
  };
  const select = (name: string, labelKey: string, items: { value: string; label: string }[]) => {
    const err = errorFor(name);
    return (
      <div className={`field${err ? " field--error" : ""}`}>
        <label htmlFor={name}>{t(`${labelKey}.label`)}</label>
        {err ? (
          <span className="field__error" id={`${name}-error`}>
            {err}
          </span>
        ) : null}
        <select
          id={name}
          name={name}
          defaultValue={value(name)}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${name}-error` : undefined}
        >
          <option value="">{t(`${labelKey}.all`)}</option>
          {items.map((i) => (
            <option key={i.value} value={i.value}>
              {i.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ErrorSummary title={t("errorSummary")} items={errorItems} />
      <section aria-labelledby="search-heading" className="panel">
        <h2 id="search-heading">{t("searchHeading")}</h2>
        <Form method="get" action="/diarium" role="search" aria-labelledby="search-heading">
          {input("q", "search")}
          <div className="filters">
            {select(
              "kommun",
              "municipality",
              options.municipalities.map((m) => ({ value: m.slug, label: m.name })),
            )}
            {select(
              "forvaltning",
              "administration",
              options.administrations.map((a) => ({ value: a.slug, label: a.name })),
            )}
            {select("status", "status", options.statuses)}
            {input("fran", "text", "input--width-10")}
            {input("till", "text", "input--width-10")}
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              {t("submit")}
            </button>
            <Link to="/diarium">{t("reset")}</Link>
          </div>
        </Form>
      </section>

      {result ? (
        <section aria-labelledby="result-heading">
          <h2 id="result-heading" aria-live="polite">
            {t("resultCount", { count: result.total })}
          </h2>
          {result.total === 0 ? (
            <p>{t("noResults")}</p>
          ) : (
            <>
              <p>
                <a href={diariumCsvHref(q)} download>
                  {t("export")}
                </a>{" "}
                <span className="field__hint">{t("exportNote", { max: csvMax })}</span>
              </p>
              <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="diarium-caption">
                <table className="diarium-table">
                  <caption id="diarium-caption">{t("table.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("table.reference")}</th>
                      <th scope="col">{t("table.date")}</th>
                      <th scope="col">{t("table.title")}</th>
                      <th scope="col">{t("table.party")}</th>
                      <th scope="col">{t("table.municipalityAndAdministration")}</th>
                      <th scope="col">{t("table.status")}</th>
                      <th scope="col">{t("table.request")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.entries.map((e) => (
                      <tr key={e.reference}>
                        <th scope="row" className="nowrap">
                          {e.reference}
                        </th>
                        <td className="nowrap">{formatDate(e.registeredAt)}</td>
                        <td>
                          {e.title}
                          {e.subject ? (
                            <>
                              <br />
                              <span className="field__hint">{e.subject}</span>
                            </>
                          ) : null}
                        </td>
                        <td>{e.party}</td>
                        <td>
                          {e.municipality}
                          <br />
                          <span className="field__hint">{e.administration}</span>
                        </td>
                        <td>{e.statusLabel}</td>
                        <td>
                          {e.requestable ? (
                            <a
                              href={`/blanketter/begaran-allman-handling?diarienummer=${encodeURIComponent(e.reference)}`}
                            >
                              {/* The accessible name starts with the visible text (WCAG 2.5.3). */}
                              {requestLink}{" "}
                              <span className="visually-hidden">
                                {t("requestLinkContext", { reference: e.reference })}
                              </span>
                            </a>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav aria-label={t("pagination.label")}>
                <ul className="pagination">
                  {result.page > 1 ? (
                    <li>
                      <Link to={diariumPageHref(q, result.page - 1)} rel="prev">
                        {t("pagination.previous")}
                      </Link>
                    </li>
                  ) : null}
                  <li aria-current="page">{t("pagination.page", { page: result.page, pages: result.pages })}</li>
                  {result.page < result.pages ? (
                    <li>
                      <Link to={diariumPageHref(q, result.page + 1)} rel="next">
                        {t("pagination.next")}
                      </Link>
                    </li>
                  ) : null}
                </ul>
              </nav>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="feed-heading">
        <h2 id="feed-heading">{t("feed.heading")}</h2>
        <p>
          {feeds.filters ? t("feed.subscribeFiltered", { filters: feeds.filters }) : t("feed.subscribe")}{" "}
          <a href={feeds.atom} type="application/atom+xml">
            {t("feed.atom")}
          </a>
          {", "}
          <a href={feeds.rss} type="application/rss+xml">
            {t("feed.rss")}
          </a>
        </p>
        <p className="field__hint">{t("feed.subscribeNote")}</p>
      </section>

      <section aria-labelledby="masking-heading">
        <h2 id="masking-heading">{t("masking.heading")}</h2>
        <p>{t("masking.body")}</p>
      </section>
    </>
  );
}
