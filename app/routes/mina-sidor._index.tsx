import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireResident } from "~/auth/guards.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listAccessToPersonData } from "~/services/audit.server";
import { listCasesForPerson } from "~/services/cases.server";
import { getPersonnummer, listRepresentedOrganisations } from "~/services/people.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { maskPersonnummer } from "../../forms/lib/identity-number";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: "auth", breadcrumb: () => ({ labelKey: "auth:myPages.title", href: "/mina-sidor" }) };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request);
  const t = getFixedT(request, "auth");
  const lang = getLanguage(request);
  const pnr = getPersonnummer(user.personId);
  return {
    title: t("myPages.title"),
    name: user.name,
    personnummer: pnr ? maskPersonnummer(pnr) : null,
    acting: user.acting ?? null,
    canChooseParty: listRepresentedOrganisations(user.personId).length > 0,
    cases: listCasesForPerson(user.personId),
    access: listAccessToPersonData(user.personId).map((a) => ({
      at: a.at,
      action: a.action,
      subject: a.subjectId,
      role: a.role,
      administration: a.administration ? a.administration[lang] : null,
      municipality: a.municipality,
    })),
  };
}

function formatTime(iso: string, lang: string) {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "sv-SE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(new Date(iso));
}

export default function MyPages() {
  const { name, personnummer, acting, canChooseParty, cases, access } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("auth");
  const roleLabel = (role: string | null) => {
    if (!role) return t("roles.staff");
    const [r, area] = role.split(":");
    return area ? t("roles.officerIn", { area: t(`areas.${area}`) }) : t(`roles.${r}`);
  };
  return (
    <>
      <h1>{t("myPages.title")}</h1>
      <p className="lead">{t("myPages.welcome", { name })}</p>
      <dl className="facts">
        <dt>{t("myPages.personnummer")}</dt>
        <dd>{personnummer}</dd>
        <dt>{t("myPages.actingAs")}</dt>
        <dd>
          {acting?.kind === "organisation" ? `${acting.name} (${acting.orgNumber})` : t("myPages.actingSelf")}
          {canChooseParty ? (
            <>
              {" "}
              <Link to="/valj-part?redirectTo=%2Fmina-sidor">{t("header.changeParty")}</Link>
            </>
          ) : null}
        </dd>
      </dl>

      <h2>{t("myPages.casesTitle")}</h2>
      {cases.length === 0 ? (
        <p>{t("myPages.noCases")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("myPages.casesTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("myPages.reference")}</th>
                <th scope="col">{t("myPages.municipality")}</th>
                <th scope="col">{t("myPages.submitted")}</th>
                <th scope="col">{t("myPages.party")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.reference}>
                  <td>{c.reference}</td>
                  <td>{c.municipality}</td>
                  <td>{formatTime(c.createdAt, i18n.language)}</td>
                  <td>{c.organisationName ?? t("myPages.actingSelf")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="access-title">{t("myPages.accessTitle")}</h2>
      <p>{t("myPages.accessLead")}</p>
      {access.length === 0 ? (
        <p>{t("myPages.noAccess")}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="access-title">
            <thead>
              <tr>
                <th scope="col">{t("myPages.when")}</th>
                <th scope="col">{t("myPages.who")}</th>
                <th scope="col">{t("myPages.what")}</th>
              </tr>
            </thead>
            <tbody>
              {access.map((a, i) => (
                <tr key={i}>
                  <td>{formatTime(a.at, i18n.language)}</td>
                  <td>
                    {roleLabel(a.role)}
                    {a.administration ? `, ${a.administration}` : ""}
                    {a.municipality ? `, ${a.municipality}` : ""}
                  </td>
                  <td>{t(`audit.actions.${a.action}`, { defaultValue: a.action })} {a.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("myPages.sessionsTitle")}</h2>
      <Form method="post" action="/logga-ut" reloadDocument>
        <CsrfField />
        <input type="hidden" name="everywhere" value="1" />
        <p>{t("myPages.sessionsLead")}</p>
        <button type="submit" className="button button--secondary">
          {t("logout.everywhere")}
        </button>
      </Form>
    </>
  );
}
