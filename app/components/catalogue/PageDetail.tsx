import { useTranslation } from "react-i18next";
import { ContentFooter, FallbackNote, SanitizedHtml, telHref } from "./ContentNotes";

export interface PageDetailView {
  title: string;
  summary: string;
  bodyHtml: string;
  administration: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  visitingAddress: string | null;
  openingHours: string | null;
  reviewedAt: string;
  example: boolean;
  fallback: boolean;
}

/** A municipal page; activities (verksamheter) also show contact and opening hours. */
export function PageDetail({ item }: { item: PageDetailView }) {
  const { t } = useTranslation("catalogue");
  const hasContact = item.contactPhone || item.contactEmail || item.visitingAddress || item.openingHours;
  return (
    <article>
      {item.administration ? <p className="kicker">{item.administration}</p> : null}
      <h1>{item.title}</h1>
      <p className="lead">{item.summary}</p>
      <FallbackNote show={item.fallback} />
      {hasContact ? (
        <section aria-labelledby="page-contact" className="panel">
          <h2 id="page-contact">{t("common.contact")}</h2>
          <dl className="facts">
            {item.openingHours ? (
              <>
                <dt>{t("common.openingHours")}</dt>
                <dd>{item.openingHours}</dd>
              </>
            ) : null}
            {item.visitingAddress ? (
              <>
                <dt>{t("common.visitingAddress")}</dt>
                <dd>{item.visitingAddress}</dd>
              </>
            ) : null}
            {item.contactPhone ? (
              <>
                <dt>{t("common.phone")}</dt>
                <dd>
                  <a href={telHref(item.contactPhone)}>{item.contactPhone}</a>
                  {item.contactName ? ` (${item.contactName})` : null}
                </dd>
              </>
            ) : null}
            {item.contactEmail ? (
              <>
                <dt>{t("common.email")}</dt>
                <dd>
                  <a href={`mailto:${item.contactEmail}`}>{item.contactEmail}</a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      <SanitizedHtml html={item.bodyHtml} />
      <ContentFooter reviewedAt={item.reviewedAt} example={item.example} />
    </article>
  );
}
