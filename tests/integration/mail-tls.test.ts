import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailTransportOptions } from "~/platform/mail.server";

// ASVS 1.9.1 / 9.2.2: production mail goes over TLS or not at all. A real SMTP server on
// 127.0.0.1 that offers no STARTTLS stands in for a relay reached in clear.
let server: SMTPServer;
let url = "";
let received = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  url = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message = {
  from: "noreply@dalsland.example.se",
  to: "someone@dalsland.example.se",
  subject: "Kvitto",
  text: "Ärende AML-2026-000001",
};

describe("mail transport security", () => {
  it("production requires STARTTLS for smtp:// and leaves smtps:// to its own TLS", () => {
    expect(mailTransportOptions("smtp://relay:587", true)).toEqual({ url: "smtp://relay:587", requireTLS: true });
    expect(mailTransportOptions("smtps://relay:465", true)).toEqual({ url: "smtps://relay:465" });
    expect(mailTransportOptions("smtp://relay:587", false)).toEqual({ url: "smtp://relay:587" });
  });

  it("in production a relay without TLS gets nothing: the send fails instead of going in clear", async () => {
    const before = received;
    await expect(nodemailer.createTransport(mailTransportOptions(url, true)).sendMail(message)).rejects.toThrow();
    expect(received).toBe(before);
  });

  it("outside production the local mail catcher over plain SMTP still receives the mail", async () => {
    const before = received;
    await nodemailer.createTransport(mailTransportOptions(url, false)).sendMail(message);
    expect(received).toBe(before + 1);
  });

  it("the mail thread sends with the options it is given: production's refuse the relay without TLS, and nothing arrives (decision 189)", async () => {
    const sendOnThread = async (production: boolean) => {
      const worker = new Worker(resolve("app/platform/mail-thread.mjs"), {
        workerData: { mailThread: true, transport: { ...mailTransportOptions(url, production), pool: true } },
      });
      try {
        const answered = new Promise<{ id: number; error?: string }[]>((done) => worker.once("message", done));
        worker.postMessage([{ id: 1, ...message, headers: { "X-Case-Reference": "AML-2026-000001" } }]);
        return (await answered)[0]!;
      } finally {
        await worker.terminate();
      }
    };
    const before = received;
    const refused = await sendOnThread(true);
    expect(refused.id).toBe(1);
    // Refused for the missing STARTTLS, not for some other failure on the way.
    expect(refused.error).toMatch(/STARTTLS/);
    expect(received).toBe(before);
    expect(await sendOnThread(false)).toEqual({ id: 1 });
    expect(received).toBe(before + 1);
  });
});
