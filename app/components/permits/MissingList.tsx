import { useTranslation } from "react-i18next";

/** The drawings still missing, shown on the drawings step and before submitting. */
export function MissingList({
  missing,
  headingLevel = 2,
  link,
}: {
  missing: string[];
  headingLevel?: 2 | 3;
  link?: string;
}) {
  const { t } = useTranslation("permits");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (missing.length === 0)
    return (
      <p className="ok-box" data-testid="missing-none">
        {t("drawings.allThere")}
      </p>
    );
  return (
    <section className="missing-list" aria-labelledby="missing-title" data-testid="missing-list">
      <Heading id="missing-title">{t("drawings.missingTitle")}</Heading>
      <ul>
        {missing.map((kind) => (
          <li key={kind}>{t(`attachments.${kind}`)}</li>
        ))}
      </ul>
      {link ? <a href={link}>{t("check.missingLink")}</a> : null}
    </section>
  );
}
