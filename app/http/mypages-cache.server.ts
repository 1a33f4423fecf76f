/**
 * Mina sidor's render cache (docs/decisions/124).
 *
 * A resident who opens Mina sidor again sees the same page as last time unless something the page
 * shows has changed. Each browser session's last page is kept here as a template (the machinery of
 * the form step's templates, decision 117: fresh request id, CSP nonce, seed cookie and token per
 * answer) and served before Express when, at this request:
 * - the session is still live, in the same stage, for the same person and party, checked by the
 *   same code as every page (getSessionRow via getSessionUserUnlessActingForOrganisation, which
 *   also touches last-seen); a session acting for an organisation is never cached;
 * - the key of what the page shows is unchanged: the cookie header (session, `lang`, `kommun`;
 *   the seed's value left out), session id, person, name, party, home municipality, UTC day, the
 *   anonymous page cache's generation (municipalities, public texts) and `page_version.mypages`,
 *   which triggers (migration 0046) bump on every write to a table the page reads, except the
 *   rows no one's page shows: a resident's own audit rows, an anonymous browser's working copy
 *   and a new case naming no person or organisation (migration 0054, decision 187);
 * - the time the loader said the page stays true (the next offer deadline, the next draft
 *   expiry, at most MAX_AGE_MS) has not passed.
 * Only renders the loader vouched for are stored; the key is read before the app runs, so a write
 * during the render leaves the entry already out of date.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { eq } from "drizzle-orm";
import { requestHead } from "~/utils/request-head";
import { pageVersion } from "../../db/schema/index";
import { csrfCookieName, isCsrfSeed, sessionCsrfToken } from "~/auth/csrf.server";
import { getSessionUserUnlessActingForOrganisation, type SessionUser } from "~/auth/session.server";
import { prepared } from "~/db-prepared.server";
import { env } from "~/env.server";
import { anonymousPageCache } from "~/services/page-cache.server";
import { now } from "~/utils/clock.server";
import type { SecurityHeaderSet } from "./security-headers.server";
import { makeTemplate, sendTemplate, templateCookies, watchAnswer, type StepTemplate } from "./step-template.server";

type Req = IncomingMessage;
type Res = ServerResponse & { locals?: Record<string, unknown> };

const PATH = "/mina-sidor";
const MAX_ENTRIES = 64;
const MAX_AGE_MS = 10 * 60_000;

interface Entry {
  template: StepTemplate;
  key: string;
  sessionId: string;
  validUntil: number;
}

const entries = new Map<string, Entry>();
/** Request id → what the loader saw: its view key and until when its page is true. */
const vouched = new Map<string, { view: string; validUntil: number }>();

const sessionCookieName = () => (env().PORTAL_ENV === "production" ? "__Host-session" : "session");

/**
 * A GET of `/mina-sidor` without query or Authorization, with the session cookie and no cookie but
 * `lang`, `kommun` and a well-formed seed (each once). Anything else (a flash, a browser key) goes
 * to the app. The key is the cookie header with the seed's value left out.
 */
export function myPagesCacheEligible(
  method: string | undefined,
  url: string | undefined,
  cookie: string | undefined,
  authorization: string | undefined,
): { key: string; seed: string | null; session: string } | null {
  if (method !== "GET" || url !== PATH || authorization !== undefined || !cookie) return null;
  const seedName = csrfCookieName();
  const sessionName = sessionCookieName();
  const read = templateCookies(cookie, { [seedName]: isCsrfSeed }, [sessionName]);
  const session = read?.values[sessionName] ?? "";
  if (!read || session.length < 12) return null;
  const seed = read.values[seedName] ?? null;
  return { key: `${read.key}\u0000${seed === null ? "" : "seed"}`, seed, session };
}

/** What of the user the page shows or depends on, and the UTC day (representations run by day). */
export function myPagesView(user: SessionUser): string {
  return JSON.stringify([
    user.sessionId,
    user.kind,
    user.personId ?? null,
    user.name,
    user.acting?.kind ?? null,
    user.homeMunicipality ?? null,
    now().toISOString().slice(0, 10),
  ]);
}

const versionStatement = () =>
  prepared("mypages.page-version", (d) =>
    d.select({ version: pageVersion.version }).from(pageVersion).where(eq(pageVersion.name, "mypages")).prepare(),
  );

/** The version of everything Mina sidor shows (bumped by the triggers of migration 0046). */
export function myPagesVersion(): number {
  return versionStatement().get()?.version ?? -1;
}

/**
 * Called by the Mina sidor loader when its render may be kept for this session: `view` is
 * myPagesView of the user it rendered for, `validUntil` when something on the page changes by
 * the clock alone (an offer's deadline, a draft's expiry).
 */
export function vouchForMyPages(requestId: string, view: string, validUntil: number) {
  if (vouched.size >= 64) vouched.delete(vouched.keys().next().value!);
  vouched.set(requestId, { view, validUntil });
}

const enabled = () => env().PAGE_CACHE !== "off";

/**
 * In front of Express (scripts/serve.mjs). Returns false when the request is not for this cache;
 * true when it took the request: answered from the template, or handed to `app` after checking
 * (a miss, watched and stored when the loader vouched for it).
 */
export function serveFromMyPagesCache(
  req: Req,
  res: Res,
  securityHeaders: { set?: SecurityHeaderSet },
  app: (req: Req, res: Res) => void,
): boolean {
  const set = securityHeaders.set;
  if (!set || !enabled()) return false;
  const eligible = myPagesCacheEligible(req.method, req.url, req.headers.cookie, req.headers.authorization);
  if (!eligible || res.getHeaderNames().length > 0) return false;
  answer(req, res, eligible, set, app).catch(() => {
    if (!res.headersSent) app(req, res);
  });
  return true;
}

async function answer(
  req: Req,
  res: Res,
  eligible: { key: string; seed: string | null; session: string },
  set: SecurityHeaderSet,
  app: (req: Req, res: Res) => void,
) {
  const request = requestHead(`http://localhost${PATH}`, "GET", new Headers({ cookie: req.headers.cookie! }));
  const user = await getSessionUserUnlessActingForOrganisation(request);
  // Logged out, expired, another stage, staff or acting for a company: the app decides (a login
  // redirect, the register's re-check), nothing is stored.
  if (!user || user === "organisation" || user.kind !== "resident" || !user.personId) {
    entries.delete(eligible.key);
    return app(req, res);
  }
  const view = myPagesView(user);
  const key = `${view}\u0000${anonymousPageCache().currentGeneration()}\u0000${myPagesVersion()}`;
  const entry = entries.get(eligible.key);
  if (entry && entry.key === key && entry.template.set === set && Date.now() < entry.validUntil) {
    entries.delete(eligible.key);
    entries.set(eligible.key, entry);
    sendTemplate(req, res, entry.template, eligible.seed, (seed) => sessionCsrfToken(seed, entry.sessionId));
    return;
  }
  if (entry) entries.delete(eligible.key);
  const sessionId = user.sessionId;
  watchAnswer(req, res, (live) => {
    const vouch = live ? vouched.get(live.requestId) : undefined;
    if (!live || !vouch) return;
    vouched.delete(live.requestId);
    if (vouch.view !== view) return;
    const template = makeTemplate(
      { ...live, seed: eligible.seed, set, generation: 0 },
      {
        browserKey: false,
        tokenOf: (seed) => sessionCsrfToken(seed, sessionId),
        secrets: [sessionId, eligible.session],
      },
    );
    if (!template) return;
    entries.delete(eligible.key);
    entries.set(eligible.key, {
      template,
      key,
      sessionId,
      validUntil: Math.min(vouch.validUntil, Date.now() + MAX_AGE_MS),
    });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  });
  app(req, res);
}
