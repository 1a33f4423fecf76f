#!/usr/bin/env node
// The portal's HTTP server: Express around the Remix request handler.
// It validates the environment, migrates and seeds the database (via the server build's
// `startup`), sets security headers with a per-response CSP nonce, serves the built assets
// and shuts down gracefully on SIGTERM/SIGINT.
import { randomBytes, randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

installGlobals({ nativeFetch: true });

const startedAt = performance.now();
const buildPath = resolve(process.env.REMIX_BUILD ?? "build/index.js");
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
app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);
app.use(compression());

app.use((req, res, next) => {
  const requestId = randomUUID();
  const nonce = randomBytes(16).toString("base64");
  res.locals.requestId = requestId;
  res.locals.cspNonce = nonce;
  res.setHeader("X-Request-Id", requestId);
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${production ? "" : " ws://localhost:* ws://127.0.0.1:*"}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (production) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  next();
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

// CSRF, global line of defence (docs/decisions/009): a state-changing request from another
// origin is refused before it reaches any route. Browsers send Origin on POST and
// Sec-Fetch-Site on every request; server-to-server calls (the OIDC token endpoint) send neither.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
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

// Fingerprinted build assets are immutable; everything else in public/ is revalidated hourly.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
app.use(express.static("public", { maxAge: "1h", index: false, dotfiles: "deny" }));

// Every page gets a CSRF seed cookie, so that even anonymous forms carry a token.
app.use(entry.csrfCookieMiddleware);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : process.env.NODE_ENV ?? "production",
    getLoadContext: (req, res) => ({
      requestId: res.locals.requestId,
      cspNonce: res.locals.cspNonce,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "",
    }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  const ms = Math.round(performance.now() - startedAt);
  console.log(JSON.stringify({ level: "info", message: "portal listening", url: `http://localhost:${port}`, startMs: ms }));
});
await entry.afterListen?.({ port });

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ level: "info", message: "shutting down", signal }));
  // Stop accepting connections, let requests in flight finish (at most 10 s), then close the DB.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(async () => {
    try {
      await entry.shutdown?.();
    } finally {
      process.exit(0);
    }
  });
  server.closeIdleConnections?.();
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
