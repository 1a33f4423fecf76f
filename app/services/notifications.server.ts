import { and, asc, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import {
  caseParty,
  caseTable,
  notification,
  notificationDelivery,
  notificationSetting,
  person,
  schoolSignature,
} from "../../db/schema/index";
import type { CaseStatus, DeliveryChannel, DeliveryStatus } from "~/domain/statuses";
import { db } from "~/db.server";
import { withoutWaitingForDisk } from "~/db-durable.server";
import { env } from "~/env.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { defineJob, requestJobRun } from "~/jobs/runner.server";
import { mailTransportOptions } from "~/platform/mail.server";
import { log } from "~/utils/logger.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { smsGateway, type SmsGateway } from "./sms.server";
import { trail } from "./trail.server";

/**
 * Notifications: a row shown on Mina sidor, and an e-mail and an SMS when the person has chosen
 * them. The e-mail and SMS say only that something happened in which case, with a link: neither
 * is a confidential channel (docs/decisions/025, 079). Every status change records one
 * (cases.server.ts changeCaseStatus); the copies go out through `notification_delivery`.
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
  "supplement-requested",
  "decision",
  "owner-consent-requested",
  "owner-consent-answered",
  "owner-consent-requested-organisation",
  "owner-consent-reminder",
  "owner-consent-expired",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationSettings {
  emailEnabled: boolean;
  email: string | null;
  /** SMS is opt-in (decision 079). */
  smsEnabled: boolean;
  /** E.164 (+467…), or null. */
  phone: string | null;
  /** The language the person chose their settings in; null = the case's language. */
  language: Language | null;
}

export function getNotificationSettings(personnummerHmac: string): NotificationSettings {
  const row = db()
    .select()
    .from(notificationSetting)
    .where(eq(notificationSetting.personnummerHmac, personnummerHmac))
    .get();
  if (!row) return { emailEnabled: true, email: null, smsEnabled: false, phone: null, language: null };
  return {
    emailEnabled: row.emailEnabled,
    email: row.email ? decrypt(row.email) : null,
    smsEnabled: row.smsEnabled,
    phone: row.phone ? decrypt(row.phone) : null,
    language: row.language ?? null,
  };
}

export function saveNotificationSettings(personnummerHmac: string, settings: NotificationSettings) {
  const values = {
    personnummerHmac,
    emailEnabled: settings.emailEnabled,
    email: settings.email ? encrypt(settings.email) : null,
    smsEnabled: settings.smsEnabled,
    phone: settings.phone ? encrypt(settings.phone) : null,
    language: settings.language,
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
  if (!existing)
    saveNotificationSettings(personnummerHmac, {
      emailEnabled: true,
      email,
      smsEnabled: false,
      phone: null,
      language: null,
    });
}

let transport: Transporter | undefined;
/** nodemailer is loaded with the first mail, not at start (decision 127). */
async function mailer(): Promise<Transporter | undefined> {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  const { default: nodemailer } = await import("nodemailer");
  transport ??= nodemailer.createTransport(mailTransportOptions(url, env().PORTAL_ENV === "production"));
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

/** Every person with access to a case on Mina sidor: applicant, submitter and the other parties. */
export function caseRecipients(caseId: number): string[] {
  const parties = db()
    .select({ h: caseParty.personnummerHmac })
    .from(caseParty)
    .where(eq(caseParty.caseId, caseId))
    .all();
  const c = db()
    .select({ a: caseTable.applicantPersonId, s: caseTable.submittedByPersonId })
    .from(caseTable)
    .where(eq(caseTable.id, caseId))
    .get();
  const ids = [c?.a, c?.s].filter((x): x is number => typeof x === "number");
  const people = ids.length
    ? db().select({ h: person.personnummerHmac }).from(person).where(inArray(person.id, ids)).all()
    : [];
  return [...new Set([...people.map((p) => p.h), ...parties.map((p) => p.h)])];
}

/**
 * Writes the notification rows and one delivery row per channel the person chose (decision
 * 079). Synchronous and without network, so that it can share the transaction of the change
 * it tells about: a change is never committed without its notifications, nor the other way.
 * The deliveries go out through the notification-delivery job (`kickNotificationDelivery`).
 */
export function recordNotification(input: NotifyInput): number {
  const createdAt = (input.now ?? new Date()).toISOString();
  const reference = input.caseId
    ? db()
        .select({ reference: caseTable.reference, protectedIdentity: caseTable.protectedIdentity })
        .from(caseTable)
        .where(eq(caseTable.id, input.caseId))
        .get()
    : undefined;
  const unique = [...new Set(input.recipients)].filter(
    (h) => !reference?.protectedIdentity || mayHearOfProtectedCase(input.caseId!, h),
  );
  const params = { ...(reference ? { reference: reference.reference } : {}), ...(input.params ?? {}) };
  const sms = smsGateway() !== null;
  let deliveries = 0;
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
    const channels: DeliveryChannel[] = [];
    if (emailStatus === "pending") channels.push("email");
    if (sms && settings.smsEnabled && settings.phone) channels.push("sms");
    for (const channel of channels)
      db()
        .insert(notificationDelivery)
        .values({ notificationId: row.id, channel, recipientHmac, nextAttemptAt: createdAt, createdAt })
        .run();
    deliveries += channels.length;
  }
  return deliveries;
}

/**
 * Records the notifications (see recordNotification) and asks the delivery job to run now.
 * Delivery failures are retried by the job; they never undo what caused the notification.
 */
export function notify(input: NotifyInput): Promise<void> {
  if (recordNotification(input) > 0) kickNotificationDelivery();
  return Promise.resolve();
}

/**
 * The notification a status change gives every party (decision 079): one per change, its kind
 * named by where the case went. A path with more to say (the offer's unit) passes its own.
 */
export function statusNotificationKind(from: CaseStatus, to: CaseStatus): NotificationKind {
  if (from === "awaiting_signatures" && to === "received") return "signatures-complete";
  if (to === "signature_declined") return "signature-declined";
  if (to === "withdrawn") return "case-withdrawn";
  if (to === "awaiting_completion") return "supplement-requested";
  if (to === "decided") return "decision";
  if (to === "place_offered") return "offer";
  return "case-status";
}

/** After a commit that recorded notifications: deliver now rather than at the next tick. */
export function kickNotificationDelivery() {
  // The lease's due time is a hint, not an acknowledgement: no fsync on the event loop for it
  // (decision 155); lost in a power cut, the job's own schedule delivers.
  withoutWaitingForDisk(() => requestJobRun(notificationDeliveryJob.name));
}

/** Attempts before a delivery is given up, and the wait before each retry. */
export const DELIVERY_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;
export const DELIVERY_MAX_ATTEMPTS = DELIVERY_BACKOFF_MS.length + 1;

interface DeliveryText {
  subject: string;
  what: string;
  url: string;
  lang: Language;
}

/** The words of a notification: what happened in which case and where to log in, nothing else. */
function deliveryText(n: { kind: string; params: string; caseId: number | null }, lang: Language | null): DeliveryText {
  const params = JSON.parse(n.params) as Record<string, string | number>;
  const caseLanguage = n.caseId
    ? db().select({ l: caseTable.language }).from(caseTable).where(eq(caseTable.id, n.caseId)).get()?.l
    : undefined;
  const language: Language = lang ?? (caseLanguage === "en" ? "en" : "sv");
  const t = getFixedT(language, "mypages");
  const kind = n.kind;
  const what = t(`notifications.kinds.${kind}`, params);
  // A property owner asked for consent is no party to the case: their link is the consent list (decision 093).
  const toOwner = ["owner-consent-requested", "owner-consent-requested-organisation", "owner-consent-reminder"];
  const page = toOwner.includes(kind) ? "/medgivande" : params.reference ? `/arenden/${params.reference}` : "";
  const url = `${env().PUBLIC_URL}/mina-sidor${page}`;
  return { subject: t("mail.subject", { what }), what, url, lang: language };
}

async function sendNotificationMail(to: string, kind: string, reference: string | undefined, text: DeliveryText) {
  const transporter = await mailer();
  if (!transporter) throw new Error("no SMTP_URL");
  const t = getFixedT(text.lang, "mypages");
  await transporter.sendMail({
    from: env().MAIL_FROM,
    to,
    subject: text.subject,
    text: [
      t("mail.greeting"),
      "",
      text.what,
      "",
      t("mail.link", { url: text.url }),
      "",
      t("mail.settings"),
      "",
      t("mail.signature"),
    ].join("\n"),
    headers: reference
      ? { "X-Case-Reference": reference, "X-Notification-Kind": kind }
      : { "X-Notification-Kind": kind },
  });
}

/** The SMS body: short, and like the e-mail only what happened, the case number and where to log in. */
export function smsBody(text: DeliveryText): string {
  return getFixedT(text.lang, "mypages")("sms.body", { what: text.what, url: text.url });
}

export interface NotificationDeliveryRun {
  attempted: number;
  sent: number;
  failed: number;
  cancelled: number;
}

let deliveryBusy = false;

/**
 * Sends every due delivery once: the address or number is read from the person's settings now
 * (a channel turned off since is cancelled); a failure is retried with back-off and given up
 * after DELIVERY_MAX_ATTEMPTS. Runs never overlap within the process.
 */
export async function deliverDueNotifications(
  options: { now?: Date; limit?: number; sms?: SmsGateway | null } = {},
): Promise<NotificationDeliveryRun> {
  const run: NotificationDeliveryRun = { attempted: 0, sent: 0, failed: 0, cancelled: 0 };
  if (deliveryBusy) return run;
  deliveryBusy = true;
  try {
    const now = options.now ?? new Date();
    const gateway = options.sms === undefined ? smsGateway() : options.sms;
    const due = db()
      .select({ d: notificationDelivery, n: notification })
      .from(notificationDelivery)
      .innerJoin(notification, eq(notification.id, notificationDelivery.notificationId))
      .where(
        and(eq(notificationDelivery.status, "pending"), lte(notificationDelivery.nextAttemptAt, now.toISOString())),
      )
      .orderBy(asc(notificationDelivery.nextAttemptAt), asc(notificationDelivery.id))
      .limit(options.limit ?? 100)
      .all();
    for (const { d, n } of due) {
      const settings = getNotificationSettings(d.recipientHmac);
      const address =
        d.channel === "email"
          ? settings.emailEnabled
            ? settings.email
            : null
          : settings.smsEnabled
            ? settings.phone
            : null;
      if (!address) {
        db()
          .update(notificationDelivery)
          .set({ status: "cancelled", lastError: "channel turned off" })
          .where(eq(notificationDelivery.id, d.id))
          .run();
        if (d.channel === "email")
          db().update(notification).set({ emailStatus: "off" }).where(eq(notification.id, n.id)).run();
        run.cancelled++;
        continue;
      }
      run.attempted++;
      const attempts = d.attempts + 1;
      try {
        const text = deliveryText(n, settings.language);
        const reference = (JSON.parse(n.params) as { reference?: string }).reference;
        if (d.channel === "email") await sendNotificationMail(address, n.kind, reference, text);
        else {
          if (!gateway) throw new Error("SMS_GATEWAY is off");
          await gateway.send({ to: address, message: smsBody(text) });
        }
        const sentAt = new Date().toISOString();
        db()
          .update(notificationDelivery)
          .set({ status: "sent", attempts, lastError: null, sentAt })
          .where(eq(notificationDelivery.id, d.id))
          .run();
        if (d.channel === "email")
          db().update(notification).set({ emailStatus: "sent" }).where(eq(notification.id, n.id)).run();
        run.sent++;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
        const giveUp = attempts >= DELIVERY_MAX_ATTEMPTS;
        db()
          .update(notificationDelivery)
          .set({
            status: giveUp ? "failed" : "pending",
            attempts,
            lastError: message,
            nextAttemptAt: new Date(now.getTime() + (DELIVERY_BACKOFF_MS[attempts - 1] ?? 0)).toISOString(),
          })
          .where(eq(notificationDelivery.id, d.id))
          .run();
        if (giveUp && d.channel === "email")
          db().update(notification).set({ emailStatus: "failed" }).where(eq(notification.id, n.id)).run();
        run.failed++;
        log("warn", "notification delivery failed", { channel: d.channel, attempts, giveUp, error: message });
      }
    }
    return run;
  } finally {
    deliveryBusy = false;
  }
}

/** Sends due e-mail and SMS copies of notifications (NOTIFICATION_DELIVERY_INTERVAL_SECONDS). */
export const notificationDeliveryJob = defineJob({
  name: "notification-delivery",
  everyMs: () => env().NOTIFICATION_DELIVERY_INTERVAL_SECONDS * 1000,
  firstDelayMs: 2000,
  timeoutMs: 10 * 60_000,
  run: async () => ({ ...(await deliverDueNotifications()) }),
});

export interface DeliveryLogRow {
  id: number;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  kind: string;
  reference: string | null;
  /** The first characters of the recipient's HMAC: enough to tell rows apart, names no one. */
  recipient: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** For /admin/jobb: the latest deliveries, without addresses or numbers. */
export function listNotificationDeliveries(limit = 50): DeliveryLogRow[] {
  return db()
    .select({ d: notificationDelivery, n: notification, reference: caseTable.reference })
    .from(notificationDelivery)
    .innerJoin(notification, eq(notification.id, notificationDelivery.notificationId))
    .leftJoin(caseTable, eq(caseTable.id, notification.caseId))
    .orderBy(desc(notificationDelivery.id))
    .limit(limit)
    .all()
    .map(({ d, n, reference }) => ({
      id: d.id,
      channel: d.channel,
      status: d.status,
      kind: n.kind,
      reference,
      recipient: d.recipientHmac.slice(0, 8),
      attempts: d.attempts,
      lastError: d.lastError,
      createdAt: d.createdAt,
      sentAt: d.sentAt,
    }));
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
    details: { emailEnabled: input.settings.emailEnabled, smsEnabled: input.settings.smsEnabled },
  });
}
