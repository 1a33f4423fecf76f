import { useTranslation } from "react-i18next";

export interface PropertyCardData {
  designation: string;
  street: string;
  postalCode: string;
  town: string;
  ownerName: string;
  applicantOwns: boolean;
  detaljplan: boolean | null;
  municipalityName: string;
}

/** What the property register says about the designation the applicant typed. */
export function PropertyCard({ property }: { property: PropertyCardData }) {
  const { t } = useTranslation("permits");
  return (
    <section className="property-card" aria-labelledby="property-card-title">
      <h2 id="property-card-title" className="h3">
        {t("details.propertyFound")}: {property.designation}
      </h2>
      <dl>
        <dt>{t("details.owner")}</dt>
        <dd data-testid="property-owner">{property.ownerName || t("details.ownerUnknown")}</dd>
        <dt>{t("details.address")}</dt>
        <dd>
          {property.street ? `${property.street}, ${property.postalCode} ${property.town}` : t("details.noAddress")}
        </dd>
        <dt>{t("details.municipality")}</dt>
        <dd>{property.municipalityName}</dd>
        <dt>{t("details.detaljplan")}</dt>
        <dd>
          {property.detaljplan === null
            ? t("details.planUnknown")
            : property.detaljplan
              ? t("details.insidePlan")
              : t("details.outsidePlan")}
        </dd>
      </dl>
      {property.applicantOwns ? null : <p data-testid="owner-consent">{t("details.ownerConsent")}</p>}
    </section>
  );
}
