import { randomBytes } from "node:crypto";
import { env } from "~/env.server";
import { hmacIndex } from "./crypto.server";

/**
 * A per-browser e-service key, so that an anonymous person's answers, uploads and receipts
 * belong to the browser that made them. The cookie holds a random value; the database only
 * ever sees its HMAC (the "owner key"), so a leaked database cannot be replayed as a cookie.
 * When the identity branch's session lands this can derive from its session id instead.
 */
export const ESERVICE_COOKIE = "__eservice";

function readCookie(request: Request): string | undefined {
  const header = request.headers.get("Cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${ESERVICE_COOKIE}=([A-Za-z0-9_-]{43})(?:;|$)`).exec(header);
  return m?.[1];
}

export interface EserviceSession {
  ownerKey: string;
  /** Set-Cookie to send when the cookie was just made. */
  setCookie: string | null;
}

export function eserviceSession(request: Request): EserviceSession {
  const existing = readCookie(request);
  if (existing) return { ownerKey: hmacIndex(`owner:${existing}`), setCookie: null };
  const value = randomBytes(32).toString("base64url");
  const secure = env().PORTAL_ENV === "production" ? "; Secure" : "";
  return {
    ownerKey: hmacIndex(`owner:${value}`),
    setCookie: `${ESERVICE_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${secure}`,
  };
}

/** The owner key if the browser already has a cookie; null otherwise (never creates one). */
export function existingOwnerKey(request: Request): string | null {
  const existing = readCookie(request);
  return existing ? hmacIndex(`owner:${existing}`) : null;
}
