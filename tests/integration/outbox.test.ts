import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { caseExport } from "../../db/schema/index";
import { closeDatabase, db, prepareDatabase } from "~/db.server";
import type * as Outbox from "~/services/outbox.server";

// A stand-in case-management system: records every delivery, and can be "down".
let server: Server;
let url = "";
let down = false;
const received: { key: string; signature: string | undefined; body: any }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      if (down) return void res.writeHead(503).end();
      received.push({
        key: String(req.headers["idempotency-key"]),
        signature: req.headers["x-portal-signature"] as string | undefined,
        body: JSON.parse(data),
      });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cases`;
  prepareDatabase();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const SECRET = "a-shared-secret-of-32-characters!";

async function loadOutbox(): Promise<typeof Outbox> {
  const outbox = await import("~/services/outbox.server");
  outbox.setExportBuilder((reference) => ({
    format: outbox.EXPORT_FORMAT,
    version: outbox.EXPORT_VERSION,
    reference,
    exportedAt: new Date().toISOString(),
    case: { reference, type: "test" },
    attachments: [],
    submissionPdf: null,
  }));
  return outbox;
}

let n = 0;
const ref = () => `TST-2026-${String(++n).padStart(6, "0")}`;
const later = (ms: number) => new Date(Date.now() + ms);

beforeEach(() => {
  down = false;
  received.length = 0;
  db().delete(caseExport).run();
});

describe("handing cases over to a case-management system", () => {
  it("delivers a queued case to the webhook, signed and keyed by its reference", async () => {
    const outbox = await loadOutbox();
    const r = ref();
    outbox.enqueueCaseExport(r);
    outbox.enqueueCaseExport(r);
    expect(db().select().from(caseExport).all()).toHaveLength(1);
    const run = await outbox.deliverDueExports({ target: { kind: "webhook", url, secret: SECRET } });
    expect(run).toEqual({ attempted: 1, delivered: 1, failed: 0, waiting: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.key).toBe(r);
    expect(received[0]!.body).toMatchObject({ format: "dalsland-case-export/1", reference: r });
    const expected = createHmac("sha256", SECRET)
      .update(JSON.stringify(received[0]!.body, null, 2))
      .digest("hex");
    expect(received[0]!.signature).toBe(`sha256=${expected}`);
    expect(outbox.getCaseExport(r)).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
  });

  it("retries with growing back-off while the system is down, then delivers", async () => {
    const outbox = await loadOutbox();
    const r = ref();
    outbox.enqueueCaseExport(r);
    const target = { kind: "webhook" as const, url };
    down = true;
    expect(await outbox.deliverDueExports({ target })).toMatchObject({ failed: 1 });
    const first = outbox.getCaseExport(r)!;
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "webhook answered 503" });
    const wait1 = Date.parse(first.nextAttemptAt) - Date.now();
    expect(wait1).toBeGreaterThan(20_000);
    // Not due yet: nothing is attempted.
    expect(await outbox.deliverDueExports({ target })).toMatchObject({ attempted: 0 });
    expect(await outbox.deliverDueExports({ target, now: later(wait1 + 1000) })).toMatchObject({ failed: 1 });
    const second = outbox.getCaseExport(r)!;
    expect(Date.parse(second.nextAttemptAt) - Date.now()).toBeGreaterThan(wait1 * 1.5);
    down = false;
    expect(await outbox.deliverDueExports({ target, now: later(3_600_000 * 2) })).toMatchObject({ delivered: 1 });
    expect(outbox.getCaseExport(r)).toMatchObject({ status: "delivered", attempts: 3 });
    expect(received.map((x) => x.key)).toEqual([r]);
  });

  it("backs off exponentially up to an hour", async () => {
    const outbox = await loadOutbox();
    expect(outbox.backoffMs(1)).toBeGreaterThanOrEqual(30_000);
    expect(outbox.backoffMs(2)).toBeGreaterThanOrEqual(60_000);
    expect(outbox.backoffMs(20)).toBeLessThanOrEqual(3_600_000 * 1.1);
  });

  it("gives exactly one logical copy per case when the portal restarts between sending and recording", async () => {
    let outbox = await loadOutbox();
    const refs = [ref(), ref(), ref()];
    for (const r of refs) outbox.enqueueCaseExport(r);
    // The process "dies" right after the webhook accepted the second case, before recording it.
    let sent = 0;
    const crashing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (++sent === 2) throw new Error("process killed");
      return response;
    };
    await outbox.deliverDueExports({ target: { kind: "webhook", url, fetchImpl: crashing } });

    // Restart: a new process opens the same database file and loads the module afresh.
    closeDatabase();
    vi.resetModules();
    outbox = await loadOutbox();
    const rows = db().select().from(caseExport).all();
    expect(rows.map((r) => r.status).sort()).toEqual(["delivered", "delivered", "pending"]);
    await outbox.deliverDueExports({ target: { kind: "webhook", url }, now: later(3_600_000 * 2) });
    expect(
      db()
        .select()
        .from(caseExport)
        .all()
        .every((r) => r.status === "delivered"),
    ).toBe(true);

    // The receiver saw the second case twice, with the same idempotency key: one logical copy each.
    expect(received).toHaveLength(4);
    const logical = new Map(received.map((x) => [x.key, x.body.reference]));
    expect([...logical.keys()].sort()).toEqual([...refs].sort());
  });

  it("writes one file per case to a folder outbox, replacing it on redelivery", async () => {
    const outbox = await loadOutbox();
    const dir = mkdtempSync(join(tmpdir(), "outbox-"));
    const r = ref();
    outbox.enqueueCaseExport(r);
    await outbox.deliverDueExports({ target: { kind: "folder", dir } });
    // Redeliver (as after a crash before recording): still one file.
    db().update(caseExport).set({ status: "pending" }).run();
    await outbox.deliverDueExports({ target: { kind: "folder", dir } });
    expect(readdirSync(dir)).toEqual([`${r}.json`]);
    expect(JSON.parse(readFileSync(join(dir, `${r}.json`), "utf8"))).toMatchObject({
      reference: r,
      format: "dalsland-case-export/1",
    });
  });

  it("keeps a case pending when it cannot be built, and does nothing when the outbox is off", async () => {
    const outbox = await loadOutbox();
    const r = ref();
    outbox.enqueueCaseExport(r);
    outbox.setExportBuilder(() => null);
    expect(await outbox.deliverDueExports({ target: { kind: "webhook", url } })).toMatchObject({ failed: 1 });
    expect(outbox.getCaseExport(r)).toMatchObject({ status: "pending", lastError: "case not found" });
    expect(await outbox.deliverDueExports({ target: { kind: "off" } })).toEqual({
      attempted: 0,
      delivered: 0,
      failed: 0,
      waiting: 0,
    });
  });
});
