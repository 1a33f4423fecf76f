import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { getFixedT } from "~/i18n/i18n.server";
import { audit, listAuditEvents } from "~/platform/audit.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: "auth",
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "auth:admin.log.title", href: "/admin/logg" },
  ],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Audit search (a GET form: filters are in the URL and work without JavaScript). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "audit.read");
  const params = new URL(request.url).searchParams;
  const text = (name: string) => (params.get(name) ?? "").trim().slice(0, 100);
  const filters = {
    from: text("from"),
    to: text("to"),
    action: text("action"),
    actor: text("actor"),
    subject: text("subject"),
  };
  const page = Math.max(1, Number(params.get("sida")) || 1);
  const scope = adminMunicipalities(user, "audit.read");
  const { events, total } = listAuditEvents({
    municipalityIds: scope,
    from: DATE.test(filters.from) ? filters.from : undefined,
    to: DATE.test(filters.to) ? filters.to : undefined,
    action: filters.action || undefined,
    actor: filters.actor || undefined,
    subject: filters.subject || undefined,
    page,
    pageSize: 50,
  });
  // Reading the log is itself traceable.
  audit({
    actor: user,
    action: "audit.searched",
    subjectType: "audit_event",
    municipalityId: user.municipalityId ?? undefined,
    details: { ...filters, page },
  });
  const names = municipalityNames();
  return {
    title: getFixedT(request, "auth")("admin.log.title"),
    filters,
    page,
    pages: Math.max(1, Math.ceil(total / 50)),
    total,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actorName ?? e.actorType,
      actorType: e.actorType,
      role: e.actorRole,
      action: e.action,
      subject: `${e.subjectType}${e.subjectId ? ` ${e.subjectId}` : ""}`,
      municipality: e.municipalityId ? (names.get(e.municipalityId) ?? null) : null,
      ip: e.ip,
      requestId: e.requestId,
    })),
  };
}

export default function AuditLog() {
  const { filters, events, total, page, pages } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("auth");
  const fmt = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Europe/Stockholm",
  });
  const pageHref = (p: number) => {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    q.set("sida", String(p));
    return `/admin/logg?${q.toString()}`;
  };
  return (
    <>
      <h1>{t("admin.log.title")}</h1>
      <form method="get" className="filters" role="search" aria-label={t("admin.log.search")}>
        {(["from", "to"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{t(`admin.log.${name}`)}</label>
            <input id={name} name={name} type="date" defaultValue={filters[name]} />
          </div>
        ))}
        {(["action", "actor", "subject"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{t(`admin.log.${name}`)}</label>
            <input id={name} name={name} type="text" defaultValue={filters[name]} spellCheck={false} />
          </div>
        ))}
        <div className="field">
          <button type="submit" className="button">
            {t("admin.log.search")}
          </button>
        </div>
      </form>
      <p role="status">{t("admin.log.count", { count: total })}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("admin.log.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("myPages.when")}</th>
              <th scope="col">{t("admin.log.actor")}</th>
              <th scope="col">{t("admin.log.action")}</th>
              <th scope="col">{t("admin.log.subject")}</th>
              <th scope="col">{t("myPages.municipality")}</th>
              <th scope="col">{t("admin.log.origin")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{fmt.format(new Date(e.at))}</td>
                <td>
                  {e.actor}
                  {e.role ? ` (${e.role})` : ""}
                </td>
                <td>{e.action}</td>
                <td>{e.subject}</td>
                <td>{e.municipality ?? "–"}</td>
                <td>
                  {e.ip ?? "–"}
                  {e.requestId ? <span className="note"> {e.requestId.slice(0, 8)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label={t("admin.log.pages")}>
          <p>
            {page > 1 ? <Link to={pageHref(page - 1)}>{t("admin.log.previous")}</Link> : null}{" "}
            {t("admin.log.pageOf", { page, pages })}{" "}
            {page < pages ? <Link to={pageHref(page + 1)}>{t("admin.log.next")}</Link> : null}
          </p>
        </nav>
      ) : null}
    </>
  );
}
