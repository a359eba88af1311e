/**
 * Turns client errors into the messages Pulumi prints: what the provider was
 * doing, the API status and `code`, the field when the API named one. Client
 * errors are redacted by construction; nothing here adds request details.
 */

interface ApiErrorLike {
  status?: number;
  code?: string;
  field?: string;
  message: string;
}

function apiError(error: unknown): ApiErrorLike | undefined {
  return error instanceof Error && typeof (error as ApiErrorLike).status === "number" ? (error as ApiErrorLike) : undefined;
}

export function isNotFound(error: unknown): boolean {
  return apiError(error)?.status === 404;
}

export function isConflict(error: unknown): boolean {
  return apiError(error)?.status === 409;
}

/** A new error whose message starts with the action, e.g. `deleting location loc_1: …`. */
export function explainError(error: unknown, action: string, detail?: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const explained = new Error(`${action}: ${message}${detail ? `. ${detail}` : ""}`);
  const api = apiError(error);
  if (api) Object.assign(explained, { status: api.status, code: api.code, field: api.field });
  return explained;
}
