import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MyPagesNav } from "~/components/mypages/MyPagesNav";
import { ConsentStatus } from "~/components/permits/OwnerConsents";
import { hasRepresentationCandidates } from "~/auth/representation.server";
import { getFixedT } from "~/i18n/i18n.server";
import { listOwnerConsents } from "~/services/owner-consent.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import styles from "~/styles/mypages.css";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["permits", "mypages"],
  breadcrumb: () => ({ labelKey: "mypages:breadcrumb", href: "/mina-sidor" }),
};

/** The consent requests sent to the logged-in person as a property owner (decision 093). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  return {
    title: getFixedT(request, "permits")("ownerConsent.list.title"),
    consents: listOwnerConsents(viewer),
    // Acting for oneself, a signatory finds an organisation's requests by acting for it (decision 100).
    choosePartyHint: !viewer.organisationId && hasRepresentationCandidates(viewer.personId),
  };
}

export default function OwnerConsentList() {
  const { consents, choosePartyHint } = useLoaderData<typeof loader>();
  const { t } = useTranslation("permits");
  return (
    <>
      <h1>{t("ownerConsent.list.title")}</h1>
      <MyPagesNav />
      <p className="lead">{t("ownerConsent.list.lead")}</p>
      {consents.length === 0 ? (
        <p>{t("ownerConsent.list.none")}</p>
      ) : (
        <ul data-testid="owner-consent-list">
          {consents.map((c) => (
            <li key={c.publicId}>
              <Link to={`/mina-sidor/medgivande/${c.publicId}`}>
                {t("ownerConsent.list.item", { designation: c.designation, reference: c.reference })}
              </Link>{" "}
              – <ConsentStatus status={c.status} /> ({formatDate(c.requestedAt)}
              {c.status === "pending" && c.deadlineAt
                ? `, ${t("ownerConsent.list.deadline", { date: formatDate(c.deadlineAt) })}`
                : null}
              )
            </li>
          ))}
        </ul>
      )}
      {choosePartyHint ? (
        <p>
          {t("ownerConsent.list.organisationsHint")}{" "}
          <Link to="/valj-part?redirectTo=%2Fmina-sidor%2Fmedgivande">{t("ownerConsent.list.chooseParty")}</Link>
        </p>
      ) : null}
    </>
  );
}
