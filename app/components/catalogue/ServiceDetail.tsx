import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ServiceView } from "~/services/catalogue.server";
import { ContentFooter, FallbackNote, SanitizedHtml, telHref } from "./ContentNotes";

type Offer = ServiceView["offers"][number];

/** schema.org GovernmentService (https://schema.org/GovernmentService) for search engines. */
function jsonLd(service: ServiceView, publicUrl: string) {
  const url = `${publicUrl.replace(/\/$/, "")}/tjanster/${service.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "GovernmentService",
    name: service.title,
    description: service.summary,
    url,
    serviceType: service.category,
    audience: { "@type": "Audience", audienceType: service.audience },
    provider: service.offers.map((o) => ({ "@type": "GovernmentOrganization", name: `${o.name} kommun` })),
    areaServed: service.offers.map((o) => ({ "@type": "AdministrativeArea", name: o.name })),
    availableChannel: {
      "@type": "ServiceChannel",
      serviceUrl: service.eServiceId ? `${publicUrl.replace(/\/$/, "")}/blanketter/${service.eServiceId}` : url,
    },
    ...(service.legalBasis ? { termsOfService: service.legalBasis } : {}),
  };
}

/** JSON inside <script> must not be able to close the element: escape "<". */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

function OfferFacts({ offer, service }: { offer: Offer; service: ServiceView }) {
  const { t } = useTranslation("catalogue");
  return (
    <dl className="facts">
      <dt>{t("service.fee")}</dt>
      <dd>{offer.fee ?? service.cost}</dd>
      <dt>{t("service.processingTime")}</dt>
      <dd>{offer.processingTime ?? service.processingTime}</dd>
      {offer.administration ? (
        <>
          <dt>{t("service.responsible")}</dt>
          <dd>{offer.administration}</dd>
        </>
      ) : null}
      {offer.contactName || offer.contactPhone || offer.contactEmail ? (
        <>
          <dt>{t("common.contact")}</dt>
          <dd>
            {offer.contactName}
            {offer.contactPhone ? (
              <>
                <br />
                <a href={telHref(offer.contactPhone)}>{offer.contactPhone}</a>
              </>
            ) : null}
            {offer.contactEmail ? (
              <>
                <br />
                <a href={`mailto:${offer.contactEmail}`}>{offer.contactEmail}</a>
              </>
            ) : null}
          </dd>
        </>
      ) : null}
      {offer.localRules ? (
        <>
          <dt>{t("service.localRules")}</dt>
          <dd>{offer.localRules}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function ServiceDetail({
  service,
  chosen,
  publicUrl,
}: {
  service: ServiceView;
  chosen: { slug: string; name: string } | null;
  publicUrl: string;
}) {
  const { t } = useTranslation("catalogue");
  const location = useLocation();
  const mine = chosen ? service.offers.find((o) => o.slug === chosen.slug) : undefined;
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <article className="service">
      {/* Data, not script: a data block is never executed, so CSP's script-src does not apply and it
          carries no nonce (a nonce would make the page unfit for the anonymous page cache, decision 030). */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(jsonLd(service, publicUrl)) }} />
      <p className="kicker">{t(`categories.${service.category}`)}</p>
      <h1>{service.title}</h1>
      <p className="lead">{service.summary}</p>
      <FallbackNote show={service.fallback} />

      {mine ? (
        <section aria-labelledby="yours-heading" className="panel panel--highlight">
          <h2 id="yours-heading">{t("service.yourMunicipality", { name: mine.name })}</h2>
          <OfferFacts offer={mine} service={service} />
          <p>
            <Link to={`/valj-kommun?tillbaka=${back}`}>{t("service.chooseLink")}</Link>
          </p>
        </section>
      ) : chosen ? (
        <section aria-labelledby="yours-heading" className="panel">
          <h2 id="yours-heading">{t("service.notOffered", { name: chosen.name })}</h2>
          <p>{t("service.offeredBy")}</p>
          <ul className="link-list">
            {service.offers.map((o) => (
              <li key={o.slug}>
                <Link to={`/${o.slug}/tjanster`}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="choose-heading" className="panel">
          <h2 id="choose-heading">{t("service.chooseHeading")}</h2>
          <p>{t("service.chooseBody")}</p>
          <p>
            <Link className="button button--secondary" to={`/valj-kommun?tillbaka=${back}`}>
              {t("service.chooseLink")}
            </Link>
          </p>
        </section>
      )}

      <h2>{t("service.audience")}</h2>
      <p>{service.audience}</p>

      <h2>{t("service.howToApply")}</h2>
      <SanitizedHtml html={service.howToApplyHtml} />
      {service.eServiceId ? (
        <p>
          <Link className="button" to={`/blanketter/${service.eServiceId}`}>
            {t("service.apply")}
          </Link>
        </p>
      ) : null}

      <h2>{t("service.cost")}</h2>
      <p>{service.cost}</p>

      <h2>{t("service.time")}</h2>
      <p>{service.processingTime}</p>

      <h2>{t("service.about")}</h2>
      <SanitizedHtml html={service.bodyHtml} className="prose service__body" />

      <h2>{t("service.legalBasis")}</h2>
      <p>{service.legalBasis}</p>

      {service.offers.length > 1 ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t("service.compareHeading")}</h2>
          <div className="table-wrap" role="region" aria-labelledby="compare-caption" tabIndex={0}>
            <table className="compare">
              <caption id="compare-caption">{t("service.compareCaption", { title: service.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("service.municipality")}</th>
                  <th scope="col">{t("service.fee")}</th>
                  <th scope="col">{t("service.processingTime")}</th>
                  <th scope="col">{t("common.contact")}</th>
                </tr>
              </thead>
              <tbody>
                {service.offers.map((o) => (
                  <tr key={o.slug} className={o.slug === chosen?.slug ? "compare__mine" : undefined}>
                    <th scope="row">
                      <Link to={`/${o.slug}/tjanster`}>{o.name}</Link>
                      {o.slug === chosen?.slug ? <span className="tag">{t("service.yours")}</span> : null}
                    </th>
                    <td>{o.fee ?? t("service.sameAsAbove")}</td>
                    <td>{o.processingTime ?? t("service.sameAsAbove")}</td>
                    <td>
                      {o.contactName}
                      {o.contactPhone ? (
                        <>
                          <br />
                          <a href={telHref(o.contactPhone)}>{o.contactPhone}</a>
                        </>
                      ) : null}
                      {o.contactEmail ? (
                        <>
                          <br />
                          <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {service.related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t("service.related")}</h2>
          <ul className="link-list">
            {service.related.map((r) => (
              <li key={r.slug}>
                <Link to={`/tjanster/${r.slug}`}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {service.authorities.length ? (
        <section aria-labelledby="authorities-heading">
          <h2 id="authorities-heading">{t("service.authorities")}</h2>
          <p>{t("service.authoritiesLead")}</p>
          <ul className="link-list">
            {service.authorities.map((a) => (
              <li key={a.slug} id={`myndighet-${a.slug}`}>
                <a href={a.url} rel="noopener noreferrer">
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ContentFooter reviewedAt={service.reviewedAt} example={service.example} />
    </article>
  );
}
