/**
 * The API error used throughout the emulator. Thrown by handlers and validation,
 * rendered by the server as the contract's error envelope.
 */
export class ApiError extends Error {
  /**
   * @param status HTTP status to answer.
   * @param code Stable error code (`invalid_parameter`, `not_found`, ...).
   * @param message Human-readable message.
   * @param field Optional dot path of the offending field.
   * @param headers Extra response headers (for example `Retry-After`).
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The JSON envelope `{ success: false, code, message, field? }`. */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { success: false, code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    return body;
  }
}

/** 400 invalid_parameter naming a field. */
export function invalidParameter(field: string | undefined, message: string): ApiError {
  return new ApiError(400, "invalid_parameter", message, field);
}

/** 404 not_found for a missing object. */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, "not_found", `${kind} '${id}' was not found.`);
}

/** 409 conflict with the given code. */
export function conflict(code: string, message: string, field?: string): ApiError {
  return new ApiError(409, code, message, field);
}
