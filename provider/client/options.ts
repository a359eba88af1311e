/**
 * Client options and their resolution: defaults, the base URL (environment or
 * explicit, HTTPS only except for loopback hosts) and the token check. Pure: no
 * request is sent from here, so a bad configuration fails before any traffic.
 */
import type { Dispatcher } from "undici";
import { PACKAGE_VERSION } from "../version";
import { EosvoltConfigError } from "./errors";

/** Base URLs of the hosted EOSVOLT environments. */
export const ENVIRONMENTS = {
  production: "https://api.eosvolt.com/",
  staging: "https://api-staging.eosvolt.com/",
} as const;

/** A hosted EOSVOLT environment. */
export type Environment = keyof typeof ENVIRONMENTS;

/** Explicit client-side rate limit. */
export interface RateLimitOptions {
  /**
   * Never start more than this many requests per second, whatever the server's
   * `X-RateLimit-*` headers allow. Unset: follow the headers only.
   */
  requestsPerSecond?: number;
}

/** Options of {@link EosvoltClient}. */
export interface ClientOptions {
  /** API token, sent as `Authorization: Bearer <token>`. Required, never logged. */
  token: string;
  /**
   * Hosted environment whose base URL to use.
   * @default "production"
   */
  environment?: Environment;
  /**
   * Explicit base URL, e.g. the emulator's `http://127.0.0.1:4010/`. Wins over
   * `environment`. Must be `https://`, or `http://` on a loopback host
   * (127.0.0.0/8, ::1, localhost).
   */
  baseUrl?: string;
  /**
   * undici dispatcher to send through (e.g. a `MockAgent` in tests). Default: one
   * keep-alive `Agent` owned by the client, closed by {@link EosvoltClient.close}.
   */
  dispatcher?: Dispatcher;
  /**
   * Deadline of one attempt (request and response body) in milliseconds.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Maximum number of retries of one call (not counting the first attempt).
   * @default 5
   */
  maxRetries?: number;
  /**
   * Total time one call may spend on attempts and waits between them, in
   * milliseconds. A retry whose wait would exceed it is not made.
   * @default 120000
   */
  retryBudgetMs?: number;
  /**
   * How long one call may keep waiting on `429 Too Many Requests`, in milliseconds:
   * the sum of its 429 answers' round trips and the `Retry-After` waits between them.
   * A 429 means the API did not process the request, so it is retried for as long as
   * this lasts, and it counts neither against `maxRetries` nor `retryBudgetMs`. Long
   * by default because the token's limit may be shared by parallel jobs.
   * @default 600000 (10 minutes)
   */
  rateLimitBudgetMs?: number;
  /**
   * Client-side rate limiting shared by all calls of this client. `false`
   * disables it (every call is sent at once).
   * @default {} (follow the server's `X-RateLimit-*` headers)
   */
  rateLimit?: false | RateLimitOptions;
  /** `User-Agent` header. @default "pulumi-eosvolt-client/<version> node/<version>" */
  userAgent?: string;
  /** Receives one debug line per attempt and outcome; the token is redacted. */
  logger?: (line: string) => void;
  /** Random source in [0, 1) for backoff jitter. For tests. @default Math.random */
  random?: () => number;
  /** Waits `ms` milliseconds. For tests. @default setTimeout-based */
  sleep?: (ms: number) => Promise<void>;
  /** Clock in milliseconds. For tests. @default Date.now */
  now?: () => number;
}

/** {@link ClientOptions} after defaults and checks. */
export interface ResolvedOptions {
  baseUrl: URL;
  dispatcher?: Dispatcher;
  timeoutMs: number;
  maxRetries: number;
  retryBudgetMs: number;
  rateLimitBudgetMs: number;
  rateLimit: false | RateLimitOptions;
  userAgent: string;
  logger?: (line: string) => void;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** Default per-attempt deadline in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default maximum number of retries per call. */
export const DEFAULT_MAX_RETRIES = 5;
/** Default total time budget of one call in milliseconds. */
export const DEFAULT_RETRY_BUDGET_MS = 120_000;
/** Default time one call may wait on 429s, in milliseconds. */
export const DEFAULT_RATE_LIMIT_BUDGET_MS = 600_000;
/** Version reported in the default `User-Agent`: the package's, from its `package.json`. */
export const CLIENT_VERSION = PACKAGE_VERSION;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Whether `hostname` (as `URL.hostname` gives it) is a loopback host. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Resolves the base URL: `baseUrl` when given, else the `environment`'s. Throws
 * {@link EosvoltConfigError} for anything but `https://`, or `http://` on a loopback host.
 */
export function resolveBaseUrl(options: Pick<ClientOptions, "environment" | "baseUrl">): URL {
  let text: string;
  if (options.baseUrl !== undefined && options.baseUrl !== "") {
    text = options.baseUrl;
  } else {
    const env = options.environment ?? "production";
    if (!Object.prototype.hasOwnProperty.call(ENVIRONMENTS, env)) {
      throw new EosvoltConfigError(
        `Unknown EOSVOLT environment ${JSON.stringify(env)}: use "production" or "staging", or set baseUrl.`,
      );
    }
    text = ENVIRONMENTS[env];
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EosvoltConfigError(`Invalid EOSVOLT base URL ${JSON.stringify(text)}: expected e.g. "https://api.eosvolt.com/".`);
  }
  if (url.username || url.password) {
    throw new EosvoltConfigError("The EOSVOLT base URL must not carry credentials; use the token option.");
  }
  if (url.protocol === "http:") {
    if (!isLoopbackHost(url.hostname)) {
      throw new EosvoltConfigError(
        `Refusing plain http:// for ${url.host}: the token would travel unencrypted. Use https://, ` +
          "or http:// only for a loopback host (127.0.0.1, ::1, localhost) such as the local emulator.",
      );
    }
  } else if (url.protocol !== "https:") {
    throw new EosvoltConfigError(`Unsupported protocol ${url.protocol} in the EOSVOLT base URL: use https://.`);
  }
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** Applies defaults and validates `options`; throws {@link EosvoltConfigError} on any problem. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (options === null || typeof options !== "object") {
    throw new EosvoltConfigError("EosvoltClient needs an options object with at least a token.");
  }
  if (typeof options.token !== "string" || options.token.trim() === "") {
    throw new EosvoltConfigError(
      "No EOSVOLT API token: pass `token`, e.g. from `pulumi config set --secret eosvolt:token <token>` " +
        "or the EOSVOLT_TOKEN environment variable.",
    );
  }
  if (/[\r\n]/.test(options.token)) throw new EosvoltConfigError("The EOSVOLT API token must not contain line breaks.");
  const positive = (name: string, value: number | undefined, fallback: number, allowZero = false): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      throw new EosvoltConfigError(`Option ${name} must be a ${allowZero ? "non-negative" : "positive"} number, got ${String(value)}.`);
    }
    return value;
  };
  const rateLimit = options.rateLimit ?? {};
  if (rateLimit !== false && rateLimit.requestsPerSecond !== undefined) {
    positive("rateLimit.requestsPerSecond", rateLimit.requestsPerSecond, 0);
  }
  return {
    baseUrl: resolveBaseUrl(options),
    dispatcher: options.dispatcher,
    timeoutMs: positive("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries: Math.floor(positive("maxRetries", options.maxRetries, DEFAULT_MAX_RETRIES, true)),
    retryBudgetMs: positive("retryBudgetMs", options.retryBudgetMs, DEFAULT_RETRY_BUDGET_MS, true),
    rateLimitBudgetMs: positive("rateLimitBudgetMs", options.rateLimitBudgetMs, DEFAULT_RATE_LIMIT_BUDGET_MS, true),
    rateLimit,
    userAgent: options.userAgent ?? `pulumi-eosvolt-client/${CLIENT_VERSION} node/${process.versions.node}`,
    logger: options.logger,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
  };
}
