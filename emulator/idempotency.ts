import { createHash } from "node:crypto";
import { ApiError } from "./errors";

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A stored first answer for an idempotency key. */
export interface IdempotencyRecord {
  /** Hash of method, path and canonical body of the first request. */
  fingerprint: string;
  status: number;
  /** The exact body text first sent (`null` for no body). */
  bodyText: string | null;
  /** Epoch milliseconds of the first request. */
  at: number;
}

/** Canonical JSON: object keys sorted, so formatting and key order do not matter. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Record id: SHA-256 of the token (so no token reaches the data file) plus the key. */
function recordId(token: string, key: string): string {
  return `${createHash("sha256").update(token).digest("hex")}\n${key}`;
}

/**
 * Remembers the first answer to each `Idempotency-Key` (per token) for 24 hours.
 */
export class IdempotencyStore {
  private records = new Map<string, IdempotencyRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Checks a key. Returns the record to replay, or `undefined` when the key is new.
   * @throws ApiError 400 for a malformed key, 409 `idempotency_key_reused` for another request under the same key.
   */
  lookup(token: string, key: string, fingerprint: string): IdempotencyRecord | undefined {
    if (key.length < 1 || key.length > 255) {
      throw new ApiError(400, "invalid_parameter", "Header 'Idempotency-Key' must be 1 to 255 characters long.", "Idempotency-Key");
    }
    const id = recordId(token, key);
    const rec = this.records.get(id);
    if (!rec) return undefined;
    if (this.now() - rec.at > IDEMPOTENCY_TTL_MS) {
      this.records.delete(id);
      return undefined;
    }
    if (rec.fingerprint !== fingerprint) {
      throw new ApiError(409, "idempotency_key_reused", "This Idempotency-Key was already used with a different request.");
    }
    return rec;
  }

  /** Stores the first answer for a key. */
  save(token: string, key: string, rec: Omit<IdempotencyRecord, "at">): void {
    this.records.set(recordId(token, key), { ...rec, at: this.now() });
  }

  /** Forgets every key. */
  clear(): void {
    this.records.clear();
  }

  /** Unexpired records, for the data file (keyed by a hash of the token, never the token). */
  entries(): [string, IdempotencyRecord][] {
    const t = this.now();
    return [...this.records].filter(([, r]) => t - r.at <= IDEMPOTENCY_TTL_MS);
  }

  /** Restores records from the data file. */
  load(entries: [string, IdempotencyRecord][]): void {
    this.records = new Map(entries);
  }
}
