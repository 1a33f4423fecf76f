import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExternalLink, hostOf } from "~/components/authorities/ExternalLink";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getLifeEvent } from "~/services/authorities.server";
import styles from "~/styles/authorities.css";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: "authorities",
  breadcrumb: (match) => {
    const d = match.data as { guidesTitle?: string; guide?: { slug: string; title: string } } | undefined;
    if (!d?.guide) return null;
    return [
      { label: d.guidesTitle ?? "", href: "/livshandelser" },
      { label: d.guide.title, href: `/livshandelser/${d.guide.slug}` },
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const guide = getLifeEvent(params.slug ?? "", lang);
  if (!guide) throw new Response("Not found", { status: 404 });
  const t = getFixedT(lang, "authorities");
  return { title: guide.title, description: guide.summary, guidesTitle: t("lifeEvents.title"), guide };
}

export default function LifeEventGuide() {
  const { guide } = useLoaderData<typeof loader>();
  const { t } = useTranslation("authorities");
  return (
    <div className="prose">
      <h1>{guide.title}</h1>
      <p className="lead">{guide.summary}</p>
      <h2>{t("lifeEvents.stepsHeading")}</h2>
      <ol className="steps">
        {guide.steps.map((s) => (
          <li key={s.number} className="step">
            <h3>
              <span className="step__number">{t("lifeEvents.stepNumber", { number: s.number })}</span>
              {s.title}
            </h3>
            <dl className="step__who">
              <dt>{t("lifeEvents.who")}:</dt>
              <dd>
                {s.actor.kind === "authority" ? (
                  <Link to={`/andra-myndigheter/${s.actor.authoritySlug}`}>{s.actor.authorityName}</Link>
                ) : (
                  t("lifeEvents.whoMunicipality")
                )}
              </dd>
            </dl>
            <p>{s.body}</p>
            <StepLinks actor={s.actor} />
          </li>
        ))}
      </ol>
      <p className="note">
        {guide.example ? `${t("lifeEvents.example")} ` : null}
        {t("lifeEvents.updated", { date: formatDate(guide.updatedAt) })}
      </p>
      <p>
        <Link to="/livshandelser">{t("lifeEvents.title")}</Link>
      </p>
    </div>
  );
}

type Actor = ReturnType<typeof useLoaderData<typeof loader>>["guide"]["steps"][number]["actor"];

function StepLinks({ actor }: { actor: Actor }) {
  const { t } = useTranslation("authorities");
  const links: { href: string; label: string }[] = [];
  if (actor.kind === "municipality") {
    if (actor.formId) links.push({ href: `/blanketter/${actor.formId}`, label: t("lifeEvents.fillForm") });
    if (actor.serviceSlug) {
      links.push({
        href: `/tjanster/${actor.serviceSlug}`,
        label: actor.serviceTitle
          ? t("lifeEvents.readServiceNamed", { title: actor.serviceTitle })
          : t("lifeEvents.readService"),
      });
    }
  } else if (actor.url) {
    return (
      <ul className="step__links">
        <li>
          <ExternalLink link={{ url: actor.url, broken: actor.broken, lastVerifiedAt: null }}>
            {t("authorities.visit", { host: hostOf(actor.url) })}
          </ExternalLink>
        </li>
      </ul>
    );
  }
  if (links.length === 0) return null;
  return (
    <ul className="step__links">
      {links.map((l) => (
        <li key={l.href}>
          <Link to={l.href}>{l.label}</Link>
        </li>
      ))}
    </ul>
  );
}
