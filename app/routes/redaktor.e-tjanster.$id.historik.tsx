import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { DiffTable } from "~/components/editor/DiffTable";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT } from "~/i18n/i18n.server";
import { ESERVICE_STATUS_KEY } from "~/i18n/keys";
import {
  DesignerInputError,
  listVersions,
  requireDesigner,
  restoreVersion,
  versionChanges,
} from "~/services/eservice-definitions.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: (match) => {
    const id = (match.data as { formId?: string } | undefined)?.formId ?? "";
    return [
      { labelKey: "auth:staffHome.title", href: "/personal" },
      { labelKey: "editor:eservices.title", href: "/redaktor/e-tjanster" },
      { label: id, href: `/redaktor/e-tjanster/${id}` },
      { labelKey: "editor:history.crumb", href: match.pathname },
    ];
  },
};

const versionParam = (v: string | null) => (v && /^[0-9]{1,6}$/.test(v) ? Number(v) : undefined);

/**
 * An e-service's versions (decision 086): what each version changed from the one before it
 * (`?version=`, the newest by default), and "restore", which makes the draft a copy of an old
 * version. 403 (audited) outside the designer's scope, 400 for an unknown version.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const formId = params.id ?? "";
  const versions = listVersions(user, formId);
  const asked = new URL(request.url).searchParams.get("version");
  const version = versionParam(asked) ?? versions[0]!.version;
  const t = getFixedT(request, "editor");
  const changes = versionChanges(user, formId, version, t);
  if (!changes) throw Response.json({ message: "unknown version" }, { status: 400 });
  return {
    title: `${t("history.crumb")}: ${formId}`,
    formId,
    versions,
    version,
    from: changes.from,
    diff: changes.changes.map((c) => ({ field: c.key, label: c.label, parts: c.parts })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const formId = params.id ?? "";
  listVersions(user, formId); // 404 / 403 (audited) before the body is read
  const form = await readForm(request);
  await requireCsrf(request, form);
  const version = versionParam(String(form.get("version") ?? ""));
  try {
    if (!version) throw new DesignerInputError({ version: "version" });
    const { draftVersion } = restoreVersion(user, formId, version, form.get("confirm") === "replace-draft");
    return redirectWithFlash(`/redaktor/e-tjanster/${formId}`, "editor:eservices.flash.restored", {
      values: { version, draft: draftVersion },
    });
  } catch (e) {
    if (e instanceof DesignerInputError && e.errors.confirm) {
      // The open draft has unpublished work: nothing changed; the page asks to confirm (decision 114).
      const draft = listVersions(user, formId).find((v) => v.status === "draft")!.version;
      return Response.json({ confirm: { version, draft } }, { status: 409 });
    }
    if (e instanceof DesignerInputError) return Response.json({ error: "version" }, { status: 400 });
    throw e;
  }
}

export default function EserviceHistory() {
  const d = useLoaderData<typeof loader>();
  const asked = useActionData<{ confirm?: { version: number; draft: number } }>()?.confirm;
  const { t } = useTranslation("editor");
  return (
    <>
      <h1>{t("eservices.history.title", { id: d.formId })}</h1>
      {asked ? (
        <section className="alert alert--warning" role="alert" aria-labelledby="confirm-restore">
          <h2 id="confirm-restore">{t("eservices.history.confirmTitle", { draft: asked.draft })}</h2>
          <p>{t("eservices.history.confirmLead", { version: asked.version, draft: asked.draft })}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="version" value={asked.version} />
            <input type="hidden" name="confirm" value="replace-draft" />
            <button type="submit" className="button">
              {t("eservices.history.confirm", { version: asked.version })}
            </button>{" "}
            <Link to={`/redaktor/e-tjanster/${d.formId}`}>{t("eservices.history.keepDraft")}</Link>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to={`/redaktor/e-tjanster/${d.formId}`}>{t("eservices.design.backToDesigner")}</Link>
      </p>
      <div className="table-wrap">
        <table className="editor-items stack-narrow">
          <caption>{t("history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("eservices.design.version")}</th>
              <th scope="col">{t("home.status")}</th>
              <th scope="col">{t("eservices.design.publishedAt")}</th>
              <th scope="col">{t("history.change")}</th>
              <th scope="col">{t("history.restore")}</th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.version}>
                <td data-label={t("eservices.design.version")}>{v.version}</td>
                <td data-label={t("home.status")}>{t(ESERVICE_STATUS_KEY[v.status])}</td>
                <td data-label={t("eservices.design.publishedAt")}>
                  {v.publishedAt ? formatDate(v.publishedAt) : "–"}
                </td>
                <td data-label={t("history.change")}>
                  {v.version === d.version ? (
                    <span className="note">{t("eservices.history.shown")}</span>
                  ) : (
                    <Link to={`?version=${v.version}`}>
                      {t("eservices.history.showChanges", { version: v.version })}
                    </Link>
                  )}
                </td>
                <td data-label={t("history.restore")}>
                  {v.status === "draft" ? (
                    <span className="note">{t("eservices.status.draft")}</span>
                  ) : (
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="version" value={v.version} />
                      <button type="submit" className="button button--secondary">
                        {t("history.restoreVersion", { version: v.version })}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("eservices.history.changesTitle", { version: d.version })}</h2>
      {d.from === null ? (
        <p>{t("eservices.history.first")}</p>
      ) : (
        <DiffTable diff={d.diff} from={d.from} to={d.version} />
      )}
    </>
  );
}
