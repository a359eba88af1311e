import { ApiError } from "./errors";
import type { Reply } from "./http";
import { parseFaultConfig, type FaultConfig } from "./faults";
import type { RequestLogEntry, RequestStats } from "./request-log";
import { parseHistoryBody, type HistoryResult, type HistoryOptions } from "./history/control";

/** What the control endpoints act on (implemented by the server). */
export interface ControlTarget {
  getFaults(): FaultConfig;
  setFaults(config: FaultConfig): void;
  reset(): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  stats(): RequestStats;
  state(): EmulatorStateDump;
  generateHistory(options: HistoryOptions): HistoryResult;
}

/** `GET /_emulator/state`: every object as the API renders it (no authorization keys). */
export interface EmulatorStateDump {
  locations: Record<string, unknown>[];
  chargers: Record<string, unknown>[];
  pricingPlans: Record<string, unknown>[];
  teams: Record<string, unknown>[];
  sessions: Record<string, unknown>[];
}

/** Whether a remote address is loopback. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/**
 * Answers the test-control endpoints under `/_emulator` (loopback only, no auth):
 * `GET|POST /_emulator/faults`, `POST /_emulator/reset`, `GET|DELETE /_emulator/requests`,
 * `GET /_emulator/stats`, `GET /_emulator/state`, `POST /_emulator/history`.
 */
export function handleControl(target: ControlTarget, method: string, pathname: string, body: () => Record<string, unknown>, remote: string | undefined): Reply {
  if (!isLoopback(remote)) throw new ApiError(403, "forbidden", "Emulator control endpoints only answer loopback clients.");
  const route = `${method} ${pathname.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /_emulator/faults":
      return { status: 200, body: { success: true, data: target.getFaults() } };
    case "POST /_emulator/faults":
      target.setFaults(parseFaultConfig(body()));
      return { status: 200, body: { success: true, data: target.getFaults() } };
    case "POST /_emulator/reset":
      target.reset();
      return { status: 204 };
    case "GET /_emulator/requests":
      return { status: 200, body: { success: true, data: target.requests() } };
    case "DELETE /_emulator/requests":
      target.clearRequests();
      return { status: 204 };
    case "GET /_emulator/stats":
      return { status: 200, body: { success: true, data: target.stats() } };
    case "GET /_emulator/state":
      return { status: 200, body: { success: true, data: target.state() } };
    case "POST /_emulator/history":
      return { status: 200, body: { success: true, data: target.generateHistory(parseHistoryBody(body())) } };
    default:
      throw new ApiError(404, "not_found", `No control endpoint ${route}.`);
  }
}
