import { useTranslation } from "react-i18next";
import { TextField, type FieldErrors } from "~/components/ui/FormErrors";

/** The facts of a municipality, in the order the error summary lists them. */
export const FACT_FIELDS = [
  "name",
  "logoText",
  "introSv",
  "introEn",
  "phone",
  "email",
  "visitingAddress",
  "postalAddress",
  "openingHoursSv",
  "openingHoursEn",
  "orgNumber",
  "kommunkod",
  "reviewBy",
] as const;

/** Field errors from the service's codes, as keys in the "admin" namespace. */
export function adminErrors(codes: Record<string, string> | undefined): FieldErrors | undefined {
  if (!codes) return undefined;
  return Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, `admin:errors.${code}`]));
}

export function MunicipalityFields({
  values,
  errors,
}: {
  values: Partial<Record<string, string | null>>;
  errors: FieldErrors | undefined;
}) {
  const { t } = useTranslation("admin");
  return (
    <>
      {FACT_FIELDS.map((name) => (
        <TextField
          key={name}
          name={name}
          label={t(`municipality.fields.${name}`)}
          hint={
            name === "orgNumber" || name === "kommunkod" || name === "reviewBy"
              ? t(`municipality.hints.${name}`)
              : undefined
          }
          error={errors?.[name]}
          type={name === "email" ? "email" : name === "reviewBy" ? "date" : "text"}
          defaultValue={values[name] ?? ""}
        />
      ))}
    </>
  );
}
