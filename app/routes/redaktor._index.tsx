import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guards.server";
import { getFixedT } from "~/i18n/i18n.server";
import { listMyItems } from "~/services/editor.server";
import { canEditGuides } from "~/services/life-event-editor.server";
import { SEGMENT_OF } from "~/services/editor-fields";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:title", href: "/redaktor" },
  ],
};

/** The editor's start page: my services, pages and news, overdue review-by dates first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const items = listMyItems(user);
  return {
    title: getFixedT(request, "editor")("title"),
    items,
    overdue: items.filter((i) => i.overdue).length,
    guides: canEditGuides(user),
  };
}

export default function EditorHome() {
  const { items, overdue, guides } = useLoaderData<typeof loader>();
  const { t } = useTranslation("editor");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("home.lead")}</p>
      <ul className="button-row" aria-label={t("home.create")}>
        {(["service", "page", "news"] as const).map((type) => (
          <li key={type}>
            <Link className="button button--secondary" to={`/redaktor/${SEGMENT_OF[type]}/ny`}>
              {t(`home.new.${type}`)}
            </Link>
          </li>
        ))}
      </ul>
      {guides ? (
        <p>
          <Link to="/redaktor/livshandelser">{t("guides.homeLink")}</Link>
        </p>
      ) : null}
      {overdue > 0 ? (
        <div className="alert alert--warning" role="status">
          <p>{t("home.overdueNote", { count: overdue })}</p>
          <p className="note">{t("home.overdueNoMail")}</p>
        </div>
      ) : null}
      <h2>{t("home.myItems", { count: items.length })}</h2>
      <div className="table-wrap">
        <table className="editor-items stack-narrow">
          <caption className="visually-hidden">{t("home.myItems", { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("home.item")}</th>
              <th scope="col">{t("home.type")}</th>
              <th scope="col">{t("home.status")}</th>
              <th scope="col">{t("fields.owner.label")}</th>
              <th scope="col">{t("fields.reviewBy.label")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.type}-${i.id}`} className={i.overdue ? "editor-items__overdue" : undefined}>
                <td>
                  <Link to={i.url}>{i.title}</Link>
                  <span className="note"> {i.place === "*" ? t("home.shared") : i.place}</span>
                  {i.variantOnly ? <span className="note"> · {t("home.variantOnly")}</span> : null}
                </td>
                <td data-label={t("home.type")}>{t(`types.${i.type}`)}</td>
                <td data-label={t("home.status")}>
                  {t(`visibility.${i.visibility}`)}
                  {i.pendingDraft ? <span className="tag">{t("home.pending")}</span> : null}
                </td>
                <td data-label={t("fields.owner.label")}>{i.owner}</td>
                <td data-label={t("fields.reviewBy.label")}>
                  {i.reviewBy}
                  {i.overdue ? <strong className="overdue-flag"> {t("home.overdue")}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
