import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  UNSAFE_RemixContext,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useContext, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { data } from "@remix-run/node";
import { csrfToken } from "~/auth/csrf.server";
import { getSessionUser } from "~/auth/session.server";
import { AccountArea, type AccountSummary } from "~/components/ui/AccountArea";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Footer } from "~/components/ui/Footer";
import { Header } from "~/components/ui/Header";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { requestIdOf } from "~/load-context";
import { env } from "~/env.server";
import { listMunicipalities, visitorMunicipality } from "~/services/municipalities.server";
import { hasRepresentationCandidates } from "~/auth/representation.server";
import { readFlash } from "~/utils/flash.server";
import styles from "~/styles/app.css";
import { handleOf, islandRouteOf, type RouteHandle } from "~/utils/handle";
import { useNonce } from "~/utils/nonce";
import { useRequestId } from "~/utils/request-id";
import { useCsrfUsage } from "~/utils/csrf-usage";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const site = data?.titles.site ?? "Dalslands e-tjänster";
  if (!error) return [{ title: site }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const page = notFound ? (data?.titles.notFound ?? "Sidan finns inte") : (data?.titles.error ?? "Något gick fel");
  return [{ title: `${page} – ${site}` }];
};

export const handle: RouteHandle = { i18n: ["common", "auth"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang);
  const user = await getSessionUser(request);
  // The browser's choice, else a logged-in resident's home municipality (decision 109).
  const chosen = visitorMunicipality(request, user);
  const { flash, clear } = await readFlash(request);
  let account: AccountSummary | null = null;
  if (user) {
    account = {
      kind: user.kind,
      name: user.name,
      acting: user.acting
        ? user.acting.kind === "self"
          ? { kind: "self" }
          : { kind: "organisation", name: user.acting.name, orgNumber: user.acting.orgNumber }
        : null,
      canChooseParty:
        user.kind === "resident" && user.personId !== undefined && hasRepresentationCandidates(user.personId),
    };
  }
  const payload = {
    lang,
    account,
    csrfToken: await csrfToken(request),
    // Acting for an organisation ended during this request (the register changed): say so once.
    flash: user?.actingEnded ? { key: "flash.actingEnded", values: { name: user.actingEnded.name } } : flash,
    // The demo warning (docs/decisions/041): every page outside production, and whenever the
    // test provider runs (production refuses that at start, so this is belt and braces).
    demoBanner: env().TEST_IDP === "on" ? "testIdp" : env().PORTAL_ENV !== "production" ? "demo" : null,
    requestId: requestIdOf(context),
    titles: { site: t("site.name"), notFound: t("errors.notFound.title"), error: t("errors.server.title") },
    municipality: chosen ? { slug: chosen.municipality.slug, name: chosen.municipality.name, home: chosen.home } : null,
    municipalities: listMunicipalities().map((m) => ({ slug: m.slug, name: m.name, phone: m.phone, email: m.email })),
  };
  // A shown flash is cleared in the same response (no `headers` export: see STACK.md pitfall 4).
  return data(payload, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export type RootLoaderData = NonNullable<ReturnType<typeof useRootData>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const matches = useMatches();
  const lang: Language = data?.lang ?? (isLanguage(i18n.language) ? i18n.language : defaultLanguage);
  // Pages opt in to client JavaScript; information pages work as plain HTML.
  const hydrate = matches.some((m) => handleOf(m).hydrate === true);
  // A form page hydrates its form alone (decision 108), a check page its payment panel (111): the
  // island's module instead of Remix's scripts.
  const islandRoute = hydrate ? null : (matches.map(islandRouteOf).find((r) => r !== null) ?? null);
  const manifestRoutes = useContext(UNSAFE_RemixContext)?.manifest.routes;
  const islandModule = islandRoute ? manifestRoutes?.[islandRoute] : undefined;
  // A hydrating page ships the root loader data, token included, for later client navigations.
  const markCsrfUsed = useCsrfUsage();
  if (hydrate) markCsrfUsed();
  // Effects run only once hydration has finished: the mark lets tests (and a reader of the DOM)
  // know that the page's client JavaScript is in charge now.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
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
        {data?.demoBanner ? (
          <div className="test-idp-banner">
            <p className="container">
              <strong>{t("auth:testIdp.bannerTitle")}</strong>{" "}
              {data.demoBanner === "testIdp" ? t("auth:testIdp.bannerBody") : t("auth:testIdp.demoBannerBody")}
            </p>
          </div>
        ) : null}
        <Header
          lang={lang}
          municipality={data?.municipality ?? null}
          municipalityNames={(data?.municipalities ?? []).map((m) => m.name)}
          account={<AccountArea account={data?.account ?? null} />}
        />
        <div className="container page">
          <Breadcrumbs />
          {data?.flash ? (
            <div className="alert alert--success flash" role="status">
              <p>
                {t(data.flash.key.includes(":") ? data.flash.key : `auth:${data.flash.key}`, data.flash.values ?? {})}
              </p>
            </div>
          ) : null}
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </div>
        <Footer municipalities={data?.municipalities ?? []} lang={lang} />
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : islandModule ? (
          <>
            {(islandModule.imports ?? []).map((href) => (
              <link key={href} rel="modulepreload" href={href} />
            ))}
            <script type="module" src={islandModule.module} nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** A 403's named rule (app/services/editor.server.ts forbidden()), when it is one we explain. */
function forbiddenReason(data: unknown): "publish" | "guides" | undefined {
  const reason =
    data && typeof data === "object" && "reason" in data ? (data as { reason: unknown }).reason : undefined;
  return reason === "publish" || reason === "guides" ? reason : undefined;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRootData();
  const providedRequestId = useRequestId();
  const requestId = data?.requestId || providedRequestId;
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
        {key === "forbidden" && forbiddenReason(error.data) ? (
          <p>{t(`errors.forbidden.reasons.${forbiddenReason(error.data)}`)}</p>
        ) : null}
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
      {requestId ? (
        <p>
          {t("errors.server.reference")} <code className="error-id">{requestId}</code>
        </p>
      ) : null}
      <p>
        <a href="/">{t("errors.goHome")}</a>
      </p>
    </div>
  );
}
