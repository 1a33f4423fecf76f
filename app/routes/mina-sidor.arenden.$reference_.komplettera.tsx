import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { ATTACHMENT_KINDS } from "../../forms/lib/building-permit";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextArea } from "~/components/permits/Fields";
import { getFixedT } from "~/i18n/i18n.server";
import { answerSupplement, getPermitCaseForApplicant } from "~/services/building-permits.server";
import { readMultipart } from "~/services/multipart.server";
import { requireResident } from "~/auth/guards.server";
import { scanDrawings } from "~/services/permit-uploads.server";
import permitStyles from "~/styles/permits.css";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { requireCsrf } from "~/auth/csrf.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: permitStyles }];
export const handle: RouteHandle = {
  i18n: "permits",
  breadcrumb: () => ({ labelKey: "permits:myCasesBreadcrumb", href: "/mina-sidor/bygglov" }),
};

function openRequest(request: Request, reference: string, user: Awaited<ReturnType<typeof requireResident>>) {
  const c = getPermitCaseForApplicant({ reference, user });
  if (!c) throw new Response("Not found", { status: 404 });
  return { c, open: c.requests.find((r) => !r.answeredOn) ?? null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const reference = String(params.reference ?? "").toUpperCase();
  const { c, open } = openRequest(request, reference, user);
  return { title: getFixedT(request, "permits")("supplement.title", { reference }), reference: c.reference, open };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const reference = String(params.reference ?? "").toUpperCase();
  const { open } = openRequest(request, reference, user);
  if (!open) return data({ error: "answered" }, { status: 409 });
  const parsed = await readMultipart(request);
  if (!parsed.ok) return data({ error: parsed.error === "tooLarge" ? "tooLarge" : "supplementEmpty" }, { status: 400 });
  await requireCsrf(request, parsed.form);
  const extraKind = String(parsed.form.get("extraKind") ?? "");
  const files = parsed.files.map((f) => ({
    kind: f.field === "extra" ? extraKind : f.field,
    name: f.name,
    bytes: f.bytes,
  }));
  const [refused] = await scanDrawings(files.map((f) => ({ field: f.kind, bytes: f.bytes })));
  if (refused) return data({ error: refused.code }, { status: 400 });
  // The drawings, the answer and its audit row commit together; answered after their fsync (decision 150).
  const result = await answerSupplement({
    user,
    reference,
    requestId: open.id,
    text: String(parsed.form.get("answer") ?? ""),
    files,
  });
  if (!result.ok)
    return data(
      { error: result.error === "empty" ? "supplementEmpty" : result.error },
      { status: result.error === "notFound" ? 404 : 400 },
    );
  return redirect(`/mina-sidor/arenden/${reference}/bygglov?klart=komplettering`);
}

export default function SupplementPage() {
  const { reference, open } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation("permits");
  if (!open)
    return (
      <>
        <h1>{t("supplement.title", { reference })}</h1>
        <p>{t("supplement.noneOpen")}</p>
      </>
    );
  const kinds = open.requestedKinds.length > 0 ? open.requestedKinds : [];
  const firstField = kinds[0] ? `file-${kinds[0]}` : "file-extra";
  return (
    <>
      <h1>{t("supplement.title", { reference })}</h1>
      <ErrorSummary
        title={t("errorSummaryTitle")}
        items={posted ? [{ href: firstField, text: t(`errors.${posted.error}`) }] : []}
      />
      <section className="panel" aria-labelledby="request-title">
        <h2 id="request-title">{t("supplement.request")}</h2>
        <p className="preserve-lines">{open.message}</p>
        <p>{t("case.requestDue", { date: formatDate(open.dueOn) })}</p>
        {kinds.length > 0 ? (
          <p>
            {t("supplement.requestedKinds")}: {kinds.map((k) => t(`attachments.${k}`)).join(", ")}
          </p>
        ) : null}
      </section>
      <Form method="post" encType="multipart/form-data">
        <CsrfField />
        {kinds.map((kind) => (
          <div className="field" key={kind}>
            <label htmlFor={`file-${kind}`}>{t("supplement.file", { kind: t(`attachments.${kind}`) })}</label>
            <input id={`file-${kind}`} name={kind} type="file" accept="application/pdf,image/png,image/jpeg" />
          </div>
        ))}
        <div className="field">
          <label htmlFor="file-extra">{t("supplement.extraFile")}</label>
          <input id="file-extra" name="extra" type="file" accept="application/pdf,image/png,image/jpeg" />
        </div>
        <div className="field">
          <label htmlFor="extraKind">{t("supplement.extraKind")}</label>
          <select id="extraKind" name="extraKind" defaultValue="situationsplan">
            {ATTACHMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`attachments.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <TextArea id="answer" label={t("supplement.text.label")} rows={4} />
        <div className="button-row">
          <button className="button" type="submit">
            {t("supplement.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
