import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaff } from "~/auth/guards.server";
import { DiffTable } from "~/components/editor/DiffTable";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT } from "~/i18n/i18n.server";
import { diffVersions, listHistory, restoreVersion } from "~/services/editor-history.server";
import { SEGMENT_OF } from "~/services/editor-fields";
import { itemParams } from "~/services/editor-params";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: (match) => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:title", href: "/redaktor" },
    { labelKey: "editor:history.crumb", href: match.pathname },
  ],
};

const versionParam = (v: string | null) => (v && /^[0-9]{1,6}$/.test(v) ? Number(v) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const { type, id } = itemParams(params);
  const history = listHistory(user, type, id);
  const url = new URL(request.url);
  const newest = history.versions[0]?.version ?? 1;
  const to = versionParam(url.searchParams.get("till")) ?? newest;
  // By default: what changed since the previous state residents could see (drafts skipped).
  const previous = history.versions.find(
    (v) => v.version < to && v.action !== "draft" && v.action !== "restored-draft",
  );
  const from = versionParam(url.searchParams.get("fran")) ?? previous?.version ?? Math.max(1, to - 1);
  const diff = diffVersions(user, type, id, from, to);
  if (url.searchParams.has("fran") && !diff) throw Response.json({ message: "unknown version" }, { status: 400 });
  return {
    title: getFixedT(request, "editor")("history.title", { title: history.title }),
    history,
    from,
    to,
    diff: diff ?? [],
    editUrl: `/redaktor/${SEGMENT_OF[type]}/${id}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const { type, id } = itemParams(params);
  listHistory(user, type, id); // 404 / 403 first
  const form = await readForm(request);
  await requireCsrf(request, form);
  const version = versionParam(String(form.get("version") ?? ""));
  if (!version) throw Response.json({ message: "version" }, { status: 400 });
  const { pending } = restoreVersion(user, type, id, version);
  return redirectWithFlash(
    `/redaktor/${SEGMENT_OF[type]}/${id}`,
    pending ? "editor:flash.restoredDraft" : "editor:flash.restored",
    { values: { version } },
  );
}

export default function History() {
  const { history, from, to, diff, editUrl } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("editor");
  const fmt = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  });
  const options = history.versions.map((v) => (
    <option key={v.version} value={v.version}>
      {t("history.versionOption", {
        version: v.version,
        action: t(`history.actions.${v.action}`, { defaultValue: v.action }),
        when: fmt.format(new Date(v.createdAt)),
      })}
    </option>
  ));
  return (
    <>
      <h1>{t("history.title", { title: history.title })}</h1>
      <p>
        <Link to={editUrl}>{t("preview.back")}</Link>
      </p>
      <div className="table-wrap">
        <table className="stack-narrow">
          <caption>{t("history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.version")}</th>
              <th scope="col">{t("history.action")}</th>
              <th scope="col">{t("history.who")}</th>
              <th scope="col">{t("history.when")}</th>
              {history.canEditMain ? <th scope="col">{t("history.restore")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {history.versions.map((v, i) => (
              <tr key={v.version}>
                <td data-label={t("history.version")}>{v.version}</td>
                <td data-label={t("history.action")}>{t(`history.actions.${v.action}`, { defaultValue: v.action })}</td>
                <td data-label={t("history.who")}>{v.createdBy}</td>
                <td data-label={t("history.when")}>{fmt.format(new Date(v.createdAt))}</td>
                {history.canEditMain ? (
                  <td>
                    {i > 0 ? (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="version" value={v.version} />
                        <button type="submit" className="button button--secondary">
                          {t("history.restoreVersion", { version: v.version })}
                        </button>
                      </Form>
                    ) : (
                      <span className="note">{t("history.latest")}</span>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("history.compare")}</h2>
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="fran">{t("history.from")}</label>
          <select id="fran" name="fran" defaultValue={from}>
            {options}
          </select>
        </div>
        <div className="field">
          <label htmlFor="till">{t("history.to")}</label>
          <select id="till" name="till" defaultValue={to}>
            {options}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t("history.show")}
          </button>
        </div>
      </form>
      <DiffTable diff={diff} from={from} to={to} />
    </>
  );
}
