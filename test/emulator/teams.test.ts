/** Teams (`/v1/teams`) and the locations that name them (`teamIds`, semi-public access). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectError, locationBody, startApi, type Api } from "./helpers";

let api: Api;
beforeAll(async () => { api = await startApi({ tokens: { "dev-token": ["*"], reader: ["teams:read", "locations:read"] } }); });
afterAll(async () => { await api.emu.close(); });
beforeEach(() => api.emu.reset());

const teamBody = (over: Record<string, unknown> = {}) => ({
  name: "Fleet A",
  chargeKeys: [{ type: "RFID", uid: "04a2b3c4" }, { type: "MAC", uid: "00:1a:2b:3c:4d:5e", label: "Van 7" }],
  discountPercent: "12.5",
  ...over,
});

async function team(over: Record<string, unknown> = {}) {
  const res = await api.call("POST", "/v1/teams", teamBody(over));
  expect(res.status, res.text).toBe(201);
  return res.body.data;
}

describe("teams", () => {
  it("creates, reads, patches and deletes, with keys upper-cased in canonical order and the discount with 2 decimals", async () => {
    const t = await team();
    expect(t.id).toMatch(/^team_[a-z0-9]{6}$/);
    expect(t).toMatchObject({
      name: "Fleet A",
      chargeKeys: [{ type: "MAC", uid: "00:1A:2B:3C:4D:5E", label: "Van 7" }, { type: "RFID", uid: "04A2B3C4" }],
      discountPercent: "12.50",
      billing: "IN_APP",
    });
    expect((await api.call("GET", `/v1/teams/${t.id}`)).body.data).toEqual(t);
    const patched = await api.call("PATCH", `/v1/teams/${t.id}`, { billing: "OFFLINE", discountPercent: null });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ billing: "OFFLINE", name: "Fleet A" });
    expect(patched.body.data.discountPercent).toBeUndefined();
    expect((await api.call("DELETE", `/v1/teams/${t.id}`)).status).toBe(204);
    expectError(await api.call("GET", `/v1/teams/${t.id}`), 404, "not_found");
  });

  it("refuses a duplicate name, case-insensitively, on create and on rename", async () => {
    const a = await team();
    expectError(await api.call("POST", "/v1/teams", teamBody({ name: "FLEET a" })), 409, "duplicate_team_name", "name");
    const b = await team({ name: "Fleet B" });
    expectError(await api.call("PATCH", `/v1/teams/${b.id}`, { name: "fleet a" }), 409, "duplicate_team_name", "name");
    expect((await api.call("PATCH", `/v1/teams/${a.id}`, { name: "Fleet A" })).status).toBe(200);
  });

  it("validates charge keys and the discount, naming the field", async () => {
    expectError(await api.call("POST", "/v1/teams", teamBody({ chargeKeys: [{ type: "RFID", uid: "04a2b3" }] })), 400, "invalid_parameter", "chargeKeys[0].uid");
    expectError(await api.call("POST", "/v1/teams", teamBody({ chargeKeys: [{ type: "MAC", uid: "001a2b3c4d5e" }] })), 400, "invalid_parameter", "chargeKeys[0].uid");
    expectError(
      await api.call("POST", "/v1/teams", teamBody({ chargeKeys: [{ type: "RFID", uid: "04A2B3C4" }, { type: "RFID", uid: "04a2b3c4" }] })),
      400,
      "invalid_parameter",
      "chargeKeys[1].uid",
    );
    expectError(await api.call("POST", "/v1/teams", teamBody({ chargeKeys: Array.from({ length: 1001 }, (_, i) => ({ type: "RFID", uid: i.toString(16).padStart(8, "0") })) })), 400, "invalid_parameter", "chargeKeys");
    expectError(await api.call("POST", "/v1/teams", teamBody({ discountPercent: "100.01" })), 400, "invalid_parameter", "discountPercent");
    expectError(await api.call("POST", "/v1/teams", teamBody({ discountPercent: "1.005" })), 400, "invalid_parameter", "discountPercent");
    expectError(await api.call("POST", "/v1/teams", teamBody({ billing: "CASH" })), 400, "invalid_parameter", "billing");
  });

  it("lists with the name filter, sorting and pagination like the other collections", async () => {
    for (const name of ["Charlie", "alpha", "Bravo"]) await team({ name });
    const byName = await api.call("GET", "/v1/teams?sort=name");
    expect(byName.body.data.map((t: { name: string }) => t.name)).toEqual(["Bravo", "Charlie", "alpha"]);
    const page = await api.call("GET", "/v1/teams?limit=2&page=2");
    expect(page.body.data).toHaveLength(1);
    expect(page.body.pagination).toMatchObject({ limit: 2, page: 2, hasMore: false });
    const filtered = await api.call("GET", "/v1/teams?name=ALPHA");
    expect(filtered.body.data.map((t: { name: string }) => t.name)).toEqual(["alpha"]);
    expectError(await api.call("GET", "/v1/teams?currency=EUR"), 400, "invalid_parameter");
  });

  it("needs the teams scopes", async () => {
    expect((await api.call("GET", "/v1/teams", undefined, { token: "reader" })).status).toBe(200);
    expectError(await api.call("POST", "/v1/teams", teamBody(), { token: "reader" }), 403, "insufficient_scope");
  });
});

describe("locations naming teams", () => {
  it("takes teamIds on a semi-public location only, each an existing team", async () => {
    const t = await team();
    const ok = await api.call("POST", "/v1/locations", locationBody({ accessType: "SEMI_PUBLIC", teamIds: [t.id] }));
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.data.teamIds).toEqual([t.id]);
    expectError(await api.call("POST", "/v1/locations", locationBody({ accessType: "PUBLIC", teamIds: [t.id] })), 400, "invalid_parameter", "teamIds");
    expectError(await api.call("POST", "/v1/locations", locationBody({ accessType: "SEMI_PUBLIC", teamIds: ["team_nope00"] })), 400, "invalid_parameter", "teamIds[0]");
    expectError(await api.call("PATCH", `/v1/locations/${ok.body.data.id}`, { accessType: "PRIVATE" }), 400, "invalid_parameter", "teamIds");
  });

  it("refuses to delete a team a location names (409 team_in_use) until the location lets it go", async () => {
    const t = await team();
    const loc = (await api.call("POST", "/v1/locations", locationBody({ accessType: "SEMI_PUBLIC", teamIds: [t.id] }))).body.data;
    expectError(await api.call("DELETE", `/v1/teams/${t.id}`), 409, "team_in_use");
    expect((await api.call("PATCH", `/v1/locations/${loc.id}`, { teamIds: null })).status).toBe(200);
    expect((await api.call("DELETE", `/v1/teams/${t.id}`)).status).toBe(204);
  });
});
