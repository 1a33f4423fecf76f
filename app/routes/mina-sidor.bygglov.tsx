import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18n.server";
import { listPermitCasesForApplicant } from "~/services/building-permits.server";
import { requireResident } from "~/auth/guards.server";
import permitStyles from "~/styles/permits.css";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { CASE_STATUS_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: permitStyles }];
export const handle: RouteHandle = {
  i18n: ["permits", "eservice"],
  breadcrumb: () => ({ labelKey: "permits:myCasesBreadcrumb", href: "/mina-sidor/bygglov" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  return { title: getFixedT(request, "permits")("mine.title"), cases: listPermitCasesForApplicant(user) };
}

export default function MyPermitCases() {
  const { cases } = useLoaderData<typeof loader>();
  const { t } = useTranslation("permits");
  return (
    <>
      <h1>{t("mine.title")}</h1>
      <p className="lead">{t("mine.lead")}</p>
      {cases.length === 0 ? (
        <p>{t("mine.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("mine.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mine.reference")}</th>
                <th scope="col">{t("mine.property")}</th>
                <th scope="col">{t("mine.status")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.reference}>
                  <td>
                    <Link to={`/mina-sidor/arenden/${c.reference}/bygglov`}>{c.reference}</Link>
                    <br />
                    {formatDate(c.createdAt)}
                  </td>
                  <td>
                    {c.designation}
                    <br />
                    {t(`measures.${c.measureType}.label`)}
                  </td>
                  <td>{t(CASE_STATUS_KEY[c.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link className="button" to="/blanketter/bygglov-ansokan">
          {t("mine.apply")}
        </Link>
      </p>
    </>
  );
}
