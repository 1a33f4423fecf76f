import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { FieldErrorSummary, Radios, SelectInput, TextArea, TextInput } from "~/components/mypages/Fields";
import { MyPagesNav } from "~/components/mypages/MyPagesNav";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { registerIsDown } from "~/services/population.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import {
  parseSchoolApplication,
  SCHOOL_APPLICATION_TYPES,
  schoolApplicationStart,
  submitSchoolApplication,
} from "~/services/school.server";
import styles from "~/styles/mypages.css";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["mypages", "childcare"],
  breadcrumb: () => [
    { labelKey: "mypages:breadcrumb", href: "/mina-sidor" },
    { labelKey: "childcare:school.title", href: "/mina-sidor/skola/ansok" },
  ],
};

const FIELDS = ["child", "applicationType", "school1", "school2", "startDate", "reason", "contactEmail"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  return {
    title: getFixedT(request, "childcare")("school.title"),
    idempotencyKey: randomUUID(),
    ...(await schoolApplicationStart(viewer)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values: Record<string, string> = {};
  for (const k of [...FIELDS, "idempotencyKey"]) {
    const v = form.get(k);
    if (typeof v === "string") values[k] = v.slice(0, 4000);
  }
  const parsed = parseSchoolApplication(values);
  if (!parsed.ok) return data({ values, errors: parsed.errors }, { status: 400 });
  const key = /^[0-9a-f-]{36}$/.test(values.idempotencyKey ?? "") ? values.idempotencyKey! : randomUUID();
  let r: Awaited<ReturnType<typeof submitSchoolApplication>>;
  try {
    r = await submitSchoolApplication({
      viewer,
      actor: user,
      answers: parsed.value,
      idempotencyKey: `school:${viewer.personId}:${key}`,
      language: getLanguage(request),
      applicantSignsWithEId: true,
    });
  } catch (error) {
    // Navet not answering must not lose what the resident typed: the form comes back with it.
    if (!registerIsDown(error)) throw error;
    return data({ values, errors: { child: "registerUnavailable" } }, { status: 503 });
  }
  if (!r.ok) return data({ values, errors: r.errors }, { status: 400 });
  return redirectWithFlash(`/mina-sidor/arenden/${r.reference}`, "childcare:school.sign.submittedSignNow");
}

export default function ApplySchool() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("childcare");
  const v: Record<string, string> = { idempotencyKey: d.idempotencyKey, ...(a?.values ?? {}) };
  const errors: Record<string, string> = a?.errors ?? {};
  const err = (f: string) => (errors[f] ? `childcare:school.errors.${f}.${errors[f]}` : undefined);
  const schoolOptions = d.schools.map((s) => ({
    value: String(s.id),
    label: `${s.name}, ${s.town} (${s.municipality})`,
  }));
  const coGuardians = [...new Set(d.children.flatMap((c) => c.coGuardians))];
  // The register stopped answering after the resident chose a child: the form stays, with the choice kept.
  const keptChild = d.registerUnavailable ? a?.values.child : undefined;
  return (
    <>
      <h1>{t("school.title")}</h1>
      <p className="lead">{t("school.lead")}</p>
      <MyPagesNav />
      <FieldErrorSummary
        title={t("apply.errors.summary")}
        errors={errors}
        fields={FIELDS}
        keyOf={(f, code) => `childcare:school.errors.${f}.${code}`}
      />
      {d.registerUnavailable && !keptChild ? (
        <p role="alert" className="notice">
          {t("apply.registerUnavailable")}
        </p>
      ) : d.children.length === 0 ? (
        <p>{t("apply.child.none")}</p>
      ) : (
        <Form method="post" reloadDocument>
          <CsrfField />
          <input type="hidden" name="idempotencyKey" value={v.idempotencyKey} />
          {keptChild ? (
            <input type="hidden" name="child" value={keptChild} />
          ) : (
            <Radios
              name="child"
              label={t("school.child.label")}
              hint={`${t("apply.child.hint")} ${t("mypages:myData.source", { source: t("source.folkbokforingen-testregister") })}`}
              errorKey={err("child")}
              defaultValue={v.child}
              options={d.children.map((c) => ({
                value: c.hmac,
                label: t("apply.child.option", { name: c.name, birthDate: c.birthDate }),
              }))}
            />
          )}
          <Radios
            name="applicationType"
            label={t("school.applicationType.legend")}
            errorKey={err("applicationType")}
            defaultValue={v.applicationType}
            options={SCHOOL_APPLICATION_TYPES.map((k) => ({ value: k, label: t(`school.applicationType.${k}`) }))}
          />
          <SelectInput
            name="school1"
            label={t("school.school1.label")}
            errorKey={err("school1")}
            defaultValue={v.school1}
            emptyLabel={t("apply.units.none")}
            options={schoolOptions}
          />
          <SelectInput
            name="school2"
            label={t("school.school2.label")}
            errorKey={err("school2")}
            defaultValue={v.school2}
            emptyLabel={t("apply.units.none")}
            options={schoolOptions}
          />
          <TextInput
            name="startDate"
            label={t("school.startDate.label")}
            hint={t("school.startDate.hint")}
            errorKey={err("startDate")}
            defaultValue={v.startDate}
            width="input--width-10"
          />
          <TextArea name="reason" label={t("school.reason.label")} errorKey={err("reason")} defaultValue={v.reason} />
          <TextInput
            name="contactEmail"
            type="email"
            autoComplete="email"
            label={t("school.contactEmail.label")}
            errorKey={err("contactEmail")}
            defaultValue={v.contactEmail}
          />
          {coGuardians.map((name) => (
            <p key={name} className="alert">
              {t("school.coSignNote", { name })}
            </p>
          ))}
          <button type="submit" className="button">
            {t("school.submit")}
          </button>
        </Form>
      )}
    </>
  );
}
