import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Footer } from "~/components/ui/Footer";
import { Header } from "~/components/ui/Header";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { requestIdOf } from "~/load-context";
import { getChosenMunicipality, listMunicipalities } from "~/services/municipalities.server";
import styles from "~/styles/app.css";
import { handleOf, type RouteHandle } from "~/utils/handle";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const site = data?.titles.site ?? "Dalslands e-tjänster";
  if (!error) return [{ title: site }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const page = notFound ? data?.titles.notFound ?? "Sidan finns inte" : data?.titles.error ?? "Något gick fel";
  return [{ title: `${page} – ${site}` }];
};

export const handle: RouteHandle = { i18n: "common" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang);
  const chosen = getChosenMunicipality(request);
  return {
    lang,
    requestId: requestIdOf(context),
    titles: { site: t("site.name"), notFound: t("errors.notFound.title"), error: t("errors.server.title") },
    municipality: chosen ? { slug: chosen.slug, name: chosen.name } : null,
    municipalities: listMunicipalities().map((m) => ({ slug: m.slug, name: m.name, phone: m.phone, email: m.email })),
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootLoaderData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const matches = useMatches();
  const lang: Language = data?.lang ?? (isLanguage(i18n.language) ? i18n.language : defaultLanguage);
  // Pages opt in to client JavaScript; information pages work as plain HTML.
  const hydrate = matches.some((m) => handleOf(m).hydrate === true);
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("a11y.skipToContent")}
        </a>
        <Header lang={lang} municipality={data?.municipality ?? null} />
        <div className="container page">
          <Breadcrumbs />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </div>
        <Footer municipalities={data?.municipalities ?? []} />
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRootData();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="prose">
        <h1>{t("errors.notFound.title")}</h1>
        <p>{t("errors.notFound.body")}</p>
        <p>
          <a href="/">{t("errors.goHome")}</a>
        </p>
      </div>
    );
  }
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) {
    const key = error.status === 403 ? "forbidden" : error.status === 401 ? "unauthorized" : "badRequest";
    return (
      <div className="prose">
        <h1>{t(`errors.${key}.title`)}</h1>
        <p>{t(`errors.${key}.body`)}</p>
        <p>
          <a href="/">{t("errors.goHome")}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>{t("errors.server.title")}</h1>
      <p>{t("errors.server.body")}</p>
      {data?.requestId ? (
        <p>
          {t("errors.server.reference")} <code className="error-id">{data.requestId}</code>
        </p>
      ) : null}
      <p>
        <a href="/">{t("errors.goHome")}</a>
      </p>
    </div>
  );
}
