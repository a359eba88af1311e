/**
 * Client-side rate limiter shared by every call of one client (one client per
 * provider process serves every resource), so a burst of concurrent creates is
 * spread out instead of bouncing off 429s. Rate limiting is scheduling, not a
 * retry (octokit's throttling plugin): requests wait before they are sent.
 *
 * The API's limit is per token, and several processes may use one token at once
 * (parallel CI jobs, one per stack) without knowing of each other: nothing is
 * shared between them but the API's answers. So the limiter learns its share
 * from those answers alone; it works the same across machines.
 *
 * Design: a token bucket mirroring the server's, a queue, and a share controller.
 * - Probe: until the first answer, one request is in flight alone; its
 *   `X-RateLimit-Limit` / `-Remaining` / `-Reset` headers seed the bucket. An
 *   answer without the headers turns the limiter off (unless `requestsPerSecond`
 *   was given), so an API without limits pays one round trip, once.
 * - Spacing: the bucket refills at the current rate, at most the ceiling
 *   `safety × limit / window` (window = the largest `X-RateLimit-Reset` seen, at
 *   least 1 s; safety 0.99). Requests queue and are let go one by one as tokens
 *   come in, at whatever the rate is then (no start time is promised at a rate that
 *   may change), never faster than twice the rate.
 * - Lone mode (the start): the bucket holds at most `limit − reserve`, where the
 *   reserve (10% of the limit, at least one request) is left in the server's bucket
 *   to absorb requests that arrive bunched; it starts with what `Remaining` said,
 *   less the reserve, spent at twice the rate: another process started at the same
 *   moment shows in the first answers, before the two have spent the bucket twice.
 * - Gate: each later answer lowers the bucket to the server's `Remaining` when
 *   that is smaller.
 * - Others: each answer's `Remaining` is compared with what the previous answer's
 *   `Remaining`, the refill since and this process's own request predict; the
 *   differences add up to what the others spent (signed, so the rounding of
 *   `Remaining` cancels out). The limiter learns only from the API's answers:
 *   nothing is shared between processes, so it works the same across machines.
 * - Shared mode: once the others spent more than 3 requests (or 10% of the limit)
 *   in a window, the rate is halved at once (assume one other) and the bucket holds
 *   one request (pure spacing). A process whose probe finds the bucket already
 *   drawn down starts there, at half the ceiling. Then, once per window, the rate
 *   is scaled by `target / consumed` (at most ×1.5), where `consumed` is what all
 *   users of the token spent and `target = refill + (Remaining − 0.7 × limit) /
 *   window` steers the server's bucket to 70% full, and a fixed step (5% of the
 *   limit) is added. Every process sees the same bucket, so all scale by about the
 *   same factor (their sum meets the API's rate) and all add the same step: the
 *   differences between their rates shrink each window, so they converge on equal
 *   shares (additive increase, multiplicative decrease, with the decrease measured
 *   rather than guessed). A window in which the others spent nothing returns to the
 *   lone mode at the ceiling (the last stack running gets the whole rate).
 * - 429: everyone pauses until `Retry-After` (1 s when absent), the bucket is
 *   emptied, and a shared limiter halves its rate (at most once per window).
 * Explicit `requestsPerSecond` caps the rate (bucket of 1: pure spacing) with or
 * without headers, and turns the share controller off.
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
  /** Whether other users of the token were seen spending from its rate limit. */
  shared?: boolean;
  /** Requests per second the other users of the token spent in the last window, as estimated from the headers. */
  othersPerSecond?: number;
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

/** Others' spending below this fraction of the refill is measurement noise (`Remaining` is a whole number). */
const SHARED_ABOVE = 0.1;
/** Additive step of the shared mode, per window, as a fraction of the limit. */
const STEP = 0.05;
/** How much faster than the rate a burst from a full bucket goes out. */
const BURST = 2;
/** Level of the server's bucket the shared mode steers to, as a fraction of the limit. */
const LEVEL = 0.7;
/** Largest factor by which the shared mode raises its rate in one window (when the bucket fills). */
const GROWTH = 1.5;
/** Windows in which the others spent nothing before the shared mode goes back to the lone mode. */
const QUIET_WINDOWS = 1;
/** Lowest rate of the shared mode, as a fraction of the ceiling. */
const FLOOR = 0.05;

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
  /** Current rate, requests per millisecond. */
  private perMs?: number;
  /** The rate a lone process uses: `safety × limit / window` (and at most the explicit cap). */
  private ceilingPerMs?: number;
  private capacity = 1;
  private tokens = 1;
  private at = 0;
  private windowMs = 1000;
  private pausedUntil = 0;
  private waitedMs = 0;
  private pauses = 0;
  private own = 0;
  private last?: { at: number; remaining: number };
  private windowStart = 0;
  private othersSpent = 0;
  private ownAtWindowStart = 0;
  private quietWindows = 0;
  private shared = false;
  private othersPerMs = 0;
  private lastDecrease = -Infinity;
  private queue: Array<{ enqueued: number; release: () => void }> = [];
  private pumping = false;
  private virtualNow = 0;
  private lastRelease = -Infinity;

  constructor(options: RateLimiterOptions) {
    this.safety = options.safety ?? 0.99;
    this.reserve = options.reserve ?? 0.1;
    this.now = options.now;
    this.sleep = options.sleep;
    if (options.requestsPerSecond !== undefined) {
      this.explicitPerMs = options.requestsPerSecond / 1000;
      this.perMs = this.explicitPerMs;
      this.ceilingPerMs = this.explicitPerMs;
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
    if (this.perMs === undefined && this.pausedUntil <= this.now() && this.queue.length === 0) return;
    const enqueued = Math.max(this.now(), this.virtualNow);
    await new Promise<void>((resolve) => {
      this.queue.push({ enqueued, release: resolve });
      void this.pump();
    });
  }

  /**
   * Releases queued requests one by one at the current rate. It naps at most a
   * quarter window at a time, so a rate raised meanwhile takes effect soon (the
   * waiters are not given start times in advance at a rate that may change).
   */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        // Virtual time: an injected sleep that does not move the clock cannot spin.
        const now = Math.max(this.now(), this.virtualNow);
        this.refill(now);
        let wait = Math.max(0, this.pausedUntil - now);
        // The epsilon absorbs floating-point error of a bucket refilled to exactly one token.
        if (wait === 0 && this.perMs !== undefined && this.tokens < 1 - 1e-6) wait = (1 - this.tokens) / this.perMs;
        // A burst from a full bucket goes out at twice the rate, not all at once: another
        // process that started at the same moment shows in the first answers, before the
        // two of them have spent the server's bucket twice over.
        if (wait === 0 && this.perMs !== undefined) wait = Math.max(0, this.lastRelease + 1 / (BURST * this.perMs) - now);
        if (wait > 0) {
          const nap = Math.max(1, Math.min(wait, this.windowMs / 4));
          this.virtualNow = now + nap;
          await this.sleep(nap);
          continue;
        }
        if (this.perMs !== undefined) this.tokens -= 1;
        this.lastRelease = now;
        const next = this.queue.shift();
        if (next) {
          this.waitedMs += now - next.enqueued;
          next.release();
        }
      }
    } finally {
      this.pumping = false;
    }
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
    this.at = Math.max(this.at, now);
  }

  /** Changes the rate from `now` on (tokens earned so far at the old rate are kept). */
  private setRate(now: number, perMs: number): void {
    this.refill(now);
    this.perMs = perMs;
  }

  observe(status: number, headers: Headers, retryAfterMs?: number): void {
    const now = this.now();
    const limit = headerNumber(headers, "x-ratelimit-limit");
    const remaining = headerNumber(headers, "x-ratelimit-remaining");
    const reset = headerNumber(headers, "x-ratelimit-reset");
    if (status !== 429) this.own += 1;
    if (limit !== undefined && limit > 0) {
      if (reset !== undefined) this.windowMs = Math.max(this.windowMs, Math.ceil(reset) * 1000);
      const derived = (this.safety * limit) / this.windowMs;
      this.ceilingPerMs = this.explicitPerMs === undefined ? derived : Math.min(derived, this.explicitPerMs);
      const kept = Math.max(1, Math.ceil(this.reserve * limit));
      if (this.phase !== "known") {
        this.phase = "known";
        this.at = now;
        this.perMs = this.ceilingPerMs;
        this.capacity = this.explicitPerMs === undefined ? Math.max(1, limit - kept) : 1;
        const left = remaining === undefined ? 1 : remaining - kept;
        // A bucket already drawn down when this process has spent one request: someone else is spending.
        if (this.explicitPerMs === undefined && remaining !== undefined && remaining < limit - kept - 1) {
          this.shared = true;
          this.capacity = 1;
          this.perMs = this.ceilingPerMs / 2;
        }
        this.tokens = Math.min(this.capacity, left);
      } else {
        this.refill(now);
        this.perMs = Math.min(this.perMs ?? this.ceilingPerMs, this.ceilingPerMs);
        if (remaining !== undefined) this.tokens = Math.min(this.tokens, remaining);
      }
      if (remaining !== undefined && this.explicitPerMs === undefined) this.share(now, remaining, limit, status !== 429);
    } else if (this.phase === "probe") {
      this.phase = this.explicitPerMs === undefined ? "blind" : "known";
    }
    if (status === 429) {
      this.pauses += 1;
      this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfterMs ?? 1000));
      this.refill(now);
      this.tokens = Math.min(this.tokens, 0);
      if (this.shared && this.perMs !== undefined && this.ceilingPerMs !== undefined && now - this.lastDecrease >= this.windowMs) {
        this.lastDecrease = now;
        this.setRate(now, Math.max(FLOOR * this.ceilingPerMs, this.perMs / 2));
      }
    }
    this.endProbe();
  }

  /**
   * The share controller of the file header. Each answer's `Remaining` is compared
   * with what the previous answer's `Remaining`, the refill since, and this answer's
   * own request predict; the differences (signed, so the rounding of `Remaining`
   * cancels out) add up to what the others spent. Once per window they set the rate.
   */
  private share(now: number, remaining: number, limit: number, counted: boolean): void {
    const refillPerMs = limit / this.windowMs;
    const ceiling = this.ceilingPerMs ?? refillPerMs;
    const last = this.last;
    this.last = { at: now, remaining };
    if (last === undefined) {
      this.startWindow(now);
      return;
    }
    const predicted = Math.min(limit, last.remaining + refillPerMs * Math.max(0, now - last.at)) - (counted ? 1 : 0);
    this.othersSpent += predicted - remaining;
    if (!this.shared && this.othersSpent > Math.max(3, SHARED_ABOVE * limit)) {
      // Someone else draws on the token: halve at once (assume one other), then share.
      this.shared = true;
      this.quietWindows = 0;
      this.capacity = 1;
      this.tokens = Math.min(this.tokens, 1);
      this.lastDecrease = now;
      this.othersPerMs = this.othersSpent / Math.max(1, now - this.windowStart);
      this.setRate(now, Math.max(FLOOR * ceiling, (this.perMs ?? ceiling) / 2));
      this.startWindow(now);
      return;
    }
    const elapsed = now - this.windowStart;
    if (elapsed < this.windowMs) return;
    const othersPerMs = Math.max(0, this.othersSpent) / elapsed;
    const ownPerMs = (this.own - this.ownAtWindowStart) / elapsed;
    this.othersPerMs = othersPerMs;
    this.startWindow(now);
    if (!this.shared) return;
    if (othersPerMs < (SHARED_ABOVE / 2) * refillPerMs) {
      this.quietWindows += 1;
      if (this.quietWindows >= QUIET_WINDOWS) {
        // The others stopped: back to the lone mode, at the ceiling.
        this.shared = false;
        this.capacity = Math.max(1, limit - Math.max(1, Math.ceil(this.reserve * limit)));
        this.setRate(now, ceiling);
        return;
      }
    } else {
      this.quietWindows = 0;
    }
    const consumedPerMs = ownPerMs + othersPerMs;
    const targetPerMs = Math.max(0, refillPerMs + (remaining - LEVEL * limit) / this.windowMs);
    const factor = consumedPerMs > 0 ? Math.min(GROWTH, targetPerMs / consumedPerMs) : GROWTH;
    if (factor < 1) this.lastDecrease = now;
    // The step shrinks as the bucket empties, the same for every process (they all see the
    // same bucket): many processes' steps then cannot add up to more than the bucket holds.
    const step = (STEP * limit * Math.min(1, Math.max(0, remaining) / (LEVEL * limit))) / this.windowMs;
    const next = (this.perMs ?? ceiling) * factor + step;
    this.setRate(now, Math.min(ceiling, Math.max(FLOOR * ceiling, next)));
  }

  private startWindow(now: number): void {
    this.windowStart = now;
    this.othersSpent = 0;
    this.ownAtWindowStart = this.own;
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
      shared: this.shared,
      othersPerSecond: Math.round(this.othersPerMs * 1000 * 100) / 100,
    };
  }
}
