import { useTranslation } from "react-i18next";
import type { PlainLanguageReport } from "~/utils/plain-language";

export interface LanguageCheck {
  field: string;
  lang: "sv" | "en";
  report: PlainLanguageReport;
}

/** The plain-language helper's findings (LIX with its interpretation, long sentences, passives, words to avoid). */
export function LanguageReport({ checks }: { checks: LanguageCheck[] }) {
  const { t } = useTranslation("editor");
  return (
    <section className="lix-report" aria-labelledby="lix-title" tabIndex={-1} id="sprakkontroll">
      <h2 id="lix-title">{t("language.title")}</h2>
      {checks.length === 0 ? <p>{t("language.nothing")}</p> : null}
      {checks.map(({ field, lang, report }) => (
        <section key={`${field}-${lang}`} aria-label={`${t(`fields.${field}.label`)} (${t(`lang.short.${lang}`)})`}>
          <h3>
            {t(`fields.${field}.label`)} ({t(`lang.short.${lang}`)})
          </h3>
          <p>
            {t("language.lix", { lix: report.lix })} – <strong>{t(`language.level.${report.level}`)}</strong>
          </p>
          <p className="note">{t("language.counts", { words: report.words, sentences: report.sentences })}</p>
          {report.longSentences.length > 0 ? (
            <>
              <p>{t("language.longSentences", { count: report.longSentences.length })}</p>
              <ul>
                {report.longSentences.map((s, i) => (
                  <li key={i}>
                    <q lang={lang}>{s.text}</q>{" "}
                    <span className="note">({t("language.words", { count: s.words })})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("language.noLongSentences")}</p>
          )}
          <p>
            {report.passiveHeavy
              ? t("language.passiveHeavy", { share: Math.round(report.passiveShare * 100) })
              : t("language.passiveOk")}
          </p>
          {report.bureaucratic.length > 0 ? (
            <>
              <p>{t("language.bureaucratic")}</p>
              <ul>
                {report.bureaucratic.map((b) => (
                  <li key={b.word} lang={lang}>
                    {b.word} ({b.count})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("language.noBureaucratic")}</p>
          )}
        </section>
      ))}
    </section>
  );
}
