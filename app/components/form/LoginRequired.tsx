import { useTranslation } from "react-i18next";

export function LoginRequired({ formId, formTitle }: { formId: string; formTitle: string }) {
  const { t } = useTranslation("eservice");
  const back = encodeURIComponent(`/blanketter/${formId}`);
  return (
    <div className="prose">
      <p className="progress">{formTitle}</p>
      <h1>{t("login.title")}</h1>
      <p>{t("login.body")}</p>
      <p>
        <a className="button" href={`/logga-in?tillbaka=${back}`}>
          {t("login.action")}
        </a>
      </p>
      <h2>{t("login.paperHeading")}</h2>
      <p>{t("login.paper")}</p>
      <p>
        <a href={`/blanketter/${formId}.pdf`} download>
          {t("list.downloadPdf", { title: formTitle })}
        </a>
      </p>
    </div>
  );
}
