import type { FaultKind } from "./faults";

/** One logged /v1 request. */
export interface RequestLogEntry {
  method: string;
  /** Path with query string. */
  path: string;
  /** Status answered (or applied, for dropResponse); `null` when the socket was reset before handling. */
  status: number | null;
  idempotencyKey: string | null;
  fault: FaultKind | null;
  /** Whether the answer was an idempotent replay. */
  replayed: boolean;
  /** ISO 8601 time the request arrived. */
  at: string;
}

/** Counters over the request log. */
export interface RequestStats {
  total: number;
  byFault: Record<FaultKind | "none", number>;
  byStatus: Record<string, number>;
  byMethod: Record<string, number>;
  replayed: number;
}

/** Entries kept (oldest dropped first, in chunks: up to 10% more may be held). */
export const MAX_LOG_ENTRIES = 100_000;

/** Keeps the log of /v1 requests for tests. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  /** Appends an entry. */
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    // Trim in chunks of 10% so a full log does not cost a copy per request.
    if (this.entries.length > MAX_LOG_ENTRIES * 1.1) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
  }

  /** A copy of all entries, oldest first. */
  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** Empties the log. */
  clear(): void {
    this.entries = [];
  }

  /** Totals by fault kind, status and method. */
  stats(): RequestStats {
    const s: RequestStats = {
      total: 0,
      byFault: { error500: 0, error503: 0, reset: 0, dropResponse: 0, burst429: 0, rateLimited: 0, held: 0, none: 0 },
      byStatus: {},
      byMethod: {},
      replayed: 0,
    };
    for (const e of this.entries) {
      s.total++;
      s.byFault[e.fault ?? "none"]++;
      const st = e.status === null ? "none" : String(e.status);
      s.byStatus[st] = (s.byStatus[st] ?? 0) + 1;
      s.byMethod[e.method] = (s.byMethod[e.method] ?? 0) + 1;
      if (e.replayed) s.replayed++;
    }
    return s;
  }
}
