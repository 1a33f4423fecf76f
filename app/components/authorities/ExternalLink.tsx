import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";

export interface LinkStateProps {
  url: string;
  broken: boolean;
  lastVerifiedAt: string | null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/**
 * A link to another authority's site with what residents need to trust it: that it leaves
 * the portal, when it was last checked, and a plain warning when the checker found it broken.
 */
export function ExternalLink({ link, children }: { link: LinkStateProps; children: React.ReactNode }) {
  const { t } = useTranslation("authorities");
  return (
    <>
      <a href={link.url} rel="external">
        {children} <span className="visually-hidden">{t("authorities.visitExternal")}</span>
      </a>
      {link.broken ? <strong className="link-broken"> {t("authorities.brokenShort")}</strong> : null}
    </>
  );
}

export function LinkVerified({ link }: { link: LinkStateProps }) {
  const { t } = useTranslation("authorities");
  if (link.broken) {
    return (
      <p className="alert alert--warning link-broken-alert" role="note">
        {t("authorities.broken")}
      </p>
    );
  }
  return (
    <p className="note link-verified">
      {link.lastVerifiedAt
        ? t("authorities.lastVerified", { date: formatDate(link.lastVerifiedAt) })
        : t("authorities.notVerified")}
    </p>
  );
}
