import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";

/** The notes under a published text: language fallback, example content, last reviewed. */
export function FallbackNote({ show }: { show: boolean }) {
  const { t } = useTranslation("catalogue");
  if (!show) return null;
  return <p className="alert alert--warning">{t("common.fallback")}</p>;
}

export function ContentFooter({
  reviewedAt,
  example,
  publishedAt,
}: {
  reviewedAt?: string;
  example: boolean;
  publishedAt?: string;
}) {
  const { t } = useTranslation("catalogue");
  return (
    <footer className="content-footer">
      {publishedAt ? <p className="note">{t("common.published", { date: formatDate(publishedAt) })}</p> : null}
      {reviewedAt ? <p className="note">{t("common.lastReviewed", { date: reviewedAt })}</p> : null}
      {example ? <p className="note">{t("common.example")}</p> : null}
    </footer>
  );
}

/** Server-rendered, server-sanitised Markdown (app/utils/markdown.server.ts). */
export function SanitizedHtml({ html, className = "prose" }: { html: string; className?: string }) {
  if (!html) return null;
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function telHref(phone: string) {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}
