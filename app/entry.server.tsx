import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { RequestHead } from "~/utils/request-head";
import { createTestSamlRouter } from "./auth/staff-sso/test-saml.server";
import { createTestSsoProvider } from "./auth/staff-sso/test-sso.server";
import { createTestIdentityProvider } from "./auth/test-idp.server";
import { startCheckpointer } from "./db-checkpoint.server";
import { startDiariumIndexer, stopDiariumIndexer } from "./services/diarium-index-queue.server";
import { closeDatabase, db, prepareDatabase, seedFingerprint } from "./db.server";
import { env } from "./env.server";
import { isLanguage } from "./i18n/config";
import { getLanguage, i18nFor, languageCookieHeader } from "./i18n/i18n.server";
import { requestIdOf } from "./load-context";
import { buildCaseExport } from "./services/case-export.server";
import { setExportBuilder } from "./services/outbox.server";
import { finishPendingUploads } from "./services/uploads.server";
import { finishPendingDecisions } from "./services/backoffice.server";
import { startScheduledJobs, stopScheduledJobs } from "./services/scheduled-jobs.server";
import { drainReceiptMails } from "./platform/mail.server";
import { prepareKeyRing } from "./platform/key-ring.server";
import { installLazyHandoff } from "./http/lazy-handoff.server";
import { installServerRoutesOnce } from "./http/server-routes.server";
import { createHtmlBody } from "./utils/html-stream.server";
import { log } from "./utils/logger.server";
import { NonceProvider } from "./utils/nonce";
import { RequestIdProvider } from "./utils/request-id";
import { CSRF_USED_HEADER } from "./auth/csrf.server";
import { CsrfUsageProvider, type CsrfUsage } from "./utils/csrf-usage";

const ABORT_DELAY = 5_000;

// The loader data for the browser is encoded only when a page reads it (decision 138).
const lazyHandoff = installLazyHandoff();
// The route tree a document render gives React is made once per build, not per request (decision 142).
const serverRoutesOnce = installServerRoutesOnce();

/** HTTP middleware for scripts/serve.mjs, compiled with the app so it shares its module state. */
export {
  anonymousPageCacheMiddleware,
  bodyLimits,
  isSamlAssertionConsumerPost,
  isTokenAuthenticatedCallback,
  noStoreForPersonal,
  rateLimits,
  serveFromAnonymousPageCache,
} from "./http/middleware.server";
export { createSecurityHeaders } from "./http/security-headers.server";
export { serveFromStepTemplate } from "./http/step-template.server";
export { serveFromCheckTemplate } from "./http/check-template.server";
export { serveFromStartTemplate } from "./http/start-template.server";
export { CHECKED_IN_FRONT, serveStepPost } from "./http/step-post.server";
export { serveFromMyPagesCache } from "./http/mypages-cache.server";
export { serveFromDiariumTemplate } from "./http/diarium-template.server";

/** Called by scripts/serve.mjs before it listens: validate env, migrate, seed. */
export async function startup() {
  const settings = env();
  if (!lazyHandoff) log("warn", "Remix encodes loader data eagerly: its encodeViaTurboStream was not found");
  if (!serverRoutesOnce)
    log(
      "warn",
      "Remix builds the route tree per render: createServerRoutes or convertRoutesToDataRoutes was not found",
    );
  // Before the database (seeding encrypts) and before anything listens (decision 050).
  await prepareKeyRing(settings);
  prepareDatabase({ fingerprint: seedFingerprint() });
  // The log's checkpoints with their fsyncs off the event loop (decision 170).
  startCheckpointer(db().$client);
  // Sent forms' diarium entries are indexed in batches between requests (decision 171).
  startDiariumIndexer();
  // Uploads whose row committed but whose process was killed before their rename (decision 137).
  finishPendingUploads();
  // Decision documents likewise, and a pending one no decision names is removed (decision 155).
  finishPendingDecisions();
  // Hand-over of cases (docs/decisions/020, 034): rows in SQLite, so a restart resumes here.
  setExportBuilder((reference) => buildCaseExport(reference));
  // Every scheduled job, each under a lease so that several processes run it once (decision 053).
  startScheduledJobs();
}

// Hooks for scripts/serve.mjs that must be compiled with the app (they use app code).
export { csrfCookieMiddleware } from "./auth/csrf.server";
export { withRequestContext } from "./utils/request-context.server";
export { securityEvent } from "./monitoring/security-events.server";

/** The local test identity provider's Express router, or null when it is off (production). */
export function testIdentityProvider() {
  return createTestIdentityProvider();
}

/** The local staff SSO test provider's Express router (decision 064), or null when it is off (production). */
export function testSsoProvider() {
  return createTestSsoProvider();
}

/** The local staff SAML test provider's Express router (decision 073), or null when it is off (production). */
export function testSamlProvider() {
  return createTestSamlRouter();
}

/** Called by scripts/serve.mjs on SIGTERM after in-flight requests have finished. */
export async function shutdown() {
  await stopScheduledJobs();
  await drainReceiptMails();
  stopDiariumIndexer();
  closeDatabase();
}

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  // Expected answers (404, 405 for a POST where there is no action, thrown 4xx) are not errors:
  // logging them would let anyone fill the error log with a loop of bad requests.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const err = error instanceof Error ? error : new Error(String(error));
  log("error", "unhandled error", {
    requestId: requestIdOf(context),
    method: request.method,
    path: new URL(request.url).pathname,
    error: err.message,
    stack: err.stack,
  });
}

export default function handleRequest(
  request: RequestHead,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const language = getLanguage(request);
  const i18n = i18nFor(language);
  const nonce = loadContext.cspNonce ?? "";
  // `?lang=` on any URL switches the language and remembers it, with or without JavaScript.
  const asked = new URL(request.url).searchParams.get("lang");
  if (isLanguage(asked)) responseHeaders.append("Set-Cookie", languageCookieHeader(asked));
  const bot = isbot(request.headers.get("user-agent") ?? "");
  // Set by <CsrfField /> and hydrating pages during the render (app/utils/csrf-usage.ts).
  const csrfUsage: CsrfUsage = { used: false };

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // The status as it was when the shell was ready: a later render error (inside a Suspense
    // boundary) is logged but does not change it, as when the shell was sent at once.
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <RequestIdProvider value={requestIdOf(loadContext)}>
        <NonceProvider value={nonce}>
          <I18nextProvider i18n={i18n}>
            <CsrfUsageProvider value={csrfUsage}>
              <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
            </CsrfUsageProvider>
          </I18nextProvider>
        </NonceProvider>
      </RequestIdProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
          if (!bot && !remixContext.isSpaMode) status = responseStatusCode;
        },
        // The document is sent in one piece once everything is rendered (decision 142): no page
        // streams (no deferred data; only the loader data's script waits, and only for
        // microtasks), while React's 2 KB pieces each cost Remix's writer a gzip flush and a
        // socket write. A bot and SPA mode were already answered at this point, with the status
        // as it is now.
        onAllReady() {
          if (bot || remixContext.isSpaMode) status = responseStatusCode;
          // Not a bare PassThrough: React 18 leaves 0x00 bytes where å/ä/ö meet its 2 KB views (decision 045).
          const body = createHtmlBody();
          const chunks: Buffer[] = [];
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("error", reject);
          body.on("end", () => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            // The CSRF middleware turns this into the seed cookie (first visit) and no-store.
            if (csrfUsage.used) responseHeaders.set(CSRF_USED_HEADER, "1");
            resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status }));
            // Nothing left to abort: the timer would hold this render for the rest of its 5 s.
            clearTimeout(timer);
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) {
            log("error", "render error", { requestId: requestIdOf(loadContext), error: String(error) });
          }
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
