// The portal's mails composed and sent on a thread of their own (decision 189, after 164).
//
// The portal's event loop is what bounds its walks per second, and nodemailer's MIME building and
// the SMTP exchange's streams were about 0.6–1 ms of it per receipt. app/platform/mail.server.ts
// starts this file as a worker thread by its path from the app root (as db/migrations and
// public/locales are found: the server build is one bundle and this file is not in it) and posts
// each mail as plain data: From, To, the subject and text it has already made, its headers. This
// thread owns the pooled transport for SMTP_URL (its options come once, with the thread) and
// answers every mail with its id and, when the send failed, the error's message; the main thread
// logs as before. Messages go both ways in batches: the mails of one turn of either loop travel
// as one message, so a busy loop wakes the other once per turn, not once per mail.
// Plain JavaScript, not TypeScript, so that Node runs it as it is in the tests, in `npm start` and
// in production alike.
import { randomUUID } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import MimeNode from "nodemailer/lib/mime-node";

/** @type {{ from: string, address: string | false } | undefined} */
let senders;

/**
 * The SMTP envelope nodemailer makes of these From and To headers, made here by its own parse
 * (MimeNode's `getEnvelope`) and given to it. Without one, nodemailer parses both headers'
 * addresses again each time it needs the envelope: composing, the Message-ID's domain and the
 * pool's send, three times per mail (addressparser was ~60 % of nodemailer's CPU in a walk's
 * profile). The sender's address is parsed once per MAIL_FROM. Decision 160; the same envelope,
 * message and Message-ID domain (tests/integration/send-texts.test.ts).
 * @param {string} from
 * @param {string} to
 * @returns {{ from: string | false, to: string[] }}
 */
export function envelopeOf(from, to) {
  if (senders?.from !== from) senders = { from, address: new MimeNode().setHeader("From", from).getEnvelope().from };
  // A node that only parses an address needs no boundary: without one it draws random bytes for it.
  return {
    from: senders.address,
    to: new MimeNode(undefined, { baseBoundary: "envelope" }).setHeader("To", to).getEnvelope().to,
  };
}

/**
 * The Message-ID nodemailer would make for this envelope's sender (`<random@the sender's domain>`,
 * `localhost` without a sender), its random part a UUID from node's cached entropy: nodemailer
 * draws five rounds of random bytes for it (decision 188).
 * @param {string | false} envelopeFrom
 */
export function messageIdFor(envelopeFrom) {
  return `<${randomUUID()}@${(envelopeFrom || "localhost").split("@").pop()}>`;
}

/**
 * @typedef {{ id: number, from: string, to: string, subject: string, text: string,
 *   headers: Record<string, string> }} Mail
 * @typedef {{ id: number, error?: string }} Answer
 */

// Only when started as the mail thread: importing this file (the tests' envelopeOf) does nothing.
if (parentPort && workerData?.mailThread === true) {
  const port = parentPort;
  const { default: nodemailer } = await import("nodemailer");
  const transporter = nodemailer.createTransport(workerData.transport);
  /** @type {Answer[]} */
  let answers = [];
  const answer = (/** @type {Answer} */ a) => {
    if (answers.length === 0)
      setImmediate(() => {
        const batch = answers;
        answers = [];
        port.postMessage(batch);
      });
    answers.push(a);
  };
  const send = (/** @type {Mail} */ mail) => {
    let sending;
    try {
      const envelope = envelopeOf(mail.from, mail.to);
      sending = transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: mail.headers,
        envelope,
        messageId: messageIdFor(envelope.from),
      });
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.then(
      () => answer({ id: mail.id }),
      (/** @type {unknown} */ error) =>
        answer({ id: mail.id, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  port.on("message", (/** @type {Mail[] | { close: true }} */ message) => {
    if (Array.isArray(message)) {
      for (const mail of message) send(mail);
      return;
    }
    // Shutdown (drainReceiptMails): the pool says QUIT on its connections; with the port closed
    // once the last answers are out, nothing is left on this thread's loop and it ends.
    transporter.close();
    setImmediate(() => port.close());
  });
}
