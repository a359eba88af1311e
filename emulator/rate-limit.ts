/** The outcome of one rate-limit check. */
export interface RateDecision {
  allowed: boolean;
  /** Headers for the response (`X-RateLimit-*`, plus `Retry-After` when refused). Empty when unlimited. */
  headers: Record<string, string>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Per-token rate limiter: a token bucket holding `rate` requests that refills
 * continuously at `rate` per second (a smooth 1-second window). A client that spreads
 * its requests at no more than `rate` per second never sees a 429, and a burst of up to
 * `rate` requests is allowed from a full bucket.
 *
 * Headers: `X-RateLimit-Limit` = rate, `X-RateLimit-Remaining` = whole requests left now,
 * `X-RateLimit-Reset` = seconds (rounded up, ≥ 1) until the bucket is full again.
 * When refused: `Retry-After` = seconds (rounded up, ≥ 1) until one request is allowed.
 * A `rate` of 0 disables limiting and the headers.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** @param rate requests per second per token; 0 = unlimited. */
  constructor(readonly rate: number, private readonly now: () => number = () => performance.now()) {
    if (!Number.isInteger(rate) || rate < 0) throw new Error(`rateLimit must be a non-negative integer, got ${rate}.`);
  }

  /** Takes one request for `key` if allowed. */
  take(key: string): RateDecision {
    if (this.rate === 0) return { allowed: true, headers: {} };
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.rate, at: t };
    b.tokens = Math.min(this.rate, b.tokens + ((t - b.at) / 1000) * this.rate);
    b.at = t;
    this.buckets.set(key, b);
    // A tiny epsilon absorbs floating-point error for clients pacing at exactly `rate`.
    const allowed = b.tokens >= 1 - 1e-6;
    if (allowed) b.tokens = Math.max(0, b.tokens - 1);
    const headers: Record<string, string> = {
      "X-RateLimit-Limit": String(this.rate),
      "X-RateLimit-Remaining": String(Math.max(0, Math.floor(b.tokens + 1e-6))),
      "X-RateLimit-Reset": String(Math.max(1, Math.ceil((this.rate - b.tokens) / this.rate))),
    };
    if (!allowed) headers["Retry-After"] = String(Math.max(1, Math.ceil((1 - b.tokens) / this.rate)));
    return { allowed, headers };
  }

  /** Headers describing an exhausted window (used by the burst429 fault). */
  exhaustedHeaders(): Record<string, string> {
    const headers: Record<string, string> = { "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1", "Retry-After": "1" };
    if (this.rate > 0) headers["X-RateLimit-Limit"] = String(this.rate);
    return headers;
  }

  /** Forgets every bucket. */
  clear(): void {
    this.buckets.clear();
  }
}
