import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator/index";

/** The default token of an emulator started without `tokens`. */
export const TOKEN = "dev-token";

/** A parsed response. */
export interface Res {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** A small client bound to one emulator. */
export interface Api {
  emu: RunningEmulator;
  call(method: string, path: string, body?: unknown, opts?: { token?: string | null; headers?: Record<string, string>; raw?: string }): Promise<Res>;
}

/** Starts an emulator (rate limit off unless given) and returns a client for it. */
export async function startApi(options: EmulatorOptions = {}): Promise<Api> {
  const emu = await startEmulator({ port: 0, rateLimit: 0, ...options });
  return {
    emu,
    async call(method, path, body, opts = {}) {
      const token = opts.token === undefined ? TOKEN : opts.token;
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let payload: string | undefined = opts.raw;
      if (body !== undefined) {
        payload = JSON.stringify(body);
        headers["Content-Type"] = "application/json";
      }
      const r = await fetch(`${emu.url}${path}`, { method, headers, body: payload });
      const text = await r.text();
      return { status: r.status, headers: r.headers, text, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/** A valid pricing plan body. */
export function planBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Standard",
    currency: "EUR",
    elements: [{ priceComponents: [{ type: "ENERGY", price: "0.39", vat: "21", stepSize: 1 }] }],
    ...over,
  };
}

/** A valid location body. */
export function locationBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "HQ",
    accessType: "PUBLIC",
    address: { street: "Damrak 1", city: "Amsterdam", postalCode: "1012 LG", country: "NLD" },
    coordinates: { latitude: "52.37403", longitude: "4.88969" },
    timeZone: "Europe/Amsterdam",
    ...over,
  };
}

/** A valid connector body. */
export function connector(id = 1, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { connectorId: id, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32, ...over };
}

/** A valid charger body for a location. */
export function chargerBody(locationId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locationId,
    ocppIdentity: `evb-${Math.random().toString(36).slice(2, 10)}`,
    ocppVersion: "OCPP201",
    maxPowerW: 22000,
    evses: [{ evseId: 1, connectors: [connector(1), connector(2)] }, { evseId: 2, connectors: [connector(1)] }],
    ...over,
  };
}

/** Asserts an error envelope and returns it. */
export function expectError(res: Res, status: number, code: string, field?: string): any {
  if (res.status !== status || res.body?.code !== code || (field !== undefined && res.body?.field !== field)) {
    throw new Error(`expected ${status} ${code}${field ? ` at ${field}` : ""}, got ${res.status} ${res.text}`);
  }
  if (res.body.success !== false || typeof res.body.message !== "string" || res.body.message.length === 0) {
    throw new Error(`bad envelope: ${res.text}`);
  }
  return res.body;
}
