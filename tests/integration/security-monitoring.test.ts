import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvent } from "../../db/schema/index";
import { requireCsrf } from "~/auth/csrf.server";
import { db } from "~/db.server";
import { loadEnv, resetEnvForTests } from "~/env.server";
import {
  drainAlertMails,
  metricsText,
  resetSecurityEventsForTests,
  securityEvent,
} from "~/monitoring/security-events.server";
import { loader as metricsLoader } from "~/routes/metrics";
import { loader as readyzLoader } from "~/routes/readyz";
import { scanDrawings } from "~/services/permit-uploads.server";
import { checkUpload } from "~/services/uploads.server";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * Monitoring and alerting (ASVS 11.1.7, 11.1.8), malware scanning (12.4.2) and keys from systemd
 * credentials (6.4.2), against real sockets: an SMTP server for alert mail and a stand-in clamd
 * that speaks INSTREAM (docs/decisions/048).
 */
const TOKEN = "m".repeat(40);
let smtp: SmtpCapture;
let smtpUrl = "";

const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
/** What the stand-in clamd smtp.mails, reassembled from the INSTREAM chunks. */
const streams: Buffer[] = [];
let clamd: Server;
let clamdPort = 0;

function startClamd(): Promise<void> {
  clamd = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let command = false;
    const body: Buffer[] = [];
    socket.on("data", (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        expect(buffer.subarray(0, end).toString()).toBe("zINSTREAM");
        buffer = buffer.subarray(end + 1);
        command = true;
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const all = Buffer.concat(body);
          streams.push(all);
          socket.end(
            all.includes(Buffer.from("EICAR-STANDARD-ANTIVIRUS-TEST-FILE"))
              ? "stream: Eicar-Test-Signature FOUND\0"
              : "stream: OK\0",
          );
          return;
        }
        if (buffer.length < 4 + length) return;
        body.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  return new Promise((resolve) =>
    clamd.listen(0, "127.0.0.1", () => {
      const a = clamd.address();
      clamdPort = typeof a === "object" && a ? a.port : 0;
      resolve();
    }),
  );
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  smtpUrl = smtp.url;
  await startClamd();
});

afterAll(async () => {
  await smtp.close();
  await new Promise<void>((resolve) => clamd.close(() => resolve()));
  for (const k of ["SMTP_URL", "ALERT_EMAIL", "ALERT_THRESHOLDS", "METRICS_TOKEN", "CLAMD_HOST"]) delete process.env[k];
  resetEnvForTests();
});

beforeEach(() => {
  process.env.SMTP_URL = smtpUrl;
  process.env.METRICS_TOKEN = TOKEN;
  resetEnvForTests();
  resetSecurityEventsForTests();
});

const metricsRequest = (ip: string, headers: Record<string, string> = {}) =>
  metricsLoader({
    request: new Request("http://localhost/metrics", { headers }),
    params: {},
    context: { clientIp: ip, requestId: "t", cspNonce: "" },
  });

function count(text: string, event: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`portal_security_events_total{event="${event}"}`));
  return Number(line?.split(" ").pop() ?? NaN);
}

describe("security metrics", () => {
  it("/metrics answers Prometheus text to loopback and to the bearer token, and 404 to anyone else", async () => {
    securityEvent("lockout");
    const local = await metricsRequest("127.0.0.1");
    expect(local.status).toBe(200);
    expect(local.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(count(await local.text(), "lockout")).toBe(1);
    expect((await metricsRequest("203.0.113.9")).status).toBe(404);
    // Through nginx the socket is loopback, but the request was forwarded: not local.
    expect((await metricsRequest("127.0.0.1", { "X-Forwarded-For": "203.0.113.9" })).status).toBe(404);
    expect((await metricsRequest("203.0.113.9", { Authorization: `Bearer ${"x".repeat(40)}` })).status).toBe(404);
    expect((await metricsRequest("203.0.113.9", { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it("a refused CSRF token is counted as a security event", async () => {
    const form = new FormData();
    form.set("_csrf", "forged");
    await expect(requireCsrf(new Request("http://localhost/x", { method: "POST" }), form)).rejects.toMatchObject({
      status: 403,
    });
    expect(count((await metricsText()).body, "csrf_refused")).toBe(1);
  });

  it("an alert is logged and mailed to ALERT_EMAIL when a counter passes its threshold in the window, once per window", async () => {
    process.env.ALERT_EMAIL = "soc@dalsland.example.se";
    process.env.ALERT_THRESHOLDS = "lockout=3";
    resetEnvForTests();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const t = Date.parse("2026-12-03T10:00:00Z");
      securityEvent("lockout", t);
      securityEvent("lockout", t + 1000);
      securityEvent("rate_limited", t + 1500);
      expect(stderr).not.toHaveBeenCalled();
      securityEvent("lockout", t + 2000);
      securityEvent("lockout", t + 3000); // same window: no second alert
      await drainAlertMails();
      const alerts = stderr.mock.calls.map((c) => JSON.parse(String(c[0]))).filter((l) => l.level === "alert");
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ event: "lockout", count: 3 });
    } finally {
      stderr.mockRestore();
      delete process.env.ALERT_EMAIL;
      delete process.env.ALERT_THRESHOLDS;
    }
    const mail = smtp.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === "soc@dalsland.example.se");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain("lockout");
  });

  it("/readyz is 200 when the database answers and every migration is applied", async () => {
    const res = await readyzLoader();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { migrations: { applied: number; expected: number } };
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(0);
  });
});

describe("malware scanning of uploads", () => {
  const rules = { maxBytes: 1024 * 1024, accept: ["text/plain"] };

  it("sends uploads to clamd over INSTREAM and refuses an infected file with file.infected, audited", async () => {
    process.env.CLAMD_HOST = `127.0.0.1:${clamdPort}`;
    resetEnvForTests();
    streams.length = 0;
    const big = Buffer.alloc(200 * 1024, "a"); // more than one 64 KiB chunk
    expect(await checkUpload(big, rules)).toEqual({ ok: true, mime: "text/plain" });
    expect(streams[0]?.equals(big)).toBe(true);
    expect(await checkUpload(Buffer.from(EICAR), rules)).toEqual({ ok: false, code: "file.infected" });
    const rows = db().select().from(auditEvent).where(eq(auditEvent.action, "upload.infected")).all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).toContain("Eicar-Test-Signature");
    expect(count((await metricsText()).body, "upload_infected")).toBe(1);
  });

  it("scans building-permit drawings too, before they are stored", async () => {
    process.env.CLAMD_HOST = `127.0.0.1:${clamdPort}`;
    resetEnvForTests();
    const pdf = Buffer.from("%PDF-1.4\n% a drawing\n");
    expect(await scanDrawings([{ field: "situationsplan", bytes: pdf }])).toEqual([]);
    expect(
      await scanDrawings([
        { field: "situationsplan", bytes: pdf },
        { field: "fasadritning", bytes: Buffer.from(EICAR) },
      ]),
    ).toEqual([{ field: "fasadritning", code: "infected" }]);
  });

  it("refuses the file (file.scanFailed) when the configured clamd does not answer", async () => {
    process.env.CLAMD_HOST = "127.0.0.1:1";
    resetEnvForTests();
    expect(await checkUpload(Buffer.from("hello"), rules)).toEqual({ ok: false, code: "file.scanFailed" });
    delete process.env.CLAMD_HOST;
    resetEnvForTests();
  });

  it("production refuses to start without clamd unless UPLOAD_SCAN=off is set explicitly", () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-env-"));
    const base = {
      DATA_DIR: dir,
      PORTAL_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      DATA_ENCRYPTION_KEY: "a".repeat(64),
      SMTP_URL: "smtp://mail.example.se:25",
    };
    expect(() => loadEnv(base)).toThrow(/CLAMD_SOCKET or CLAMD_HOST/);
    expect(() => loadEnv({ ...base, UPLOAD_SCAN: "off" })).not.toThrow(/CLAMD/);
    expect(() => loadEnv({ ...base, CLAMD_SOCKET: "/run/clamav/clamd.ctl" })).not.toThrow(/CLAMD/);
  });
});

describe("keys from systemd credentials", () => {
  it("reads DATA_ENCRYPTION_KEY and SESSION_SECRET from $CREDENTIALS_DIRECTORY before the environment", () => {
    const creds = mkdtempSync(join(tmpdir(), "portal-creds-"));
    const key = "b".repeat(64);
    writeFileSync(join(creds, "DATA_ENCRYPTION_KEY"), `${key}\n`, { mode: 0o400 });
    writeFileSync(join(creds, "SESSION_SECRET"), "c".repeat(48), { mode: 0o400 });
    const e = loadEnv({
      PORTAL_ENV: "demo",
      DATA_DIR: mkdtempSync(join(tmpdir(), "portal-env-")),
      CREDENTIALS_DIRECTORY: creds,
      DATA_ENCRYPTION_KEY: "a".repeat(64),
    });
    expect(e.DATA_ENCRYPTION_KEY).toBe(key);
    expect(e.SESSION_SECRET).toBe("c".repeat(48));
  });
});
