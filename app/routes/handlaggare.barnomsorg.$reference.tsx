import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { FieldErrorSummary, SelectInput, TextInput } from "~/components/mypages/Fields";
import { getChildcareCaseForStaff, offerPlace } from "~/services/childcare.server";
import { auditStaffCaseRead, requireStaffArea } from "~/services/staff-area.server";
import { formatDateTime } from "~/utils/format";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["childcare", "auth", "eservice", "mypages"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "childcare:officer.childcareTitle", href: "/handlaggare/barnomsorg" },
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, municipalityIds } = await requireStaffArea(request, "case.read", "barnomsorg");
  const c = await getChildcareCaseForStaff({ reference: params.reference ?? "", municipalityIds });
  if (!c) throw new Response("Not found", { status: 404 });
  auditStaffCaseRead({ user, caseId: c.caseId, reference: c.reference, municipalityId: c.municipalityId, area: "barnomsorg" });
  return { title: c.reference, c };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, municipalityIds } = await requireStaffArea(request, "case.handle", "barnomsorg");
  const form = await request.formData();
  await requireCsrf(request, form);
  const reference = params.reference ?? "";
  const values = { unitId: String(form.get("unitId") ?? ""), startDate: String(form.get("startDate") ?? "").trim() };
  const r = await offerPlace({ reference, municipalityIds, unitId: Number(values.unitId) || 0, startDate: values.startDate, staffUserId: user.staffUserId, actor: user });
  if (!r.ok && "notFound" in r) throw new Response("Not found", { status: 404 });
  if (!r.ok) return data({ values, errors: r.errors }, { status: 400 });
  return redirectWithFlash(`/handlaggare/barnomsorg/${reference}`, "childcare:officer.offer.sent");
}

export default function OfficerChildcareCase() {
  const { c } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("childcare");
  const errors: Record<string, string> = a?.errors ?? {};
  return (
    <>
      <h1>{c.reference}</h1>
      <FieldErrorSummary title={t("apply.errors.summary")} errors={errors} fields={["unitId", "startDate"]} keyOf={(f, code) => `childcare:officer.offer.errors.${f}.${code}`} />
      <dl className="facts">
        <dt>{t("officer.status")}</dt>
        <dd>{t(`eservice:caseStatus.${c.status}`, { defaultValue: c.status })}</dd>
        <dt>{t("case.child")}</dt>
        <dd>{c.childName}</dd>
        <dt>{t("officer.childBirthDate")}</dt>
        <dd>{c.childBirthDate}</dd>
        <dt>{t("case.careKind")}</dt>
        <dd>{t(`careKind.${c.careKind}`)}</dd>
        <dt>{t("case.desiredStart")}</dt>
        <dd>{c.desiredStart}</dd>
        <dt>{t("case.guaranteeDate")}</dt>
        <dd>{c.guaranteeDate}</dd>
        <dt>{t("case.hours")}</dt>
        <dd>{c.hoursPerWeek}</dd>
        <dt>{t("case.specialNeeds")}</dt>
        <dd>{c.specialNeeds ?? "–"}</dd>
      </dl>
      <h2>{t("officer.preferences")}</h2>
      <ol>
        {c.preferences.map((p) => (
          <li key={p.unitId}>{p.name}</li>
        ))}
      </ol>
      <h2>{t("officer.offers")}</h2>
      {c.offers.length === 0 ? (
        <p>–</p>
      ) : (
        <ul>
          {c.offers.map((o) => (
            <li key={o.id}>
              {o.unitName}, {o.startDate}: {t(`case.offer.status.${o.status}`)} ({t("case.offer.deadline")} {formatDateTime(o.deadlineAt)})
            </li>
          ))}
        </ul>
      )}
      {c.queueStatus === "queued" ? (
        <Form method="post" reloadDocument>
          <CsrfField />
          <h2>{t("officer.offer.heading")}</h2>
          <SelectInput
            name="unitId"
            label={t("officer.offer.unit")}
            defaultValue={a?.values.unitId ?? String(c.preferences[0]?.unitId ?? "")}
            errorKey={errors.unitId ? `childcare:officer.offer.errors.unitId.${errors.unitId}` : undefined}
            options={c.units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
          <TextInput
            name="startDate"
            label={t("officer.offer.startDate")}
            hint={t("officer.offer.startDateHint")}
            defaultValue={a?.values.startDate ?? c.desiredStart}
            errorKey={errors.startDate ? `childcare:officer.offer.errors.startDate.${errors.startDate}` : undefined}
            width="input--width-10"
          />
          <button type="submit" className="button">
            {t("officer.offer.button")}
          </button>
        </Form>
      ) : (
        <p>{t("officer.offer.notQueued")}</p>
      )}
    </>
  );
}
