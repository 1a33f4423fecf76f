import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ProtectedIdentityMark } from "~/components/ui/ProtectedIdentity";
import { DeadlineBadge, type RowText } from "~/components/permits/DeadlineBadge";
import { SelectField, TextField } from "~/components/permits/Fields";
import { getFixedT } from "~/i18n/i18n.server";
import { listQueue, parseQueueFilters, type QueueFilters } from "~/services/backoffice.server";
import { Pagination } from "~/components/ui/Pagination";
import { requireStaff } from "~/auth/guards.server";
import { officerScopes } from "~/services/officer-scopes.server";
import { listMunicipalities } from "~/services/municipalities.server";
import eserviceStyles from "~/styles/eservice.css";
import permitStyles from "~/styles/permits.css";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { BACKOFFICE_AREA_KEY, CASE_STATUS_KEY, keyOf } from "~/i18n/keys";
import { oncePerKey } from "~/utils/once-per-key";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eserviceStyles },
  { rel: "stylesheet", href: permitStyles },
];
export const handle: RouteHandle = {
  i18n: ["backoffice", "eservice", "permits"],
  breadcrumb: () => ({ labelKey: "backoffice:breadcrumb", href: "/handlaggare" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const scopes = officerScopes(user, "case.read");
  const names = new Map(listMunicipalities().map((m) => [m.slug, m.name]));
  return {
    title: getFixedT(request, "backoffice")("queue.title"),
    user: { name: user.name },
    filters,
    municipalities: [...new Set(scopes.map((s) => s.municipality))].map((slug) => ({
      slug,
      name: names.get(slug) ?? slug,
    })),
    areas: [...new Set(scopes.map((s) => s.area))],
    result: listQueue({ user, filters, scopes }),
  };
}

/** The queue's URL with its filters and another page: a plain GET link, works without JavaScript. */
function queueUrl(f: QueueFilters, page: number): string {
  const p = new URLSearchParams();
  const all: Record<string, string> = {
    q: f.q,
    kommun: f.municipality,
    omrade: f.area,
    status: f.status,
    frist: f.deadline,
    tilldelad: f.assigned,
    sortering: f.sort,
    sida: String(page),
  };
  for (const [k, v] of Object.entries(all)) if (v) p.set(k, v);
  return `/handlaggare?${p.toString()}`;
}

/**
 * A row's labels (area, status, badge, "unassigned") repeat down the page: each distinct text is
 * translated once per render instead of once per row (an i18next call allocates a few KB, and 50
 * rows made ~250 of them: decision 138).
 */
function translatedOnce(t: TFunction<"backoffice">): RowText {
  const once = oncePerKey<string>();
  return (key, days) =>
    days === undefined ? once(key, () => t(key)) : once(`${key}\u0000${days}`, () => t(key, { days }));
}

export default function Queue() {
  const { user, filters, municipalities, areas, result } = useLoaderData<typeof loader>();
  const rows = result.rows;
  const { t } = useTranslation("backoffice");
  const rowText = translatedOnce(t);
  const all = { value: "", label: t("queue.all") };
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p>{t("signedInAs", { name: user.name })}</p>
      <p className="lead">{t("queue.lead")}</p>
      <p>
        <Link to="/handlaggare/sok">{t("queue.searchAll")}</Link> ·{" "}
        <Link to="/handlaggare/arbetsbelastning">{t("queue.workload")}</Link> ·{" "}
        <Link to="/handlaggare/statistik">{t("queue.statistics")}</Link>
      </p>
      <Form method="get" role="search" aria-labelledby="filters-title">
        <h2 id="filters-title">{t("queue.filters")}</h2>
        <div className="filters">
          <TextField id="q" label={t("queue.search")} defaultValue={filters.q} />
          <SelectField
            id="kommun"
            label={t("queue.municipality")}
            defaultValue={filters.municipality}
            options={[all, ...municipalities.map((m) => ({ value: m.slug, label: m.name }))]}
          />
          <SelectField
            id="omrade"
            label={t("queue.area")}
            defaultValue={filters.area}
            options={[all, ...areas.map((a) => ({ value: a, label: t(BACKOFFICE_AREA_KEY[a]) }))]}
          />
          <SelectField
            id="status"
            label={t("queue.status")}
            defaultValue={filters.status}
            options={[
              { value: "open", label: t("queue.statusOpen") },
              { value: "closed", label: t("queue.statusClosed") },
              { value: "all", label: t("queue.all") },
            ]}
          />
          <SelectField
            id="frist"
            label={t("queue.deadline")}
            defaultValue={filters.deadline}
            options={[
              all,
              { value: "overdue", label: t("queue.deadlineOverdue") },
              { value: "week", label: t("queue.deadlineWeek") },
            ]}
          />
          <SelectField
            id="tilldelad"
            label={t("queue.assigned")}
            defaultValue={filters.assigned}
            options={[
              all,
              { value: "me", label: t("queue.assignedMe") },
              { value: "none", label: t("queue.assignedNone") },
            ]}
          />
          <SelectField
            id="sortering"
            label={t("queue.sort")}
            defaultValue={filters.sort}
            options={[
              { value: "deadline", label: t("queue.sortDeadline") },
              { value: "received", label: t("queue.sortReceived") },
              { value: "reference", label: t("queue.sortReference") },
            ]}
          />
        </div>
        <button className="button" type="submit">
          {t("queue.apply")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p role="status">{t("queue.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="queue-caption">
          <table className="queue-table wide-table" data-testid="queue">
            <caption id="queue-caption">
              {t("queue.caption", { total: result.total, page: result.page, pages: result.pages })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("queue.reference")}</th>
                <th scope="col">{t("queue.applicant")}</th>
                <th scope="col">{t("queue.status")}</th>
                <th scope="col">{t("queue.received")}</th>
                <th scope="col">{t("queue.due")}</th>
                <th scope="col">{t("queue.handler")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reference} data-reference={r.reference}>
                  <td>
                    {/* The same <a> a <Link> renders here (this page does not hydrate), without a
                        <Link>'s hooks and path resolution per row (decision 138). */}
                    <a data-discover="true" href={`/handlaggare/arenden/${r.reference}`}>
                      {r.reference}
                    </a>
                    {r.protectedIdentity ? <ProtectedIdentityMark /> : null}
                    <br />
                    {r.municipalityName}, {rowText(keyOf(BACKOFFICE_AREA_KEY, r.area) ?? r.area)}
                  </td>
                  <td>{r.applicantName || "–"}</td>
                  <td>{rowText(keyOf(CASE_STATUS_KEY, r.status) ?? r.status)}</td>
                  <td>{formatDate(r.receivedOn)}</td>
                  <td>
                    {r.deadline ? formatDate(r.deadline) : rowText("queue.noDeadline")}{" "}
                    <DeadlineBadge row={r} text={rowText} />
                  </td>
                  <td>{r.assignedTo ?? rowText("queue.unassigned")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        label={t("queue.pages")}
        page={result.page}
        pages={result.pages}
        href={(n) => queueUrl(filters, n)}
        texts={{ previous: t("queue.previous"), next: t("queue.next"), page: (n) => t("queue.page", { page: n }) }}
        testId="queue-pages"
      />
    </>
  );
}
