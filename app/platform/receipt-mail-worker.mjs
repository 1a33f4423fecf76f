// The receipt mail's composition and SMTP send, on a thread of its own (decision 164).
//
// The portal's event loop is what limits its walks per second; nodemailer's MIME building and the
// SMTP exchange's streams were 1.5–2 ms of it per receipt while the second core was half idle.
// app/platform/mail.server.ts starts this file as a worker thread (by its path from the app root,
// as db/migrations and public/locales are found: the server build is one bundle and this file is
// not in it) and posts each receipt as a small plain message: the transport's options, From, To,
// the subject and text it has already made, the case reference. This thread owns its own pooled
// transport (the same options as the main thread's, decision 141) and answers every message with
// its id and, when the send failed, the error's message; the main thread logs as before.
// It is plain JavaScript, not TypeScript, so that Node runs it as it is in the tests, in `npm
// start` and in production alike.
import { workerData, parentPort } from "node:worker_threads";
import nodemailer from "nodemailer";
import MimeNode from "nodemailer/lib/mime-node";

/** @type {{ key: string, transporter: import("nodemailer").Transporter } | undefined} */
let transport;
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
  return { from: senders.address, to: new MimeNode().setHeader("To", to).getEnvelope().to };
}

/** @param {Record<string, unknown>} options */
function transporterFor(options) {
  const key = JSON.stringify(options);
  if (transport?.key !== key) {
    transport?.transporter.close();
    transport = { key, transporter: nodemailer.createTransport(options) };
  }
  return transport.transporter;
}

/**
 * @typedef {{ id: number, options: Record<string, unknown>,
 *   mail: { from: string, to: string, subject: string, text: string, reference: string } }} Send
 */

// Only when started as the receipt thread: importing this file (the tests' envelopeOf) does nothing.
if (parentPort && workerData?.receiptMail === true) {
  const port = parentPort;
  port.on("message", (/** @type {Send | { close: true }} */ message) => {
    if ("close" in message) {
      // Shutdown (drainReceiptMails): the pool says QUIT on its connections; with the port closed
      // nothing is left on this thread's loop and it ends.
      transport?.transporter.close();
      transport = undefined;
      port.close();
      return;
    }
    const { id, options, mail } = message;
    let sending;
    try {
      sending = transporterFor(options).sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { "X-Case-Reference": mail.reference },
        envelope: envelopeOf(mail.from, mail.to),
      });
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.then(
      () => port.postMessage({ id }),
      (/** @type {unknown} */ error) =>
        port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
