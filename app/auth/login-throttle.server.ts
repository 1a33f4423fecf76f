import { env } from "~/env.server";
import { RateLimiter } from "~/platform/rate-limit.server";
import { audit } from "~/platform/audit.server";
import { log } from "~/utils/logger.server";
import { currentRequestContext } from "~/utils/request-context.server";

/**
 * Login throttling per client address (docs/decisions/038), next to the per-account lock-out
 * in staff.server.ts: the lock-out stops guessing one account's password, this stops one
 * address from trying many accounts (password spraying) or many codes. Every failed staff
 * login step (unknown user, wrong password, wrong code, locked account) draws one token from
 * the address's bucket: `LOGIN_FAILURES_PER_ADDRESS` at once, refilled over
 * `LOGIN_FAILURES_WINDOW_MINUTES`. With the bucket empty, every login attempt from the address,
 * right or wrong, is answered 429 with Retry-After before any password is checked. A successful
 * login does not refill it (one known account must not unlock spraying). In memory, like the
 * other rate limits (docs/decisions/031).
 */
export class LoginThrottle {
  private readonly limiter: RateLimiter;

  constructor({
    failures,
    windowMinutes,
    now = Date.now,
  }: {
    failures: number;
    windowMinutes: number;
    now?: () => number;
  }) {
    this.limiter = new RateLimiter({ perMinute: failures > 0 ? failures / windowMinutes : 0, burst: failures, now });
  }

  /** Seconds the address must wait before it may try to log in again; 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const ms = this.limiter.wait(address);
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Counts one failed attempt; true when this failure used up the address's allowance. */
  recordFailure(address: string): boolean {
    this.limiter.take(address);
    return this.limiter.wait(address) > 0;
  }
}

let throttle: LoginThrottle | undefined;
function staffLoginThrottle() {
  const e = env();
  throttle ??= new LoginThrottle({
    failures: e.LOGIN_FAILURES_PER_ADDRESS,
    windowMinutes: e.LOGIN_FAILURES_WINDOW_MINUTES,
  });
  return throttle;
}

function clientAddress(): string {
  return currentRequestContext()?.ip || "unknown";
}

/** Seconds until the current request's address may try a staff login again (0 = now). */
export function staffLoginRetryAfter(): number {
  return staffLoginThrottle().retryAfterSeconds(clientAddress());
}

/** Records a failed staff login step from the current request's address; audits when it blocks the address. */
export function recordStaffLoginFailure() {
  const address = clientAddress();
  if (!staffLoginThrottle().recordFailure(address)) return;
  const seconds = staffLoginThrottle().retryAfterSeconds(address);
  // The audit event carries the address (request context); one per block, not per attempt.
  audit({
    actor: null,
    action: "login.throttled",
    subjectType: "client_address",
    details: { retryAfterSeconds: seconds },
  });
  log("warn", "staff logins from one address throttled", { retryAfterSeconds: seconds });
}

/** The answer to a throttled login attempt: 429, Retry-After, and the page's data with a translated message key. */
export function throttledLoginResponse<T extends Record<string, unknown>>(body: T, seconds: number): Response {
  return Response.json(
    { ...body, throttled: true, minutes: Math.max(1, Math.ceil(seconds / 60)) },
    { status: 429, headers: { "Retry-After": String(seconds) } },
  );
}
