import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { ProtectedIdentityWarning } from "~/components/ui/ProtectedIdentity";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { FieldErrorSummary, SelectInput, TextArea, TextInput } from "~/components/mypages/Fields";
import { getChildcareCaseForStaff, offerPlace } from "~/services/childcare.server";
import { listMessages, MessageRejected, sendMessageToApplicant } from "~/services/messages.server";
import { auditStaffCaseRead, requireStaffArea } from "~/services/staff-area.server";
import { formatDateTime } from "~/utils/format";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { CASE_STATUS_KEY } from "~/i18n/keys";

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
  auditStaffCaseRead({
    user,
    caseId: c.caseId,
    reference: c.reference,
    municipalityId: c.municipalityId,
    area: "barnomsorg",
  });
  return {
    title: c.reference,
    c,
    messages: listMessages({ caseId: c.caseId, audience: "staff", markReadAt: new Date() }) ?? [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, municipalityIds } = await requireStaffArea(request, "case.handle", "barnomsorg");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const reference = params.reference ?? "";
  if (form.get("intent") === "message") {
    const c = await getChildcareCaseForStaff({ reference, municipalityIds });
    if (!c) throw new Response("Not found", { status: 404 });
    try {
      await sendMessageToApplicant({
        caseId: c.caseId,
        staffUserId: user.staffUserId,
        body: String(form.get("body") ?? ""),
      });
    } catch (error) {
      if (error instanceof MessageRejected)
        return data(
          { values: { unitId: "", startDate: "" }, errors: { body: error.errors[0]!.code } },
          { status: 400 },
        );
      throw error;
    }
    return redirectWithFlash(`/handlaggare/barnomsorg/${reference}`, "mypages:case.flash.messageSent");
  }
  const values = { unitId: String(form.get("unitId") ?? ""), startDate: String(form.get("startDate") ?? "").trim() };
  const r = await offerPlace({
    reference,
    municipalityIds,
    unitId: Number(values.unitId) || 0,
    startDate: values.startDate,
    staffUserId: user.staffUserId,
    actor: user,
  });
  if (!r.ok && "notFound" in r) throw new Response("Not found", { status: 404 });
  if (!r.ok) return data({ values, errors: r.errors }, { status: 400 });
  return redirectWithFlash(`/handlaggare/barnomsorg/${reference}`, "childcare:officer.offer.sent");
}

export default function OfficerChildcareCase() {
  const { c, messages } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("childcare");
  const errors: Record<string, string> = a?.errors ?? {};
  return (
    <>
      <h1>{c.reference}</h1>
      {c.protectedIdentity ? <ProtectedIdentityWarning /> : null}
      <FieldErrorSummary
        title={t("apply.errors.summary")}
        errors={errors}
        fields={["unitId", "startDate", "body"]}
        keyOf={(f, code) =>
          f === "body" ? `mypages:case.errors.body.${code}` : `childcare:officer.offer.errors.${f}.${code}`
        }
      />
      <dl className="facts">
        <dt>{t("officer.status")}</dt>
        <dd>{t(CASE_STATUS_KEY[c.status], { defaultValue: c.status })}</dd>
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
      <p>
        <a href={`/handlaggare/barnomsorg/${c.reference}/ansokan.pdf`} download>
          {t("officer.applicationPdf")}
        </a>
      </p>
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
              {o.unitName}, {o.startDate}: {t(`case.offer.status.${o.status}`)} ({t("case.offer.deadline")}{" "}
              {formatDateTime(o.deadlineAt)})
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
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t("mypages:case.messages.heading")}</h2>
        {messages.length === 0 ? (
          <p>{t("mypages:case.messages.none")}</p>
        ) : (
          <ul>
            {messages.map((m) => (
              <li key={m.id}>
                <strong>
                  {m.sender === "officer" ? t("mypages:case.messages.fromOfficer") : t("officer.applicant")}
                </strong>{" "}
                ({formatDateTime(m.createdAt)}): {m.body}
                {m.attachments.length ? ` [${m.attachments.map((f) => f.name).join(", ")}]` : ""}
              </li>
            ))}
          </ul>
        )}
        <Form method="post" reloadDocument>
          <CsrfField />
          <input type="hidden" name="intent" value="message" />
          <TextArea
            name="body"
            label={t("officer.messageLabel")}
            errorKey={errors.body ? `mypages:case.errors.body.${errors.body}` : undefined}
          />
          <button type="submit" className="button">
            {t("mypages:case.messages.send")}
          </button>
        </Form>
      </section>
    </>
  );
}
