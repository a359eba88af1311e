/**
 * Error taxonomy of the EOSVOLT client, after stripe-node: one base class,
 * {@link EosvoltError}, one subclass per status family, and a pure factory
 * ({@link createApiError}) from an HTTP status and body to the right class.
 *
 * Safety: an error never holds the request (no headers, no options), only the
 * fields below; every text copied into it went through a redactor, so the token
 * can appear neither in `message`, `stack`, `cause` nor `JSON.stringify(error)`.
 *
 * `instanceof` works across duplicate copies of this module (the Pulumi
 * dynamic-provider shim may load a second copy): each class checks a
 * `Symbol.for` brand instead of the prototype chain (as undici does). The stable
 * `type` string (`"NotFoundError"`, …) can be compared as well.
 */
import { kindList } from "../kinds";
import { excerpt, type Redactor } from "./redact";

const BRAND = Symbol.for("pulumi-eosvolt.client.error");

/** What every {@link EosvoltError} is built from. */
export interface EosvoltErrorInit {
  /** HTTP status, or 0 when no answer was received (network, timeout, config). */
  status: number;
  /** Stable error code: the API's `code`, or a client code such as `network_error`. */
  code: string;
  /** The API's (or the client's) human message, without decoration. */
  apiMessage: string;
  /** Dot path of the offending field, when the API named one. */
  field?: string;
  /** HTTP method of the call. */
  method: string;
  /** Path of the call, e.g. `/v1/chargers/242` (no query, no host). */
  path: string;
  /** Value of the `x-request-id` response header. */
  requestId?: string;
  /** Retries made before this error (0 = the first attempt failed). */
  retries: number;
  /** The `Idempotency-Key` sent, for a POST. */
  idempotencyKey?: string;
  /** Underlying failure (already redacted). */
  cause?: Error;
  /** Appended after the standard message (advice). */
  hint?: string;
  /** Replaces the standard message entirely. */
  fullMessage?: string;
}

function formatMessage(init: EosvoltErrorInit): string {
  if (init.fullMessage !== undefined) return init.fullMessage;
  const head = init.status > 0 ? `EOSVOLT API ${init.status} ${init.code}` : `EOSVOLT API ${init.code}`;
  const field = init.field ? ` [field ${init.field}]` : "";
  const where = init.method ? ` (${init.method} ${init.path})` : "";
  const retries = init.retries > 0 ? ` after ${init.retries} ${init.retries === 1 ? "retry" : "retries"}` : "";
  const hint = init.hint ? ` — ${init.hint}` : "";
  return `${head}: ${init.apiMessage}${field}${where}${retries}${hint}`;
}

/** Base class of every error the EOSVOLT client throws. */
export class EosvoltError extends Error {
  /** Stable name of the class, also used for cross-copy `instanceof`. */
  static readonly errorType: string = "EosvoltError";

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (value === null || typeof value !== "object") return false;
    const types = (value as Record<symbol, unknown>)[BRAND];
    return Array.isArray(types) && types.includes(this.errorType);
  }

  /** Class name, e.g. `"ConflictError"`: compare this rather than using `instanceof` across processes. */
  readonly type: string;
  /** HTTP status, or 0 when no answer was received. */
  readonly status: number;
  /** Stable error code, e.g. `duplicate_ocpp_identity`, `network_error`, `timeout`. */
  readonly code: string;
  /** The API's message, without the decoration of {@link Error.message}. */
  readonly apiMessage: string;
  /** Dot path of the offending field, when the API named one (`evses[0].evseId`). */
  readonly field?: string;
  /** HTTP method of the failed call. */
  readonly method: string;
  /** Path of the failed call, without host and query. */
  readonly path: string;
  /** The `x-request-id` of the response, for support. */
  readonly requestId?: string;
  /** How many retries were made before giving up (0: the first attempt failed). */
  readonly retries: number;
  /** The `Idempotency-Key` sent with a POST; retrying with it cannot create twice. */
  readonly idempotencyKey?: string;

  constructor(init: EosvoltErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    const ctor: { errorType: string } = new.target;
    this.name = ctor.errorType;
    this.type = ctor.errorType;
    this.status = init.status;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    if (init.field !== undefined) this.field = init.field;
    this.method = init.method;
    this.path = init.path;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    this.retries = init.retries;
    if (init.idempotencyKey !== undefined) this.idempotencyKey = init.idempotencyKey;
    const types: string[] = [];
    for (let c: unknown = new.target; c && typeof c === "function"; c = Object.getPrototypeOf(c)) {
      const t = (c as { errorType?: string }).errorType;
      if (t && !types.includes(t)) types.push(t);
      if (c === EosvoltError) break;
    }
    Object.defineProperty(this, BRAND, { value: types, enumerable: false });
  }

  /** A plain, secret-free summary (what `JSON.stringify` prints). */
  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      status: this.status,
      code: this.code,
      message: this.message,
      field: this.field,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
      retries: this.retries,
      idempotencyKey: this.idempotencyKey,
    };
  }
}

/** Bad configuration (no token, plain `http://` to a remote host, …); thrown before any request. */
export class EosvoltConfigError extends EosvoltError {
  static override readonly errorType: string = "EosvoltConfigError";
  constructor(message: string) {
    super({ status: 0, code: "config_error", apiMessage: message, method: "", path: "", retries: 0, fullMessage: message });
  }
}

/** 400: the request was invalid (`invalid_parameter`, `invalid_json`, `immutable_field`). */
export class InvalidRequestError extends EosvoltError {
  static override readonly errorType: string = "InvalidRequestError";
}

/** 401: the token is missing, unknown or expired (`invalid_token`). */
export class AuthenticationError extends EosvoltError {
  static override readonly errorType: string = "AuthenticationError";
}

/** 403: the token lacks a scope (`insufficient_scope`). */
export class PermissionError extends EosvoltError {
  static override readonly errorType: string = "PermissionError";
  /** The missing scope, e.g. `pricing:write`, from the API message (or guessed from the route). */
  readonly scope?: string;
  constructor(init: EosvoltErrorInit & { scope?: string }) {
    super(init);
    if (init.scope !== undefined) this.scope = init.scope;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), scope: this.scope };
  }
}

/** 404: no such object or route (`not_found`). */
export class NotFoundError extends EosvoltError {
  static override readonly errorType: string = "NotFoundError";
}

/**
 * 409: a business conflict. Never retried. The codes of each kind are in its
 * description (`conflicts`: `duplicate_ocpp_identity`, `location_in_use`, …);
 * `idempotency_key_reused` and `session_not_active` are the API's own.
 */
export class ConflictError extends EosvoltError {
  static override readonly errorType: string = "ConflictError";
}

/** 429: over the rate limit (`rate_limited`), after the client's rate-limit budget ran out. */
export class RateLimitError extends EosvoltError {
  static override readonly errorType: string = "RateLimitError";
}

/** 5xx: the server failed (`internal_error`, `service_unavailable`), after retries. */
export class ServerError extends EosvoltError {
  static override readonly errorType: string = "ServerError";
}

/** Any other 4xx status with a well-formed error body. */
export class ApiError extends EosvoltError {
  static override readonly errorType: string = "ApiError";
}

/** No answer: connection refused or reset, DNS failure, socket closed. `cause` holds the (redacted) original. */
export class NetworkError extends EosvoltError {
  static override readonly errorType: string = "NetworkError";
}

/** No complete answer within the per-attempt deadline (`timeoutMs`), after retries. */
export class TimeoutError extends EosvoltError {
  static override readonly errorType: string = "TimeoutError";
}

/**
 * The answer could not be understood: not JSON (e.g. an HTML 502 page), a
 * truncated body, a success without `data`, or fields of the wrong type. The
 * message says what was wrong and quotes at most ~200 characters of the body.
 */
export class MalformedResponseError extends EosvoltError {
  static override readonly errorType: string = "MalformedResponseError";
}

/** The class {@link createApiError} uses for an error `status` with a well-formed body. */
export function errorClassForStatus(status: number): typeof EosvoltError {
  if (status === 400) return InvalidRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return ApiError;
}

/** Where an error happened and what the client knows about it. */
export interface ErrorContext {
  method: string;
  path: string;
  requestId?: string;
  retries: number;
  idempotencyKey?: string;
  /** Redactor for any text copied from the response. Default: identity. */
  redact?: Redactor;
}

/** The API's error envelope, `{ success: false, code, message, field? }`. */
export interface ErrorEnvelope {
  success?: false;
  code: string;
  message: string;
  field?: string;
}

/** Whether `body` is an API error envelope. */
export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return typeof b.code === "string" && typeof b.message === "string" && (b.field === undefined || typeof b.field === "string");
}

const AUTH_HINT =
  "The EOSVOLT API token is missing, invalid or expired: set a valid one with " +
  "`pulumi config set --secret eosvolt:token <token>` or the EOSVOLT_TOKEN environment variable.";

/** Scope prefix by the path's collection segment (`pricing-plans` → `pricing`), from the kind descriptions. */
const SCOPE_KINDS: Record<string, string> = {
  ...Object.fromEntries(kindList.map((kind) => [kind.path.split("/")[2] ?? "", kind.scope])),
  sessions: "sessions",
};

function scopeFrom(message: string, method: string, path: string): string | undefined {
  const named = /scope\s+'([^']+)'|scope\s+"([^"]+)"|scope\s+([a-z-]+:[a-z]+)/i.exec(message);
  if (named) return named[1] ?? named[2] ?? named[3];
  const kind = SCOPE_KINDS[path.split("/")[2] ?? ""];
  return kind ? `${kind}:${method === "GET" ? "read" : "write"}` : undefined;
}

/**
 * Pure factory: the error for an HTTP `status` ≥ 400 and its parsed `body`
 * (`undefined` when the body was not JSON; then `rawText` is quoted). A body that
 * is not the API's error envelope gives a {@link MalformedResponseError} carrying
 * the status; otherwise the class follows {@link errorClassForStatus}.
 */
export function createApiError(status: number, body: unknown, context: ErrorContext & { rawText?: string; hint?: string }): EosvoltError {
  const redact = context.redact ?? ((t: string) => t);
  const base = {
    status,
    method: context.method,
    path: context.path,
    requestId: context.requestId,
    retries: context.retries,
    idempotencyKey: context.idempotencyKey,
  };
  if (!isErrorEnvelope(body)) {
    const what =
      body === undefined
        ? `error body is not JSON: ${JSON.stringify(redact(excerpt(context.rawText ?? "")))}`
        : `error body lacks the {code, message} envelope: ${JSON.stringify(redact(excerpt(safeStringify(body))))}`;
    return new MalformedResponseError({ ...base, code: "malformed_response", apiMessage: what });
  }
  const apiMessage = redact(body.message);
  const init: EosvoltErrorInit = {
    ...base,
    code: redact(body.code),
    apiMessage,
    field: body.field === undefined ? undefined : redact(body.field),
    hint: context.hint,
  };
  const Cls = errorClassForStatus(status);
  if (Cls === AuthenticationError) return new AuthenticationError({ ...init, hint: AUTH_HINT });
  if (Cls === PermissionError) {
    const scope = scopeFrom(apiMessage, context.method, context.path);
    const hint = scope ? `The token lacks the scope '${scope}': use a token that has it.` : undefined;
    return new PermissionError({ ...init, scope, hint });
  }
  return new Cls(init);
}

/** JSON text of `value`, or `String(value)` when it cannot be stringified. */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
