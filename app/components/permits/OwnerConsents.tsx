import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "~/utils/format";

interface OwnerConsent {
  ownerName: string;
  organisation: boolean;
  status: "pending" | "signed" | "declined" | "expired";
  requestedAt: string;
  answeredAt: string | null;
  deadlineAt: string | null;
}

function line(c: OwnerConsent, t: (key: string, values?: Record<string, string>) => string): string {
  const name = c.organisation ? t("ownerConsent.officer.organisation", { name: c.ownerName }) : c.ownerName;
  if (c.status === "signed")
    return t("ownerConsent.officer.signed", { name, date: formatDateTime(c.answeredAt ?? "") });
  if (c.status === "declined")
    return t("ownerConsent.officer.declined", { name, date: formatDateTime(c.answeredAt ?? "") });
  if (c.status === "expired") return t("ownerConsent.officer.expired", { name, date: formatDate(c.deadlineAt ?? "") });
  return c.deadlineAt
    ? t("ownerConsent.officer.pendingUntil", {
        name,
        date: formatDateTime(c.requestedAt),
        deadline: formatDate(c.deadlineAt),
      })
    : t("ownerConsent.officer.pending", { name, date: formatDateTime(c.requestedAt) });
}

/** Each property owner's answer to the consent request of a bygglov (decisions 093, 100), for the officer. */
export function OwnerConsents({ consents }: { consents: OwnerConsent[] }) {
  const { t } = useTranslation("permits");
  if (consents.length === 0) return null;
  return (
    <section aria-labelledby="owner-consents-title" data-testid="owner-consents">
      <h3 id="owner-consents-title">{t("ownerConsent.officer.heading")}</h3>
      <ul>
        {consents.map((c, i) => (
          <li key={i}>{line(c, t)}</li>
        ))}
      </ul>
      {consents.some((c) => c.status === "pending" || c.status === "declined") ? (
        <p>{t("ownerConsent.officer.blocks")}</p>
      ) : null}
      {consents.some((c) => c.status === "expired") ? <p>{t("ownerConsent.officer.expiredMayDecide")}</p> : null}
    </section>
  );
}

/** A consent request's status in words, for its owner. */
export function ConsentStatus({ status }: { status: string }) {
  const { t } = useTranslation("permits");
  if (status === "signed") return <strong>{t("ownerConsent.status.signed")}</strong>;
  if (status === "declined") return <strong>{t("ownerConsent.status.declined")}</strong>;
  if (status === "expired") return <strong>{t("ownerConsent.status.expired")}</strong>;
  return <strong>{t("ownerConsent.status.pending")}</strong>;
}
