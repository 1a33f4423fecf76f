import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { AccessLogTable } from "~/components/mypages/AccessLogTable";
import { CaseTable } from "~/components/mypages/CaseTable";
import { MyPagesNav } from "~/components/mypages/MyPagesNav";
import { myPagesView, vouchForMyPages } from "~/http/mypages-cache.server";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { requestIdOf } from "~/load-context";
import { markNotificationsRead } from "~/services/notifications.server";
import { accessLogFor, myPagesOverview } from "~/services/mypages.server";
import { hasRepresentationCandidates } from "~/auth/representation.server";
import { getPersonnummer } from "~/services/people.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import styles from "~/styles/mypages.css";
import { formatDate, formatDateTime } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { formTitleKey } from "~/utils/mypages-format";
import { maskPersonnummer } from "../../forms/lib/identity-number";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["mypages", "auth", "eservice"],
  breadcrumb: () => ({ labelKey: "mypages:breadcrumb", href: "/mina-sidor" }),
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const lang = getLanguage(request);
  const { validUntil, ...overview } = await myPagesOverview({ viewer });
  markNotificationsRead(viewer.personnummerHmac);
  const pnr = getPersonnummer(user.personId);
  // The render cache may keep this page for the session until the clock changes it (decision 124).
  if (!user.acting || user.acting.kind === "self") vouchForMyPages(requestIdOf(context), myPagesView(user), validUntil);
  return {
    title: getFixedT(request, "mypages")("title"),
    name: user.name,
    personnummer: pnr ? maskPersonnummer(pnr) : null,
    acting: user.acting ?? null,
    canChooseParty: hasRepresentationCandidates(user.personId),
    ...overview,
    access: accessLogFor(user.personId, lang, 10),
  };
}

export default function MyPages() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("mypages");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("auth:myPages.welcome", { name: d.name })}</p>
      <dl className="facts">
        <dt>{t("auth:myPages.personnummer")}</dt>
        <dd>{d.personnummer}</dd>
        <dt>{t("auth:myPages.actingAs")}</dt>
        <dd>
          {d.acting?.kind === "organisation"
            ? `${d.acting.name} (${d.acting.orgNumber})`
            : t("auth:myPages.actingSelf")}{" "}
          <Link to="/valj-part?redirectTo=%2Fmina-sidor">
            {d.canChooseParty ? t("auth:header.changeParty") : t("auth:myPages.actForCompany")}
          </Link>
          {d.acting?.kind === "organisation" ? (
            <>
              {" "}
              <Link to="/mina-sidor/ombud">{t("auth:mandates.title")}</Link>
            </>
          ) : null}
        </dd>
      </dl>
      <MyPagesNav />

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t("waiting.heading")}</h2>
        {d.waiting.length === 0 ? (
          <p>{t("waiting.none")}</p>
        ) : (
          <ul className="waiting-list">
            {d.waiting.map((w, i) => (
              <li key={i}>
                <Link to={`/mina-sidor/arenden/${w.reference}`}>
                  {w.kind === "offer"
                    ? t("waiting.offer", { reference: w.reference, deadline: formatDateTime(w.deadline) })
                    : w.kind === "signature"
                      ? t("waiting.signature", { reference: w.reference })
                      : w.kind === "messages"
                        ? w.count === 1
                          ? t("waiting.messages_one", { reference: w.reference })
                          : t("waiting.messages", { reference: w.reference, count: w.count })
                        : t("waiting.completion", { reference: w.reference })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cases-title">
        <h2 id="cases-title">{t("cases.heading")}</h2>
        {d.cases.length === 0 ? <p>{t("cases.none")}</p> : <CaseTable cases={d.cases} />}
      </section>

      <section aria-labelledby="notifications-title">
        <h2 id="notifications-title">{t("notifications.heading")}</h2>
        {d.notifications.length === 0 ? (
          <p>{t("notifications.none")}</p>
        ) : (
          <ul>
            {d.notifications.map((n) => (
              <li key={n.id}>
                {!n.readAt ? <span className="notice-new">{t("notifications.new")}: </span> : null}
                {t(`notifications.kinds.${n.kind}`, n.params)}{" "}
                <time dateTime={n.createdAt}>({formatDateTime(n.createdAt)})</time>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t("drafts.heading")}</h2>
        {d.drafts.length === 0 ? (
          <p>{t("drafts.none")}</p>
        ) : (
          <ul>
            {d.drafts.map((dr) => (
              <li key={dr.id}>
                {t(formTitleKey(dr.formId), { formId: dr.formId })} –{" "}
                {t("drafts.expires", { date: formatDate(dr.expiresAt) })}
              </li>
            ))}
          </ul>
        )}
        {d.draftsForOtherParties > 0 ? (
          <p>
            {t("drafts.otherParties", { count: d.draftsForOtherParties })}{" "}
            <Link to="/valj-part?redirectTo=%2Fmina-sidor">{t("drafts.switchParty")}</Link>
          </p>
        ) : null}
      </section>

      <AccessLogTable entries={d.access}>
        <p>
          <Link to="/mina-sidor/mina-uppgifter">{t("nav.myData")}</Link>
        </p>
      </AccessLogTable>

      <h2>{t("auth:myPages.sessionsTitle")}</h2>
      <Form method="post" action="/logga-ut" reloadDocument>
        <CsrfField />
        <input type="hidden" name="everywhere" value="1" />
        <p>{t("auth:myPages.sessionsLead")}</p>
        <button type="submit" className="button button--secondary">
          {t("auth:logout.everywhere")}
        </button>
      </Form>
      <p>
        <Link to="/inloggningar">{t("auth:sessions.link")}</Link>
      </p>
    </>
  );
}
