/**
 * Client-side rate limiter shared by every call of one client (one client per
 * provider process serves every resource), so a burst of concurrent creates is
 * spread out instead of bouncing off 429s. Rate limiting is scheduling, not a
 * retry (octokit's throttling plugin): requests wait before they are sent.
 *
 * Design: a reservation token bucket mirroring the server's.
 * - Probe: until the first answer, one request is in flight alone; its
 *   `X-RateLimit-Limit` / `-Remaining` / `-Reset` headers seed the bucket. An
 *   answer without the headers turns the limiter off (unless `requestsPerSecond`
 *   was given), so an API without limits pays one round trip, once.
 * - Spacing: the bucket refills at `safety × limit / window` per millisecond
 *   (window = the largest `X-RateLimit-Reset` seen, at least 1 s; safety 0.99), and
 *   holds at most `limit − reserve`, where the reserve (10% of the limit, at least
 *   one request) is left in the server's bucket to absorb requests that arrive
 *   bunched; it starts with what `Remaining` said, less the reserve. Every start
 *   takes a token; when none is left a request reserves the next one (tokens go
 *   negative) and sleeps until then, so concurrent requests start evenly spaced,
 *   window/limit apart.
 * - Gate: each later answer lowers the bucket to the server's `Remaining` when
 *   that is smaller (another process may share the token).
 * - 429: everyone pauses until `Retry-After` (1 s when absent), and the bucket is
 *   emptied.
 * Explicit `requestsPerSecond` caps the rate (bucket of 1: pure spacing) with or
 * without headers.
 */

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Upper bound on starts per second, whatever the headers say. */
  requestsPerSecond?: number;
  /**
   * Fraction of the server's rate to use; the reserve, not this, absorbs jitter, so
   * it only covers clocks that drift apart. Measured under the real engine (`npm run
   * bench`, 20 req/s, 20-60 ms of jittered latency), 1000 creates, no 429 in each:
   * requests spanned 51.7 s at 0.95 without a reserve, 50.2 s at 0.98, 49.6 s at 0.99.
   * @default 0.99
   */
  safety?: number;
  /**
   * Fraction of the server's bucket never spent, so requests that reach the server
   * bunched (timers that fire late, retries) find a token. At least one request.
   * @default 0.1
   */
  reserve?: number;
  /** Clock in milliseconds. */
  now: () => number;
  /** Waits `ms` milliseconds. */
  sleep: (ms: number) => Promise<void>;
}

/** A limiter's counters, for {@link EosvoltClient.stats}. */
export interface RateLimiterStats {
  /** Whether the limiter is active. */
  enabled: boolean;
  /** Requests per second the limiter currently allows (undefined: unknown / unlimited). */
  requestsPerSecond?: number;
  /** Total time requests waited for a slot, in milliseconds. */
  waitedMs: number;
  /** Number of times a 429 paused every request. */
  pauses: number;
}

/** What the transport needs from a limiter. */
export interface Limiter {
  /** Resolves when one request may start. */
  acquire(): Promise<void>;
  /** Feeds an answer's status and headers back. */
  observe(status: number, headers: Headers, retryAfterMs?: number): void;
  /** Reports an attempt that got no answer (network error, timeout). */
  abandon(): void;
  /** Counters. */
  stats(): RateLimiterStats;
}

/** The limiter of `rateLimit: false`: every request starts at once. */
export class NoRateLimiter implements Limiter {
  /** Resolves immediately. */
  async acquire(): Promise<void> {}
  /** Ignores the answer. */
  observe(): void {}
  /** Does nothing. */
  abandon(): void {}
  /** Always disabled. */
  stats(): RateLimiterStats {
    return { enabled: false, waitedMs: 0, pauses: 0 };
  }
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const v = headers.get(name);
  if (v === null || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The shared limiter described in the file header. */
export class RateLimiter implements Limiter {
  private readonly explicitPerMs?: number;
  private readonly safety: number;
  private readonly reserve: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private phase: "probe" | "known" | "blind";
  private probeInFlight = false;
  private waiters: Array<() => void> = [];
  private perMs?: number;
  private capacity = 1;
  private tokens = 1;
  private at = 0;
  private windowMs = 1000;
  private pausedUntil = 0;
  private waitedMs = 0;
  private pauses = 0;

  constructor(options: RateLimiterOptions) {
    this.safety = options.safety ?? 0.99;
    this.reserve = options.reserve ?? 0.1;
    this.now = options.now;
    this.sleep = options.sleep;
    if (options.requestsPerSecond !== undefined) {
      this.explicitPerMs = options.requestsPerSecond / 1000;
      this.perMs = this.explicitPerMs;
      this.phase = "known";
      this.at = this.now();
    } else {
      this.phase = "probe";
    }
  }

  async acquire(): Promise<void> {
    while (this.phase === "probe") {
      if (!this.probeInFlight) {
        this.probeInFlight = true;
        return this.waitForPause(this.now());
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const now = this.now();
    let start = Math.max(now, this.pausedUntil);
    if (this.perMs !== undefined) {
      this.refill(now);
      this.tokens -= 1;
      if (this.tokens < 0) start = Math.max(start, now + -this.tokens / this.perMs);
    }
    if (start > now) {
      this.waitedMs += start - now;
      await this.sleep(start - now);
    }
    return this.waitForPause(start);
  }

  /** Waits while a 429 pause covers `start` (virtual time, so an injected sleep cannot spin). */
  private async waitForPause(start: number): Promise<void> {
    while (this.pausedUntil > start) {
      const wait = this.pausedUntil - start;
      this.waitedMs += wait;
      start = this.pausedUntil;
      await this.sleep(wait);
    }
  }

  private refill(now: number): void {
    if (this.perMs === undefined) return;
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.at) * this.perMs);
    this.at = now;
  }

  observe(status: number, headers: Headers, retryAfterMs?: number): void {
    const now = this.now();
    const limit = headerNumber(headers, "x-ratelimit-limit");
    const remaining = headerNumber(headers, "x-ratelimit-remaining");
    const reset = headerNumber(headers, "x-ratelimit-reset");
    if (limit !== undefined && limit > 0) {
      if (reset !== undefined) this.windowMs = Math.max(this.windowMs, Math.ceil(reset) * 1000);
      const derived = (this.safety * limit) / this.windowMs;
      this.refill(now);
      this.perMs = this.explicitPerMs === undefined ? derived : Math.min(derived, this.explicitPerMs);
      const kept = Math.max(1, Math.ceil(this.reserve * limit));
      const capacity = this.explicitPerMs === undefined ? Math.max(1, limit - kept) : 1;
      if (this.phase !== "known") {
        this.capacity = capacity;
        this.tokens = Math.min(capacity, remaining === undefined ? 1 : remaining - kept);
        this.at = now;
        this.phase = "known";
      } else {
        this.capacity = capacity;
        this.tokens = Math.min(this.tokens, capacity);
        if (remaining !== undefined) this.tokens = Math.min(this.tokens, remaining);
      }
    } else if (this.phase === "probe") {
      this.phase = this.explicitPerMs === undefined ? "blind" : "known";
    }
    if (status === 429) {
      this.pauses += 1;
      this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfterMs ?? 1000));
      this.refill(now);
      this.tokens = Math.min(this.tokens, 0);
    }
    this.endProbe();
  }

  abandon(): void {
    this.endProbe();
  }

  private endProbe(): void {
    if (!this.probeInFlight) return;
    this.probeInFlight = false;
    const waiters = this.waiters;
    this.waiters = [];
    if (this.phase === "probe") {
      // No answer yet: the next waiter becomes the probe; the rest keep waiting.
      const [next, ...rest] = waiters;
      this.waiters = rest;
      next?.();
    } else {
      for (const wake of waiters) wake();
    }
  }

  stats(): RateLimiterStats {
    return {
      enabled: true,
      requestsPerSecond: this.perMs === undefined ? undefined : Math.round(this.perMs * 1000 * 100) / 100,
      waitedMs: Math.round(this.waitedMs),
      pauses: this.pauses,
    };
  }
}
