import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { isMeasureType, missingAttachments, REQUIRED_ATTACHMENTS } from "../../forms/lib/building-permit";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { MissingList } from "~/components/permits/MissingList";
import { getFixedT } from "~/i18n/i18n.server";
import {
  addDrawing,
  getDraft,
  listDraftUploads,
  ownerKeyOf,
  removeDraftUpload,
} from "~/services/building-permits.server";
import { readMultipart } from "~/services/multipart.server";
import { requireResident } from "~/auth/guards.server";
import { scanDrawings } from "~/services/permit-uploads.server";
import permitStyles from "~/styles/permits.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { requireCsrf } from "~/auth/csrf.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: permitStyles }];
export const handle: RouteHandle = {
  i18n: "permits",
  breadcrumb: () => ({ labelKey: "permits:breadcrumb", href: "/bygglov/ansok" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const draft = getDraft(user);
  // A step cannot be visited before the one it depends on (STYLE.md: canVisit).
  if (!draft || !isMeasureType(draft.measureType)) throw redirect("/bygglov/ansok");
  const uploads = listDraftUploads(user);
  return {
    title: getFixedT(request, "permits")("drawings.title"),
    required: REQUIRED_ATTACHMENTS[draft.measureType],
    uploads,
    missing: missingAttachments(
      draft.measureType,
      uploads.map((u) => u.kind),
    ),
  };
}

type ActionErrors = { field: string; code: string; params?: Record<string, string | number> }[];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const draft = getDraft(user);
  if (!draft || !isMeasureType(draft.measureType)) throw redirect("/bygglov/ansok");
  const parsed = await readMultipart(request);
  if (!parsed.ok)
    return data(
      {
        errors: [
          {
            field: REQUIRED_ATTACHMENTS[draft.measureType][0]!,
            code: parsed.error === "tooLarge" ? "tooLarge" : "noFile",
          },
        ] as ActionErrors,
      },
      { status: 400 },
    );
  await requireCsrf(request, parsed.form);
  if (parsed.form.get("intent") === "remove") {
    removeDraftUpload(user, String(parsed.form.get("publicId") ?? ""));
    return redirect("/bygglov/ansok/ritningar?klart=removed");
  }
  const files = parsed.files.filter((f) => f.bytes.length > 0 || f.name);
  if (files.length === 0)
    return data(
      { errors: [{ field: REQUIRED_ATTACHMENTS[draft.measureType][0]!, code: "noFile" }] as ActionErrors },
      { status: 400 },
    );
  const errors: ActionErrors = await scanDrawings(files);
  if (errors.length > 0) return data({ errors }, { status: 400 });
  for (const f of files) {
    const result = addDrawing({ ownerKey: ownerKeyOf(user), kind: f.field, originalName: f.name, bytes: f.bytes });
    if (!result.ok)
      errors.push({ field: f.field, code: result.error, ...(result.params ? { params: result.params } : {}) });
  }
  if (errors.length > 0) return data({ errors }, { status: 400 });
  return redirect("/bygglov/ansok/ritningar?klart=added");
}

export default function PermitDrawings() {
  const { required, uploads, missing } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("permits");
  const errors = posted?.errors ?? [];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const done = params.get("klart");
  return (
    <>
      <p className="progress">{t("progress", { step: 2 })}</p>
      <h1>{t("drawings.title")}</h1>
      {done === "added" || done === "removed" ? (
        <p className="flash" role="status">
          {t(`drawings.${done}`)}
        </p>
      ) : null}
      <ErrorSummary
        title={t("errorSummaryTitle")}
        items={errors.map((e) => ({ href: `file-${e.field}`, text: t(`errors.${e.code}`, e.params ?? {}) }))}
      />
      <p>{t("drawings.lead")}</p>
      <MissingList missing={missing} />
      <h2>{t("drawings.uploaded")}</h2>
      {uploads.length === 0 ? (
        <p>{t("drawings.none")}</p>
      ) : (
        <ul className="file-list">
          {uploads.map((u) => (
            <li key={u.publicId}>
              <strong>{t(`attachments.${u.kind}`)}</strong>: {u.originalName} ({Math.ceil(u.size / 1024)} kB){" "}
              <Form method="post" encType="multipart/form-data" className="inline-form">
                <CsrfField />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="publicId" value={u.publicId} />
                <button type="submit" className="button button--secondary">
                  {t("drawings.remove", { name: u.originalName })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("drawings.upload")}</h2>
      <Form method="post" encType="multipart/form-data">
        <CsrfField />
        {required.map((kind) => {
          const e = errorFor(kind);
          const id = `file-${kind}`;
          return (
            <div key={kind} className={`field${e ? " field--error" : ""}`}>
              <label htmlFor={id}>{t("drawings.file", { kind: t(`attachments.${kind}`) })}</label>
              {e ? (
                <span id={`${id}-error`} className="field__error">
                  {t(`errors.${e.code}`, e.params ?? {})}
                </span>
              ) : null}
              <input
                id={id}
                name={kind}
                type="file"
                accept="application/pdf,image/png,image/jpeg"
                aria-invalid={e ? true : undefined}
                aria-describedby={e ? `${id}-error` : undefined}
              />
            </div>
          );
        })}
        <div className="button-row">
          <button className="button button--secondary" type="submit" name="intent" value="upload">
            {t("drawings.upload")}
          </button>
        </div>
      </Form>
      <div className="button-row">
        <Link className="button" to="/bygglov/ansok/kontrollera">
          {t("drawings.continue")}
        </Link>
        <Link to="/bygglov/ansok">{t("drawings.back")}</Link>
      </div>
    </>
  );
}
