import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { CsrfField } from "~/components/ui/CsrfField";
import {
  isMeasureType,
  missingAttachments,
  normalizeCertificationNumber,
  requiresKontrollansvarig,
  parseArea,
} from "../../forms/lib/building-permit";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { MissingList } from "~/components/permits/MissingList";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import {
  feeFor,
  getDraft,
  listDraftUploads,
  submitApplication,
  validateDetails,
} from "~/services/building-permits.server";
import { requireResident } from "~/auth/guards.server";
import eserviceStyles from "~/styles/eservice.css";
import permitStyles from "~/styles/permits.css";
import { formatCurrency } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { requireCsrf } from "~/auth/csrf.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eserviceStyles },
  { rel: "stylesheet", href: permitStyles },
];
export const handle: RouteHandle = {
  i18n: ["permits", "eservice"],
  breadcrumb: () => ({ labelKey: "permits:breadcrumb", href: "/bygglov/ansok" }),
};

async function review(user: Awaited<ReturnType<typeof requireResident>>) {
  const draft = getDraft(user);
  if (!draft) throw redirect("/bygglov/ansok");
  const { errors, applicable: property } = await validateDetails(user, draft);
  if (Object.keys(errors).length > 0 || !property || !isMeasureType(draft.measureType))
    throw redirect("/bygglov/ansok");
  const uploads = listDraftUploads(user);
  const bta = parseArea(draft.grossFloorArea);
  return {
    draft,
    measureType: draft.measureType,
    property,
    uploads,
    missing: missingAttachments(
      draft.measureType,
      uploads.map((u) => u.kind),
    ),
    fee: feeFor(draft, property),
    ka: requiresKontrollansvarig(draft.measureType, bta.ok ? bta.value : null)
      ? `${draft.kaName.trim()}, ${normalizeCertificationNumber(draft.kaCertification) ?? ""}`
      : null,
    applicant: user.acting?.kind === "organisation" ? `${user.acting.name} (${user.acting.orgNumber})` : user.name,
    submittedBy: user.name,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  return { title: getFixedT(request, "permits")("check.title"), ...(await review(user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const form = await readForm(request);
  await requireCsrf(request, form);
  const result = await submitApplication(user, getLanguage(request));
  if (result.ok) return redirect(`/bygglov/kvitto/${result.reference}`);
  if (result.reason === "noDraft" || result.reason === "details") throw redirect("/bygglov/ansok");
  return data({ missing: result.missing ?? [] }, { status: 400 });
}

export default function PermitCheck() {
  const r = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation("permits");
  const missingNames = (posted?.missing ?? r.missing).map((k) => t(`attachments.${k}`).toLocaleLowerCase());
  const rows: [string, React.ReactNode, string][] = [
    [t("check.applicant"), r.applicant, ""],
    [t("check.submittedBy"), r.submittedBy, ""],
    [
      t("check.property"),
      `${r.property.designation} – ${r.property.street}, ${r.property.town} (${r.property.ownerName})`,
      "/bygglov/ansok",
    ],
    [t("check.measure"), t(`measures.${r.measureType}.label`), "/bygglov/ansok"],
    [t("check.description"), r.draft.description, "/bygglov/ansok"],
    [
      t("check.areas"),
      [
        r.draft.buildingArea && `BYA ${r.draft.buildingArea} m²`,
        r.draft.grossFloorArea && `BTA ${r.draft.grossFloorArea} m²`,
      ]
        .filter(Boolean)
        .join(", ") || "–",
      "/bygglov/ansok",
    ],
    ...(r.ka ? ([[t("check.kontrollansvarig"), r.ka, "/bygglov/ansok"]] as [string, string, string][]) : []),
    [
      t("check.drawings"),
      r.uploads.length ? r.uploads.map((u) => `${t(`attachments.${u.kind}`)}: ${u.originalName}`).join("\n") : "–",
      "/bygglov/ansok/ritningar",
    ],
  ];
  return (
    <>
      <p className="progress">{t("progress", { step: 3 })}</p>
      <h1>{t("check.title")}</h1>
      <ErrorSummary
        title={t("errorSummaryTitle")}
        items={posted ? [{ href: "missing-title", text: t("errors.missing", { list: missingNames.join(", ") }) }] : []}
      />
      <p>{t("check.lead")}</p>
      <dl className="summary-list">
        {rows.map(([k, v, href]) => (
          <div className="summary-list__row" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
            <dd>
              {href ? (
                <Link to={href}>
                  {t("check.change")}
                  <span className="visually-hidden"> {k.toLocaleLowerCase()}</span>
                </Link>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <MissingList missing={r.missing} link="/bygglov/ansok/ritningar" />
      {r.fee ? (
        <section aria-labelledby="fee-title">
          <h2 id="fee-title">{t("check.feeTitle")}</h2>
          <p>{t("check.feeLead", { municipality: r.property.municipalityName })}</p>
          <div className="table-wrap">
            <table className="fee-table">
              <tbody>
                {r.fee.lines.map((l) => (
                  <tr key={l.key}>
                    <th scope="row">{t(`check.feeLines.${l.key}`)}</th>
                    <td>{formatCurrency(l.amount)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("check.feeTotal")}</th>
                  <td data-testid="fee-total">
                    <strong>{formatCurrency(r.fee.total)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          {r.fee.example ? <p className="field__hint">{t("check.feeExample")}</p> : null}
        </section>
      ) : null}
      <Form method="post">
        <CsrfField />
        {r.missing.length > 0 ? <p>{t("check.cannotSubmit")}</p> : null}
        <div className="button-row">
          <button className="button" type="submit">
            {t("check.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
