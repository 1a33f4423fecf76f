import { useTranslation } from "react-i18next";
import { TextField, type FieldErrors } from "~/components/ui/FormErrors";

/** Target kind, target and secret: the same fields on the create and the edit page. */
export function IntegrationTargetFields({
  values,
  errors,
  withSecret = true,
}: {
  values?: Record<string, string>;
  errors?: FieldErrors;
  withSecret?: boolean;
}) {
  const { t } = useTranslation("integrations");
  return (
    <>
      <div className="field">
        <label htmlFor="targetKind">{t("fields.targetKind")}</label>
        <select id="targetKind" name="targetKind" defaultValue={values?.targetKind ?? "webhook"}>
          <option value="webhook">{t("kinds.webhook")}</option>
          <option value="folder">{t("kinds.folder")}</option>
        </select>
      </div>
      <TextField
        name="target"
        label={t("fields.target")}
        hint={t("fields.targetHint")}
        defaultValue={values?.target}
        error={errors?.target}
        autoComplete="off"
      />
      {withSecret ? (
        <TextField
          name="secret"
          type="password"
          label={t("fields.secret")}
          hint={t("fields.secretHint")}
          error={errors?.secret}
          width="medium"
          autoComplete="new-password"
        />
      ) : null}
    </>
  );
}
