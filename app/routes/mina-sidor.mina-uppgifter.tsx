import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccessLogTable } from "~/components/mypages/AccessLogTable";
import { MyPagesNav } from "~/components/mypages/MyPagesNav";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { myRegisterExtract } from "~/services/mypages.server";
import { getPersonnummer } from "~/services/people.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import styles from "~/styles/mypages.css";
import { formatCurrency } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { formTitleKey } from "~/utils/mypages-format";
import { formatPersonnummer } from "../../forms/lib/identity-number";
import { CASE_STATUS_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["mypages", "auth", "childcare", "eservice"],
  breadcrumb: () => [
    { labelKey: "mypages:breadcrumb", href: "/mina-sidor" },
    { labelKey: "mypages:myData.title", href: "/mina-sidor/mina-uppgifter" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const pnr = getPersonnummer(user.personId);
  const [givenName, ...rest] = user.name.split(" ");
  const extract = await myRegisterExtract({
    viewer,
    actor: user,
    person: { givenName: givenName ?? "", familyName: rest.join(" "), personnummer: pnr },
    lang: getLanguage(request),
  });
  return {
    title: getFixedT(request, "mypages")("myData.title"),
    extract,
    personnummer: pnr ? formatPersonnummer(pnr) : null,
  };
}

export default function MyData() {
  const { extract: x, personnummer } = useLoaderData<typeof loader>();
  const { t } = useTranslation("mypages");
  const source = t("myData.source", { source: t("childcare:source.folkbokforingen-testregister") });
  return (
    <>
      <h1>{t("myData.title")}</h1>
      <p className="lead">{t("myData.lead")}</p>
      <MyPagesNav />
      <p>
        <a href="/mina-sidor/mina-uppgifter.json" className="button" download>
          {t("myData.download")}
        </a>
      </p>

      <section aria-labelledby="person-title">
        <h2 id="person-title">{t("myData.person")}</h2>
        <dl className="facts">
          <dt>{t("myData.name")}</dt>
          <dd>
            {x.person.givenName} {x.person.familyName}
          </dd>
          <dt>{t("myData.personnummer")}</dt>
          <dd>{personnummer}</dd>
          {x.household ? (
            <>
              <dt>{t("myData.household")}</dt>
              <dd>
                {x.household.address ? (
                  <>
                    {x.household.address.street}, {x.household.address.postalCode} {x.household.address.town}{" "}
                    <span className="note">({source})</span>
                  </>
                ) : (
                  t("myData.addressProtected")
                )}
              </dd>
            </>
          ) : null}
          <dt>{t("myData.children")}</dt>
          <dd>
            {x.children.length ? x.children.map((c) => `${c.name} (${c.birthDate})`).join(", ") : t("myData.none")}
          </dd>
          <dt>{t("myData.email")}</dt>
          <dd>{x.settings.email ?? t("myData.none")}</dd>
        </dl>
      </section>

      <section aria-labelledby="xcases-title">
        <h2 id="xcases-title">{t("myData.cases")}</h2>
        {x.cases.length === 0 ? (
          <p>{t("myData.none")}</p>
        ) : (
          <ul>
            {x.cases.map((c) => (
              <li key={c.reference}>
                <Link to={`/mina-sidor/arenden/${c.reference}`}>{c.reference}</Link> –{" "}
                {t(formTitleKey(c.formId), { formId: c.formId })},{" "}
                {t(CASE_STATUS_KEY[c.status], { defaultValue: c.status })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="xmsg-title">
        <h2 id="xmsg-title">{t("myData.messages")}</h2>
        <p>{x.messages.length}</p>
      </section>

      <section aria-labelledby="xincome-title">
        <h2 id="xincome-title">{t("myData.income")}</h2>
        {x.income.length === 0 ? (
          <p>{t("myData.none")}</p>
        ) : (
          <ul>
            {x.income.map((i, n) => (
              <li key={n}>
                {i.validFrom}: {formatCurrency(i.monthlyIncome)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <AccessLogTable entries={x.accessLog} />
    </>
  );
}
