/**
 * The local EOSVOLT API emulator: a real HTTP server implementing the v1 contract
 * (`eosvolt-api.md`) in memory, with fault injection and test controls.
 *
 * @example
 * ```ts
 * const emu = await startEmulator({ port: 0, rateLimit: 0 });
 * await fetch(`${emu.url}/v1/locations`, { headers: { Authorization: "Bearer dev-token" } });
 * await emu.close();
 * ```
 * @packageDocumentation
 */
import { EmulatorServer } from "./server";
import type { EmulatorOptions } from "./options";
import type { FaultConfig } from "./faults";
import type { RequestLogEntry, RequestStats } from "./request-log";
import type { EmulatorStateDump } from "./control";
import type { HistoryOptions, HistoryResult } from "./history/generate";

export type { EmulatorOptions } from "./options";
export { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RATE_LIMIT } from "./options";
export type { FaultConfig, FaultKind } from "./faults";
export type { RequestLogEntry, RequestStats } from "./request-log";
export type { EmulatorStateDump } from "./control";
export type { HistoryOptions, HistoryResult } from "./history/generate";
export type { Scope, TokensOption } from "./auth";
export { ALL_SCOPES, DEFAULT_TOKEN } from "./auth";

/** A running emulator, returned by {@link startEmulator}. */
export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port actually bound. */
  readonly port: number;
  /** Stops the server, closes open connections and flushes the data file. */
  close(): Promise<void>;
  /** Empties the state, idempotency keys, rate-limit windows and request log; restores the initial faults. */
  reset(): void;
  /** Replaces the fault configuration (absent fields are off). */
  setFaults(config: FaultConfig): void;
  /** The current fault configuration. */
  getFaults(): FaultConfig;
  /** The request log (/v1 and other non-control requests), oldest first. */
  requests(): RequestLogEntry[];
  /** Empties the request log. */
  clearRequests(): void;
  /** Counters over the request log. */
  stats(): RequestStats;
  /** Every stored object as the API renders it (authorization keys only as `authorizationKeySet`). */
  state(): EmulatorStateDump;
  /** Writes pending state to the data file now (no-op without `dataFile`). */
  flush(): void;
  /**
   * Generates completed, billed sessions for the chargers and connectors that exist, from a
   * seed (replacing an earlier generation; live sessions stay). See `history/generate.ts`.
   * @throws RangeError for bad options.
   */
  generateHistory(options: HistoryOptions): HistoryResult;
}

/**
 * Starts an emulator and resolves once it listens.
 * @param options see {@link EmulatorOptions}; `{ port: 0 }` picks a free port.
 * @throws Error when the data file is unreadable, a token's scope is unknown, or the port is taken.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const server = new EmulatorServer(options);
  const url = await server.listen();
  return {
    url,
    port: Number(new URL(url).port),
    close: () => server.close(),
    reset: () => server.reset(),
    setFaults: (c) => server.setFaults(c),
    getFaults: () => server.getFaults(),
    requests: () => server.requests(),
    clearRequests: () => server.clearRequests(),
    stats: () => server.stats(),
    state: () => server.state(),
    flush: () => server.flush(),
    generateHistory: (o) => server.generateHistory(o),
  };
}
