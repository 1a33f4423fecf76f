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
import { CARE_KINDS, FRITIDSHEM_REASONS, parseChildcareApplication } from "~/services/childcare-application";
import {
  childcareApplicationStart,
  reviewChildcareApplication,
  submitChildcareApplication,
} from "~/services/childcare.server";
import { registerIsDown } from "~/services/population.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import styles from "~/styles/mypages.css";
import eserviceStyles from "~/styles/eservice.css";
import { formatCurrency } from "~/utils/format";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eserviceStyles },
  { rel: "stylesheet", href: styles },
];
export const handle: RouteHandle = {
  i18n: ["mypages", "childcare"],
  breadcrumb: () => [
    { labelKey: "mypages:breadcrumb", href: "/mina-sidor" },
    { labelKey: "childcare:apply.title", href: "/mina-sidor/barnomsorg/ansok" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  return {
    title: getFixedT(request, "childcare")("apply.title"),
    idempotencyKey: randomUUID(),
    ...(await childcareApplicationStart(viewer)),
  };
}

const STEP1 = ["child", "careKind", "municipality"];
const STEP2 = [
  "unit1",
  "unit2",
  "unit3",
  "desiredStart",
  "hoursPerWeek",
  "reason",
  "specialNeeds",
  "monthlyIncome",
  "contactEmail",
];
type Values = Record<string, string>;
type ActionResult =
  | { step: 1 | 2; values: Values; errors: Record<string, string> }
  | {
      step: 3;
      values: Values;
      errors: Record<string, string>;
      review: NonNullable<Extract<Awaited<ReturnType<typeof reviewChildcareApplication>>, { ok: true }>["review"]>;
    };

export async function action({ request }: ActionFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values: Values = {};
  for (const k of [...STEP1, ...STEP2, "idempotencyKey"]) {
    const v = form.get(k);
    if (typeof v === "string") values[k] = v.slice(0, 4000);
  }
  const intent = String(form.get("intent") ?? "");
  if (intent === "step1") {
    const errors: Record<string, string> = {};
    if (!values.child) errors.child = "required";
    if (!values.careKind || !(CARE_KINDS as readonly string[]).includes(values.careKind)) errors.careKind = "required";
    if (!values.municipality || !/^\d+$/.test(values.municipality)) errors.municipality = "required";
    if (Object.keys(errors).length) return data<ActionResult>({ step: 1, values, errors }, { status: 400 });
    return data<ActionResult>({ step: 2, values, errors: {} });
  }
  if (intent === "back") return data<ActionResult>({ step: 2, values, errors: {} });
  if (intent !== "review" && intent !== "submit") throw new Response("Bad request", { status: 400 });
  const parsed = parseChildcareApplication(values);
  if (!parsed.ok) return data<ActionResult>({ step: 2, values, errors: parsed.errors }, { status: 400 });
  // Navet not answering must not lose what the resident typed: the step comes back with their values.
  const down = (error: unknown) => {
    if (!registerIsDown(error)) throw error;
    return data<ActionResult>({ step: 2, values, errors: { child: "registerUnavailable" } }, { status: 503 });
  };
  if (intent === "review") {
    let r: Awaited<ReturnType<typeof reviewChildcareApplication>>;
    try {
      r = await reviewChildcareApplication(viewer, parsed.value);
    } catch (error) {
      return down(error);
    }
    if (!r.ok) return data<ActionResult>({ step: r.errors.child ? 1 : 2, values, errors: r.errors }, { status: 400 });
    return data<ActionResult>({ step: 3, values, errors: {}, review: r.review });
  }
  const key = /^[0-9a-f-]{36}$/.test(values.idempotencyKey ?? "") ? values.idempotencyKey! : randomUUID();
  let r: Awaited<ReturnType<typeof submitChildcareApplication>>;
  try {
    r = await submitChildcareApplication({
      viewer,
      actor: user,
      answers: parsed.value,
      idempotencyKey: `childcare:${viewer.personId}:${key}`,
      language: getLanguage(request),
    });
  } catch (error) {
    return down(error);
  }
  if (!r.ok) return data<ActionResult>({ step: r.errors.child ? 1 : 2, values, errors: r.errors }, { status: 400 });
  return redirectWithFlash(`/mina-sidor/arenden/${r.reference}`, "mypages:flash.submitted");
}

export default function ApplyChildcare() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("childcare");
  const step = a?.step ?? 1;
  const v: Values = { idempotencyKey: d.idempotencyKey, ...(a?.values ?? {}) };
  const errors = a?.errors ?? {};
  const err = (f: string) => (errors[f] ? `childcare:apply.errors.${f}.${errors[f]}` : undefined);
  const child = d.children.find((c) => c.hmac === v.child);
  const municipalityId = Number(v.municipality);
  const units = d.units.filter((u) => u.municipalityId === municipalityId && u.kind === v.careKind);
  const hidden = (names: string[]) =>
    names.map((n) => (v[n] !== undefined ? <input key={n} type="hidden" name={n} value={v[n]} /> : null));
  const unitOptions = units.map((u) => ({
    value: String(u.id),
    label: t("apply.units.option", {
      name: u.name,
      street: u.street,
      town: u.town,
      ages: `${u.ageFrom}–${u.ageTo}`,
      capacity: u.capacity,
    }),
  }));

  return (
    <>
      <h1>{t("apply.title")}</h1>
      <p className="lead">{t("apply.lead")}</p>
      <MyPagesNav />
      <FieldErrorSummary
        title={t("apply.errors.summary")}
        errors={errors}
        fields={[...STEP1, ...STEP2]}
        keyOf={(f, code) => `childcare:apply.errors.${f}.${code}`}
      />

      {step === 1 ? (
        d.registerUnavailable ? (
          <p role="alert" className="notice">
            {t("apply.registerUnavailable")}
          </p>
        ) : d.children.length === 0 ? (
          <p>{t("apply.child.none")}</p>
        ) : (
          <Form method="post" reloadDocument>
            <CsrfField />
            <p className="progress">{t("apply.step1")}</p>
            {hidden(["idempotencyKey"])}
            <Radios
              name="child"
              label={t("apply.child.label")}
              hint={`${t("apply.child.hint")} ${t("mypages:myData.source", { source: t("source.folkbokforingen-testregister") })}`}
              errorKey={err("child")}
              defaultValue={v.child}
              options={d.children.map((c) => ({
                value: c.hmac,
                label: t("apply.child.option", { name: `${c.givenName} ${c.familyName}`, birthDate: c.birthDate }),
              }))}
            />
            <Radios
              name="careKind"
              label={t("apply.careKind.label")}
              errorKey={err("careKind")}
              defaultValue={v.careKind}
              options={CARE_KINDS.map((k) => ({ value: k, label: t(`careKind.${k}`) }))}
            />
            <SelectInput
              name="municipality"
              label={t("apply.municipality.label")}
              hint={t("apply.municipality.hint")}
              errorKey={err("municipality")}
              defaultValue={
                v.municipality ?? String(d.municipalities.find((m) => m.slug === d.children[0]?.municipality)?.id ?? "")
              }
              options={d.municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
            />
            <button type="submit" name="intent" value="step1" className="button">
              {t("apply.continue")}
            </button>
          </Form>
        )
      ) : null}

      {step === 2 ? (
        <Form method="post" reloadDocument>
          <CsrfField />
          <p className="progress">{t("apply.step2")}</p>
          {hidden(["idempotencyKey", "child", "careKind", "municipality"])}
          <p>
            <strong>{child ? `${child.givenName} ${child.familyName}` : ""}</strong>, {t(`careKind.${v.careKind}`)},{" "}
            {d.municipalities.find((m) => m.id === municipalityId)?.name}
          </p>
          {units.length === 0 ? <p className="alert alert--warning">{t("apply.noUnits")}</p> : null}
          <fieldset>
            <legend>{t("apply.units.legend")}</legend>
            <span className="field__hint">{t("apply.units.hint")}</span>
            <SelectInput
              name="unit1"
              label={t("apply.units.rank1")}
              errorKey={err("unit1")}
              defaultValue={v.unit1}
              emptyLabel={t("apply.units.none")}
              options={unitOptions}
            />
            <SelectInput
              name="unit2"
              label={t("apply.units.rank2")}
              errorKey={err("unit2")}
              defaultValue={v.unit2}
              emptyLabel={t("apply.units.none")}
              options={unitOptions}
            />
            <SelectInput
              name="unit3"
              label={t("apply.units.rank3")}
              errorKey={err("unit3")}
              defaultValue={v.unit3}
              emptyLabel={t("apply.units.none")}
              options={unitOptions}
            />
          </fieldset>
          <TextInput
            name="desiredStart"
            label={t("apply.desiredStart.label")}
            hint={t("apply.desiredStart.hint")}
            errorKey={err("desiredStart")}
            defaultValue={v.desiredStart}
            width="input--width-10"
          />
          <TextInput
            name="hoursPerWeek"
            label={t("apply.hoursPerWeek.label")}
            hint={t("apply.hoursPerWeek.hint")}
            errorKey={err("hoursPerWeek")}
            defaultValue={v.hoursPerWeek}
            inputMode="numeric"
            width="input--width-10"
          />
          {v.careKind === "fritidshem" ? (
            <Radios
              name="reason"
              label={t("apply.reason.legend")}
              errorKey={err("reason")}
              defaultValue={v.reason}
              options={FRITIDSHEM_REASONS.map((r) => ({ value: r, label: t(`apply.reason.${r}`) }))}
            />
          ) : null}
          <TextArea
            name="specialNeeds"
            label={t("apply.specialNeeds.label")}
            hint={t("apply.specialNeeds.hint")}
            errorKey={err("specialNeeds")}
            defaultValue={v.specialNeeds}
          />
          <TextInput
            name="monthlyIncome"
            label={t("apply.monthlyIncome.label")}
            hint={t("apply.monthlyIncome.hint")}
            errorKey={err("monthlyIncome")}
            defaultValue={v.monthlyIncome}
            inputMode="numeric"
            width="input--width-10"
          />
          <TextInput
            name="contactEmail"
            type="email"
            autoComplete="email"
            label={t("apply.contactEmail.label")}
            hint={t("apply.contactEmail.hint")}
            errorKey={err("contactEmail")}
            defaultValue={v.contactEmail}
          />
          <button type="submit" name="intent" value="review" className="button">
            {t("apply.review")}
          </button>
        </Form>
      ) : null}

      {a?.step === 3 ? (
        <Form method="post" reloadDocument>
          <CsrfField />
          <p className="progress">{t("apply.step3")}</p>
          {hidden(["idempotencyKey", "child", "careKind", "municipality", ...STEP2])}
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t("case.child")}</dt>
              <dd>
                {a.review.childName} ({t("mypages:myData.source", { source: t("source.folkbokforingen-testregister") })}
                )
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("case.careKind")}</dt>
              <dd>{t(`careKind.${v.careKind}`)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("apply.units.legend")}</dt>
              <dd>{a.review.units.map((u, i) => `${i + 1}. ${u}`).join("\n")}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("apply.desiredStart.label")}</dt>
              <dd>{v.desiredStart}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("apply.hoursPerWeek.label")}</dt>
              <dd>{v.hoursPerWeek}</dd>
            </div>
            {v.reason ? (
              <div className="summary-list__row">
                <dt>{t("apply.reason.legend")}</dt>
                <dd>{t(`apply.reason.${v.reason}`)}</dd>
              </div>
            ) : null}
            {v.specialNeeds ? (
              <div className="summary-list__row">
                <dt>{t("case.specialNeeds")}</dt>
                <dd>{v.specialNeeds}</dd>
              </div>
            ) : null}
            {v.contactEmail ? (
              <div className="summary-list__row">
                <dt>{t("apply.contactEmail.label")}</dt>
                <dd>{v.contactEmail}</dd>
              </div>
            ) : null}
          </dl>
          <p className="alert">
            {a.review.assessment.kind === "guaranteed"
              ? t("apply.desiredStart.guaranteed", { date: a.review.assessment.guaranteeDate })
              : t("apply.desiredStart.earlier", { date: a.review.assessment.guaranteeDate })}
          </p>
          <section aria-labelledby="fee-title" className="panel--plain">
            <h2 id="fee-title">{t("apply.feeHeading")}</h2>
            <p>
              <strong>
                {t("apply.feeLine", { amount: formatCurrency(a.review.fee.result.children[0]?.fee ?? 0) })}
              </strong>
            </p>
            <ul>
              <li>{t("case.fee.order", { order: a.review.fee.result.children[0]?.order ?? 1 })}</li>
              {(a.review.fee.result.children[0]?.reasons ?? []).map((r) => (
                <li key={r}>
                  {t(`case.fee.reasons.${r}`, { cap: formatCurrency(a.review.fee.result.countedIncome) })}
                </li>
              ))}
            </ul>
            {!a.review.fee.incomeKnown ? <p>{t("apply.feeIncomeMissing")}</p> : null}
          </section>
          {a.review.coGuardians.map((name) => (
            <p key={name}>{t("apply.otherGuardian", { name })}</p>
          ))}
          <div className="button-row">
            <button type="submit" name="intent" value="submit" className="button">
              {t("apply.submit")}
            </button>
            <button type="submit" name="intent" value="back" className="button button--secondary">
              {t("apply.change")}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
