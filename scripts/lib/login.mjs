// Logging in over plain HTTP, as a browser would, for instruments that run without one (the
// access-control drill). Residents go through the local OpenID Connect provider at /test-idp
// (authorize → interaction → callback → party selection); staff through password + TOTP.
// Every request is a real one against the running portal: nothing is forged.
import * as OTPAuth from "otpauth";
import { CookieJar } from "./form-walker.mjs";
import { attrs, decodeEntities } from "./html.mjs";

/**
 * GET (or POST a urlencoded form) with the jar (one host: the portal and its test provider share
 * the origin), following redirects by hand so that every
 * Set-Cookie on the way is kept. Returns the last response and its body.
 */
export async function browse(jar, url, { form, maxRedirects = 12 } = {}) {
  let method = form ? "POST" : "GET";
  let body = form ? new URLSearchParams(form).toString() : undefined;
  let current = url;
  for (let i = 0; i <= maxRedirects; i++) {
    const res = await fetch(current, {
      method,
      body,
      redirect: "manual",
      headers: { cookie: jar.header(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      signal: AbortSignal.timeout(20_000),
    });
    jar.store(res);
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.arrayBuffer();
      current = new URL(location, current).href;
      method = "GET";
      body = undefined;
      continue;
    }
    return { res, url: current, html: await res.text() };
  }
  throw new Error(`too many redirects from ${url}`);
}

/** The value of the hidden CSRF field in the page's first POST form. */
export function csrfFrom(html) {
  for (const m of html.matchAll(/<input\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    if (a.name === "_csrf") return a.value;
  }
  throw new Error("no _csrf field in the page");
}

/**
 * A resident's session through the test provider. `actFor` answers the party selection:
 * "self" (default) or an organisation number (e.g. "556874-3057").
 * @returns {Promise<string>} the Cookie header of the signed-in browser
 */
export async function residentLogin(base, personnummer, { actFor = "self", redirectTo = "/mina-sidor" } = {}) {
  const jar = new CookieJar();
  const start = await browse(jar, `${base}/logga-in/start?redirectTo=${encodeURIComponent(redirectTo)}`);
  const action = /<form method="post" action="([^"]*\/login)" novalidate>/.exec(start.html)?.[1];
  if (!action) throw new Error(`no test-provider login form at ${start.url} (${start.res.status})`);
  const back = await browse(jar, new URL(decodeEntities(action), start.url).href, { form: { personnummer } });
  let where = new URL(back.url);
  if (where.pathname === "/valj-part") {
    let party = "self";
    if (actFor !== "self") {
      const label = new RegExp(
        `<input[^>]*name="party"[^>]*value="(\\d+)"[^>]*>[\\s\\S]{0,400}?${actFor.replace(/-/g, "-?")}`,
      );
      const m = label.exec(back.html);
      if (!m) throw new Error(`${personnummer} does not represent ${actFor}`);
      party = m[1];
    }
    const chosen = await browse(jar, back.url, { form: { _csrf: csrfFrom(back.html), party, redirectTo } });
    where = new URL(chosen.url);
  } else if (actFor !== "self") {
    throw new Error(`${personnummer} was not asked to choose a party`);
  }
  if (where.pathname.startsWith("/logga-in") || where.pathname.startsWith("/test-idp"))
    throw new Error(`resident login failed, ended on ${where.pathname}${where.search}`);
  if (!jar.jar.has("session")) throw new Error("resident login set no session cookie");
  return jar.header();
}

/** The TOTP code of a base32 secret at a 30-second step. */
export function totpCode(secret, step = Math.floor(Date.now() / 30_000)) {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  }).generate({ timestamp: step * 30_000 });
}

/** The last TOTP step this process used per account. */
const lastStep = new Map();

/**
 * A staff session: password, then the TOTP code. A code is accepted once per account, so one
 * process must not log the same account in twice within a step; this tries the next steps
 * (±1 step is accepted) before giving up.
 * @returns {Promise<string>} the Cookie header
 */
export async function staffLogin(base, username, password, totpSecret, { redirectTo = "/personal" } = {}) {
  const jar = new CookieJar();
  const first = await browse(jar, `${base}/personal/logga-in?redirectTo=${encodeURIComponent(redirectTo)}`);
  const second = await browse(jar, first.url, {
    form: { _csrf: csrfFrom(first.html), username, password, redirectTo },
  });
  if (!new URL(second.url).pathname.startsWith("/personal/logga-in/kod"))
    throw new Error(`password step for ${username} failed (${second.res.status} ${second.url})`);
  for (let attempt = 0; attempt < 3; attempt++) {
    // The server accepts the current step ±1, each step once per account: never reuse one.
    let step = Math.max(Math.floor(Date.now() / 30_000) - 1, (lastStep.get(username) ?? -Infinity) + 1);
    if (step > Math.floor(Date.now() / 30_000) + 1) {
      await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 200));
      step = Math.max(Math.floor(Date.now() / 30_000) - 1, (lastStep.get(username) ?? -Infinity) + 1);
    }
    lastStep.set(username, step);
    const page = await browse(jar, second.url);
    const done = await browse(jar, page.url, {
      form: { _csrf: csrfFrom(page.html), code: totpCode(totpSecret, step), redirectTo },
    });
    if (!new URL(done.url).pathname.startsWith("/personal/logga-in")) return jar.header();
  }
  throw new Error(`TOTP step for ${username} failed`);
}

/**
 * Logs in as one of the demo data's staff users (db/seed/content/staff.ts) with its development
 * password and TOTP secret; rejects for a name the seed does not have. Needs tsx (the seed is TypeScript).
 */
export async function seededStaffLogin(base, username, options) {
  const { DEV_STAFF_PASSWORD, seedStaffUsers } = await import("../../db/seed/content/staff.ts");
  const user = seedStaffUsers.find((u) => u.username === username);
  if (!user) throw new Error(`no seeded staff user ${username}`);
  return staffLogin(base, user.username, DEV_STAFF_PASSWORD, user.totpSecret, options);
}
