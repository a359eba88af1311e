import { MockAgent, type Interceptable } from "undici";
import { EosvoltClient, type ClientOptions } from "../../provider/client";

export const BASE = "https://api.eosvolt.com";
export const TOKEN = "evt_live_SECRET_token_0123456789abcdef";

/** A recorded request, as seen by the mock server. */
export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

function headersOf(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  if (Array.isArray(raw)) {
    for (let i = 0; i < raw.length; i += 2) out[String(raw[i]).toLowerCase()] = String(raw[i + 1]);
  } else if (typeof (raw as Headers).forEach === "function" && typeof (raw as Headers).get === "function") {
    (raw as Headers).forEach((v, k) => (out[k.toLowerCase()] = v));
  } else {
    for (const [k, v] of Object.entries(raw as Record<string, string>)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };

/** A MockAgent plus a route table answered by `handler`, recording every request. */
export function mockApi(handler: (req: Seen) => Reply | "reset", origin = BASE) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool: Interceptable = agent.get(origin);
  const seen: Seen[] = [];
  const install = () =>
    pool
      .intercept({ path: () => true, method: () => true })
      .reply((opts) => {
        const text = typeof opts.body === "string" ? opts.body : opts.body ? Buffer.from(opts.body as Uint8Array).toString() : "";
        const req: Seen = { method: opts.method, path: opts.path, headers: headersOf(opts.headers), body: text ? JSON.parse(text) : undefined };
        seen.push(req);
        const r = handler(req);
        if (r === "reset") throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
        const data = r.raw ?? (r.body === undefined ? "" : JSON.stringify(r.body));
        return { statusCode: r.status, data, responseOptions: { headers: { "content-type": "application/json", ...(r.headers ?? {}) } } };
      })
      .persist();
  install();
  return { agent, pool, seen };
}

export function client(agent: MockAgent, extra: Partial<ClientOptions> & Record<string, unknown> = {}) {
  const sleeps: number[] = [];
  const c = new EosvoltClient({
    token: TOKEN,
    dispatcher: agent,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    rateLimit: false,
    ...extra,
  });
  return { client: c, sleeps };
}

export const ok = (data: unknown, status = 200): Reply => ({ status, body: { success: true, data } });
export const err = (status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Reply => ({
  status,
  body: { success: false, code, message, ...extra },
  headers,
});

export function charger(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    locationId: "loc_1",
    ocppIdentity: `CP-${id}`,
    ocppVersion: "OCPP201",
    maxPowerW: 22000,
    enabled: true,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32, status: "Available" }] }],
    connectionStatus: "NEVER_CONNECTED",
    lastHeartbeatAt: null,
    authorizationKeySet: false,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...extra,
  };
}

export function location(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `Site ${id}`,
    accessType: "PUBLIC",
    address: { street: "Dam 1", city: "Amsterdam", postalCode: "1012JS", country: "NLD" },
    coordinates: { latitude: "52.37403", longitude: "4.88969" },
    timeZone: "Europe/Amsterdam",
    chargingWhenClosed: true,
    chargerCount: 0,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...extra,
  };
}

export function plan(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `Plan ${id}`,
    currency: "EUR",
    elements: [{ priceComponents: [{ type: "ENERGY", price: "0.3900", stepSize: 1 }] }],
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...extra,
  };
}

export function session(id: string, extra: Record<string, unknown> = {}) {
  return { id, connectorId: "242.1.1", chargerId: "242", locationId: "loc_1", status: "ACTIVE", startedAt: "2026-01-01T00:00:00Z", stoppedAt: null, energyWh: 0, ...extra };
}

/** Query of a recorded path as an object. */
export function query(path: string): Record<string, string> {
  return Object.fromEntries(new URL(path, BASE).searchParams);
}
