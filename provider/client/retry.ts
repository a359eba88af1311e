/**
 * Retry policy as data plus one pure decision function (after undici's
 * RetryHandler and stripe-node's `_shouldRetry`). The transport asks
 * {@link decideRetry} after every failed attempt; the checks run in this order:
 *
 * 1. a success is never retried;
 * 2. a 4xx other than 429 is never retried (400, 401, 403, 404, every 409: EOSVOLT's
 *    409s are business conflicts, not lock contention);
 * 3. a `POST` without an `Idempotency-Key` is never retried (the client always sets
 *    one, so in practice every call is retryable);
 * 4. stop once `maxRetries` retries were made, except after a 429: the API did not
 *    process the request, so waiting is always safe and 429s never use up the retries
 *    (the transport bounds them by time instead: `rateLimitBudgetMs`);
 * 5. 429 and 503 wait for `Retry-After` (seconds or an HTTP date), falling back to backoff;
 * 6. other 5xx, network failures and timeouts back off exponentially with full
 *    jitter: `random() × min(capMs, baseMs × 2^attempt)`.
 *
 * The total time budgets are enforced by the transport (it knows the clock): a
 * retry whose wait would end past its budget is not made. For a 429, `attempt`
 * counts the 429s of the call (the backoff's exponent), not the other retries.
 */

/** Tunables of the retry policy. */
export interface RetryPolicy {
  /**
   * Maximum number of retries of one call.
   * @default 5
   */
  maxRetries: number;
  /**
   * First backoff step in milliseconds.
   * @default 250
   */
  baseMs: number;
  /**
   * Largest backoff step in milliseconds.
   * @default 20000
   */
  capMs: number;
}

/** Defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseMs: 250, capMs: 20_000 };

/** How one attempt ended. */
export type AttemptOutcome =
  | { kind: "response"; status: number; retryAfterMs?: number }
  | { kind: "network" }
  | { kind: "timeout" };

/** What {@link decideRetry} needs to know. */
export interface RetryInput {
  method: string;
  /** Whether the request carries an `Idempotency-Key`. */
  hasIdempotencyKey: boolean;
  outcome: AttemptOutcome;
  /** Retries already made (0 after the first attempt). */
  attempt: number;
  policy: RetryPolicy;
  /** Random source in [0, 1). */
  random: () => number;
}

/** The verdict: retry after `delayMs`, or stop (with the reason, for logs). */
export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

/** Full-jitter exponential backoff: `random() × min(cap, base × 2^attempt)`. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, "baseMs" | "capMs">, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(Math.max(0, Math.min(1, random())) * ceiling);
}

/**
 * Parses a `Retry-After` value (delay seconds, possibly fractional, or an HTTP
 * date) into milliseconds from `now`; `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Methods retried without an idempotency key: reads and idempotent writes. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);

/** The ordered retry decision described in the file header. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { outcome, attempt, policy } = input;
  if (outcome.kind === "response") {
    if (outcome.status < 400) return { retry: false, reason: "success" };
    if (outcome.status < 500 && outcome.status !== 429) return { retry: false, reason: `status ${outcome.status} is not retryable` };
  }
  if (!IDEMPOTENT_METHODS.has(input.method.toUpperCase()) && !input.hasIdempotencyKey) {
    return { retry: false, reason: `${input.method} without Idempotency-Key is not retried` };
  }
  const rateLimited = outcome.kind === "response" && outcome.status === 429;
  if (!rateLimited && attempt >= policy.maxRetries) return { retry: false, reason: `retry limit ${policy.maxRetries} reached` };
  if (outcome.kind === "network") return { retry: true, delayMs: backoffDelay(attempt, policy, input.random), reason: "network error" };
  if (outcome.kind === "timeout") return { retry: true, delayMs: backoffDelay(attempt, policy, input.random), reason: "timeout" };
  if ((outcome.status === 429 || outcome.status === 503) && outcome.retryAfterMs !== undefined) {
    return { retry: true, delayMs: outcome.retryAfterMs, reason: `status ${outcome.status}, Retry-After` };
  }
  return { retry: true, delayMs: backoffDelay(attempt, policy, input.random), reason: `status ${outcome.status}` };
}
