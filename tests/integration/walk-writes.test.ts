import { desc, eq, isNull } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { audit } from "~/platform/audit.server";
import { drainReceiptMails, sendReceiptMailAfterAnswer, type ReceiptMail } from "~/platform/mail.server";

/**
 * Decision 141: the audit row's prepared insert stores what drizzle's own insert stored, and
 * receipt mails share one pooled SMTP connection that shutdown's drain closes.
 */
let server: SMTPServer;
let connections = 0;
let open = 0;
let peakOpen = 0;
let received = 0;
/** How long the relay takes to accept a mail's data: a slow relay makes the pool open its connections. */
let acceptAfterMs = 0;

/** Waits (at most 20 s) until the relay has accepted `count` mails since `before`. */
async function untilReceived(before: number, count: number) {
  for (let waited = 0; received - before < count && waited < 20_000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

const receipt = (reference: string): ReceiptMail => ({
  to: "anna@example.se",
  reference,
  formTitle: "Felanmälan",
  municipality: "Åmål",
  processingDays: 5,
  receiptUrl: `https://portal.example.se/kvitto/${reference}`,
  lang: "sv",
});

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      open++;
      peakOpen = Math.max(peakOpen, open);
      callback();
    },
    onClose() {
      open--;
    },
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        setTimeout(() => {
          received++;
          callback();
        }, acceptAfterMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  resetEnvForTests();
  prepareDatabase();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("a walk's writes (decision 141)", () => {
  it("an audit row without details stores NULL, and one with details stores them as JSON", () => {
    audit({ actor: null, action: "walk-writes.plain", subjectType: "test" });
    audit({ actor: null, action: "walk-writes.detailed", subjectType: "test", details: { formId: "x", n: 2 } });
    const plain = db().select().from(auditEvent).where(eq(auditEvent.action, "walk-writes.plain")).get()!;
    expect(plain.details).toBeNull();
    expect(
      db()
        .select({ id: auditEvent.id })
        .from(auditEvent)
        .where(isNull(auditEvent.details))
        .orderBy(desc(auditEvent.id))
        .get()?.id,
    ).toBe(plain.id);
    const detailed = db().select().from(auditEvent).where(eq(auditEvent.action, "walk-writes.detailed")).get()!;
    expect(detailed.details).toEqual({ formId: "x", n: 2 });
    expect(detailed.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("receipts one after another go over one SMTP connection, each once, and the drain closes it", async () => {
    const before = { connections, received };
    for (const [i, reference] of ["AML-2026-000901", "AML-2026-000902", "AML-2026-000903"].entries()) {
      sendReceiptMailAfterAnswer(receipt(reference));
      // The next send comes after this mail is handed over: the pooled connection is free again.
      await untilReceived(before.received, i + 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await drainReceiptMails();
    expect(received - before.received).toBe(3);
    expect(connections - before.connections).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(open).toBe(0);
  });

  it("a burst of receipts to a slow relay goes out over up to 8 connections, or as many as SMTP_URL allows (decision 179)", async () => {
    const port = process.env.SMTP_URL!.split(":").at(-1)!;
    const burst = async (count: number) => {
      const before = received;
      peakOpen = open;
      for (let i = 0; i < count; i++) sendReceiptMailAfterAnswer(receipt(`AML-2026-0${String(10_000 + i)}`));
      await untilReceived(before, count);
      await drainReceiptMails();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { delivered: received - before, peak: peakOpen };
    };
    acceptAfterMs = 100;
    try {
      // 40 mails that each take the relay 100 ms: one connection at a time would take 4 s.
      expect(await burst(40)).toEqual({ delivered: 40, peak: 8 });
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}?maxConnections=2`;
      resetEnvForTests();
      expect(await burst(12)).toEqual({ delivered: 12, peak: 2 });
    } finally {
      acceptAfterMs = 0;
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
      resetEnvForTests();
    }
  });
});
