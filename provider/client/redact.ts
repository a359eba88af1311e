/**
 * Redaction: the one place that knows how a secret can leak into text. Every
 * string the client copies out of a request or a failure (error messages, causes,
 * response excerpts, log lines) passes through a {@link Redactor} first.
 */

/** Placeholder written instead of a secret. */
export const REDACTED = "[REDACTED]";

/** Removes secrets from text. */
export type Redactor = (text: string) => string;

// After "Token" only a word that looks like a credential (a digit or one of `-_.=/+~`, or 20+
// characters): "Token lacks scope 'pricing:write'." is the API's 403 message, not a secret.
const BEARER = /\b(Bearer|Basic|Token(?=\s+[^\s"',;]*(?:[0-9_\-.=/+~]|[^\s"',;]{20})))\s+[^\s"',;]+/gi;
const AUTH_HEADER = /(authorization["']?\s*[:=]\s*["']?)(?!(?:Bearer |Basic |Token )?\[REDACTED\])((?:Bearer|Basic|Token) )?[^"'\r\n,}]+/gi;
const QUERY_SECRET = /([?&](?:access_token|token|api_key|apikey|client_secret)=)[^&#\s"']+/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Builds a redactor that removes `secrets` (verbatim) and anything shaped like a
 * credential: `Bearer …` / `Basic …`, an `authorization: …` header value, and
 * `?access_token=…`-style query parameters. Linear-time patterns only (no
 * nested quantifiers), so hostile input cannot stall it.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const verbatim = secrets
    .filter((s) => typeof s === "string" && s.length >= 4)
    .sort((a, b) => b.length - a.length)
    .map((s) => new RegExp(escapeRegExp(s), "g"));
  return (text: string) => {
    if (typeof text !== "string" || text === "") return text;
    let out = text;
    for (const re of verbatim) out = out.replace(re, REDACTED);
    out = out.replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`);
    out = out.replace(AUTH_HEADER, (_m, prefix: string, scheme: string | undefined) => `${prefix}${scheme ?? ""}${REDACTED}`);
    out = out.replace(QUERY_SECRET, (_m, prefix: string) => `${prefix}${REDACTED}`);
    return out;
  };
}

/** Copies `headers` with the `Authorization` (and cookie) values replaced by {@link REDACTED}. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "authorization" || lower === "proxy-authorization") {
      const scheme = value.split(" ", 1)[0];
      out[name] = value.includes(" ") ? `${scheme} ${REDACTED}` : REDACTED;
    } else if (lower === "cookie" || lower === "set-cookie") {
      out[name] = REDACTED;
    } else {
      out[name] = value;
    }
  }
  return out;
}

/**
 * Copies an error chain (`cause` up to `depth` levels) into fresh `Error`s whose
 * message, stack and string properties are redacted, keeping `name`, `code`,
 * `errno` and `syscall`. The original objects, which may reference request
 * options, are not kept.
 */
export function redactError(error: unknown, redact: Redactor, depth = 3): Error | undefined {
  if (error === undefined || error === null) return undefined;
  if (!(error instanceof Error)) return new Error(redact(String(error)));
  const copy = new Error(redact(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redact(error.stack);
  for (const key of ["code", "errno", "syscall", "address", "port"]) {
    const v: unknown = Reflect.get(error, key);
    if (typeof v === "string") Reflect.set(copy, key, redact(v));
    else if (typeof v === "number") Reflect.set(copy, key, v);
  }
  if (depth > 0 && error.cause !== undefined) {
    Object.defineProperty(copy, "cause", {
      value: redactError(error.cause, redact, depth - 1),
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Shortens `text` to at most `max` characters, marking the cut. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}
