import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaffUser } from "~/auth/guards.server";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listGuidesForEditor } from "~/services/life-event-editor.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:guides.title", href: "/redaktor/livshandelser" },
  ],
};

/** The life-event guides (portal-wide editors and administrators; 403 for anyone else). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  const guides = listGuidesForEditor(user, getLanguage(request));
  return { title: getFixedT(request, "editor")("guides.title"), guides };
}

export default function GuideList() {
  const { guides } = useLoaderData<typeof loader>();
  const { t } = useTranslation("editor");
  return (
    <>
      <h1>{t("guides.title")}</h1>
      <p>{t("guides.lead")}</p>
      <p>
        <Link to="/redaktor/livshandelser/ny" className="button button--secondary">
          {t("guides.create.link")}
        </Link>
      </p>
      <div className="table-wrap">
        <table className="editor-items stack-narrow">
          <caption className="visually-hidden">{t("guides.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("guides.guide")}</th>
              <th scope="col">{t("guides.steps")}</th>
              <th scope="col">{t("home.status")}</th>
              <th scope="col">{t("guides.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {guides.map((g) => (
              <tr key={g.slug}>
                <td>
                  <Link to={`/redaktor/livshandelser/${g.slug}`}>{g.title}</Link>
                </td>
                <td data-label={t("guides.steps")}>{g.steps}</td>
                <td data-label={t("home.status")}>
                  {g.published ? t("visibility.visible") : t("guides.notPublished")}
                  {g.pendingDraft ? <span className="tag">{t("home.pending")}</span> : null}
                </td>
                <td data-label={t("guides.updated")}>
                  {formatDate(g.updatedAt)}
                  {g.updatedBy !== "seed" ? <span className="note"> · {g.updatedBy}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
