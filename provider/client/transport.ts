/**
 * The request engine: one logical call → attempts → one parsed answer or one
 * {@link EosvoltError}. It owns the connection pool (Node's global `fetch` with a
 * shared undici `Agent` as `dispatcher`, interceptable by `MockAgent` and nock),
 * the bearer token, the `Idempotency-Key`, the per-attempt deadline, the retry
 * loop (policy in `retry.ts`), the total budget, the shared rate limiter and the
 * counters. It knows nothing of resources or schemas.
 *
 * The token lives only in a private field and in the header of the outgoing
 * request; nothing copied into logs or errors can carry it (see `redact.ts`).
 */
import { randomUUID } from "node:crypto";
import { Agent, type Dispatcher } from "undici";
import {
  EosvoltError,
  MalformedResponseError,
  NetworkError,
  TimeoutError,
  createApiError,
  safeStringify,
} from "./errors";
import type { ResolvedOptions } from "./options";
import { NoRateLimiter, RateLimiter, type Limiter, type RateLimiterStats } from "./rate-limiter";
import { createRedactor, excerpt, redactError, redactHeaders, type Redactor } from "./redact";
import { DEFAULT_RETRY_POLICY, decideRetry, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from "./retry";

/** HTTP methods the API uses. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** One logical call. */
export interface RequestSpec {
  method: HttpMethod;
  /** Route path starting with `/v1/`, ids already encoded. */
  path: string;
  /** Query parameters (already serialized). */
  query?: URLSearchParams;
  /** JSON body. */
  body?: unknown;
  /** For a POST: the `Idempotency-Key` to send on every attempt; generated when absent. */
  idempotencyKey?: string;
}

/** A successful answer. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body; `undefined` for an empty body (204). */
  body: unknown;
  /** Retries made before this answer. */
  retries: number;
  requestId?: string;
  /** The `Idempotency-Key` sent, for a POST. */
  idempotencyKey?: string;
  /** `Idempotent-Replayed: true`: the server replayed an earlier answer to the same key. */
  replayed: boolean;
}

/** Counters of one transport, for {@link EosvoltClient.stats}. */
export interface TransportStats {
  /** Logical calls made. */
  calls: number;
  /** HTTP attempts sent (calls + retries). */
  requests: number;
  /** Retries made. */
  retries: number;
  /** Answers with status 429. */
  rateLimited429: number;
  /** Answers by status code. */
  byStatus: Record<string, number>;
  /** Attempts that failed without an answer. */
  networkErrors: number;
  /** Attempts that hit the per-attempt deadline. */
  timeouts: number;
  /** Idempotent replays received. */
  replayed: number;
  /** The rate limiter's counters. */
  rateLimiter: RateLimiterStats;
}

type AttemptResult =
  | { kind: "response"; status: number; headers: Headers; text: string; ms: number }
  | { kind: "network"; error: unknown; ms: number }
  | { kind: "timeout"; ms: number };

/** Sends requests to one EOSVOLT base URL with one token. */
export class Transport {
  readonly #authorization: string;
  readonly #redact: Redactor;
  private readonly options: ResolvedOptions;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: Limiter;
  private readonly policy: RetryPolicy;
  private readonly counters = {
    calls: 0,
    requests: 0,
    retries: 0,
    rateLimited429: 0,
    byStatus: {} as Record<string, number>,
    networkErrors: 0,
    timeouts: 0,
    replayed: 0,
  };

  constructor(options: ResolvedOptions, token: string) {
    this.options = options;
    this.#authorization = `Bearer ${token}`;
    this.#redact = createRedactor([token, this.#authorization]);
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
    this.limiter =
      options.rateLimit === false
        ? new NoRateLimiter()
        : new RateLimiter({ requestsPerSecond: options.rateLimit.requestsPerSecond, now: options.now, sleep: options.sleep });
    this.policy = { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries };
  }

  /** The redactor for this client's token. */
  get redact(): Redactor {
    return this.#redact;
  }

  /** Copies of the counters. */
  stats(): TransportStats {
    return { ...this.counters, byStatus: { ...this.counters.byStatus }, rateLimiter: this.limiter.stats() };
  }

  /** Closes the connection pool when the client created it (not an injected dispatcher). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private log(line: string): void {
    if (this.options.logger) this.options.logger(this.#redact(`eosvolt: ${line}`));
  }

  /** Sends `spec`, retrying per policy; resolves with a 2xx answer or throws an {@link EosvoltError}. */
  async request(spec: RequestSpec): Promise<TransportResponse> {
    this.counters.calls += 1;
    const url = new URL(spec.path.replace(/^\//, ""), this.options.baseUrl);
    if (spec.query) url.search = spec.query.toString();
    const idempotencyKey = spec.method === "POST" ? spec.idempotencyKey ?? randomUUID() : undefined;
    const headers: Record<string, string> = {
      Accept: "application/json",
      "User-Agent": this.options.userAgent,
    };
    let bodyText: string | undefined;
    if (spec.body !== undefined) {
      bodyText = JSON.stringify(spec.body);
      headers["Content-Type"] = "application/json";
    }
    if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey;
    const where = `${spec.method} ${url.pathname}`;
    const context = { method: spec.method, path: url.pathname, idempotencyKey, redact: this.#redact };
    // 5xx, network failures and timeouts use `retries` (bounded by maxRetries and
    // retryBudgetMs); 429s use neither: the API did not process the request, so the call
    // waits for as long as the rate-limit budget lasts (`rateLimitBudgetMs`).
    let spentMs = 0;
    let retries = 0;
    let rateLimited = 0;
    let rateLimitedMs = 0;
    for (let attempt = 0; ; attempt += 1) {
      await this.limiter.acquire();
      const timeoutMs = Math.max(1, Math.min(this.options.timeoutMs, this.options.retryBudgetMs - spentMs));
      this.log(
        `→ ${where}${url.search} attempt ${attempt + 1} ${JSON.stringify(redactHeaders({ ...headers, Authorization: this.#authorization }))}`,
      );
      const result = await this.attempt(url, spec.method, headers, bodyText, timeoutMs);
      this.counters.requests += 1;
      let outcome: AttemptOutcome;
      let requestId: string | undefined;
      if (result.kind === "response") {
        const rawRequestId = result.headers.get("x-request-id");
        requestId = rawRequestId === null ? undefined : this.#redact(rawRequestId); // a header could echo the token
        const retryAfterMs = parseRetryAfter(result.headers.get("retry-after"), this.options.now());
        this.counters.byStatus[result.status] = (this.counters.byStatus[result.status] ?? 0) + 1;
        if (result.status === 429) this.counters.rateLimited429 += 1;
        this.limiter.observe(result.status, result.headers, retryAfterMs);
        this.log(`← ${result.status} ${where} ${result.ms}ms${requestId ? ` request-id=${requestId}` : ""}`);
        outcome = { kind: "response", status: result.status, retryAfterMs };
        if (result.status < 400) return this.success(result, { ...context, requestId, retries: attempt });
      } else {
        this.limiter.abandon();
        if (result.kind === "timeout") this.counters.timeouts += 1;
        else this.counters.networkErrors += 1;
        this.log(`✗ ${where} ${result.kind === "timeout" ? `timeout after ${timeoutMs}ms` : describeNetworkError(result.error, this.#redact)}`);
        outcome = result.kind === "timeout" ? { kind: "timeout" } : { kind: "network" };
      }
      const is429 = outcome.kind === "response" && outcome.status === 429;
      if (is429) rateLimitedMs += result.ms;
      else spentMs += result.ms;
      const decision = decideRetry({
        method: spec.method,
        hasIdempotencyKey: idempotencyKey !== undefined,
        outcome,
        attempt: is429 ? rateLimited : retries,
        policy: this.policy,
        random: this.options.random,
      });
      if (!decision.retry) throw this.failure(result, { ...context, requestId, retries: attempt }, timeoutMs);
      if (is429 && rateLimitedMs + decision.delayMs > this.options.rateLimitBudgetMs) {
        this.log(`rate-limit budget ${this.options.rateLimitBudgetMs}ms would be exceeded by a ${decision.delayMs}ms wait; giving up`);
        throw this.failure(result, { ...context, requestId, retries: attempt }, timeoutMs, rateLimitHint(rateLimited + 1, rateLimitedMs, this.options.rateLimitBudgetMs));
      }
      if (!is429 && spentMs + decision.delayMs >= this.options.retryBudgetMs) {
        this.log(`retry budget ${this.options.retryBudgetMs}ms would be exceeded by a ${decision.delayMs}ms wait; giving up`);
        throw this.failure(result, { ...context, requestId, retries: attempt }, timeoutMs);
      }
      this.log(`retry ${attempt + 1} of ${where} in ${decision.delayMs}ms (${decision.reason})`);
      this.counters.retries += 1;
      if (is429) {
        rateLimited += 1;
        rateLimitedMs += decision.delayMs;
      } else {
        retries += 1;
        spentMs += decision.delayMs;
      }
      await this.options.sleep(decision.delayMs);
    }
  }

  private async attempt(
    url: URL,
    method: HttpMethod,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
  ): Promise<AttemptResult> {
    const started = performance.now();
    const signal = AbortSignal.timeout(timeoutMs);
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const init = {
        method,
        headers: { ...headers, Authorization: this.#authorization },
        body,
        redirect: "manual",
        signal,
        dispatcher: this.dispatcher,
      } as unknown as RequestInit; // Node's fetch takes any undici Dispatcher; its bundled undici-types differ only nominally.
      const response = await fetch(url, init);
      const text = await response.text();
      return { kind: "response", status: response.status, headers: response.headers, text, ms: elapsed() };
    } catch (error) {
      if (signal.aborted) return { kind: "timeout", ms: elapsed() };
      return { kind: "network", error, ms: elapsed() };
    }
  }

  private success(
    result: Extract<AttemptResult, { kind: "response" }>,
    context: { method: string; path: string; requestId?: string; retries: number; idempotencyKey?: string; redact: Redactor },
  ): TransportResponse {
    const replayed = (result.headers.get("idempotent-replayed") ?? "").toLowerCase() === "true";
    if (replayed) this.counters.replayed += 1;
    const base = {
      status: result.status,
      headers: result.headers,
      retries: context.retries,
      requestId: context.requestId,
      idempotencyKey: context.idempotencyKey,
      replayed,
    };
    if (result.status >= 300) {
      throw new MalformedResponseError({
        ...context,
        status: result.status,
        code: "malformed_response",
        apiMessage: `unexpected redirect to ${JSON.stringify(this.#redact(excerpt(result.headers.get("location") ?? "")))}`,
      });
    }
    if (result.text.trim() === "") return { ...base, body: undefined };
    try {
      return { ...base, body: JSON.parse(result.text) };
    } catch {
      throw new MalformedResponseError({
        ...context,
        status: result.status,
        code: "malformed_response",
        apiMessage: `response body is not JSON (${result.headers.get("content-type") ?? "no content-type"}, ${result.text.length} chars): ${JSON.stringify(this.#redact(excerpt(result.text)))}`,
      });
    }
  }

  private failure(
    result: AttemptResult,
    context: { method: string; path: string; requestId?: string; retries: number; idempotencyKey?: string; redact: Redactor },
    timeoutMs: number,
    hint?: string,
  ): EosvoltError {
    if (result.kind === "timeout") {
      return new TimeoutError({ ...context, status: 0, code: "timeout", apiMessage: `no complete answer within ${timeoutMs} ms` });
    }
    if (result.kind === "network") {
      return new NetworkError({
        ...context,
        status: 0,
        code: "network_error",
        apiMessage: describeNetworkError(result.error, this.#redact),
        cause: redactError(result.error, this.#redact),
      });
    }
    let body: unknown;
    try {
      body = result.text.trim() === "" ? undefined : JSON.parse(result.text);
    } catch {
      body = undefined;
    }
    return createApiError(result.status, body, { ...context, rawText: result.text, hint });
  }
}

/**
 * What a user reads when a call's rate-limit budget ran out: the limit is the
 * token's, shared by every process that uses it, how long this call waited, and
 * what to change.
 */
export function rateLimitHint(answered429: number, waitedMs: number, budgetMs: number): string {
  const s = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  return (
    `answered 429 ${answered429} times over ${s(waitedMs)} of waiting (rate-limit budget ${s(budgetMs)}). ` +
    "The API's rate limit belongs to the token and is shared by every process using it " +
    "(parallel CI jobs, other stacks, scripts). Raise the budget (`pulumi config set eosvolt:rateLimitBudget <seconds>` " +
    "or EOSVOLT_RATE_LIMIT_BUDGET), lower `pulumi up --parallel`, or run fewer jobs with this token at the same time."
  );
}

/** A one-line description of a fetch failure: the innermost cause's code and message. */
export function describeNetworkError(error: unknown, redact: Redactor): string {
  let e: unknown = error;
  for (let i = 0; i < 4 && e instanceof Error && e.cause instanceof Error; i++) e = e.cause;
  if (!(e instanceof Error)) return redact(excerpt(safeStringify(e)));
  const code = (e as { code?: unknown }).code;
  return redact(excerpt(`${typeof code === "string" ? `${code}: ` : ""}${e.message || e.name}`));
}
