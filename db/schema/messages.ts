import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, EMAIL_STATUSES } from "../../app/domain/statuses";
import { caseTable } from "./cases";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * A message in a case between the applicant and the officer. Internal notes are not messages
 * (they live with the back office), so nothing here is ever hidden from the applicant.
 * The body is encrypted: residents write about children, health and money.
 */
export const message = sqliteTable(
  "message",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    /** "applicant" | "officer" */
    sender: text("sender").notNull(),
    authorPersonId: integer("author_person_id"),
    authorStaffId: integer("author_staff_id"),
    /** encrypt(body) */
    body: text("body").notNull(),
    createdAt: text("created_at").notNull().default(now),
    /** When the other side first opened it. */
    readAt: text("read_at"),
  },
  (t) => [index("message_case").on(t.caseId, t.createdAt)],
);

/** A file attached to a message; stored under DATA_DIR/uploads like case attachments. */
export const messageAttachment = sqliteTable(
  "message_attachment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publicId: text("public_id").notNull().unique(),
    messageId: integer("message_id")
      .notNull()
      .references(() => message.id),
    originalName: text("original_name").notNull(),
    storedName: text("stored_name").notNull().unique(),
    size: integer("size").notNull(),
    mime: text("mime").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("message_attachment_message").on(t.messageId)],
);

/** Something a resident should know about, shown on Mina sidor and (if chosen) e-mailed. */
export const notification = sqliteTable(
  "notification",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** hmacIndex(personnummer) of the recipient: a co-guardian is told before their first login. */
    recipientHmac: text("recipient_hmac").notNull(),
    caseId: integer("case_id").references(() => caseTable.id),
    /** i18n key under mypages:notifications.kinds */
    kind: text("kind").notNull(),
    /** Interpolation values as JSON (never personal data beyond the case reference). */
    params: text("params").notNull().default("{}"),
    createdAt: text("created_at").notNull().default(now),
    readAt: text("read_at"),
    emailStatus: text("email_status", { enum: EMAIL_STATUSES }).notNull().default("off"),
  },
  (t) => [index("notification_recipient").on(t.recipientHmac, t.createdAt)],
);

/** A resident's choice about e-mail; the address is personal data and stored encrypted. */
export const notificationSetting = sqliteTable("notification_setting", {
  personnummerHmac: text("personnummer_hmac").primaryKey(),
  emailEnabled: integer("email_enabled", { mode: "boolean" }).notNull().default(true),
  /** encrypt(address) or null */
  email: text("email"),
  /** SMS is opt-in (decision 079): off until the person turns it on and gives a mobile number. */
  smsEnabled: integer("sms_enabled", { mode: "boolean" }).notNull().default(false),
  /** encrypt(+46 mobile number in E.164) or null */
  phone: text("phone"),
  /** The language the person chose their settings in; null = the case's language. */
  language: text("language", { enum: ["sv", "en"] }),
  updatedAt: text("updated_at").notNull().default(now),
});

/**
 * One e-mail or SMS copy of a notification (decision 079), sent by the notification-delivery
 * job with retries. The address is read from the person's settings when sending, so no
 * address is kept here; the recipient is named by personnummer HMAC.
 */
export const notificationDelivery = sqliteTable(
  "notification_delivery",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notification.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull(),
    recipientHmac: text("recipient_hmac").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: text("next_attempt_at").notNull().default(now),
    sentAt: text("sent_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("notification_delivery_once").on(t.notificationId, t.channel),
    index("notification_delivery_due").on(t.status, t.nextAttemptAt),
  ],
);

export type Message = typeof message.$inferSelect;
export type MessageAttachment = typeof messageAttachment.$inferSelect;
export type Notification = typeof notification.$inferSelect;

/**
 * Who besides the applicant may follow a case on Mina sidor: the other custodial guardian
 * of a child (informed of a childcare application, co-signer of a school application).
 */
export const caseParty = sqliteTable(
  "case_party",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    /** hmacIndex(personnummer): the party may not have logged in yet. */
    personnummerHmac: text("personnummer_hmac").notNull(),
    /** "applicant" | "co-guardian" */
    role: text("role").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("case_party_case_person").on(t.caseId, t.personnummerHmac),
    index("case_party_person").on(t.personnummerHmac),
  ],
);
