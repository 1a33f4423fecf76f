import { timingSafeEqual } from "node:crypto";
import { Counter, Registry } from "prom-client";
import { env } from "~/env.server";

/**
 * Security events, counted in process and exposed to Prometheus at /metrics (ASVS 11.1.7,
 * 11.1.8; docs/decisions/048). Each place that refuses something suspicious calls
 * `securityEvent(name)` once; an in-server check logs an `alert` line and mails ALERT_EMAIL
 * when one name passes its threshold within the window, so a portal without Prometheus still
 * alerts. Counters live in this process only: they restart at zero, which Prometheus' rate()
 * handles.
 */
export const SECURITY_EVENTS = [
  "lockout",
  "login_refused",
  "rate_limited",
  "csrf_refused",
  "scope_refused",
  "upload_infected",
] as const;
export type SecurityEventName = (typeof SECURITY_EVENTS)[number];

const registry = new Registry();
const counter = new Counter({
  name: "portal_security_events_total",
  help: "Security-relevant refusals by kind (lock-outs, refused logins, 429s, CSRF refusals, out-of-scope attempts, infected uploads).",
  labelNames: ["event"] as const,
  registers: [registry],
});
for (const name of SECURITY_EVENTS) counter.inc({ event: name }, 0);

/** Recent occurrences per name, for the threshold check (timestamps in ms, oldest first). */
const recent = new Map<SecurityEventName, number[]>();
/** When an alert for a name was last raised: one alert per window, not one per event. */
const lastAlert = new Map<SecurityEventName, number>();

/** Thresholds from ALERT_THRESHOLDS ("lockout=5,rate_limited=100"); names not listed never alert. */
export function alertThresholds(spec = env().ALERT_THRESHOLDS): Map<SecurityEventName, number> {
  const out = new Map<SecurityEventName, number>();
  for (const part of spec.split(",")) {
    const [name = "", value = ""] = part.split("=").map((s) => s.trim());
    if ((SECURITY_EVENTS as readonly string[]).includes(name) && /^\d{1,9}$/.test(value))
      out.set(name as SecurityEventName, Number(value));
  }
  return out;
}

export function securityEvent(name: SecurityEventName, at = Date.now()): void {
  counter.inc({ event: name });
  const threshold = alertThresholds().get(name);
  if (!threshold) return;
  const windowMs = env().ALERT_WINDOW_MINUTES * 60_000;
  const list = (recent.get(name) ?? []).filter((t) => at - t < windowMs);
  list.push(at);
  // Keep the list bounded: only the last `threshold` timestamps matter for the check.
  if (list.length > threshold) list.splice(0, list.length - threshold);
  recent.set(name, list);
  if (list.length < threshold) return;
  const last = lastAlert.get(name);
  if (last !== undefined && at - last < windowMs) return;
  lastAlert.set(name, at);
  raiseAlert(name, list.length, env().ALERT_WINDOW_MINUTES);
}

const pendingMails = new Set<Promise<unknown>>();

function raiseAlert(name: SecurityEventName, count: number, minutes: number) {
  const message = `security alert: ${name} reached ${count} within ${minutes} min`;
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "alert", message, event: name, count, windowMinutes: minutes })}\n`,
  );
  const { ALERT_EMAIL, SMTP_URL, MAIL_FROM, PUBLIC_URL } = env();
  if (!ALERT_EMAIL || !SMTP_URL) return;
  // nodemailer is loaded with the first alert, not at start (decision 127).
  const sending = import("nodemailer")
    .then(({ default: nodemailer }) =>
      nodemailer.createTransport(SMTP_URL).sendMail({
        from: MAIL_FROM,
        to: ALERT_EMAIL,
        subject: `[${new URL(PUBLIC_URL).host}] ${message}`,
        text: `${message}\n\nSee /metrics (portal_security_events_total) and the audit log (/admin/logg).\n`,
      }),
    )
    .catch((error: unknown) => {
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: "error", message: "alert mail failed", error: error instanceof Error ? error.message : String(error) })}\n`,
      );
    })
    .finally(() => pendingMails.delete(sending));
  pendingMails.add(sending);
}

/** For shutdown and tests: waits for alert mails still being handed over. */
export async function drainAlertMails(): Promise<void> {
  await Promise.all([...pendingMails]);
}

/** The Prometheus text exposition of the security counters (and nothing else). */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  return { body: await registry.metrics(), contentType: registry.contentType };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * /metrics is never public: from loopback (a Prometheus on the same host, or nginx which does
 * not proxy /metrics) or with `Authorization: Bearer METRICS_TOKEN`. The address is the socket's,
 * not X-Forwarded-For: behind nginx every request comes from loopback, which is why
 * docs/ops/nginx.conf refuses /metrics itself.
 */
export function mayReadMetrics(
  socketAddress: string | undefined,
  authorization: string | null | undefined,
  forwarded: boolean,
): boolean {
  const token = env().METRICS_TOKEN;
  if (token && authorization?.startsWith("Bearer ")) {
    const sent = Buffer.from(authorization.slice("Bearer ".length));
    const expected = Buffer.from(token);
    if (sent.length === expected.length && timingSafeEqual(sent, expected)) return true;
  }
  return !forwarded && LOOPBACK.has(socketAddress ?? "");
}

/** For tests. */
export function resetSecurityEventsForTests() {
  counter.reset();
  for (const name of SECURITY_EVENTS) counter.inc({ event: name }, 0);
  recent.clear();
  lastAlert.clear();
}
