import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import { env } from "~/env.server";
import { getFixedT, textTemplate, translatedOnce } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { log } from "~/utils/logger.server";

let transport: { url: string; transporter: Transporter } | undefined;

/**
 * How the mail relay is reached. In production mail goes over TLS only (ASVS 1.9.1, 9.2.2):
 * `smtps://` is TLS from the start, and `smtp://` must upgrade with STARTTLS (`requireTLS`), so a
 * relay that offers no TLS makes the send fail instead of carrying names and references in clear.
 * Certificates are verified (nodemailer's default; production refuses URLs that turn it off).
 */
export function mailTransportOptions(url: string, production: boolean): { url: string; requireTLS?: boolean } {
  return production && !url.startsWith("smtps://") ? { url, requireTLS: true } : { url };
}

/** The transport for SMTP_URL; nodemailer is loaded with the first mail, not at start (decision 127). */
async function mailer(): Promise<Transporter | undefined> {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  const { default: nodemailer } = await import("nodemailer");
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = {
      url,
      // Pooled (decision 141): every receipt opened its own connection (connect, greeting, EHLO,
      // QUIT), which cost the portal more CPU than the mail itself. A connection idle for 2 s is
      // closed; one the relay closed while a mail was on it carries that mail again once on a new
      // connection (as a fresh connection per mail did); shutdown closes the pool after the drain.
      // Up to 8 connections (decision 179): with 2, a mail's SMTP round trips waited behind the
      // requests of a busy event loop, receipts went out at ~45/s while walks were acknowledged at
      // ~140/s, and the queue of unsent receipts grew by ~3 KB of heap a mail without bound. A
      // relay that allows fewer says so in SMTP_URL (`?maxConnections=2`), which nodemailer puts
      // before these options.
      transporter: nodemailer.createTransport({
        ...mailTransportOptions(url, env().PORTAL_ENV === "production"),
        pool: true,
        maxConnections: 8,
        idleTimeout: 2_000,
        maxRequeues: 1,
      }),
    };
  }
  return transport.transporter;
}

export interface ReceiptMail {
  to: string;
  reference: string;
  formTitle: string;
  municipality: string;
  processingDays: number;
  receiptUrl: string;
  /** The e-service's own receipt text (designer-written, never answers). */
  receiptText?: string;
  lang: Language;
}

/**
 * The e-mail receipt. It carries the reference, what happens next and a link — never the
 * answers: e-mail is not a confidential channel (docs/decisions/016). A failure is logged and
 * does not undo the submission, which is already safely stored and shown on screen.
 */
export async function sendReceiptMail(mail: ReceiptMail): Promise<boolean> {
  const transporter = await mailer();
  if (!transporter) {
    log("warn", "no SMTP_URL: receipt not sent", { reference: mail.reference });
    return false;
  }
  try {
    const from = env().MAIL_FROM;
    const envelope = await envelopeOf(from, mail.to);
    await transporter.sendMail({
      from,
      to: mail.to,
      ...receiptTexts(mail),
      headers: { "X-Case-Reference": mail.reference },
      envelope,
      messageId: messageIdFor(envelope.from),
    });
    return true;
  } catch (error) {
    log("error", "receipt mail failed", {
      reference: mail.reference,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}

let senders: { from: string; address: string | false } | undefined;

/**
 * The SMTP envelope nodemailer makes of these From and To headers, made here by its own parse
 * (MimeNode's `getEnvelope`) and given to it. Without one, nodemailer parses both headers'
 * addresses again each time it needs the envelope: composing, the Message-ID's domain and the
 * pool's send, three times per mail (addressparser was ~60 % of nodemailer's CPU in a walk's
 * profile). The sender's address is parsed once per MAIL_FROM. Decision 160; the same envelope,
 * message and Message-ID domain (tests/integration/send-texts.test.ts).
 */
export async function envelopeOf(from: string, to: string): Promise<{ from: string | false; to: string[] }> {
  const { default: MimeNode } = await import("nodemailer/lib/mime-node");
  if (senders?.from !== from) senders = { from, address: new MimeNode().setHeader("From", from).getEnvelope().from };
  // A node that only parses an address needs no boundary: without one it draws random bytes for it.
  const recipients = new MimeNode(undefined, { baseBoundary: "envelope" }).setHeader("To", to).getEnvelope().to;
  return { from: senders.address, to: recipients };
}

/**
 * The Message-ID nodemailer would make for this envelope's sender (`<random@the sender's domain>`,
 * `localhost` without a sender), its random part a UUID from node's cached entropy: nodemailer
 * draws five rounds of random bytes for it, about 1 % of a walk's event loop (decision 188).
 */
export function messageIdFor(envelopeFrom: string | false): string {
  return `<${randomUUID()}@${(envelopeFrom || "localhost").split("@").pop()}>`;
}

const RECEIPT_PARAMS = ["reference", "form", "municipality", "days", "url"] as const;

/**
 * The receipt's subject and text. Its texts are translated once per language (decision 151), not
 * on every send; the values are put into them as i18next's interpolation would (`textTemplate`).
 */
export function receiptTexts(mail: Omit<ReceiptMail, "to">): { subject: string; text: string } {
  const text = (key: string) => textTemplate(mail.lang, "eservice", key, RECEIPT_PARAMS);
  const params = {
    reference: mail.reference,
    form: mail.formTitle,
    municipality: mail.municipality,
    days: mail.processingDays,
    url: mail.receiptUrl,
  };
  return {
    subject: text("mail.subject")(params),
    text: [
      translatedOnce(mail.lang, "eservice", "mail.greeting"),
      "",
      text("mail.body")(params),
      "",
      text("mail.next")(params),
      "",
      // The e-service's own receipt text from the designer (decision 086), when it has one.
      ...(mail.receiptText ? [mail.receiptText, ""] : []),
      text("mail.link")(params),
      "",
      translatedOnce(mail.lang, "eservice", "mail.signature"),
    ].join("\n"),
  };
}

const pendingReceipts = new Set<Promise<unknown>>();

/**
 * The receipt mail after the answer, not before it: the case is committed and the receipt page
 * is what acknowledges it; the mail is a copy (and was never retried). Waiting for the SMTP
 * conversation (about 100 ms even to the local catcher) only delayed the answer
 * (docs/decisions/039). Shutdown waits for mails still being handed over (drainReceiptMails).
 */
export function sendReceiptMailAfterAnswer(mail: ReceiptMail): void {
  const sending: Promise<unknown> = sendReceiptMail(mail)
    .catch((error: unknown) =>
      log("error", "receipt mail failed", {
        reference: mail.reference,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    .finally(() => pendingReceipts.delete(sending));
  pendingReceipts.add(sending);
}

/**
 * Waits (at most timeoutMs) for receipt mails still being sent, then closes the mail pool's
 * connections; for a graceful shutdown.
 */
export async function drainReceiptMails(timeoutMs = 5_000): Promise<void> {
  if (pendingReceipts.size > 0) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...pendingReceipts]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
  transport?.transporter.close();
  transport = undefined;
}

export interface ReviewReminderMail {
  to: string;
  name: string;
  lang: Language;
  title: string;
  /** "service" | "page" | "news", named in the text. */
  type: string;
  /** Swedish-format dates (YYYY-MM-DD). */
  reviewBy: string;
  hiddenFrom: string;
  /** The item in /redaktor (absolute). */
  url: string;
}

/**
 * "Time to review": to the owner of a text past its review-by date (docs/decisions/035).
 * Throws when the mail could not be handed to the SMTP server, so that the job does not record
 * it as sent and tries again on its next run.
 */
export async function sendReviewReminderMail(mail: ReviewReminderMail): Promise<void> {
  const transporter = await mailer();
  if (!transporter) throw new Error("no SMTP_URL");
  const t = getFixedT(mail.lang, "editor");
  const params = {
    title: mail.title,
    type: t(`reminder.types.${mail.type}`),
    date: mail.reviewBy,
    hidden: mail.hiddenFrom,
    url: mail.url,
    name: mail.name,
  };
  await transporter.sendMail({
    from: env().MAIL_FROM,
    to: mail.to,
    subject: t("reminder.subject", params),
    text: [
      t("reminder.greeting", params),
      "",
      t("reminder.body", params),
      "",
      t("reminder.hidden", params),
      "",
      t("reminder.link", params),
      "",
      t("reminder.signature"),
    ].join("\n"),
    headers: { "X-Portal-Reminder": "content-review" },
  });
}

export type SecurityNoticeEvent =
  | "passwordChanged"
  | "passwordReset"
  | "totpEnrolled"
  | "totpReplayed"
  | "securityKeyAdded"
  | "securityKeyRemoved"
  | "securityKeyCloned";

export interface SecurityNoticeMail {
  to: string;
  name: string;
  lang: Language;
  event: SecurityNoticeEvent;
  /** When it happened, already formatted for the reader (Swedish time). */
  at: string;
}

/**
 * "Your sign-in details changed" to a staff member (ASVS 2.2.3, 2.5.5, 2.8.5; docs/decisions/047):
 * after a password change or reset, a new authenticator app, and a refused replayed code. It
 * names the event and the time, never a password, code or link, so a forwarded or intercepted
 * mail gives nothing away. Sent after the answer, like receipts; shutdown waits for it.
 */
export function sendSecurityNoticeAfterAnswer(mail: SecurityNoticeMail): void {
  if (!env().SMTP_URL) {
    log("warn", "no SMTP_URL: security notice not sent", { event: mail.event });
    return;
  }
  const t = getFixedT(mail.lang, "auth");
  const params = { name: mail.name, at: mail.at };
  const sending: Promise<unknown> = mailer()
    .then((transporter) =>
      transporter?.sendMail({
        from: env().MAIL_FROM,
        to: mail.to,
        subject: t(`securityMail.${mail.event}.subject`, params),
        text: [
          t("securityMail.greeting", params),
          "",
          t(`securityMail.${mail.event}.body`, params),
          "",
          t("securityMail.notYou"),
          "",
          t("securityMail.signature"),
        ].join("\n"),
        headers: { "X-Portal-Notice": `security-${mail.event}` },
      }),
    )
    .catch((error: unknown) =>
      log("error", "security notice mail failed", {
        event: mail.event,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    .finally(() => pendingReceipts.delete(sending));
  pendingReceipts.add(sending);
}
