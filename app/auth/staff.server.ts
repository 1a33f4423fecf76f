import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "./password-hash.server";
import { type Area } from "~/domain/areas";
import {
  administration,
  municipality,
  roleAssignment,
  session,
  staffUser,
  type StaffUserRow,
} from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { sendSecurityNoticeAfterAnswer, type SecurityNoticeEvent } from "~/platform/mail.server";
import { formatDateTime } from "~/utils/format";
import { log } from "~/utils/logger.server";
import { now } from "~/utils/clock.server";
import commonPasswords from "./common-passwords.json";
import type { StaffRole } from "./permissions";
import { securityEvent } from "~/monitoring/security-events.server";

/**
 * Staff authentication: username + password (argon2id) + a required TOTP second factor.
 * Lock-out with back-off: after FREE_ATTEMPTS failures in a row the account is locked for
 * 1, 2, 4 … minutes (at most an hour); a successful login resets the counter.
 */
export const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;
const ISSUER = "Dalslands e-tjänster";

/** A fixed hash to verify against when the username does not exist (same timing). */
let dummyHash: string | undefined;

export function lockMinutesAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MINUTES, 2 ** (failures - FREE_ATTEMPTS));
}

export function isLocked(user: Pick<StaffUserRow, "lockedUntil">, at = now()): boolean {
  return Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > at.getTime());
}

export function minutesLocked(user: Pick<StaffUserRow, "lockedUntil">, at = now()): number {
  if (!user.lockedUntil) return 0;
  return Math.max(1, Math.ceil((new Date(user.lockedUntil).getTime() - at.getTime()) / 60_000));
}

function recordFailure(user: StaffUserRow) {
  const failures = user.failedAttempts + 1;
  const minutes = lockMinutesAfter(failures);
  securityEvent(minutes ? "lockout" : "login_refused");
  db()
    .update(staffUser)
    .set({
      failedAttempts: failures,
      lockedUntil: minutes ? new Date(now().getTime() + minutes * 60_000).toISOString() : user.lockedUntil,
    })
    .where(eq(staffUser.id, user.id))
    .run();
}

export type PasswordCheck =
  | { ok: true; user: StaffUserRow }
  | { ok: false; reason: "invalid"; user?: StaffUserRow }
  | { ok: false; reason: "locked"; minutes: number; user: StaffUserRow }
  | { ok: false; reason: "disabled"; user: StaffUserRow }
  | { ok: false; reason: "expired"; user: StaffUserRow };

/** A temporary password (reset or new account) is good for TEMP_PASSWORD_HOURS (ASVS 2.3.1). */
export function temporaryPasswordExpired(
  user: Pick<StaffUserRow, "mustChangePassword" | "passwordChangedAt">,
  at = now(),
): boolean {
  return (
    user.mustChangePassword &&
    at.getTime() - new Date(user.passwordChangedAt).getTime() > env().TEMP_PASSWORD_HOURS * 3_600_000
  );
}

/**
 * The reasons are for the audit only: the login page answers "invalid", "locked" and an
 * unknown username alike, and each of them costs one argon2 verification, so neither the
 * answer nor its timing tells whether a username exists (review §9).
 */
export async function checkPassword(username: string, password: string): Promise<PasswordCheck> {
  const user = db().select().from(staffUser).where(eq(staffUser.username, username.trim().toLowerCase())).get();
  if (!user) {
    dummyHash ??= await hashPassword("not-a-password-of-anyone");
    await verifyPassword(dummyHash, password);
    return { ok: false, reason: "invalid" };
  }
  const { ok: good, rehash } = await verifyPassword(user.passwordHash, password);
  if (isLocked(user)) return { ok: false, reason: "locked", minutes: minutesLocked(user), user };
  if (!good) {
    recordFailure(user);
    const after = getStaffUserRow(user.id)!;
    if (isLocked(after)) return { ok: false, reason: "locked", minutes: minutesLocked(after), user: after };
    return { ok: false, reason: "invalid", user };
  }
  if (user.disabledAt) return { ok: false, reason: "disabled", user };
  if (temporaryPasswordExpired(user)) return { ok: false, reason: "expired", user };
  // A hash from before the pepper (ASVS 2.4.5) is replaced now that the password is known.
  if (rehash)
    db()
      .update(staffUser)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(staffUser.id, user.id))
      .run();
  return { ok: true, user };
}

export function getStaffUserRow(id: number): StaffUserRow | undefined {
  return db().select().from(staffUser).where(eq(staffUser.id, id)).get();
}

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export type TotpCheck =
  { ok: true } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; minutes: number };

/** Checks a code (±1 step for clock drift), refuses a replayed code, counts failures. */
export function checkTotp(userId: number, code: string, language?: "sv" | "en"): TotpCheck {
  const user = getStaffUserRow(userId);
  if (!user?.totpSecretEncrypted) return { ok: false, reason: "invalid" };
  if (isLocked(user)) return { ok: false, reason: "locked", minutes: minutesLocked(user) };
  const clean = code.replace(/\s+/g, "");
  const totp = totpFor(decrypt(user.totpSecretEncrypted), user.username);
  const at = now().getTime();
  const delta = /^[0-9]{6}$/.test(clean) ? totp.validate({ token: clean, timestamp: at, window: 1 }) : null;
  const step = Math.floor(at / 30_000) + (delta ?? 0);
  if (delta === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    if (delta !== null) {
      // A right code used a second time: someone else may have the password (ASVS 2.8.5).
      log("warn", "replayed TOTP code refused", { staffUserId: user.id });
      notifyStaffMember(user, "totpReplayed");
    }
    recordFailure(user);
    const after = getStaffUserRow(user.id)!;
    return isLocked(after)
      ? { ok: false, reason: "locked", minutes: minutesLocked(after) }
      : { ok: false, reason: "invalid" };
  }
  const enrolling = !user.totpEnrolledAt;
  db()
    .update(staffUser)
    .set({
      totpLastStep: step,
      failedAttempts: 0,
      lockedUntil: null,
      lastLoginAt: now().toISOString(),
      ...(language ? { language } : {}),
      ...(enrolling ? { totpEnrolledAt: now().toISOString() } : {}),
    })
    .where(eq(staffUser.id, user.id))
    .run();
  if (enrolling) notifyStaffMember({ ...user, ...(language ? { language } : {}) }, "totpEnrolled");
  return { ok: true };
}

/** Mails the staff member about a change to how they sign in (ASVS 2.2.3, 2.5.5, 2.8.5). */
function notifyStaffMember(user: Pick<StaffUserRow, "email" | "name" | "language">, event: SecurityNoticeEvent) {
  sendSecurityNoticeAfterAnswer({
    to: user.email,
    name: user.name,
    lang: user.language,
    event,
    at: formatDateTime(now()),
  });
}

/** The pending enrolment's secret (created once, so a reload shows the same QR code). */
export async function enrolmentFor(userId: number): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  const user = getStaffUserRow(userId);
  if (!user) throw new Error("No such staff user");
  if (user.totpEnrolledAt) throw new Error("Already enrolled");
  let secret: string;
  if (user.totpSecretEncrypted) secret = decrypt(user.totpSecretEncrypted);
  else {
    secret = new OTPAuth.Secret({ size: 20 }).base32;
    db()
      .update(staffUser)
      .set({ totpSecretEncrypted: encrypt(secret), totpLastStep: null })
      .where(eq(staffUser.id, userId))
      .run();
  }
  const uri = totpFor(secret, user.username).toString();
  // An <img> with a data: URL works under the CSP (img-src data:) and without JavaScript.
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, scale: 6 });
  return { secret, uri, qrDataUrl };
}

// ---- Passwords -------------------------------------------------------------------------------

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const COMMON = [
  "password",
  "lösenord",
  "losenord",
  "123456",
  "qwerty",
  "sommar",
  "vinter",
  "dalsland",
  "kommun",
  "welcome",
  "välkommen",
];

/** ~49,000 passwords most frequent in public breaches (source and licence in the file); loaded once. */
let breached: Set<string> | undefined;

const isLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();

/**
 * Is the password, or its letters without leading and trailing digits and punctuation
 * ("Password2026!" → "password"), in the bundled breach list (ASVS 2.1.7)? No network look-up;
 * a Set, so O(1) per candidate; loops, not a regular expression, so linear in the length.
 */
export function isBreachedPassword(password: string): boolean {
  breached ??= new Set(commonPasswords.passwords);
  const lower = password.toLowerCase();
  if (breached.has(lower)) return true;
  const chars = [...lower];
  let start = 0;
  let end = chars.length;
  while (start < end && !isLetter(chars[start]!)) start++;
  while (end > start && !isLetter(chars[end - 1]!)) end--;
  const core = chars.slice(start, end).join("");
  return core.length >= 4 && breached.has(core);
}

export type PasswordRuleError = "tooShort" | "tooLong" | "containsUsername" | "common" | "breached" | "sameAsOld";

/** NIST 800-63B style: long enough, not obviously guessable; no composition rules. */
export function passwordRuleError(password: string, username: string): PasswordRuleError | null {
  if ([...password].length < PASSWORD_MIN) return "tooShort";
  if ([...password].length > PASSWORD_MAX) return "tooLong";
  const lower = password.toLowerCase();
  const userPart = username.toLowerCase().split(".")[0] ?? username;
  if (userPart.length >= 3 && lower.includes(userPart)) return "containsUsername";
  if (lower.includes(username.toLowerCase())) return "containsUsername";
  if (
    /^(.)\1+$/.test(password) ||
    COMMON.some((c) => lower.replace(/[^a-zåäö]/g, "") === c || lower.startsWith(c + "1"))
  )
    return "common";
  if (isBreachedPassword(password)) return "breached";
  return null;
}

export { hashPassword };

export type PasswordChange =
  | { ok: true; revokedSessions: number }
  | { ok: false; field: "current" | "next"; code: PasswordRuleError | "wrong"; lockedOut?: boolean };

/**
 * A wrong current password counts towards the lock-out like a wrong login, and a locked account
 * cannot change its password; the failure that locks the account also ends its sessions (someone
 * guessing from a taken-over session is thrown out). A change ends every other session of the
 * user, keeping only `keepSessionId` (ASVS 3.3.3, review §9).
 */
export async function changePassword(
  userId: number,
  current: string,
  next: string,
  keepSessionId?: string,
): Promise<PasswordChange> {
  const user = getStaffUserRow(userId);
  if (!user) return { ok: false, field: "current", code: "wrong" };
  const good = (await verifyPassword(user.passwordHash, current)).ok;
  if (isLocked(user)) return { ok: false, field: "current", code: "wrong", lockedOut: true };
  if (!good) {
    recordFailure(user);
    if (!isLocked(getStaffUserRow(userId)!)) return { ok: false, field: "current", code: "wrong" };
    endSessions(userId);
    return { ok: false, field: "current", code: "wrong", lockedOut: true };
  }
  const rule = passwordRuleError(next, user.username);
  if (rule) return { ok: false, field: "next", code: rule };
  if (current === next) return { ok: false, field: "next", code: "sameAsOld" };
  db()
    .update(staffUser)
    .set({
      passwordHash: await hashPassword(next),
      passwordChangedAt: now().toISOString(),
      mustChangePassword: false,
      failedAttempts: 0,
    })
    .where(eq(staffUser.id, userId))
    .run();
  notifyStaffMember(user, "passwordChanged");
  return { ok: true, revokedSessions: endSessions(userId, keepSessionId) };
}

/** Revokes the staff user's live sessions except `keep`; returns how many. */
function endSessions(staffUserId: number, keep?: string): number {
  return db()
    .update(session)
    .set({ revokedAt: now().toISOString() })
    .where(
      and(eq(session.staffUserId, staffUserId), isNull(session.revokedAt), keep ? ne(session.idHash, keep) : undefined),
    )
    .run().changes;
}

// ---- Administration (behörighetsadministration) -------------------------------------------------

export interface StaffListItem {
  id: number;
  username: string;
  name: string;
  email: string;
  municipalityId: number | null;
  locked: boolean;
  disabled: boolean;
  enrolled: boolean;
  roles: Array<{
    id: number;
    role: StaffRole;
    municipalityId: number | null;
    area: Area | null;
    administrationId: number | null;
  }>;
}

/** Users employed by one of the municipalities (null = all, for a portal-wide admin). */
export function listStaffUsers(municipalityIds: number[] | null): StaffListItem[] {
  const users = db()
    .select()
    .from(staffUser)
    .where(
      municipalityIds === null
        ? undefined
        : municipalityIds.length
          ? inArray(staffUser.municipalityId, municipalityIds)
          : sql`0`,
    )
    .orderBy(asc(staffUser.username))
    .all();
  if (users.length === 0) return [];
  const roles = db()
    .select()
    .from(roleAssignment)
    .where(
      inArray(
        roleAssignment.staffUserId,
        users.map((u) => u.id),
      ),
    )
    .all();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email,
    municipalityId: u.municipalityId,
    locked: isLocked(u),
    disabled: Boolean(u.disabledAt),
    enrolled: Boolean(u.totpEnrolledAt),
    roles: roles
      .filter((r) => r.staffUserId === u.id)
      .map((r) => ({
        id: r.id,
        role: r.role,
        municipalityId: r.municipalityId,
        area: r.area,
        administrationId: r.administrationId,
      })),
  }));
}

/** Scoped: the user only when employed by one of `municipalityIds` (null = any). */
export function getStaffUserInScope(id: number, municipalityIds: number[] | null): StaffListItem | undefined {
  return listStaffUsers(municipalityIds).find((u) => u.id === id);
}

export function generateTemporaryPassword(): string {
  // 15 characters from an unambiguous alphabet, grouped for reading aloud.
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(15);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10)}`;
}

export async function createStaffUser(input: {
  username: string;
  name: string;
  email: string;
  municipalityId: number | null;
}): Promise<{ id: number; temporaryPassword: string } | { error: "taken" }> {
  const username = input.username.trim().toLowerCase();
  if (db().select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.username, username)).get())
    return { error: "taken" };
  const temporaryPassword = generateTemporaryPassword();
  const row = db()
    .insert(staffUser)
    .values({
      username,
      name: input.name.trim(),
      email: input.email.trim(),
      municipalityId: input.municipalityId,
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
      passwordChangedAt: now().toISOString(),
    })
    .returning({ id: staffUser.id })
    .get();
  return { id: row.id, temporaryPassword };
}

/** New temporary password, TOTP removed (re-enrolment at next login), lock cleared. */
export async function resetStaffUser(id: number): Promise<string> {
  const temporaryPassword = generateTemporaryPassword();
  db()
    .update(staffUser)
    .set({
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
      // The temporary password's clock (TEMP_PASSWORD_HOURS) starts now.
      passwordChangedAt: now().toISOString(),
      totpSecretEncrypted: null,
      totpEnrolledAt: null,
      totpLastStep: null,
      failedAttempts: 0,
      lockedUntil: null,
    })
    .where(eq(staffUser.id, id))
    .run();
  const user = getStaffUserRow(id);
  if (user) notifyStaffMember(user, "passwordReset");
  return temporaryPassword;
}

export function setStaffUserDisabled(id: number, disabled: boolean) {
  db()
    .update(staffUser)
    .set({ disabledAt: disabled ? now().toISOString() : null })
    .where(eq(staffUser.id, id))
    .run();
}

export function addRoleAssignment(input: {
  staffUserId: number;
  role: StaffRole;
  municipalityId: number | null;
  area: Area | null;
  administrationId: number | null;
  createdBy: number;
}): number | null {
  const existing = db()
    .select({ id: roleAssignment.id })
    .from(roleAssignment)
    .where(
      and(
        eq(roleAssignment.staffUserId, input.staffUserId),
        eq(roleAssignment.role, input.role),
        input.municipalityId === null
          ? isNull(roleAssignment.municipalityId)
          : eq(roleAssignment.municipalityId, input.municipalityId),
        input.area === null ? isNull(roleAssignment.area) : eq(roleAssignment.area, input.area),
        input.administrationId === null
          ? isNull(roleAssignment.administrationId)
          : eq(roleAssignment.administrationId, input.administrationId),
      ),
    )
    .get();
  if (existing) return null;
  return db().insert(roleAssignment).values(input).returning({ id: roleAssignment.id }).get().id;
}

export function removeRoleAssignment(staffUserId: number, assignmentId: number) {
  return db()
    .delete(roleAssignment)
    .where(and(eq(roleAssignment.id, assignmentId), eq(roleAssignment.staffUserId, staffUserId)))
    .returning()
    .get();
}

export function listAdministrationsOf(municipalityIds: number[] | null) {
  return db()
    .select({
      id: administration.id,
      municipalityId: administration.municipalityId,
      nameSv: administration.nameSv,
      nameEn: administration.nameEn,
    })
    .from(administration)
    .where(municipalityIds === null ? undefined : inArray(administration.municipalityId, municipalityIds))
    .orderBy(asc(administration.municipalityId), asc(administration.nameSv))
    .all();
}

export function municipalityNames(): Map<number, string> {
  return new Map(
    db()
      .select({ id: municipality.id, name: municipality.name })
      .from(municipality)
      .all()
      .map((m) => [m.id, m.name]),
  );
}
