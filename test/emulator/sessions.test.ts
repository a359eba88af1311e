import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chargerBody, connector, expectError, locationBody, startApi, type Api } from "./helpers";

let api: Api;
let loc: string;
let charger: any;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.emu.close(); });
beforeEach(async () => {
  api.emu.reset();
  loc = (await api.call("POST", "/v1/locations", locationBody())).body.data.id;
  charger = (await api.call("POST", "/v1/chargers", chargerBody(loc, { evses: [{ evseId: 2, connectors: [connector(1, { maxElectricPowerW: 11000 })] }] }))).body.data;
});

describe("sessions", () => {
  it("answers a missing connectorId byte for byte like the overview", async () => {
    const res = await api.call("POST", "/v1/sessions/start", {});
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"success":false,"code":"invalid_parameter","message":"Field \'connectorId\' is required."}');
  });

  it("starts, blocks the connector and the charger, stops, and lists", async () => {
    const ref = `${charger.id}.2.1`;
    const started = await api.call("POST", "/v1/sessions/start", { connectorId: ref });
    expect(started.status).toBe(201);
    const s = started.body.data;
    expect(s).toMatchObject({ connectorId: ref, chargerId: charger.id, locationId: loc, status: "ACTIVE", stoppedAt: null });
    expect(Date.parse(s.startedAt)).not.toBeNaN();
    expect((await api.call("GET", `/v1/chargers/${charger.id}`)).body.data.evses[0].connectors[0].status).toBe("Charging");
    expectError(await api.call("POST", "/v1/sessions/start", { connectorId: ref }), 409, "connector_unavailable");
    expectError(await api.call("DELETE", `/v1/chargers/${charger.id}`), 409, "charger_in_use");
    expect((await api.call("GET", `/v1/sessions/${s.id}`)).body.data).toEqual(s);
    expect((await api.call("GET", "/v1/sessions?status=ACTIVE")).body.data.map((x: any) => x.id)).toEqual([s.id]);
    expect((await api.call("GET", `/v1/sessions?chargerId=${charger.id}&locationId=${loc}`)).body.pagination.total).toBe(1);

    const stopped = await api.call("POST", `/v1/sessions/${s.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.data.status).toBe("COMPLETED");
    expect(stopped.body.data.energyWh).toBeGreaterThan(0);
    expect(Date.parse(stopped.body.data.stoppedAt)).toBeGreaterThanOrEqual(Date.parse(s.startedAt));
    expectError(await api.call("POST", `/v1/sessions/${s.id}/stop`), 409, "session_not_active");
    expect((await api.call("GET", `/v1/chargers/${charger.id}`)).body.data.evses[0].connectors[0].status).toBe("Available");
    expect((await api.call("GET", "/v1/sessions?status=COMPLETED&sort=-startedAt")).body.data).toHaveLength(1);
    expect((await api.call("GET", `/v1/sessions?from=${encodeURIComponent(new Date(Date.now() + 60000).toISOString())}`)).body.data).toEqual([]);
    expect((await api.call("DELETE", `/v1/chargers/${charger.id}`)).status).toBe(204);
  });

  it("refuses a disabled charger, unknown connectors and malformed references", async () => {
    await api.call("PATCH", `/v1/chargers/${charger.id}`, { enabled: false });
    expectError(await api.call("POST", "/v1/sessions/start", { connectorId: `${charger.id}.2.1` }), 409, "connector_unavailable");
    expectError(await api.call("POST", "/v1/sessions/start", { connectorId: `${charger.id}.9.1` }), 404, "not_found");
    expectError(await api.call("POST", "/v1/sessions/start", { connectorId: "999.1.1" }), 404, "not_found");
    expectError(await api.call("POST", "/v1/sessions/start", { connectorId: "242-2-1" }), 400, "invalid_parameter", "connectorId");
    expectError(await api.call("POST", "/v1/sessions/start", { connectorId: 242 }), 400, "invalid_parameter", "connectorId");
    expectError(await api.call("POST", "/v1/sessions/start", { connectorId: "1.1.1", driver: "x" }), 400, "invalid_parameter", "driver");
    expectError(await api.call("GET", "/v1/sessions/ses_nope00"), 404, "not_found");
    expectError(await api.call("POST", "/v1/sessions/ses_nope00/stop"), 404, "not_found");
    expectError(await api.call("GET", "/v1/sessions?status=RUNNING"), 400, "invalid_parameter", "status");
  });
});
