import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A response produced by a handler, before it is written. */
export interface Reply {
  status: number;
  /** JSON body; `undefined` means no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Reads the whole request body as UTF-8 text (rejects bodies over {@link MAX_BODY_BYTES}). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(400, "invalid_parameter", "Request body is larger than 1 MiB."));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Parses a request body: empty means `{}`, otherwise it must be a JSON object.
 * @throws ApiError 400 `invalid_json` or `invalid_parameter`.
 */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "Request body is not valid JSON.");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiError(400, "invalid_parameter", "Request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** Serialises a reply's body the way it goes on the wire. */
export function serializeBody(body: unknown): string | undefined {
  return body === undefined ? undefined : JSON.stringify(body);
}

/** Writes a reply (status, headers, JSON body) and ends the response. */
export function writeReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  const text = serializeBody(reply.body);
  const headers: Record<string, string | number> = { ...extraHeaders, ...(reply.headers ?? {}) };
  if (text !== undefined) {
    headers["Content-Type"] = "application/json; charset=utf-8";
    headers["Content-Length"] = Buffer.byteLength(text);
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

/** Turns any thrown value into a reply (unexpected errors become 500 internal_error). */
export function errorReply(err: unknown): Reply {
  if (err instanceof ApiError) return { status: err.status, body: err.toBody(), headers: err.headers };
  return { status: 500, body: { success: false, code: "internal_error", message: "Internal error." } };
}
