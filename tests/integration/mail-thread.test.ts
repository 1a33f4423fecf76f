import MimeNode from "nodemailer/lib/mime-node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "~/env.server";
import {
  drainReceiptMails,
  mailThreadWorkerForTests,
  sendReceiptMail,
  sendReceiptMailAfterAnswer,
  type ReceiptMail,
} from "~/platform/mail.server";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * Decision 189 (built first for 164): the portal's mails are composed and sent on a thread of their
 * own, so that nodemailer's work is not on the event loop; a thread that stops fails its unanswered
 * mails with a logged error (never silently), and the next mail starts a new thread.
 */
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  resetEnvForTests();
});

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  await drainReceiptMails();
  await smtp.close();
});

const receipt = (reference: string): ReceiptMail => ({
  to: "anna@example.se",
  reference,
  formTitle: "Felanmälan gata och park",
  municipality: "Åmål",
  processingDays: 5,
  receiptUrl: `https://portal.example.se/blanketter/felanmalan-gata-park/kvitto/${reference}`,
  lang: "sv",
});

/** The portal's log lines at error level written while `run` ran, parsed. */
async function errorLines(run: () => Promise<void>): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string | Uint8Array) => {
    const text = String(chunk);
    if (text.startsWith("{")) lines.push(JSON.parse(text) as Record<string, unknown>);
    else write(chunk);
    return true;
  }) as typeof process.stderr.write);
  await run();
  return lines.filter((line) => line.level === "error");
}

describe("the mail thread (decision 189)", () => {
  it("a receipt is composed off the main thread and arrives once", async () => {
    const compose = vi.spyOn(MimeNode.prototype, "createReadStream");
    const before = smtp.mails.length;
    expect(await sendReceiptMail(receipt("AML-2026-000911"))).toBe(true);
    expect(smtp.mails.length).toBe(before + 1);
    expect(smtp.mails.at(-1)!.headers.get("x-case-reference")).toBe("AML-2026-000911");
    // nodemailer on this thread built nothing: the message was made on the mail thread.
    expect(compose).not.toHaveBeenCalled();
    expect(mailThreadWorkerForTests()).toBeDefined();
  });

  it("the mails of one turn of the event loop go to the thread as one message, and each is answered", async () => {
    expect(await sendReceiptMail(receipt("AML-2026-000921"))).toBe(true);
    const worker = mailThreadWorkerForTests()!;
    const post = vi.spyOn(worker, "postMessage");
    const before = smtp.mails.length;
    const references = ["AML-2026-000922", "AML-2026-000923", "AML-2026-000924", "AML-2026-000925"];
    const sent = await Promise.all(references.map((reference) => sendReceiptMail(receipt(reference))));
    expect(sent).toEqual([true, true, true, true]);
    expect(post).toHaveBeenCalledTimes(1);
    const [batch] = post.mock.calls[0]!;
    expect((batch as { headers: Record<string, string> }[]).map((mail) => mail.headers["X-Case-Reference"])).toEqual(
      references,
    );
    expect(
      smtp.mails
        .slice(before)
        .map((mail) => mail.headers.get("x-case-reference"))
        .sort(),
    ).toEqual(references);
    // A mail of a later turn is a message of its own.
    expect(await sendReceiptMail(receipt("AML-2026-000926"))).toBe(true);
    expect(post).toHaveBeenCalledTimes(2);
  });

  it("a thread that stops fails its unanswered receipts with a logged error, and the next receipt starts a new one", async () => {
    expect(await sendReceiptMail(receipt("AML-2026-000912"))).toBe(true);
    const worker = mailThreadWorkerForTests()!;
    let sent: boolean | undefined;
    const errors = await errorLines(async () => {
      const sending = sendReceiptMail(receipt("AML-2026-000913"));
      await worker.terminate();
      sent = await sending;
    });
    expect(sent).toBe(false);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: "mail thread stopped", unanswered: 1 }),
        expect.objectContaining({
          message: "receipt mail failed",
          reference: "AML-2026-000913",
          error: expect.stringContaining("mail thread stopped") as unknown,
        }),
      ]),
    );
    const before = smtp.mails.length;
    expect(await sendReceiptMail(receipt("AML-2026-000914"))).toBe(true);
    expect(mailThreadWorkerForTests()).not.toBe(worker);
    expect(smtp.mails.length).toBe(before + 1);
  });

  it("the drain hands over the receipts sent after the answer, then ends the thread", async () => {
    const before = smtp.mails.length;
    for (const reference of ["AML-2026-000915", "AML-2026-000916", "AML-2026-000917"])
      sendReceiptMailAfterAnswer(receipt(reference));
    const worker = mailThreadWorkerForTests()!;
    const exited = new Promise<number>((resolve) => worker.once("exit", resolve));
    const errors = await errorLines(() => drainReceiptMails());
    expect(errors).toEqual([]);
    // Pooled connections: in any order.
    expect(
      smtp.mails
        .slice(before)
        .map((mail) => mail.headers.get("x-case-reference"))
        .sort(),
    ).toEqual(["AML-2026-000915", "AML-2026-000916", "AML-2026-000917"]);
    expect(mailThreadWorkerForTests()).toBeUndefined();
    // It ended by itself after closing its pool (exit code 0), not by terminate (exit code 1).
    expect(await exited).toBe(0);
  });
});
