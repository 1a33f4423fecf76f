import { and, asc, eq } from "drizzle-orm";
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { staffUser, staffWebauthnCredential, type StaffWebauthnCredentialRow } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { sendSecurityNoticeAfterAnswer, type SecurityNoticeEvent } from "~/platform/mail.server";
import { formatDateTime } from "~/utils/format";
import { now } from "~/utils/clock.server";
import { log } from "~/utils/logger.server";
import { verifyPassword } from "./password-hash.server";
import { getStaffUserRow } from "./staff.server";

/**
 * FIDO2 security keys as the staff's second factor, an alternative to the TOTP app
 * (ASVS 2.3.2, docs/decisions/049). The relying party is PUBLIC_URL: its origin and host name
 * are what the browser signs, so a key answers only this portal (phishing resistance).
 */
/**
 * The WebAuthn library, loaded at the first registration or sign-in with a key: it and its ASN.1
 * and COSE dependencies were the costliest import of the start-up (decision 127).
 */
const simpleWebAuthn = () => import("@simplewebauthn/server");

export const CHALLENGE_TTL_MS = 5 * 60_000;
export const KEY_NAME_MAX = 60;
const MAX_KEYS = 10;
const RP_NAME = "Dalslands e-tjänster";

export function relyingParty(): { id: string; origin: string } {
  const url = new URL(env().PUBLIC_URL);
  // Browsers refuse an IP address as RP ID; a loopback PUBLIC_URL (development, the e2e server)
  // is the same machine as "localhost", which WebAuthn allows over http. Production is https
  // on a domain name (env.server.ts), so this never applies there.
  if (url.hostname === "127.0.0.1" || url.hostname === "[::1]") url.hostname = "localhost";
  return { id: url.hostname, origin: url.origin };
}

// ---- Challenges ----------------------------------------------------------------------------------
// One pending challenge per (session, purpose), kept on the server and taken (deleted) by the
// first verification, right or wrong: a challenge cannot be answered twice (no replay). Kept in
// memory: a challenge lives five minutes, and a restart only means pressing the button again.

type Purpose = "register" | "login";
const challenges = new Map<string, { challenge: string; staffUserId: number; expires: number }>();

function keyOf(sessionKey: string, purpose: Purpose) {
  return `${purpose}:${sessionKey}`;
}

function remember(sessionKey: string, purpose: Purpose, staffUserId: number, challenge: string) {
  const at = now().getTime();
  // Expired entries are dropped on every write, so the map cannot grow without bound.
  for (const [k, v] of challenges) if (v.expires <= at) challenges.delete(k);
  challenges.set(keyOf(sessionKey, purpose), { challenge, staffUserId, expires: at + CHALLENGE_TTL_MS });
}

function take(sessionKey: string, purpose: Purpose, staffUserId: number): string | null {
  const key = keyOf(sessionKey, purpose);
  const entry = challenges.get(key);
  challenges.delete(key);
  if (!entry || entry.staffUserId !== staffUserId || entry.expires <= now().getTime()) return null;
  return entry.challenge;
}

// ---- Keys ----------------------------------------------------------------------------------------

export interface SecurityKey {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function listSecurityKeys(staffUserId: number): SecurityKey[] {
  return db()
    .select({
      id: staffWebauthnCredential.id,
      name: staffWebauthnCredential.name,
      createdAt: staffWebauthnCredential.createdAt,
      lastUsedAt: staffWebauthnCredential.lastUsedAt,
    })
    .from(staffWebauthnCredential)
    .where(eq(staffWebauthnCredential.staffUserId, staffUserId))
    .orderBy(asc(staffWebauthnCredential.createdAt))
    .all();
}

export function hasSecurityKey(staffUserId: number): boolean {
  return Boolean(
    db()
      .select({ id: staffWebauthnCredential.id })
      .from(staffWebauthnCredential)
      .where(eq(staffWebauthnCredential.staffUserId, staffUserId))
      .get(),
  );
}

function rowsOf(staffUserId: number): StaffWebauthnCredentialRow[] {
  return db().select().from(staffWebauthnCredential).where(eq(staffWebauthnCredential.staffUserId, staffUserId)).all();
}

function transportsOf(row: StaffWebauthnCredentialRow): AuthenticatorTransportFuture[] | undefined {
  return row.transports ? (JSON.parse(row.transports) as AuthenticatorTransportFuture[]) : undefined;
}

function notify(staffUserId: number, event: SecurityNoticeEvent) {
  const user = getStaffUserRow(staffUserId);
  if (user)
    sendSecurityNoticeAfterAnswer({
      to: user.email,
      name: user.name,
      lang: user.language,
      event,
      at: formatDateTime(now()),
    });
}

// ---- Enrolment -----------------------------------------------------------------------------------

export async function registrationOptions(
  staffUserId: number,
  sessionKey: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = getStaffUserRow(staffUserId);
  if (!user) throw new Error("No such staff user");
  const rp = relyingParty();
  const options = await (
    await simpleWebAuthn()
  ).generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: user.username,
    userDisplayName: user.name,
    // A stable opaque handle, not the username: nothing personal is stored on the key.
    userID: new TextEncoder().encode(`staff-${user.id}`),
    attestationType: "none",
    excludeCredentials: rowsOf(staffUserId).map((r) => ({ id: r.credentialId, transports: transportsOf(r) })),
    authenticatorSelection: { residentKey: "discouraged", userVerification: "preferred" },
    timeout: CHALLENGE_TTL_MS,
  });
  remember(sessionKey, "register", staffUserId, options.challenge);
  return options;
}

export type RegistrationResult = { ok: true; id: number } | { ok: false; reason: "name" | "tooMany" | "invalid" };

export async function registerSecurityKey(
  staffUserId: number,
  sessionKey: string,
  response: RegistrationResponseJSON,
  rawName: string,
): Promise<RegistrationResult> {
  const name = rawName.trim();
  const expectedChallenge = take(sessionKey, "register", staffUserId);
  if (!name || [...name].length > KEY_NAME_MAX) return { ok: false, reason: "name" };
  if (rowsOf(staffUserId).length >= MAX_KEYS) return { ok: false, reason: "tooMany" };
  if (!expectedChallenge) return { ok: false, reason: "invalid" };
  const rp = relyingParty();
  try {
    const result = await (
      await simpleWebAuthn()
    ).verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!result.verified) return { ok: false, reason: "invalid" };
    const { credential } = result.registrationInfo;
    const row = db()
      .insert(staffWebauthnCredential)
      .values({
        staffUserId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports?.length ? JSON.stringify(credential.transports) : null,
        name,
      })
      .onConflictDoNothing()
      .returning({ id: staffWebauthnCredential.id })
      .get();
    if (!row) return { ok: false, reason: "invalid" };
    notify(staffUserId, "securityKeyAdded");
    return { ok: true, id: row.id };
  } catch (error) {
    log("info", "security key registration refused", {
      staffUserId,
      error: error instanceof Error ? error.message : String(error),
    });
    return { ok: false, reason: "invalid" };
  }
}

export type RemovalResult = { ok: true; name: string } | { ok: false; reason: "password" | "notFound" };

/** Removing a key asks for the password again: a left-open session cannot quietly weaken the account. */
export async function removeSecurityKey(staffUserId: number, keyId: number, password: string): Promise<RemovalResult> {
  const user = getStaffUserRow(staffUserId);
  if (!user || !password || !(await verifyPassword(user.passwordHash, password)).ok)
    return { ok: false, reason: "password" };
  const removed = db()
    .delete(staffWebauthnCredential)
    .where(and(eq(staffWebauthnCredential.id, keyId), eq(staffWebauthnCredential.staffUserId, staffUserId)))
    .returning({ name: staffWebauthnCredential.name })
    .get();
  if (!removed) return { ok: false, reason: "notFound" };
  notify(staffUserId, "securityKeyRemoved");
  return { ok: true, name: removed.name };
}

// ---- Login ---------------------------------------------------------------------------------------

export async function authenticationOptions(
  staffUserId: number,
  sessionKey: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const rp = relyingParty();
  const options = await (
    await simpleWebAuthn()
  ).generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: rowsOf(staffUserId).map((r) => ({ id: r.credentialId, transports: transportsOf(r) })),
    userVerification: "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
  remember(sessionKey, "login", staffUserId, options.challenge);
  return options;
}

export type AuthenticationResult =
  { ok: true; keyId: number } | { ok: false; reason: "challenge" | "unknownKey" | "invalid" | "cloned" };

/**
 * Verifies a key's answer to this login attempt's challenge. A signature counter that does not
 * move forward means two copies of one key exist (a clone): refused, and the owner told.
 */
export async function verifySecurityKeyLogin(
  staffUserId: number,
  sessionKey: string,
  response: AuthenticationResponseJSON,
  language?: "sv" | "en",
): Promise<AuthenticationResult> {
  const expectedChallenge = take(sessionKey, "login", staffUserId);
  if (!expectedChallenge) return { ok: false, reason: "challenge" };
  const row = rowsOf(staffUserId).find((r) => r.credentialId === response.id);
  if (!row) return { ok: false, reason: "unknownKey" };
  const rp = relyingParty();
  try {
    const result = await (
      await simpleWebAuthn()
    ).verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: row.credentialId,
        publicKey: Buffer.from(row.publicKey, "base64url"),
        counter: row.counter,
        transports: transportsOf(row),
      },
      requireUserVerification: false,
    });
    if (!result.verified) return { ok: false, reason: "invalid" };
    db()
      .update(staffWebauthnCredential)
      .set({ counter: result.authenticationInfo.newCounter, lastUsedAt: now().toISOString() })
      .where(eq(staffWebauthnCredential.id, row.id))
      .run();
    // As after a right TOTP code: the failure count starts over and the language is remembered.
    db()
      .update(staffUser)
      .set({
        failedAttempts: 0,
        lockedUntil: null,
        lastLoginAt: now().toISOString(),
        ...(language ? { language } : {}),
      })
      .where(eq(staffUser.id, staffUserId))
      .run();
    return { ok: true, keyId: row.id };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The library's only counter error: "Response counter value N was lower than expected M".
    if (message.includes("counter")) {
      log("warn", "security key counter went backwards: possible cloned key", { staffUserId, keyId: row.id });
      notify(staffUserId, "securityKeyCloned");
      return { ok: false, reason: "cloned" };
    }
    log("info", "security key login refused", { staffUserId, error: message });
    return { ok: false, reason: "invalid" };
  }
}
