import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guards.server";
import { env } from "~/env.server";
import { getFixedT } from "~/i18n/i18n.server";
import { listLinksForAdmin } from "~/services/links.server";
import styles from "~/styles/authorities.css";
import { formatDateTime } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["auth", "authorities"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "authorities:admin.links.title", href: "/admin/lankar" },
  ],
};

/** Every external link and what the checker found, broken first (docs/decisions/019). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "users.admin");
  const rows = listLinksForAdmin();
  return {
    title: getFixedT(request, "authorities")("admin.links.title"),
    intervalMinutes: env().LINK_CHECK_INTERVAL_MINUTES,
    broken: rows.filter((r) => r.broken).length,
    links: rows.map((r) => ({
      url: r.url,
      source: r.source,
      broken: r.broken,
      status: r.lastStatus,
      error: r.lastError,
      checkedAt: r.lastCheckedAt,
      okAt: r.lastOkAt,
    })),
  };
}

export default function AdminLinks() {
  const { links, broken, intervalMinutes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("authorities");
  return (
    <>
      <h1>{t("admin.links.title")}</h1>
      <p className="lead">{t("admin.links.lead")}</p>
      <p>
        {intervalMinutes > 0 ? t("admin.links.schedule", { count: intervalMinutes }) : t("admin.links.scheduleOff")}
      </p>
      {broken > 0 ? (
        <p className="alert alert--warning" role="status">
          {t("admin.links.brokenCount", { count: broken })}
        </p>
      ) : (
        <p className="alert alert--success" role="status">
          {t("admin.links.allOk")}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("admin.links.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.links.url")}</th>
              <th scope="col">{t("admin.links.state")}</th>
              <th scope="col">{t("admin.links.checked")}</th>
              <th scope="col">{t("admin.links.verified")}</th>
              <th scope="col">{t("admin.links.source")}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.url}>
                <th scope="row">
                  <a href={l.url} rel="external">
                    {l.url}
                  </a>
                </th>
                <td>
                  {l.broken ? (
                    <strong className="link-broken">{t("admin.links.broken")}</strong>
                  ) : l.checkedAt ? (
                    t("admin.links.ok")
                  ) : (
                    t("admin.links.unchecked")
                  )}
                  {l.status || l.error ? ` (${l.status ?? l.error})` : ""}
                </td>
                <td>{l.checkedAt ? formatDateTime(l.checkedAt) : "–"}</td>
                <td>{l.okAt ? formatDateTime(l.okAt) : "–"}</td>
                <td>{l.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
