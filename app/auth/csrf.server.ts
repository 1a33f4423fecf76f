import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHead } from "~/utils/request-head";
import { env } from "~/env.server";
import { log } from "~/utils/logger.server";
import { getSessionUser } from "./session.server";
import { securityEvent } from "~/monitoring/security-events.server";

/**
 * CSRF protection (docs/decisions/009): a per-browser random seed in an HttpOnly cookie (set
 * only with a page that carries a token), and a token = HMAC(SESSION_SECRET, seed | session id)
 * in every state-changing form.
 * An attacker's page can neither read the cookie nor compute the HMAC; binding the token to
 * the session makes a token from before a login useless after it.
 * A second, global line of defence in scripts/serve.mjs refuses cross-origin POSTs.
 */
export const CSRF_FIELD = "_csrf";
const production = () => env().PORTAL_ENV === "production";
export const csrfCookieName = () => (production() ? "__Host-csrf" : "csrf");
const SEED = /^[A-Za-z0-9_-]{43}$/;

function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** Internal response header by which entry.server says "this page carries the CSRF token". */
export const CSRF_USED_HEADER = "x-portal-csrf-used";

/**
 * Express middleware (used by scripts/serve.mjs): makes sure a browser that is shown a token
 * has a CSRF seed cookie. Without a (valid) seed a new one is put into the request's Cookie
 * header, so the page rendered in the same response already carries a valid token; the cookie
 * itself is set
 * - at once for everything but a document GET (POSTs, `?_data=` loader fetches, whose root data
 *   holds the token);
 * - for a document GET only when the page carries the token (a form with <CsrfField /> or a
 *   hydrating page: entry.server sends CSRF_USED_HEADER, removed here before the head goes out).
 * Pages that carry the token are `Cache-Control: private, no-store`; pages that do not set no
 * cookie at all, so a first-time visitor stays anonymous and the anonymous page cache can serve
 * them (docs/decisions/009, 030).
 */
export function csrfCookieMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
  const name = csrfCookieName();
  const existing = readCookie(req.headers.cookie, name);
  const fresh = !existing || !SEED.test(existing);
  let cookie = "";
  if (fresh) {
    const seed = randomBytes(32).toString("base64url");
    const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(production() ? ["Secure"] : [])];
    cookie = `${name}=${seed}; ${attributes.join("; ")}`;
    const others = (req.headers.cookie ?? "")
      .split(";")
      .map((p) => p.trim())
      .filter((p) => p !== "" && p.split("=")[0] !== name);
    req.headers.cookie = [...others, `${name}=${seed}`].join("; ");
  }
  const document = req.method === "GET" && !/[?&]_data=/.test(req.url ?? "");
  if (fresh && !document) res.appendHeader("Set-Cookie", cookie);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (res.hasHeader(CSRF_USED_HEADER)) {
      res.removeHeader(CSRF_USED_HEADER);
      res.setHeader("Cache-Control", "private, no-store");
      if (fresh && document) res.appendHeader("Set-Cookie", cookie);
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  next();
}

/**
 * Tokens computed lately, by seed and session, for the secret they were computed with: a browser
 * shows and sends the same token on each page and post of a form (some ten a walk), and each was an
 * HMAC of its own, about 1.5 % of the event loop's time (decision 191). Oldest out first; a seed
 * no one saw before costs one HMAC, as before.
 */
const recentTokens = new Map<string, string>();
let recentSecret = "";
const RECENT_TOKENS = 2048;

function tokenFor(seed: string, sessionId: string): string {
  const secret = env().SESSION_SECRET;
  if (secret !== recentSecret) {
    recentTokens.clear();
    recentSecret = secret;
  }
  const message = `csrf|${seed}|${sessionId}`;
  let token = recentTokens.get(message);
  if (token === undefined) {
    token = createHmac("sha256", secret).update(message).digest("base64url");
    if (recentTokens.size >= RECENT_TOKENS) recentTokens.delete(recentTokens.keys().next().value!);
    recentTokens.set(message, token);
  }
  return token;
}

/** Tests only: how many tokens are remembered. */
export function rememberedCsrfTokensForTests(): number {
  return recentTokens.size;
}

/**
 * The token a browser with this seed and no session is shown: what `csrfToken` gives an anonymous
 * request. The form step's template cache (app/http/step-template.server.ts) makes one per answer.
 */
export function anonymousCsrfToken(seed: string): string {
  return tokenFor(seed, "");
}

/** The token a browser with this seed is shown in this session: Mina sidor's render cache (decision 124). */
export function sessionCsrfToken(seed: string, sessionId: string): string {
  return tokenFor(seed, sessionId);
}

/** Whether a seed cookie's value is well formed (else the middleware makes a new one). */
export const isCsrfSeed = (value: string) => SEED.test(value);

/** The token for forms on this request's page (empty when the browser has no seed cookie). */
export async function csrfToken(request: RequestHead): Promise<string> {
  const seed = readCookie(request.headers.get("Cookie"), csrfCookieName());
  if (!seed || !SEED.test(seed)) return "";
  const user = await getSessionUser(request);
  return tokenFor(seed, user?.sessionId ?? "");
}

/** Throws 403 unless the form's `_csrf` field matches this browser and session. */
export async function requireCsrf(request: RequestHead, formData: FormData): Promise<void> {
  const sent = formData.get(CSRF_FIELD);
  const expected = await csrfToken(request);
  const ok =
    typeof sent === "string" &&
    expected !== "" &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) {
    securityEvent("csrf_refused");
    log("warn", "csrf token missing or wrong", { path: new URL(request.url).pathname });
    throw new Response("Forbidden: missing or invalid CSRF token", { status: 403, statusText: "Forbidden" });
  }
}
