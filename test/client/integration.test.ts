/**
 * The client against the real emulator (`emulator/`, started on port 0): every
 * endpoint, every error code, and the retry, idempotency and rate-limit paths
 * under injected faults.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import {
  AuthenticationError,
  ConflictError,
  EosvoltClient,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  type ClientOptions,
} from "../../provider/client";
import { ChargerInputSchema, LocationInputSchema, PricingPlanInputSchema } from "../../provider/schemas";

let emu: RunningEmulator;
const clients: EosvoltClient[] = [];

function make(options: Partial<ClientOptions> = {}): EosvoltClient {
  const c = new EosvoltClient({
    token: "dev-token",
    baseUrl: emu.url,
    // keep retries fast: Retry-After 1 s becomes 10 ms
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 10))),
    ...options,
  });
  clients.push(c);
  return c;
}

const locationBody = (name = "Dam") =>
  LocationInputSchema.parse({
    name,
    accessType: "PUBLIC",
    address: { street: "Dam 1", city: "Amsterdam", postalCode: "1012JS", country: "NLD" },
    coordinates: { latitude: "52.37403", longitude: "4.88969" },
    timeZone: "Europe/Amsterdam",
    facilities: ["WIFI", "CAFE"],
  });
const planBody = (name = "Standard") =>
  PricingPlanInputSchema.parse({ name, currency: "EUR", elements: [{ priceComponents: [{ type: "ENERGY", price: "0.39", vat: 21, stepSize: 1 }] }] });
const chargerBody = (locationId: string, ocppIdentity: string) =>
  ChargerInputSchema.parse({
    locationId,
    ocppIdentity,
    ocppVersion: "OCPP201",
    maxPowerW: 22000,
    evses: [{ evseId: 1, connectors: [{ connectorId: 1, standard: "IEC_62196_T2", format: "SOCKET", powerType: "AC_3_PHASE", maxVoltage: 400, maxAmperage: 32 }] }],
  });

beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    rateLimit: 0,
    tokens: { "dev-token": ["*"], "read-only": ["locations:read", "chargers:read", "pricing:read", "sessions:read"] },
  });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emu?.close();
});
beforeEach(() => emu.reset());

describe("client ↔ emulator", () => {
  it("CRUD on every kind, with list, filters and sort", async () => {
    const c = make();
    const pp = await c.pricingPlans.create(planBody());
    expect(pp.elements[0].priceComponents[0].price).toBe("0.3900");
    const loc = await c.locations.create({ ...locationBody(), pricingPlanId: pp.id });
    expect(loc.chargerCount).toBe(0);
    const ch = await c.chargers.create(chargerBody(loc.id, "cp-1"));
    expect(ch).toMatchObject({ ocppIdentity: "CP-1", authorizationKeySet: false, connectionStatus: "NEVER_CONNECTED" });
    expect(await c.chargers.get(ch.id)).toMatchObject({ id: ch.id });
    expect(await c.locations.get(loc.id)).toMatchObject({ chargerCount: 1 });

    const updated = await c.locations.update(loc.id, { name: "Dam Square", pricingPlanId: null });
    expect(updated.name).toBe("Dam Square");
    expect(updated.pricingPlanId).toBeUndefined();
    await c.pricingPlans.update(pp.id, { name: "Standard 2" });
    await c.chargers.update(ch.id, { enabled: false });

    const page = await c.chargers.listPage({ locationId: loc.id, enabled: false, sort: "-createdAt" });
    expect(page.data.map((x) => x.id)).toEqual([ch.id]);
    expect(page.pagination).toMatchObject({ total: 1, hasMore: false });
    const named = [];
    for await (const l of c.locations.list({ name: "Dam Square" })) named.push(l.id);
    expect(named).toEqual([loc.id]);

    await expect(c.locations.delete(loc.id)).rejects.toMatchObject({ status: 409, code: "location_in_use" });
    await expect(c.pricingPlans.delete(pp.id)).resolves.toBeUndefined(); // no longer referenced
    await c.chargers.delete(ch.id);
    await c.locations.delete(loc.id);
    await expect(c.locations.get(loc.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("pagination over 230 objects, page and offset style", async () => {
    const c = make();
    await Promise.all(Array.from({ length: 230 }, (_, i) => c.pricingPlans.create(planBody(`P${String(i).padStart(3, "0")}`))));
    const byPage: string[] = [];
    for await (const p of c.pricingPlans.list({ sort: "name" })) byPage.push(p.name);
    expect(byPage).toHaveLength(230);
    expect(byPage[0]).toBe("P000");
    const byOffset: string[] = [];
    for await (const p of c.pricingPlans.list({ sort: "name", paging: "offset", limit: 70 })) byOffset.push(p.name);
    expect(byOffset).toEqual(byPage);
    const some = await c.pricingPlans.listPage({ limit: 3, page: 2, sort: "-name" });
    expect(some.data.map((p) => p.name)).toEqual(["P226", "P225", "P224"]);
  });

  it("sessions: start, conflict, stop, not active, get, list", async () => {
    const c = make();
    const loc = await c.locations.create(locationBody());
    const ch = await c.chargers.create(chargerBody(loc.id, "cp-s"));
    const ref = `${ch.id}.1.1`;
    const s = await c.sessions.start({ connectorId: ref });
    expect(s).toMatchObject({ status: "ACTIVE", chargerId: ch.id, connectorId: ref });
    await expect(c.sessions.start({ connectorId: ref })).rejects.toMatchObject({ status: 409, code: "connector_unavailable" });
    await expect(c.chargers.delete(ch.id)).rejects.toMatchObject({ code: "charger_in_use" });
    const stopped = await c.sessions.stop(s.id);
    expect(stopped.status).toBe("COMPLETED");
    await expect(c.sessions.stop(s.id)).rejects.toMatchObject({ code: "session_not_active" });
    expect(await c.sessions.get(s.id)).toMatchObject({ id: s.id });
    const list = await c.sessions.listPage({ chargerId: ch.id, status: "COMPLETED", sort: "-startedAt" });
    expect(list.data.map((x) => x.id)).toEqual([s.id]);
    await expect(c.sessions.start({ connectorId: "999999.1.1" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.sessions.start({} as never)).rejects.toThrow("Field 'connectorId' is required.");
  });

  it("error codes: 400 invalid_parameter / immutable_field, 401, 403, 404, 409 duplicate and key reuse", async () => {
    const c = make();
    const loc = await c.locations.create(locationBody());
    await expect(c.chargers.create({ ...chargerBody(loc.id, "x"), maxPowerW: -1 })).rejects.toBeInstanceOf(InvalidRequestError);
    const ch = await c.chargers.create(chargerBody(loc.id, "dup"));
    const dup = await c.chargers.create(chargerBody(loc.id, "DUP")).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect(dup).toMatchObject({ code: "duplicate_ocpp_identity", method: "POST", path: "/v1/chargers", retries: 0 });
    await expect(c.chargers.update(ch.id, { ocppIdentity: "OTHER" })).rejects.toMatchObject({ status: 400, code: "immutable_field" });
    await expect(c.chargers.get("424242")).rejects.toMatchObject({ status: 404, code: "not_found" });
    await expect(c.request("GET", "/v1/nope")).rejects.toBeInstanceOf(NotFoundError);

    await c.pricingPlans.create(planBody("A"), { idempotencyKey: "k-1" });
    await expect(c.pricingPlans.create(planBody("B"), { idempotencyKey: "k-1" })).rejects.toMatchObject({ code: "idempotency_key_reused" });

    const bad = make({ token: "nope-token" });
    const auth = await bad.locations.listPage().catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(AuthenticationError);
    expect((auth as Error).message).not.toContain("nope-token");
    const ro = make({ token: "read-only" });
    const perm = await ro.pricingPlans.create(planBody()).catch((e: unknown) => e);
    expect(perm).toBeInstanceOf(PermissionError);
    expect((perm as PermissionError).scope).toBe("pricing:write");
  });

  it("retries through 503s, resets and dropped answers without duplicating creates", async () => {
    const c = make({ maxRetries: 8 });
    emu.setFaults({ error503: 0.2, reset: 0.1, dropResponse: 0.2, seed: 42 });
    const created = [];
    for (let i = 0; i < 20; i++) created.push(await c.pricingPlans.create(planBody(`F${i}`)));
    emu.setFaults({});
    const all = [];
    for await (const p of c.pricingPlans.list()) all.push(p);
    expect(all).toHaveLength(20);
    expect(new Set(created.map((p) => p.id)).size).toBe(20);
    expect(c.stats().retries).toBeGreaterThan(0);
  });

  it("batched reads answer a refresh from few requests; deleted objects read as undefined", async () => {
    const c = make();
    const plans = [];
    for (let i = 0; i < 150; i++) plans.push(await c.pricingPlans.create(planBody(`R${i}`)));
    await c.pricingPlans.delete(plans[10].id);
    const reader = make();
    emu.clearRequests();
    const results = await Promise.all(plans.map((p) => reader.pricingPlans.read(p.id)));
    expect(results[10]).toBeUndefined();
    expect(results.filter(Boolean)).toHaveLength(149);
    expect(emu.requests().length).toBeLessThanOrEqual(6);
  });
});

describe("rate limit against the emulator", () => {
  it("a burst of 32 creates at 20 req/s sees no 429 with the limiter", async () => {
    const limited = await startEmulator({ port: 0, rateLimit: 20 });
    try {
      const c = new EosvoltClient({ token: "dev-token", baseUrl: limited.url });
      clients.push(c);
      await Promise.all(Array.from({ length: 32 }, (_, i) => c.pricingPlans.create(planBody(`L${i}`))));
      if (process.env.BATCH_DEBUG) console.log("burst", c.stats());
      expect(c.stats().rateLimited429).toBeLessThanOrEqual(1);
    } finally {
      await limited.close();
    }
  }, 15_000);
});
