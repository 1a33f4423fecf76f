import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "~/env.server";
import { getFixedT, textTemplate, translatedOnce } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { log } from "~/utils/logger.server";

/**
 * How the mail relay is reached. In production mail goes over TLS only (ASVS 1.9.1, 9.2.2):
 * `smtps://` is TLS from the start, and `smtp://` must upgrade with STARTTLS (`requireTLS`), so a
 * relay that offers no TLS makes the send fail instead of carrying names and references in clear.
 * Certificates are verified (nodemailer's default; production refuses URLs that turn it off).
 */
export function mailTransportOptions(url: string, production: boolean): { url: string; requireTLS?: boolean } {
  return production && !url.startsWith("smtps://") ? { url, requireTLS: true } : { url };
}

/**
 * The pooled transport's options for SMTP_URL, given to the mail thread when it starts.
 * Pooled (decision 141): every receipt opened its own connection (connect, greeting, EHLO, QUIT),
 * which cost the portal more CPU than the mail itself. A connection idle for 2 s is closed; one the
 * relay closed while a mail was on it carries that mail again once on a new connection (as a fresh
 * connection per mail did); shutdown closes the pool after the drain. Up to 8 connections
 * (decision 179): with 2, receipts went out at ~45/s while walks were acknowledged at ~140/s, and
 * the queue of unsent receipts grew without bound. A relay that allows fewer says so in SMTP_URL
 * (`?maxConnections=2`), which nodemailer puts before these options.
 */
function poolOptions(url: string) {
  return {
    ...mailTransportOptions(url, env().PORTAL_ENV === "production"),
    pool: true,
    maxConnections: 8,
    idleTimeout: 2_000,
    maxRequeues: 1,
  };
}

/** A mail as the main thread makes it and the mail thread sends it: plain data. */
interface ThreadMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** The mail thread (decision 189): its worker, its SMTP_URL and the mails it has not answered. */
interface MailThread {
  url: string;
  worker: Worker;
  /** Each mail's settle, by id: undefined when handed over, else the error's message. */
  pending: Map<number, (error: string | undefined) => void>;
  /** Mails made in this turn of the event loop, posted together at its end. */
  outbox: (ThreadMail & { id: number })[];
  next: number;
  closing: boolean;
}

let mailThread: MailThread | undefined;

/**
 * Where the mail thread's code is: by its path from the app root, as db/migrations and
 * public/locales are found. The server build is one bundle and the tests run the sources; this
 * file is the same in both.
 */
const MAIL_THREAD_FILE = "app/platform/mail-thread.mjs";

/**
 * The mail thread's heap. A mail's garbage is a few kilobytes, so a 1 MB young generation serves it
 * (the main thread's semi-spaces, decision 119, would be the thread's default: ~3 MB more RSS
 * under the bench's walks). The old generation holds nodemailer and the mails the relay has not
 * taken yet, ~3 KB each: 48 MB is room for over ten thousand. Past it the thread stops, its mails
 * are failed and logged, and the next mail starts a new one.
 */
const MAIL_THREAD_HEAP = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 48 };

/**
 * The mail thread for SMTP_URL, started with the first mail (nodemailer is loaded there, never on
 * the event loop: decision 127). It holds the process open only while it has mails unanswered, as
 * the pool's socket did; idle, it never keeps the process alive. A thread that stops (a crash, or
 * shutdown's timeout) fails its unanswered mails with a message the senders log, and the next mail
 * starts a new one. A changed SMTP_URL (tests) closes the old thread and starts a new one.
 */
function mailThreadFor(url: string): MailThread {
  if (mailThread?.url === url) return mailThread;
  if (mailThread) void closeMailThread(mailThread);
  const worker = new Worker(resolve(MAIL_THREAD_FILE), {
    workerData: { mailThread: true, transport: poolOptions(url) },
    resourceLimits: MAIL_THREAD_HEAP,
  });
  const thread: MailThread = { url, worker, pending: new Map(), outbox: [], next: 0, closing: false };
  worker.unref();
  worker.on("message", (answers: { id: number; error?: string }[]) => {
    for (const { id, error } of answers) {
      const settle = thread.pending.get(id);
      thread.pending.delete(id);
      settle?.(error);
    }
    if (thread.pending.size === 0) worker.unref();
  });
  let stoppedOnce = false;
  const stopped = (reason: string) => {
    if (stoppedOnce) return;
    stoppedOnce = true;
    if (mailThread === thread) mailThread = undefined;
    if (!thread.closing || thread.pending.size > 0)
      log("error", "mail thread stopped", { reason, unanswered: thread.pending.size });
    for (const settle of thread.pending.values()) settle(`mail thread stopped: ${reason}`);
    thread.pending.clear();
  };
  worker.on("error", (error) => stopped(error.message));
  worker.on("exit", (code) => stopped(`exit code ${code}`));
  mailThread = thread;
  return thread;
}

/**
 * Hands `mail` to the mail thread and resolves with undefined once the relay has taken it, or with
 * the error's message. The mails of one turn of the event loop go to the thread as one message.
 */
function sendOnMailThread(url: string, mail: ThreadMail): Promise<string | undefined> {
  let thread: MailThread;
  try {
    thread = mailThreadFor(url);
  } catch (error) {
    return Promise.resolve(error instanceof Error ? error.message : String(error));
  }
  const id = thread.next++;
  const answered = new Promise<string | undefined>((settle) => thread.pending.set(id, settle));
  if (thread.pending.size === 1) thread.worker.ref();
  if (thread.outbox.length === 0)
    setImmediate(() => {
      const batch = thread.outbox;
      thread.outbox = [];
      thread.worker.postMessage(batch);
    });
  thread.outbox.push({ ...mail, id });
  return answered;
}

/** The running mail thread's worker, for tests that stop it as a crash would. */
export function mailThreadWorkerForTests(): Worker | undefined {
  return mailThread?.worker;
}

/**
 * Asks `thread` to close its pool (QUIT) and end; one that has not ended within a second is
 * stopped, and a mail still unanswered is then failed and logged.
 */
async function closeMailThread(thread: MailThread): Promise<void> {
  if (mailThread === thread) mailThread = undefined;
  thread.closing = true;
  const exited = new Promise((resolve) => thread.worker.once("exit", resolve));
  thread.worker.ref();
  thread.worker.postMessage({ close: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
  await thread.worker.terminate();
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
 * Its texts are made here; nodemailer composes and sends it on the mail thread (decision 189).
 */
export async function sendReceiptMail(mail: ReceiptMail): Promise<boolean> {
  const url = env().SMTP_URL;
  if (!url) {
    log("warn", "no SMTP_URL: receipt not sent", { reference: mail.reference });
    return false;
  }
  const error = await sendOnMailThread(url, {
    from: env().MAIL_FROM,
    to: mail.to,
    ...receiptTexts(mail),
    headers: { "X-Case-Reference": mail.reference },
  });
  if (error === undefined) return true;
  log("error", "receipt mail failed", { reference: mail.reference, error });
  return false;
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
  if (mailThread) await closeMailThread(mailThread);
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
  const url = env().SMTP_URL;
  if (!url) throw new Error("no SMTP_URL");
  const t = getFixedT(mail.lang, "editor");
  const params = {
    title: mail.title,
    type: t(`reminder.types.${mail.type}`),
    date: mail.reviewBy,
    hidden: mail.hiddenFrom,
    url: mail.url,
    name: mail.name,
  };
  const error = await sendOnMailThread(url, {
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
  if (error !== undefined) throw new Error(error);
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
  const url = env().SMTP_URL;
  if (!url) {
    log("warn", "no SMTP_URL: security notice not sent", { event: mail.event });
    return;
  }
  const t = getFixedT(mail.lang, "auth");
  const params = { name: mail.name, at: mail.at };
  const sending: Promise<unknown> = sendOnMailThread(url, {
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
  })
    .then((error) => {
      if (error !== undefined) log("error", "security notice mail failed", { event: mail.event, error });
    })
    .finally(() => pendingReceipts.delete(sending));
  pendingReceipts.add(sending);
}
