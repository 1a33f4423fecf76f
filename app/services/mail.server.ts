import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/env.server";
import { getFixedT } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { log } from "~/utils/logger.server";

let transport: Transporter | undefined;

function mailer(): Transporter | undefined {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export interface ReceiptMail {
  to: string;
  reference: string;
  formTitle: string;
  municipality: string;
  processingDays: number;
  receiptUrl: string;
  lang: Language;
}

/**
 * The e-mail receipt. It carries the reference, what happens next and a link — never the
 * answers: e-mail is not a confidential channel (docs/decisions/016). A failure is logged and
 * does not undo the submission, which is already safely stored and shown on screen.
 */
export async function sendReceiptMail(mail: ReceiptMail): Promise<boolean> {
  const t = getFixedT(mail.lang, "eservice");
  const transporter = mailer();
  if (!transporter) {
    log("warn", "no SMTP_URL: receipt not sent", { reference: mail.reference });
    return false;
  }
  const params = { reference: mail.reference, form: mail.formTitle, municipality: mail.municipality, days: mail.processingDays, url: mail.receiptUrl };
  try {
    await transporter.sendMail({
      from: env().MAIL_FROM,
      to: mail.to,
      subject: t("mail.subject", params),
      text: [t("mail.greeting"), "", t("mail.body", params), "", t("mail.next", params), "", t("mail.link", params), "", t("mail.signature")].join("\n"),
      headers: { "X-Case-Reference": mail.reference },
    });
    return true;
  } catch (error) {
    log("error", "receipt mail failed", { reference: mail.reference, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
