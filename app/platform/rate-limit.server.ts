/**
 * A token bucket per key (client address): `burst` requests at once, refilled at `perMinute`.
 * In memory, because the portal is one process (docs/decisions/031); `perMinute <= 0` turns it off.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  readonly perMinute: number;
  readonly burst: number;
  private now: () => number;

  constructor({ perMinute, burst, now = Date.now }: { perMinute: number; burst?: number; now?: () => number }) {
    this.perMinute = perMinute;
    this.burst = Math.max(1, burst ?? perMinute);
    this.now = now;
  }

  /** Takes one token; returns 0 when allowed, else the milliseconds until a token is free. */
  take(key: string): number {
    if (!(this.perMinute > 0)) return 0;
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.set(key, b);
      if (this.buckets.size > 50_000) this.sweep(now, rate);
      return 0;
    }
    this.buckets.set(key, b);
    return Math.ceil((1 - b.tokens) / rate);
  }

  /** Milliseconds until a token is free, without taking one (0 = one is free now). */
  wait(key: string): number {
    if (!(this.perMinute > 0)) return 0;
    const b = this.buckets.get(key);
    if (!b) return 0;
    const rate = this.perMinute / 60_000;
    const tokens = Math.min(this.burst, b.tokens + (this.now() - b.at) * rate);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / rate);
  }

  /** Forget full buckets so that memory stays bounded under many addresses. */
  private sweep(now: number, rate: number) {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * rate >= this.burst) this.buckets.delete(k);
  }
}
