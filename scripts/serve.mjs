#!/usr/bin/env node
// The portal's HTTP server: Express around the Remix request handler.
// It validates the environment, migrates and seeds the database (via the server build's
// `startup`), sets security headers with a per-response CSP nonce, serves the built assets
// and shuts down gracefully on SIGTERM/SIGINT.
// First: Remix's route matching with its ranked routes remembered, before Remix loads the router (decision 130).
import "./lib/route-match-cache-install.mjs";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

// Node 20+ has fetch, Request, Response, Headers, FormData and File built in (its own undici, the
// same major version): loading the undici package on top cost a tenth of the start-up (decision
// 113). An older runtime gets them from the package, as before.
if (typeof globalThis.File !== "function" || typeof globalThis.Request !== "function") {
  installGlobals({ nativeFetch: true });
}

const startedAt = performance.now();

// The mode is said out loud (docs/decisions/041): checked before anything starts (the mail
// catcher, the build), with the same words as app/env.server.ts's portalModeProblem.
const MODES = ["demo", "production", "test"];
const mode = process.env.PORTAL_ENV;
if (!MODES.includes(mode ?? "")) {
  const choices =
    "PORTAL_ENV=demo (example data and test logins), PORTAL_ENV=production (real deployment) or PORTAL_ENV=test (automated tests)";
  const problem = mode
    ? `PORTAL_ENV=${mode} is not a mode. Set ${choices}.`
    : `PORTAL_ENV is not set. The portal does not guess its mode: set ${choices}.`;
  console.error(`Start-up failed: Invalid environment:\n  ${problem}`);
  process.exit(1);
}

// Without SMTP_URL outside production, receipts go to a local mail catcher that stores them
// as .eml files in DATA_DIR/mail (docs/decisions/016); tests read them from there.
let mailCatcher;
if (!process.env.SMTP_URL && process.env.PORTAL_ENV !== "production") {
  const { startMailCatcher } = await import("./mail-catcher.mjs");
  mailCatcher = await startMailCatcher(resolve(process.env.DATA_DIR ?? "data", "mail"));
  process.env.SMTP_URL = mailCatcher.url;
}
// Likewise SMS (decision 079): without SMS_GATEWAY outside production, notifications go to the
// local 46elks stand-in, which stores each SMS as JSON in DATA_DIR/sms.
let smsStandIn;
if (!process.env.SMS_GATEWAY && process.env.PORTAL_ENV !== "production") {
  const { startElks46StandIn } = await import("../tests/stand-ins/elks46.mjs");
  smsStandIn = await startElks46StandIn(resolve(process.env.DATA_DIR ?? "data", "sms"));
  Object.assign(process.env, smsStandIn.env);
}
const buildPath = resolve(process.env.REMIX_BUILD ?? "build/index.js");
// React (loaded by the build) picks its production or development bundle from NODE_ENV when it
// is first imported. Unset, it was the development bundle: slower renders and far more memory
// (docs/decisions/039). `remix dev` sets development itself.
process.env.NODE_ENV ??= "production";
const build = await import(pathToFileURL(buildPath).href);
const entry = build.entry.module;

try {
  await entry.startup();
} catch (error) {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const production = process.env.PORTAL_ENV === "production";
const app = express();
app.disable("x-powered-by");
const trustOneProxy = process.env.TRUST_PROXY === "1";
app.set("trust proxy", trustOneProxy ? 1 : false);
const compress = compression();
// A step post taken in front of Express (decision 147) has passed compression, the security
// headers, the rate limit, no-store and the CSRF seed cookie there already: when it comes here
// (a page with messages, an error) those are not applied a second time.
const inFront = entry.CHECKED_IN_FRONT ?? "\u0000";
const checkedInFront = (res) => res.locals?.[inFront] === true;
app.use((req, res, next) => (checkedInFront(res) ? next() : compress(req, res, next)));

// Security headers, a request id and a fresh CSP nonce on every response (cache hits included);
// the set is defined in the app (app/http/security-headers.server.ts), once, as data, so that the
// cache's fast path sends the same headers without rebuilding them (decision 113).
const securityHeaders = entry.createSecurityHeaders({ production });
app.use((req, res, next) => {
  if (checkedInFront(res)) return next();
  res.locals ??= {};
  securityHeaders(res);
  next();
});

// Only the methods the portal uses (ASVS 14.5.1): anything else (TRACE, PUT, CONNECT…) is
// refused here with 405 and Allow; Remix cannot build a Request for TRACE and would answer 500.
const allowedMethods = new Set(["GET", "HEAD", "POST", "OPTIONS"]);
app.use((req, res, next) => {
  if (allowedMethods.has(req.method)) return next();
  res.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
  res.status(405).type("text/plain").send("Method Not Allowed");
});

// Request bodies: browsers always send Content-Length for form posts; a body without one, or
// larger than the portal ever accepts (uploads included), is refused before Remix reads it.
const maxBodyBytes = Number(process.env.MAX_BODY_BYTES ?? 30 * 1024 * 1024);
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"]) return res.status(411).type("text/plain").send("Length Required");
    return next();
  }
  if (!/^\d+$/.test(length)) return res.status(400).type("text/plain").send("Bad Request");
  if (Number(length) > maxBodyBytes) return res.status(413).type("text/plain").send("Payload Too Large");
  next();
});
// Tighter limits by kind of body: url-encoded text far below the upload limit, and a bound on
// uploads read at once (docs/decisions/040); the middleware lives in the app (app/http/).
if (entry.bodyLimits) app.use(entry.bodyLimits);

// CSRF, global line of defence (docs/decisions/009): a state-changing request from another
// origin is refused before it reaches any route. Browsers send Origin on POST and
// Sec-Fetch-Site on every request; server-to-server calls (the OIDC token endpoint) send neither.
// The exceptions are a case-management system's token-authenticated callback (no cookies,
// docs/decisions/034) and a staff SAML provider's POST to its assertion consumer service (signed,
// single-use, docs/decisions/073): the path tests live in the app so that they are typechecked and tested.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (entry.isTokenAuthenticatedCallback?.(req.method, req.path, req.get("authorization"))) return next();
  if (entry.isSamlAssertionConsumerPost?.(req.method, req.path)) return next();
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  let foreign = site === "cross-site";
  if (origin) {
    try {
      foreign ||= origin === "null" || new URL(origin).host !== req.get("host");
    } catch {
      foreign = true;
    }
  }
  if (foreign) {
    entry.securityEvent?.("csrf_refused");
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
    return;
  }
  next();
});

// Every request runs with its id and client IP available to the audit log.
app.use((req, res, next) => {
  entry.withRequestContext({ requestId: res.locals.requestId, ip: req.ip ?? req.socket.remoteAddress ?? "" }, next);
});

// The local test identity provider ("Test-legitimation"), when on (never by default in production).
const testIdp = entry.testIdentityProvider();
if (testIdp) app.use(testIdp.mountPath, testIdp.router);
// The local staff SSO test provider ("Test-SSO", decision 064), when on (never in production).
// Its SAML identity provider ("Test-SAML", decision 073) first: /test-sso/saml is inside /test-sso.
const testSaml = entry.testSamlProvider?.();
if (testSaml) app.use(testSaml.mountPath, testSaml.router);
const testSso = entry.testSsoProvider?.();
if (testSso) app.use(testSso.mountPath, testSso.router);

// Rate limits on submissions and the API, no-store for anything personal, and the anonymous
// page cache (docs/decisions/030, 031); the middleware lives in the app (app/http/).
const unlessInFront = (middleware) => (req, res, next) => (checkedInFront(res) ? next() : middleware(req, res, next));
if (entry.rateLimits) app.use(unlessInFront(entry.rateLimits));
if (entry.noStoreForPersonal) app.use(unlessInFront(entry.noStoreForPersonal));
// Before the static handlers: a cache hit then costs no file-system look-up.
if (entry.anonymousPageCacheMiddleware) app.use(entry.anonymousPageCacheMiddleware);

// Fingerprinted build assets are immutable; everything else in public/ is revalidated hourly.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
// Only a path whose first segment names an entry of public/ (read once: it is part of the
// deployment) can be one of its files: every other request (every page) skips the static
// handler, whose look-up of a file that is not there cost ~0.7 ms of CPU per page (decision 140).
// A first segment the handler would decode or normalise (empty, `.`, `..`, percent-encoded) is
// left to it, as before.
const servePublic = express.static("public", { maxAge: "1h", index: false, dotfiles: "deny" });
const publicEntries = new Set(readdirSync("public"));
app.use((req, res, next) => {
  const path = req.path;
  const end = path.indexOf("/", 1);
  const first = end === -1 ? path.slice(1) : path.slice(1, end);
  if (publicEntries.has(first) || first === "" || first === "." || first === ".." || first.includes("%"))
    return servePublic(req, res, next);
  next();
});

// The CSRF seed cookie, for every page that carries a token (forms, hydrating pages) and every
// POST/loader fetch; information pages set none, so anonymous visitors stay cacheable (decision 009).
app.use(unlessInFront(entry.csrfCookieMiddleware));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : (process.env.NODE_ENV ?? "production"),
    getLoadContext: (req, res) => ({
      requestId: res.locals.requestId,
      cspNonce: res.locals.cspNonce,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "",
      // The step page the template look-up read for this request (decision 125), if it did.
      earlyStepPage: res.locals.earlyStepPage,
      // The check page the template look-up read for this request (decision 145), if it did.
      earlyCheckPage: res.locals.earlyCheckPage,
      // A step post whose action ran in front of Express (decision 147): its outcome.
      earlyStepPost: res.locals.earlyStepPost,
    }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
// Anonymous cache hits are answered before Express (docs/decisions/030): the same headers, a
// fraction of the work. Everything else, and every miss, goes through the app.
const serveCached = entry.serveFromAnonymousPageCache;
// An anonymous visit of a form step: its template with a fresh token, cookies and nonce (decisions 117, 125).
const serveStep = entry.serveFromStepTemplate;
// A browser's check-answers page: the page around its answers from a template (decision 145).
const serveCheck = entry.serveFromCheckTemplate;
// A form's start: the redirect to its first step from an earlier answer's headers (decision 145).
const serveStart = entry.serveFromStartTemplate;
// Mina sidor again in the same session, nothing on it changed: the session's last page (decision 124).
const serveMine = entry.serveFromMyPagesCache;
// A first diarium search: the page around its results from a template, the results written per
// search (decision 144). Its rate limit keys by the client address Express would give the app.
const serveDiarium = entry.serveFromDiariumTemplate;
// A form step's plain post: the server's checks, the action and its redirect in front of Express (decision 147).
const serveStepPost = entry.serveStepPost;
const stepPostServer = { securityHeaders, compress, trustOneProxy, maxBodyBytes, app };
let draining = false;
const server = createServer((req, res) => {
  lastArrival = performance.now();
  // An anonymous cache hit first, as the floor would answer it (decision 133): its answer is
  // written (or queued behind the connection's previous one) before this returns, so the
  // shutdown bookkeeping counts it served at once, without a `close` listener per request.
  if (!draining && serveCached?.(req, res, securityHeaders)) return void servedAtOnce(req.socket);
  track(req, res);
  if (draining) {
    // Shutting down: answer what arrives, but on connections that close afterwards, and tell
    // the load balancer through /healthz that this instance is going away.
    res.setHeader("Connection", "close");
    if (req.url === "/healthz") {
      res.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      return res.end(JSON.stringify({ status: "draining", database: true }));
    }
  }
  // Draining: a hit too, with the `Connection: close` already set (the general path keeps it).
  if (draining && serveCached?.(req, res, securityHeaders)) return;
  if (serveDiarium?.(req, res, securityHeaders, trustOneProxy)) return;
  if (serveStart?.(req, res, securityHeaders)) return;
  if (serveStepPost?.(req, res, stepPostServer)) return;
  // A browser with a working copy is answered after its step data is read (decision 125): a promise.
  const stepped = serveStep?.(req, res, securityHeaders);
  if (stepped === true) return;
  if (stepped) return void stepped.then((served) => served || app(req, res));
  const checked = serveCheck?.(req, res, securityHeaders);
  if (checked) return void checked.then((served) => served || app(req, res));
  if (serveMine?.(req, res, securityHeaders, app)) return;
  app(req, res);
});
// Per connection: requests in progress and served, so that shutdown can tell a keep-alive
// connection that is idle from one whose first request has arrived but not been read yet.
const connections = new Map();
let lastArrival = 0;
server.on("connection", (socket) => {
  lastArrival = performance.now();
  connections.set(socket, { active: 0, served: 0 });
  socket.on("close", () => connections.delete(socket));
});
// Called first thing for every request that is not a cache hit (a second "request" listener cost
// every cache hit an emit with a copied listener list, decision 119).
function track(req, res) {
  const state = connections.get(req.socket);
  if (!state) return;
  state.active++;
  res.on("close", () => {
    state.active--;
    state.served++;
  });
}
// A cache hit: answered within the request handler, nothing left in progress.
function servedAtOnce(socket) {
  const state = connections.get(socket);
  if (state) state.served++;
}
server.listen(port, host, () => {
  const ms = Math.round(performance.now() - startedAt);
  console.log(
    JSON.stringify({ level: "info", message: "portal listening", url: `http://localhost:${port}`, startMs: ms }),
  );
});
await entry.afterListen?.({ port });

const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS ?? 1000);
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ level: "info", message: "shutting down", signal }));
  // Drain first: connections the kernel has already queued (and keep-alive connections whose
  // next request is on its way) would be reset by an immediate close. For SHUTDOWN_DRAIN_MS
  // the server goes on answering, with `Connection: close` and /healthz 503; then it stops
  // accepting, lets requests in flight finish (at most 10 s in all), and closes the database.
  const force = setTimeout(() => process.exit(1), 10_000 + drainMs);
  force.unref();
  draining = true;
  // At least SHUTDOWN_DRAIN_MS, and on until it is quiet (nothing in progress and nothing new
  // for 300 ms): connections still in the kernel's accept queue when the listener closes would be
  // reset, and a busy event loop accepts them late.
  const drainStarted = performance.now();
  const busy = () => [...connections.values()].some((c) => c.active > 0) || performance.now() - lastArrival < 300;
  while (performance.now() - drainStarted < drainMs || (busy() && performance.now() - drainStarted < 8_000)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  // Node's close() would also destroy connections whose request is queued but not yet read
  // (they look idle); only keep-alive connections that have served and wait are closed here.
  server.closeIdleConnections = () => {};
  server.close(async () => {
    try {
      await entry.shutdown?.();
      await mailCatcher?.close();
      await smsStandIn?.close();
    } finally {
      process.exit(0);
    }
  });
  // end(), not destroy(): a response that has just been written may still sit in the socket's buffer.
  for (const [socket, state] of connections) if (state.active === 0 && state.served > 0) socket.end();
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
