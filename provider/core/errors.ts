/**
 * Turns client errors into the messages Pulumi prints: what the provider was
 * doing, the API status and `code`, the field when the API named one. Client
 * errors are redacted by construction; nothing here adds request details.
 */

interface ApiErrorLike {
  status: number;
  code?: string;
  field?: string;
  retries?: number;
  message: string;
}

function apiError(error: unknown): ApiErrorLike | undefined {
  if (!(error instanceof Error)) return undefined;
  const status: unknown = Reflect.get(error, "status");
  if (typeof status !== "number") return undefined;
  const text = (name: string): string | undefined => {
    const value: unknown = Reflect.get(error, name);
    return typeof value === "string" ? value : undefined;
  };
  const retries: unknown = Reflect.get(error, "retries");
  return { status, code: text("code"), field: text("field"), retries: typeof retries === "number" ? retries : undefined, message: error.message };
}

export function isNotFound(error: unknown): boolean {
  return apiError(error)?.status === 404;
}

export function isConflict(error: unknown): boolean {
  return apiError(error)?.status === 409;
}

/** The API `code` of a client error (`duplicate_ocpp_identity`), if any. */
export function errorCode(error: unknown): string | undefined {
  return apiError(error)?.code;
}

/** How many retries the client made before the error (0 when none or unknown). */
export function errorRetries(error: unknown): number {
  return apiError(error)?.retries ?? 0;
}

/** A new error whose message starts with the action, e.g. `deleting location loc_1: …`. */
export function explainError(error: unknown, action: string, detail?: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const explained = new Error(`${action}: ${message}${detail ? `. ${detail}` : ""}`);
  const api = apiError(error);
  if (api) Object.assign(explained, { status: api.status, code: api.code, field: api.field });
  return explained;
}
