import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";

interface OwnerConsent {
  ownerName: string;
  status: "pending" | "signed" | "declined";
  requestedAt: string;
  answeredAt: string | null;
}

/** Each property owner's answer to the consent request of a bygglov (decision 093), for the officer. */
export function OwnerConsents({ consents }: { consents: OwnerConsent[] }) {
  const { t } = useTranslation("permits");
  if (consents.length === 0) return null;
  return (
    <section aria-labelledby="owner-consents-title" data-testid="owner-consents">
      <h3 id="owner-consents-title">{t("ownerConsent.officer.heading")}</h3>
      <ul>
        {consents.map((c, i) => (
          <li key={i}>
            {c.status === "signed"
              ? t("ownerConsent.officer.signed", { name: c.ownerName, date: formatDateTime(c.answeredAt ?? "") })
              : c.status === "declined"
                ? t("ownerConsent.officer.declined", { name: c.ownerName, date: formatDateTime(c.answeredAt ?? "") })
                : t("ownerConsent.officer.pending", { name: c.ownerName, date: formatDateTime(c.requestedAt) })}
          </li>
        ))}
      </ul>
      {consents.some((c) => c.status !== "signed") ? <p>{t("ownerConsent.officer.blocks")}</p> : null}
    </section>
  );
}

/** A consent request's status in words, for its owner. */
export function ConsentStatus({ status }: { status: string }) {
  const { t } = useTranslation("permits");
  if (status === "signed") return <strong>{t("ownerConsent.status.signed")}</strong>;
  if (status === "declined") return <strong>{t("ownerConsent.status.declined")}</strong>;
  return <strong>{t("ownerConsent.status.pending")}</strong>;
}
