import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { roleAssignment, staffEnrolment, staffUser } from "../../db/schema/index";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import { now } from "~/utils/clock.server";
import { hashToken } from "./session.server";
import { hashPassword, passwordRuleError, type PasswordRuleError } from "./staff.server";

/**
 * The first portal-wide admin of an install (`npm run admin:create`, decision 056). The account
 * starts without a usable password; a one-time link (only its SHA-256 stored, valid
 * ENROLMENT_HOURS, used once) lets the person set one and go on to the existing TOTP enrolment.
 */
export const ENROLMENT_HOURS = 24;

export type FirstAdminResult = { staffUserId: number; token: string; expiresAt: string } | { error: "taken" };

export async function createPortalAdmin(input: {
  username: string;
  name: string;
  email: string;
}): Promise<FirstAdminResult> {
  const username = input.username.trim().toLowerCase();
  if (db().select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.username, username)).get())
    return { error: "taken" };
  // No one knows this password: the account is usable only through the enrolment link.
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now().getTime() + ENROLMENT_HOURS * 3600_000).toISOString();
  const id = db().transaction((tx) => {
    const row = tx
      .insert(staffUser)
      .values({
        username,
        name: input.name.trim(),
        email: input.email.trim(),
        municipalityId: null,
        passwordHash: unusable,
      })
      .returning({ id: staffUser.id })
      .get();
    tx.insert(roleAssignment).values({ staffUserId: row.id, role: "admin", municipalityId: null }).run();
    tx.insert(staffEnrolment)
      .values({ staffUserId: row.id, tokenHash: hashToken(token), expiresAt })
      .run();
    return row.id;
  });
  audit({
    actor: "system",
    action: "staff.created",
    subjectType: "staff_user",
    subjectId: id,
    details: { role: "admin", portalWide: true, via: "admin:create" },
  });
  return { staffUserId: id, token, expiresAt };
}

/** The open enrolment a link names, if it is unused and not expired. */
export function getOpenEnrolment(token: string) {
  if (token.length < 20 || token.length > 100) return undefined;
  return db()
    .select({ id: staffEnrolment.id, staffUserId: staffEnrolment.staffUserId, username: staffUser.username })
    .from(staffEnrolment)
    .innerJoin(staffUser, eq(staffUser.id, staffEnrolment.staffUserId))
    .where(
      and(
        eq(staffEnrolment.tokenHash, hashToken(token)),
        isNull(staffEnrolment.usedAt),
        gt(staffEnrolment.expiresAt, now().toISOString()),
      ),
    )
    .get();
}

export type EnrolmentResult =
  { ok: true; staffUserId: number } | { ok: false; error: "invalid" | "mismatch" | PasswordRuleError };

/** Sets the password and spends the link (a second use, even a simultaneous one, finds it used). */
export async function completeEnrolment(token: string, password: string, confirm: string): Promise<EnrolmentResult> {
  const open = getOpenEnrolment(token);
  if (!open) return { ok: false, error: "invalid" };
  if (password !== confirm) return { ok: false, error: "mismatch" };
  const rule = passwordRuleError(password, open.username);
  if (rule) return { ok: false, error: rule };
  const passwordHash = await hashPassword(password);
  const spent = db()
    .update(staffEnrolment)
    .set({ usedAt: now().toISOString() })
    .where(and(eq(staffEnrolment.id, open.id), isNull(staffEnrolment.usedAt)))
    .run();
  if (spent.changes !== 1) return { ok: false, error: "invalid" };
  db()
    .update(staffUser)
    .set({ passwordHash, passwordChangedAt: now().toISOString(), mustChangePassword: false, totpSecretEncrypted: null })
    .where(eq(staffUser.id, open.staffUserId))
    .run();
  audit({
    actor: null,
    actorHint: { type: "staff", id: open.staffUserId },
    action: "staff.enrolment-link-used",
    subjectType: "staff_user",
    subjectId: open.staffUserId,
  });
  return { ok: true, staffUserId: open.staffUserId };
}
