import { useTranslation } from "react-i18next";

export interface PropertyCardData {
  designation: string;
  street: string;
  postalCode: string;
  town: string;
  ownerName: string;
  detaljplan: boolean;
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
        <dd data-testid="property-owner">{property.ownerName}</dd>
        <dt>{t("details.address")}</dt>
        <dd>
          {property.street}, {property.postalCode} {property.town}
        </dd>
        <dt>{t("details.municipality")}</dt>
        <dd>{property.municipalityName}</dd>
        <dt>{t("details.detaljplan")}</dt>
        <dd>{property.detaljplan ? t("details.insidePlan") : t("details.outsidePlan")}</dd>
      </dl>
    </section>
  );
}
