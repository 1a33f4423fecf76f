import { randomBytes } from "node:crypto";
import type { RequestHead } from "~/utils/request-head";
import { env } from "~/env.server";
import { hmacIndex, rememberedHmacIndex } from "~/platform/crypto.server";
import type { SessionUser } from "~/auth/session.server";

/**
 * Who owns a working copy, an upload and a receipt (docs/decisions/042).
 * - A logged-in resident: the person. The owner key is derived from the person id, so their
 *   answers follow them to any browser and never stay behind in this one.
 * - Anyone else: this browser. The cookie holds a random value; the database only ever sees
 *   its HMAC (the "owner key"), so a leaked database cannot be replayed as a cookie.
 * Never both: a logged-in person does not see what the browser key holds, and an anonymous
 * visitor does not see what a person made. The browser key is replaced at every login and
 * logout, so the next person at a shared computer starts with nothing.
 */
const production = () => env().PORTAL_ENV === "production";
/** `__Host-` needs Secure, which plain http in development and tests cannot send back. */
export const eserviceCookieName = () => (production() ? "__Host-eservice" : "eservice");
/** Long enough to fill in a form in one sitting; "save for later" gives a link for longer. */
export const ESERVICE_COOKIE_MAX_AGE_SECONDS = 24 * 3600;
const VALUE = /^[A-Za-z0-9_-]{43}$/;

function readCookie(request: RequestHead): string | undefined {
  const name = eserviceCookieName();
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (VALUE.test(value)) return value;
  }
  return undefined;
}

// Made once per browser key and remembered (bounded), not on each of a walk's requests (decision 159).
const browserOwnerKey = (value: string) => rememberedHmacIndex(`owner:${value}`);

/**
 * The owner key of a logged-in person's drafts, uploads and cases (no cookie can produce it).
 * Acting for an organisation (`actingFor`, its organisationsnummer, chosen on /valj-part) gives
 * the person a key of their own for that organisation, as the bygglov pages' drafts have: their
 * private form work and each company's stay apart (decision 104). Acting for oneself keeps the
 * key it always had, so drafts made before stay reachable.
 */
export function personOwnerKey(personId: number, actingFor: string | null = null): string {
  return actingFor === null
    ? rememberedHmacIndex(`person-owner:${personId}`)
    : hmacIndex(`person-owner:${personId}:organisation:${actingFor}`);
}

/** The organisation a logged-in person acts for (its organisationsnummer), or null for themselves. */
export function actingForOf(user: { acting?: SessionUser["acting"] } | null): string | null {
  return user?.acting?.kind === "organisation" ? user.acting.orgNumber : null;
}

function newCookie(): { value: string; setCookie: string } {
  const value = randomBytes(32).toString("base64url");
  const secure = production() ? "; Secure" : "";
  return {
    value,
    setCookie: `${eserviceCookieName()}=${value}; Path=/; Max-Age=${ESERVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
  };
}

/** A fresh browser key, for login and logout: whatever the browser held before is out of reach. */
export function rotateEserviceCookie(): string {
  return newCookie().setCookie;
}

export interface EserviceSession {
  ownerKey: string;
  /** Set when the owner is a person; null for an anonymous browser. */
  personId: number | null;
  /** Set-Cookie to send when the cookie was just made. */
  setCookie: string | null;
}

/**
 * The owner of this request's form work: the logged-in person (for the organisation they act
 * for, if any), or this browser (made if needed).
 */
export function eserviceSession(
  request: RequestHead,
  personId: number | null = null,
  actingFor: string | null = null,
): EserviceSession {
  if (personId !== null) return { ownerKey: personOwnerKey(personId, actingFor), personId, setCookie: null };
  const existing = readCookie(request);
  if (existing) return { ownerKey: browserOwnerKey(existing), personId: null, setCookie: null };
  const made = newCookie();
  return { ownerKey: browserOwnerKey(made.value), personId: null, setCookie: made.setCookie };
}

/**
 * Who is asking for a receipt or a file: a person (and the organisation they act for, whose
 * draft files are theirs), or an anonymous browser (key or none).
 */
export type SubmitterViewer = { personId: number; actingFor?: string | null } | { browserKey: string | null };

/** The viewer of a request, never creating a cookie: the person when logged in, else the browser. */
export function submitterViewer(
  request: RequestHead,
  personId: number | null,
  actingFor: string | null = null,
): SubmitterViewer {
  if (personId !== null) return { personId, actingFor };
  const existing = readCookie(request);
  return { browserKey: existing ? browserOwnerKey(existing) : null };
}
