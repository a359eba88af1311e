import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chargerBody, connector, expectError, locationBody, planBody, startApi, type Api } from "./helpers";

let api: Api;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.emu.close(); });
beforeEach(() => api.emu.reset());

describe("locations", () => {
  it("creates, reads, patches and deletes", async () => {
    const created = await api.call("POST", "/v1/locations", locationBody({ facilities: ["WIFI", "CAFE"] }));
    expect(created.status).toBe(201);
    const loc = created.body.data;
    expect(created.body.success).toBe(true);
    expect(loc.id).toMatch(/^loc_[a-z0-9]{6}$/);
    expect(loc).toMatchObject({ name: "HQ", chargerCount: 0, chargingWhenClosed: true, facilities: ["WIFI", "CAFE"] });
    expect(Date.parse(loc.createdAt)).not.toBeNaN();
    expect(loc.updatedAt).toBe(loc.createdAt);

    const read = await api.call("GET", `/v1/locations/${loc.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(loc);

    await new Promise((r) => setTimeout(r, 5));
    const patched = await api.call("PATCH", `/v1/locations/${loc.id}`, { name: "HQ 2", facilities: ["MALL"], parkingType: "ON_STREET" });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ name: "HQ 2", facilities: ["MALL"], parkingType: "ON_STREET", accessType: "PUBLIC", createdAt: loc.createdAt });
    expect(patched.body.data.updatedAt > loc.updatedAt).toBe(true);

    const cleared = await api.call("PATCH", `/v1/locations/${loc.id}`, { parkingType: null, facilities: null });
    expect(cleared.body.data.parkingType).toBeUndefined();
    expect(cleared.body.data.facilities).toBeUndefined();
    expect(cleared.body.data.name).toBe("HQ 2");

    const del = await api.call("DELETE", `/v1/locations/${loc.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expectError(await api.call("GET", `/v1/locations/${loc.id}`), 404, "not_found");
    expectError(await api.call("DELETE", `/v1/locations/${loc.id}`), 404, "not_found");
    expectError(await api.call("PATCH", `/v1/locations/${loc.id}`, { name: "x" }), 404, "not_found");
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: undefined }, "name"],
    [{ accessType: "OPEN" }, "accessType"],
    [{ address: { street: "a", city: "b", postalCode: "1", country: "NL" } }, "address.country"],
    [{ address: { street: "a", city: "b", country: "NLD" } }, "address.postalCode"],
    [{ coordinates: { latitude: "52.374", longitude: "4.88969" } }, "coordinates.latitude"],
    [{ coordinates: { latitude: "95.00000", longitude: "4.88969" } }, "coordinates.latitude"],
    [{ coordinates: { latitude: "52.37403", longitude: "181.00000" } }, "coordinates.longitude"],
    [{ coordinates: { latitude: 52.37403, longitude: "4.88969" } }, "coordinates.latitude"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ parkingType: "ROOFTOP" }, "parkingType"],
    [{ facilities: ["WIFI", "POOL"] }, "facilities[1]"],
    [{ facilities: ["WIFI", "WIFI"] }, "facilities"],
    [{ openingTimes: { twentyfourseven: false } }, "openingTimes.regularHours"],
    [{ openingTimes: { twentyfourseven: false, regularHours: [{ weekday: 8, periodBegin: "08:00", periodEnd: "18:00" }] } }, "openingTimes.regularHours[0].weekday"],
    [{ openingTimes: { twentyfourseven: false, regularHours: [{ weekday: 1, periodBegin: "8:00", periodEnd: "18:00" }] } }, "openingTimes.regularHours[0].periodBegin"],
    [{ chargingWhenClosed: "yes" }, "chargingWhenClosed"],
    [{ directions: [{ language: "english", text: "Left" }] }, "directions[0].language"],
    [{ pricingPlanId: "pp_nope00" }, "pricingPlanId"],
    [{ colour: "red" }, "colour"],
    [{ address: { street: "a", city: "b", postalCode: "1", country: "NLD", planet: "Earth" } }, "address.planet"],
    [{ id: "loc_mine00" }, "id"],
  ])("rejects %j at %s", async (over, field) => {
    const res = await api.call("POST", "/v1/locations", locationBody(over as Record<string, unknown>));
    const err = expectError(res, 400, "invalid_parameter", field);
    expect(err.message).toContain(field.split("[")[0].split(".")[0]);
  });

  it("says which field is missing in a readable message", async () => {
    const res = await api.call("POST", "/v1/locations", locationBody({ timeZone: undefined }));
    expect(res.body).toEqual({ success: false, code: "invalid_parameter", message: "Field 'timeZone' is required.", field: "timeZone" });
  });

  it("cannot null a required field on PATCH", async () => {
    const loc = (await api.call("POST", "/v1/locations", locationBody())).body.data;
    expectError(await api.call("PATCH", `/v1/locations/${loc.id}`, { name: null }), 400, "invalid_parameter", "name");
    expectError(await api.call("PATCH", `/v1/locations/${loc.id}`, { chargerCount: 3 }), 400, "invalid_parameter", "chargerCount");
  });

  it("refuses to delete a location that has chargers (location_in_use) and counts them", async () => {
    const loc = (await api.call("POST", "/v1/locations", locationBody())).body.data;
    const ch = (await api.call("POST", "/v1/chargers", chargerBody(loc.id))).body.data;
    expect((await api.call("GET", `/v1/locations/${loc.id}`)).body.data.chargerCount).toBe(1);
    expectError(await api.call("DELETE", `/v1/locations/${loc.id}`), 409, "location_in_use");
    expect((await api.call("DELETE", `/v1/chargers/${ch.id}`)).status).toBe(204);
    expect((await api.call("DELETE", `/v1/locations/${loc.id}`)).status).toBe(204);
  });
});

describe("chargers", () => {
  let locId: string;
  beforeEach(async () => { locId = (await api.call("POST", "/v1/locations", locationBody())).body.data.id; });

  it("creates with decimal ids, upper-cases ocppIdentity, never returns the authorization key", async () => {
    const a = await api.call("POST", "/v1/chargers", chargerBody(locId, { ocppIdentity: "evb-hq-1", authorizationKey: "0123456789abcdef0123" }));
    expect(a.status).toBe(201);
    expect(a.body.data).toMatchObject({
      id: "100", ocppIdentity: "EVB-HQ-1", enabled: true, authorizationKeySet: true,
      connectionStatus: "NEVER_CONNECTED", lastHeartbeatAt: null,
    });
    expect(a.text).not.toContain("0123456789abcdef0123");
    expect(a.body.data.authorizationKey).toBeUndefined();
    expect(a.body.data.evses[0].connectors.map((c: any) => c.status)).toEqual(["Available", "Available"]);
    const b = await api.call("POST", "/v1/chargers", chargerBody(locId));
    expect(b.body.data.id).toBe("101");
    expect(b.body.data.authorizationKeySet).toBe(false);
    expect(JSON.stringify(api.emu.state())).not.toContain("0123456789abcdef0123");
  });

  it("patches partially, replaces arrays whole, clears the key, keeps ocppIdentity immutable", async () => {
    const c = (await api.call("POST", "/v1/chargers", chargerBody(locId, { ocppIdentity: "abc", name: "one", authorizationKey: "k".repeat(16) }))).body.data;
    const p = await api.call("PATCH", `/v1/chargers/${c.id}`, { evses: [{ evseId: 3, connectors: [connector(1)] }], enabled: false });
    expect(p.status).toBe(200);
    expect(p.body.data).toMatchObject({ name: "one", enabled: false, authorizationKeySet: true, ocppIdentity: "ABC" });
    expect(p.body.data.evses).toHaveLength(1);
    expect(p.body.data.evses[0].evseId).toBe(3);
    const same = await api.call("PATCH", `/v1/chargers/${c.id}`, { ocppIdentity: "abc", authorizationKey: null, name: null });
    expect(same.status).toBe(200);
    expect(same.body.data.authorizationKeySet).toBe(false);
    expect(same.body.data.name).toBeUndefined();
    expectError(await api.call("PATCH", `/v1/chargers/${c.id}`, { ocppIdentity: "other" }), 400, "immutable_field", "ocppIdentity");
    const loc2 = (await api.call("POST", "/v1/locations", locationBody({ name: "Depot" }))).body.data;
    expect((await api.call("PATCH", `/v1/chargers/${c.id}`, { locationId: loc2.id })).body.data.locationId).toBe(loc2.id);
    expectError(await api.call("PATCH", `/v1/chargers/${c.id}`, { locationId: "loc_gone00" }), 400, "invalid_parameter", "locationId");
    expectError(await api.call("PATCH", `/v1/chargers/${c.id}`, { connectionStatus: "CONNECTED" }), 400, "invalid_parameter", "connectionStatus");
  });

  it("rejects a duplicate ocppIdentity case-insensitively", async () => {
    await api.call("POST", "/v1/chargers", chargerBody(locId, { ocppIdentity: "EVB-7" }));
    expectError(await api.call("POST", "/v1/chargers", chargerBody(locId, { ocppIdentity: "evb-7" })), 409, "duplicate_ocpp_identity", "ocppIdentity");
  });

  it.each([
    [{ locationId: "loc_none00" }, "locationId"],
    [{ ocppIdentity: "has space" }, "ocppIdentity"],
    [{ ocppIdentity: "x".repeat(49) }, "ocppIdentity"],
    [{ ocppVersion: "OCPP15" }, "ocppVersion"],
    [{ maxPowerW: 0 }, "maxPowerW"],
    [{ maxPowerW: 1_000_001 }, "maxPowerW"],
    [{ maxPowerW: 7.5 }, "maxPowerW"],
    [{ name: "n".repeat(256) }, "name"],
    [{ authorizationKey: "short" }, "authorizationKey"],
    [{ authorizationKey: "k".repeat(41) }, "authorizationKey"],
    [{ pricingPlanId: "pp_none00" }, "pricingPlanId"],
    [{ evses: [] }, "evses"],
    [{ evses: [{ evseId: 0, connectors: [connector()] }] }, "evses[0].evseId"],
    [{ evses: [{ evseId: 1, connectors: [connector()] }, { evseId: 1, connectors: [connector()] }] }, "evses[1].evseId"],
    [{ evses: [{ evseId: 1, connectors: [connector(1), connector(1)] }] }, "evses[0].connectors[1].connectorId"],
    [{ evses: [{ evseId: 1, connectors: [connector(1), connector(2, { standard: "T3" })] }] }, "evses[0].connectors[1].standard"],
    [{ evses: [{ evseId: 1, connectors: [connector(1, { format: "PLUG" })] }] }, "evses[0].connectors[0].format"],
    [{ evses: [{ evseId: 1, connectors: [connector(1, { powerType: "AC" })] }] }, "evses[0].connectors[0].powerType"],
    [{ evses: [{ evseId: 1, connectors: [connector(1, { maxVoltage: "400" })] }] }, "evses[0].connectors[0].maxVoltage"],
    [{ evses: [{ evseId: 1, connectors: [connector(1, { pricingPlanId: "pp_none00" })] }] }, "evses[0].connectors[0].pricingPlanId"],
    [{ evses: [{ evseId: 1, evseCode: "not an emi3", connectors: [connector()] }] }, "evses[0].evseCode"],
    [{ evses: [{ evseId: 1, connectors: [] }] }, "evses[0].connectors"],
    [{ ocppVersion: "OCPP16" }, "evses[0].connectors"],
    [{ evses: [{ evseId: 1, connectors: [connector(1, { status: "Charging" })] }] }, "evses[0].connectors[0].status"],
  ])("rejects %j at %s", async (over, field) => {
    expectError(await api.call("POST", "/v1/chargers", chargerBody(locId, over as Record<string, unknown>)), 400, "invalid_parameter", field);
  });

  it("accepts an eMI3 evseCode and OCPP16 with one connector per EVSE", async () => {
    const res = await api.call("POST", "/v1/chargers", chargerBody(locId, {
      ocppVersion: "OCPP16",
      evses: [{ evseId: 1, evseCode: "NL*EVB*E12345*1", floorLevel: "-1", physicalReference: "A1", connectors: [connector(1, { maxElectricPowerW: 11000 })] }],
    }));
    expect(res.status).toBe(201);
    expect(res.body.data.evses[0]).toMatchObject({ evseCode: "NL*EVB*E12345*1", floorLevel: "-1" });
  });
});

describe("pricing plans", () => {
  it("answers decimals with exactly 4 places and keeps currency immutable", async () => {
    const res = await api.call("POST", "/v1/pricing-plans", planBody({
      elements: [
        { priceComponents: [{ type: "ENERGY", price: "0.39", vat: "21", stepSize: 1 }, { type: "FLAT", price: "1", stepSize: 1 }] },
        { priceComponents: [{ type: "PARKING_TIME", price: "6.5", stepSize: 900 }], restrictions: { minDurationS: 3600, dayOfWeek: ["MONDAY", "FRIDAY"], startTime: "08:00", endTime: "20:00", minKwh: "0.5" } },
      ],
      minPrice: { exclVat: "0.5" },
      maxPrice: { exclVat: "50", inclVat: "60.5" },
      startDateTime: "2025-01-01T00:00:00Z",
      endDateTime: "2030-01-01T00:00:00Z",
      altText: [{ language: "en", text: "Standard" }],
    }));
    expect(res.status).toBe(201);
    const p = res.body.data;
    expect(p.id).toMatch(/^pp_[a-z0-9]{6}$/);
    expect(p.elements[0].priceComponents[0]).toEqual({ type: "ENERGY", price: "0.3900", vat: "21.0000", stepSize: 1 });
    expect(p.elements[1].priceComponents[0].price).toBe("6.5000");
    expect(p.elements[1].restrictions.minKwh).toBe("0.5000");
    expect(p.maxPrice).toEqual({ exclVat: "50.0000", inclVat: "60.5000" });
    const same = await api.call("PATCH", `/v1/pricing-plans/${p.id}`, { currency: "EUR", name: "Renamed" });
    expect(same.body.data).toMatchObject({ name: "Renamed", currency: "EUR" });
    expect(same.body.data.elements).toEqual(p.elements);
    expectError(await api.call("PATCH", `/v1/pricing-plans/${p.id}`, { currency: "USD" }), 400, "immutable_field", "currency");
    expect((await api.call("GET", `/v1/pricing-plans/${p.id}`)).body.data.name).toBe("Renamed");
    expect((await api.call("DELETE", `/v1/pricing-plans/${p.id}`)).status).toBe(204);
  });

  it.each([
    [{ currency: "euro" }, "currency"],
    [{ elements: [] }, "elements"],
    [{ elements: [{ priceComponents: [] }] }, "elements[0].priceComponents"],
    [{ elements: [{ priceComponents: [{ type: "ENERGY", price: "0.12345", stepSize: 1 }] }] }, "elements[0].priceComponents[0].price"],
    [{ elements: [{ priceComponents: [{ type: "ENERGY", price: 0.39, stepSize: 1 }] }] }, "elements[0].priceComponents[0].price"],
    [{ elements: [{ priceComponents: [{ type: "ENERGY", price: "-1", stepSize: 1 }] }] }, "elements[0].priceComponents[0].price"],
    [{ elements: [{ priceComponents: [{ type: "ENERGY", price: "1", vat: "101", stepSize: 1 }] }] }, "elements[0].priceComponents[0].vat"],
    [{ elements: [{ priceComponents: [{ type: "ENERGY", price: "1", stepSize: 0 }] }] }, "elements[0].priceComponents[0].stepSize"],
    [{ elements: [{ priceComponents: [{ type: "FLAT", price: "1", stepSize: 60 }] }] }, "elements[0].priceComponents[0].stepSize"],
    [{ elements: [{ priceComponents: [{ type: "PARKING_TIME", price: "1", stepSize: 60 }] }] }, "elements[0].priceComponents[0].stepSize"],
    [{ elements: [{ priceComponents: [{ type: "KWH", price: "1", stepSize: 1 }] }] }, "elements[0].priceComponents[0].type"],
    [{ elements: [{ priceComponents: [{ type: "TIME", price: "1", stepSize: 60 }], restrictions: { startTime: "25:00" } }] }, "elements[0].restrictions.startTime"],
    [{ elements: [{ priceComponents: [{ type: "TIME", price: "1", stepSize: 60 }], restrictions: { startDate: "2025-02-30" } }] }, "elements[0].restrictions.startDate"],
    [{ elements: [{ priceComponents: [{ type: "TIME", price: "1", stepSize: 60 }], restrictions: { dayOfWeek: ["FUNDAY"] } }] }, "elements[0].restrictions.dayOfWeek[0]"],
    [{ elements: [{ priceComponents: [{ type: "TIME", price: "1", stepSize: 60 }], restrictions: { minKwh: "5", maxKwh: "1" } }] }, "elements[0].restrictions.maxKwh"],
    [{ elements: [{ priceComponents: [{ type: "TIME", price: "1", stepSize: 60 }], restrictions: { minDurationS: -1 } }] }, "elements[0].restrictions.minDurationS"],
    [{ minPrice: { inclVat: "1" } }, "minPrice.exclVat"],
    [{ startDateTime: "2030-01-01T00:00:00Z", endDateTime: "2025-01-01T00:00:00Z" }, "endDateTime"],
    [{ startDateTime: "yesterday" }, "startDateTime"],
    [{ altText: [{ language: "en" }] }, "altText[0].text"],
  ])("rejects %j at %s", async (over, field) => {
    expectError(await api.call("POST", "/v1/pricing-plans", planBody(over as Record<string, unknown>)), 400, "invalid_parameter", field);
  });

  it.each(["location", "charger", "connector"])("refuses to delete a plan referenced by a %s (pricing_plan_in_use)", async (by) => {
    const pp = (await api.call("POST", "/v1/pricing-plans", planBody())).body.data;
    const loc = (await api.call("POST", "/v1/locations", locationBody(by === "location" ? { pricingPlanId: pp.id } : {}))).body.data;
    const over = by === "charger" ? { pricingPlanId: pp.id }
      : by === "connector" ? { evses: [{ evseId: 1, connectors: [connector(1, { pricingPlanId: pp.id })] }] } : {};
    const ch = (await api.call("POST", "/v1/chargers", chargerBody(loc.id, over))).body.data;
    expectError(await api.call("DELETE", `/v1/pricing-plans/${pp.id}`), 409, "pricing_plan_in_use");
    if (by === "location") await api.call("PATCH", `/v1/locations/${loc.id}`, { pricingPlanId: null });
    else await api.call("DELETE", `/v1/chargers/${ch.id}`);
    expect((await api.call("DELETE", `/v1/pricing-plans/${pp.id}`)).status).toBe(204);
  });
});

describe("requests in general", () => {
  it("answers unknown routes, bad JSON and non-object bodies", async () => {
    expectError(await api.call("GET", "/v1/unknown"), 404, "not_found");
    expectError(await api.call("PUT", "/v1/locations"), 404, "not_found");
    expectError(await api.call("GET", "/v2/locations"), 404, "not_found");
    expectError(await api.call("POST", "/v1/locations", undefined, { raw: "{not json", headers: { "Content-Type": "application/json" } }), 400, "invalid_json");
    expectError(await api.call("POST", "/v1/locations", [1, 2]), 400, "invalid_parameter");
  });
});

describe("query parameters outside lists", () => {
  it("are rejected by name", async () => {
    expectError(await api.call("POST", "/v1/locations?dryRun=1", locationBody()), 400, "invalid_parameter", "dryRun");
    expect(api.emu.state().locations).toHaveLength(0);
  });
});
