/**
 * A token bucket per key (the client's IP) kept in memory: enough for one portal process
 * (docs/decisions/018). Each key may burst `capacity` requests and regains
 * `refillPerSecond` tokens a second.
 */
export interface TakeResult {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until one token is back (0 when allowed). */
  retryAfterSeconds: number;
}

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, now = Date.now()): TakeResult {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      bucket = { tokens: this.capacity, updated: now };
      this.buckets.set(key, bucket);
    }
    const elapsed = Math.max(0, now - bucket.updated) / 1000;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.refillPerSecond);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerSecond)) };
  }

  /** Forget keys whose bucket is full again (they would start full anyway). */
  private prune(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.updated) / 1000) * this.refillPerSecond >= this.capacity) this.buckets.delete(key);
    }
    // Under a flood of distinct keys, drop the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }

  reset() {
    this.buckets.clear();
  }
}
