import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/Pagination";
import { ProtectedIdentityMark } from "~/components/ui/ProtectedIdentity";
import { CsrfField } from "~/components/ui/CsrfField";
import { SelectField, TextField } from "~/components/permits/Fields";
import { getFixedT } from "~/i18n/i18n.server";
import { requireStaff } from "~/auth/guards.server";
import { requireCsrf } from "~/auth/csrf.server";
import { audit } from "~/platform/audit.server";
import { commitDurably } from "~/db-durable.server";
import { getCaseScope } from "~/services/cases.server";
import { readForm } from "~/services/multipart.server";
import { officerScopes } from "~/services/officer-scopes.server";
import { listMunicipalities } from "~/services/municipalities.server";
import {
  assignableColleagues,
  bulkAssign,
  parseCaseSearch,
  searchCases,
  SEARCH_SORTS,
  type CaseSearch,
} from "~/services/officer-tools.server";
import eserviceStyles from "~/styles/eservice.css";
import permitStyles from "~/styles/permits.css";
import { formatDate } from "~/utils/format";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { BACKOFFICE_AREA_KEY, CASE_STATUS_KEY, keyOf } from "~/i18n/keys";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eserviceStyles },
  { rel: "stylesheet", href: permitStyles },
];
export const handle: RouteHandle = {
  i18n: ["backoffice", "eservice", "officer-tools"],
  breadcrumb: () => ({ labelKey: "backoffice:breadcrumb", href: "/handlaggare" }),
};

/** Search, paging and sorting in the officer's scope; bulk assignment of a page's cases (decision 078). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const { search, errors } = parseCaseSearch(new URL(request.url).searchParams);
  const scopes = officerScopes(user, "case.read");
  const names = new Map(listMunicipalities().map((m) => [m.slug, m.name]));
  const failed = Object.keys(errors).length > 0;
  return data(
    {
      title: getFixedT(request, "officer-tools")("search.title"),
      search,
      errors,
      municipalities: [...new Set(scopes.map((s) => s.municipality))].map((slug) => ({
        slug,
        name: names.get(slug) ?? slug,
      })),
      areas: [...new Set(scopes.map((s) => s.area))],
      colleagues: assignableColleagues(user),
      result: failed ? null : searchCases({ user, search }),
    },
    { status: failed ? 400 : 200 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "case.handle");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const references = form.getAll("arende").map(String);
  const staffId = Number(form.get("staffId"));
  // The assignments and their audit rows: one commit, its fsync off the event loop (decision 163).
  const result = await commitDurably(() => {
    const r = bulkAssign({ user, references, staffId });
    // Each case is audited as the case view audits one assignment, with its municipality.
    for (const reference of r.ok ? r.assigned : r.refused)
      audit({
        actor: user,
        action: "case.assign",
        subjectType: "case",
        subjectId: reference,
        municipalityId: getCaseScope(reference)?.municipalityId,
        outcome: r.ok ? "ok" : "refused",
        details: { staffId, bulk: true, ...(r.ok ? {} : { error: r.error }) },
      });
    return r;
  });
  if (!result.ok) return data({ error: result.error, refused: result.refused }, { status: result.status });
  const back = new URL(request.url);
  return redirectWithFlash(`/handlaggare/sok${back.search}`, "officer-tools:flash.bulkAssigned", {
    values: { count: result.assigned.length },
  });
}

const SEARCH_ERROR_KEY = {
  pnr: "officer-tools:search.errors.pnr",
  date: "officer-tools:search.errors.date",
  dateOrder: "officer-tools:search.errors.dateOrder",
} as const;
const BULK_ERROR_KEY = {
  noneSelected: "officer-tools:bulk.errors.noneSelected",
  tooMany: "officer-tools:bulk.errors.tooMany",
  assignee: "officer-tools:bulk.errors.assignee",
} as const;

/** The URL of this search with some parameters changed (sorting, paging). */
function searchUrl(s: CaseSearch, change: Partial<Record<string, string>>): string {
  const p = new URLSearchParams();
  const base: Record<string, string> = {
    q: s.q,
    namn: s.name,
    personnummer: s.pnr,
    fastighet: s.property,
    kommun: s.municipality,
    omrade: s.area,
    status: s.status,
    fran: s.from,
    till: s.to,
    handlaggare: s.handler,
    sortering: s.sort,
    ordning: s.dir,
    sida: String(s.page),
  };
  for (const [k, v] of Object.entries({ ...base, ...change })) if (v) p.set(k, v);
  return `/handlaggare/sok?${p.toString()}`;
}

export default function CaseSearchPage() {
  const { search, errors, municipalities, areas, colleagues, result } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const location = useLocation();
  const { t } = useTranslation(["officer-tools", "backoffice"]);
  const all = { value: "", label: t("backoffice:queue.all") };
  const errorList = Object.entries(errors).map(([field, code]) => ({
    field,
    message: t(SEARCH_ERROR_KEY[code as keyof typeof SEARCH_ERROR_KEY]),
  }));
  const fieldIds: Record<string, string> = { pnr: "personnummer", from: "fran", to: "till" };
  const errorOf = (field: "pnr" | "from" | "to") =>
    errors[field] ? t(SEARCH_ERROR_KEY[errors[field] as keyof typeof SEARCH_ERROR_KEY]) : null;
  return (
    <>
      <h1>{t("search.title")}</h1>
      <p className="lead">{t("search.lead")}</p>
      <p>
        <Link to="/handlaggare">{t("search.queueLink")}</Link> ·{" "}
        <Link to="/handlaggare/arbetsbelastning">{t("workload.title")}</Link>
      </p>
      {errorList.length > 0 || posted ? (
        <div className="error-summary" role="alert" aria-labelledby="search-error-title" tabIndex={-1}>
          <h2 id="search-error-title">{t("backoffice:errors.title")}</h2>
          <ul>
            {errorList.map((e) => (
              <li key={e.field}>
                <a href={`#${fieldIds[e.field]}`}>{e.message}</a>
              </li>
            ))}
            {posted ? (
              <li>
                <a href="#staffId" data-testid="bulk-error">
                  {t(BULK_ERROR_KEY[posted.error], { references: posted.refused.join(", ") })}
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      <Form method="get" role="search" aria-labelledby="search-form-title">
        <h2 id="search-form-title">{t("search.formTitle")}</h2>
        <div className="filters">
          <TextField id="q" label={t("search.reference")} defaultValue={search.q} />
          <TextField id="namn" label={t("search.name")} defaultValue={search.name} />
          <TextField
            id="personnummer"
            label={t("search.pnr")}
            hint={t("search.pnrHint")}
            defaultValue={search.pnr}
            inputMode="numeric"
            error={errorOf("pnr")}
          />
          <TextField id="fastighet" label={t("search.property")} defaultValue={search.property} />
          <SelectField
            id="kommun"
            label={t("backoffice:queue.municipality")}
            defaultValue={search.municipality}
            options={[all, ...municipalities.map((m) => ({ value: m.slug, label: m.name }))]}
          />
          <SelectField
            id="omrade"
            label={t("search.area")}
            defaultValue={search.area}
            options={[all, ...areas.map((a) => ({ value: a, label: t(BACKOFFICE_AREA_KEY[a]) }))]}
          />
          <SelectField
            id="status"
            label={t("backoffice:queue.status")}
            defaultValue={search.status}
            options={[
              all,
              { value: "open", label: t("backoffice:queue.statusOpen") },
              { value: "closed", label: t("backoffice:queue.statusClosed") },
              ...Object.entries(CASE_STATUS_KEY).map(([value, key]) => ({
                value,
                label: t(key),
              })),
            ]}
          />
          <TextField
            id="fran"
            type="date"
            label={t("search.from")}
            hint={t("search.dateHint")}
            defaultValue={search.from}
            error={errorOf("from")}
          />
          <TextField
            id="till"
            type="date"
            label={t("search.to")}
            hint={t("search.dateHint")}
            defaultValue={search.to}
            error={errorOf("to")}
          />
          <SelectField
            id="handlaggare"
            label={t("backoffice:queue.handler")}
            defaultValue={search.handler}
            options={[
              all,
              { value: "me", label: t("backoffice:queue.assignedMe") },
              { value: "none", label: t("backoffice:queue.assignedNone") },
              ...colleagues.map((c) => ({ value: String(c.id), label: c.name })),
            ]}
          />
        </div>
        <input type="hidden" name="sortering" value={search.sort} />
        <input type="hidden" name="ordning" value={search.dir} />
        <button className="button" type="submit">
          {t("search.submit")}
        </button>
      </Form>
      {result ? <Results search={search} result={result} colleagues={colleagues} action={location.search} /> : null}
    </>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function Results({
  search,
  result,
  colleagues,
  action,
}: {
  search: CaseSearch;
  result: NonNullable<Loaded["result"]>;
  colleagues: Loaded["colleagues"];
  action: string;
}) {
  const { t } = useTranslation(["officer-tools", "backoffice"]);
  if (result.total === 0)
    return (
      <p role="status" data-testid="search-none">
        {t("search.none")}
      </p>
    );
  const canAssign = result.rows.some((r) => r.canAssign) && colleagues.length > 0;
  const header = (sort: (typeof SEARCH_SORTS)[number], label: string) => {
    const active = search.sort === sort;
    const next = active && search.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (search.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={searchUrl(search, { sortering: sort, ordning: next, sida: "1" })} data-testid={`sort-${sort}`}>
          {label}
          {active ? <span aria-hidden="true">{search.dir === "asc" ? " ▲" : " ▼"}</span> : null}
          <span className="visually-hidden">
            {", "}
            {t(next === "asc" ? "search.sortAsc" : "search.sortDesc")}
          </span>
        </Link>
      </th>
    );
  };
  return (
    <Form method="post" action={`/handlaggare/sok${action}`} aria-labelledby="results-caption">
      <CsrfField />
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="results-caption">
        <table className="queue-table wide-table" data-testid="search-results">
          <caption id="results-caption">
            {t("search.caption", { total: result.total, page: result.page, pages: result.pages })}
          </caption>
          <thead>
            <tr>
              {canAssign ? (
                <th scope="col">
                  <span className="visually-hidden">{t("bulk.select")}</span>
                </th>
              ) : null}
              {header("reference", t("backoffice:queue.reference"))}
              {header("applicant", t("backoffice:queue.applicant"))}
              <th scope="col">{t("search.property")}</th>
              {header("status", t("backoffice:queue.status"))}
              {header("received", t("backoffice:queue.received"))}
              {header("handler", t("backoffice:queue.handler"))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.reference} data-reference={r.reference}>
                {canAssign ? (
                  <td>
                    {r.canAssign ? (
                      <input
                        type="checkbox"
                        name="arende"
                        value={r.reference}
                        id={`select-${r.reference}`}
                        aria-label={t("bulk.selectOne", { reference: r.reference })}
                      />
                    ) : null}
                  </td>
                ) : null}
                <td>
                  <Link to={`/handlaggare/arenden/${r.reference}`}>{r.reference}</Link>
                  {r.protectedIdentity ? <ProtectedIdentityMark /> : null}
                  <br />
                  {r.municipalityName}, {t(keyOf(BACKOFFICE_AREA_KEY, r.area) ?? "backoffice:queue.all")}
                </td>
                <td>{r.applicantName || "–"}</td>
                <td>{r.propertyDesignation ?? "–"}</td>
                <td>{t(keyOf(CASE_STATUS_KEY, r.status) ?? "backoffice:queue.all")}</td>
                <td>{formatDate(r.receivedOn)}</td>
                <td>{r.assignedTo ?? t("backoffice:queue.unassigned")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        label={t("search.pages")}
        page={result.page}
        pages={result.pages}
        href={(n) => searchUrl(search, { sida: String(n) })}
        texts={{ previous: t("search.previous"), next: t("search.next"), page: (n) => t("search.page", { page: n }) }}
      />
      {canAssign ? (
        <fieldset className="panel">
          <legend>{t("bulk.title")}</legend>
          <p>{t("bulk.lead")}</p>
          <SelectField
            id="staffId"
            label={t("bulk.assignTo")}
            options={colleagues.map((c) => ({ value: String(c.id), label: c.name }))}
          />
          <button className="button" type="submit" data-testid="bulk-assign">
            {t("bulk.submit")}
          </button>
        </fieldset>
      ) : null}
    </Form>
  );
}
