import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listFormsByAdministration } from "~/services/forms.server";
import { getSessionUser } from "~/auth/session.server";
import { listMunicipalities, visitorMunicipality } from "~/services/municipalities.server";
import eserviceStyles from "~/styles/eservice.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
export const handle: RouteHandle = {
  i18n: ["eservice"],
  breadcrumb: () => ({ labelKey: "ladder.forms.short", href: "/blanketter" }),
};

/** Forms per municipality and administration; the visitor's municipality first, or the one asked for. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang, "eservice");
  const municipalities = listMunicipalities().map((m) => ({ slug: m.slug, name: m.name }));
  const asked = new URL(request.url).searchParams.get("kommun");
  const valid = asked === null || asked === "" || municipalities.some((m) => m.slug === asked);
  // Else the browser's choice, or a logged-in resident's home municipality (decision 109).
  const visitor = visitorMunicipality(request, await getSessionUser(request))?.municipality;
  const slug = (asked && valid ? asked : null) ?? visitor?.slug ?? null;
  const shown = slug ? municipalities.filter((m) => m.slug === slug) : municipalities;
  return data(
    {
      title: t("list.title"),
      description: t("list.lead"),
      municipalities,
      selected: slug,
      invalid: !valid,
      sections: shown.map((m) => ({ ...m, administrations: listFormsByAdministration(lang, m.slug) })),
    },
    { status: valid ? 200 : 400 },
  );
}

export default function Blanketter() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("eservice");
  // Texts every form's entry repeats, translated once per page rather than once per form.
  const labels = {
    requiresEid: t("list.requiresEid"),
    requiresLogin: t("list.requiresLogin"),
    fillInOnline: t("list.fillInOnline"),
    downloadPdfShort: t("list.downloadPdfShort"),
  };
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.lead")}</p>
      <Form method="get" className="panel" aria-labelledby="choose-municipality">
        <div className={`field${d.invalid ? " field--error" : ""}`}>
          <label htmlFor="kommun" id="choose-municipality">
            {t("list.municipality")}
          </label>
          {d.invalid ? (
            <span className="field__error" id="kommun-error">
              {t("list.invalidMunicipality")}
            </span>
          ) : null}
          <select
            id="kommun"
            name="kommun"
            defaultValue={d.selected ?? ""}
            aria-invalid={d.invalid || undefined}
            aria-describedby={d.invalid ? "kommun-error" : undefined}
          >
            <option value="">{t("list.allMunicipalities")}</option>
            {d.municipalities.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("list.show")}
        </button>
      </Form>
      <p>
        <Link to="/diarium">{t("list.diariumLink")}</Link>
      </p>
      {d.sections.map((m) => (
        <section key={m.slug} aria-labelledby={`m-${m.slug}`}>
          <h2 id={`m-${m.slug}`}>{t("list.municipalityHeading", { name: m.name })}</h2>
          {m.administrations.map((a) => (
            <section key={a.slug} aria-labelledby={`m-${m.slug}-${a.slug}`}>
              <h3 id={`m-${m.slug}-${a.slug}`}>{a.name}</h3>
              <ul className="form-list">
                {a.forms.map((f) => {
                  // One translation per form for both links' hidden context (a list of ~100 forms).
                  const context = t("list.formLinkContext", { title: f.title });
                  return (
                    <li key={f.id}>
                      <h4>{f.title}</h4>
                      <p>{f.description}</p>
                      {f.requiresEid ? (
                        <p className="tag">{labels.requiresEid}</p>
                      ) : f.requiresLogin ? (
                        <p className="tag">{labels.requiresLogin}</p>
                      ) : null}
                      <p className="button-row">
                        {/* The accessible name starts with the visible text (WCAG 2.5.3); the form's name follows, hidden. */}
                        <a href={f.href}>
                          {labels.fillInOnline} <span className="visually-hidden">{context}</span>
                        </a>
                        <a href={`/blanketter/${f.id}.pdf`}>
                          {labels.downloadPdfShort} <span className="visually-hidden">{context}</span>
                        </a>
                      </p>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
