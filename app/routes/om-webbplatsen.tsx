import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18n.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: "pages",
  breadcrumb: () => ({ labelKey: "footer.about", href: "/om-webbplatsen" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getFixedT(request, "pages");
  return { title: t("about.title"), description: t("about.lead") };
}

const COOKIES = [
  { name: "lang", key: "lang" },
  { name: "kommun", key: "kommun" },
  { name: "__session", key: "session" },
  { name: "__Host-eservice", key: "eservice" },
] as const;

export default function About() {
  const { t } = useTranslation("pages");
  const personalData = t("about.personalData", { returnObjects: true }) as string[];
  return (
    <div className="prose">
      <h1>{t("about.title")}</h1>
      <p className="lead">{t("about.lead")}</p>
      <h2>{t("about.cookiesHeading")}</h2>
      <p>{t("about.cookiesIntro")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("about.cookieName")}</th>
              <th scope="col">{t("about.cookiePurpose")}</th>
              <th scope="col">{t("about.cookieLifetime")}</th>
            </tr>
          </thead>
          <tbody>
            {COOKIES.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{t(`about.cookies.${c.key}.purpose`)}</td>
                <td>{t(`about.cookies.${c.key}.lifetime`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("about.personalDataHeading")}</h2>
      {personalData.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>{t("about.publicRecordsHeading")}</h2>
      <p>{t("about.publicRecords")}</p>
    </div>
  );
}
