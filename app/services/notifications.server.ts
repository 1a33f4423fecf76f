import { and, desc, eq, isNull } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { caseParty, caseTable, notification, notificationSetting, schoolSignature } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { log } from "~/utils/logger.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { trail } from "./trail.server";

/**
 * Notifications: a row shown on Mina sidor, and an e-mail when the person has chosen e-mail
 * and given an address. The e-mail says only that something happened in which case, with a
 * link: e-mail is not a confidential channel (docs/decisions/025).
 */
export const NOTIFICATION_KINDS = [
  "case-submitted",
  "case-status",
  "message",
  "offer",
  "offer-lapsed",
  "placement-terminated",
  "co-guardian-informed",
  "signature-requested",
  "signature-declined",
  "signatures-complete",
  "case-withdrawn",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationSettings {
  emailEnabled: boolean;
  email: string | null;
}

export function getNotificationSettings(personnummerHmac: string): NotificationSettings {
  const row = db()
    .select()
    .from(notificationSetting)
    .where(eq(notificationSetting.personnummerHmac, personnummerHmac))
    .get();
  if (!row) return { emailEnabled: true, email: null };
  return { emailEnabled: row.emailEnabled, email: row.email ? decrypt(row.email) : null };
}

export function saveNotificationSettings(personnummerHmac: string, settings: NotificationSettings) {
  const values = {
    personnummerHmac,
    emailEnabled: settings.emailEnabled,
    email: settings.email ? encrypt(settings.email) : null,
    updatedAt: new Date().toISOString(),
  };
  db()
    .insert(notificationSetting)
    .values(values)
    .onConflictDoUpdate({ target: notificationSetting.personnummerHmac, set: values })
    .run();
}

/** The address given in a form becomes the default for notifications, unless one is already set. */
export function adoptContactEmail(personnummerHmac: string, email: string | null) {
  if (!email) return;
  const existing = db()
    .select({ p: notificationSetting.personnummerHmac })
    .from(notificationSetting)
    .where(eq(notificationSetting.personnummerHmac, personnummerHmac))
    .get();
  if (!existing) saveNotificationSettings(personnummerHmac, { emailEnabled: true, email });
}

let transport: Transporter | undefined;
function mailer(): Transporter | undefined {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export interface NotifyInput {
  /** hmacIndex(personnummer) of each recipient. */
  recipients: string[];
  caseId: number | null;
  kind: NotificationKind;
  /** Only non-personal values: the case reference, a date, a unit's name. */
  params?: Record<string, string | number>;
  now?: Date;
}

/**
 * A case with protected personal data (docs/decisions/046) tells a party other than the
 * applicant nothing, unless their signature is asked for: the same rule as Mina sidor's.
 */
function mayHearOfProtectedCase(caseId: number, recipientHmac: string): boolean {
  const party = db()
    .select({ role: caseParty.role })
    .from(caseParty)
    .where(and(eq(caseParty.caseId, caseId), eq(caseParty.personnummerHmac, recipientHmac)))
    .get();
  if (!party || party.role === "applicant") return true;
  const pending = db()
    .select({ id: schoolSignature.id })
    .from(schoolSignature)
    .where(
      and(
        eq(schoolSignature.caseId, caseId),
        eq(schoolSignature.guardianHmac, recipientHmac),
        eq(schoolSignature.decision, "pending"),
      ),
    )
    .get();
  return pending !== undefined;
}

/**
 * Records the notification for each person and sends the e-mails. Mail failures are logged
 * and marked on the row; they never undo what caused the notification.
 */
export async function notify(input: NotifyInput): Promise<void> {
  const createdAt = (input.now ?? new Date()).toISOString();
  const reference = input.caseId
    ? db()
        .select({
          reference: caseTable.reference,
          language: caseTable.language,
          protectedIdentity: caseTable.protectedIdentity,
        })
        .from(caseTable)
        .where(eq(caseTable.id, input.caseId))
        .get()
    : undefined;
  const unique = [...new Set(input.recipients)].filter(
    (h) => !reference?.protectedIdentity || mayHearOfProtectedCase(input.caseId!, h),
  );
  const params = { ...(reference ? { reference: reference.reference } : {}), ...(input.params ?? {}) };
  for (const recipientHmac of unique) {
    const settings = getNotificationSettings(recipientHmac);
    const emailStatus = !settings.emailEnabled ? "off" : settings.email ? "pending" : "no-address";
    const row = db()
      .insert(notification)
      .values({
        recipientHmac,
        caseId: input.caseId,
        kind: input.kind,
        params: JSON.stringify(params),
        createdAt,
        emailStatus,
      })
      .returning({ id: notification.id })
      .get();
    if (emailStatus !== "pending" || !settings.email) continue;
    const lang: Language = reference?.language === "en" ? "en" : "sv";
    const sent = await sendNotificationMail(settings.email, input.kind, params, lang);
    db()
      .update(notification)
      .set({ emailStatus: sent ? "sent" : "failed" })
      .where(eq(notification.id, row.id))
      .run();
  }
}

async function sendNotificationMail(
  to: string,
  kind: NotificationKind,
  params: Record<string, string | number>,
  lang: Language,
): Promise<boolean> {
  const transporter = mailer();
  if (!transporter) {
    log("warn", "no SMTP_URL: notification not sent", { kind });
    return false;
  }
  const t = getFixedT(lang, "mypages");
  const url = `${env().PUBLIC_URL}/mina-sidor${params.reference ? `/arenden/${params.reference}` : ""}`;
  try {
    await transporter.sendMail({
      from: env().MAIL_FROM,
      to,
      subject: t("mail.subject", { what: t(`notifications.kinds.${kind}`, params) }),
      text: [
        t("mail.greeting"),
        "",
        t(`notifications.kinds.${kind}`, params),
        "",
        t("mail.link", { url }),
        "",
        t("mail.settings"),
        "",
        t("mail.signature"),
      ].join("\n"),
      headers: params.reference
        ? { "X-Case-Reference": String(params.reference), "X-Notification-Kind": kind }
        : { "X-Notification-Kind": kind },
    });
    return true;
  } catch (error) {
    log("error", "notification mail failed", { kind, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  params: Record<string, string | number>;
  caseId: number | null;
  createdAt: string;
  readAt: string | null;
}

export function listNotifications(personnummerHmac: string, limit = 50): NotificationView[] {
  return db()
    .select()
    .from(notification)
    .where(eq(notification.recipientHmac, personnummerHmac))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit)
    .all()
    .map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      params: JSON.parse(n.params) as Record<string, string | number>,
      caseId: n.caseId,
      createdAt: n.createdAt,
      readAt: n.readAt,
    }));
}

export function markNotificationsRead(personnummerHmac: string, now = new Date()) {
  db()
    .update(notification)
    .set({ readAt: now.toISOString() })
    .where(and(eq(notification.recipientHmac, personnummerHmac), isNull(notification.readAt)))
    .run();
}

/** The resident changes their own settings (audited; the address itself is not logged). */
export function changeNotificationSettings(input: {
  viewer: { personId: number; personnummerHmac: string };
  actor: unknown;
  settings: NotificationSettings;
}) {
  saveNotificationSettings(input.viewer.personnummerHmac, input.settings);
  trail({
    actor: input.actor,
    action: "notifications.settings",
    subjectType: "person",
    subjectId: input.viewer.personId,
    personId: input.viewer.personId,
    details: { emailEnabled: input.settings.emailEnabled },
  });
}
