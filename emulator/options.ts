import type { TokensOption } from "./auth";
import type { FaultConfig } from "./faults";
import type { HistoryOptions } from "./history/generate";

/** Default requests per second per token. */
export const DEFAULT_RATE_LIMIT = 50;
/** Default port of the CLI. */
export const DEFAULT_PORT = 8787;
/** Default listen address. */
export const DEFAULT_HOST = "127.0.0.1";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Address to listen on. @default "127.0.0.1" */
  host?: string;
  /**
   * Accepted bearer tokens: token → scopes (`"*"` = every scope), or a list of tokens with
   * every scope. @default { "dev-token": ["*"] }
   */
  tokens?: TokensOption;
  /** Requests per second per token; 0 = unlimited (and no `X-RateLimit-*` headers). @default 50 */
  rateLimit?: number;
  /** Persist state to this JSON file (loaded at start, written atomically, flushed on close). */
  dataFile?: string;
  /** Latency added to every /v1 request, uniform in [min, max] ms (a `faults.latencyMs` wins). */
  latencyMs?: [number, number];
  /** Honour `Idempotency-Key` (a `faults.idempotency` wins). @default true */
  idempotency?: boolean;
  /** Initial fault configuration; `POST /_emulator/reset` returns to it. */
  faults?: FaultConfig;
  /** Debounce of data-file writes in ms. @default 50 */
  persistDebounceMs?: number;
  /**
   * Generate completed sessions at start for the chargers that exist then (those of the data
   * file); later, `generateHistory` or `POST /_emulator/history` after creating chargers.
   */
  history?: HistoryOptions;
}
