import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargerBody, expectError, locationBody, planBody, startApi, type Api } from "./helpers";

let api: Api;
const locIds: string[] = [];
let middle = "";
beforeAll(async () => {
  api = await startApi();
  for (let i = 0; i < 30; i++) {
    const over = { name: `L${String(29 - i).padStart(2, "0")}`, accessType: i % 3 === 0 ? "PRIVATE" : "PUBLIC", address: { street: "s", city: "c", postalCode: "1", country: i < 10 ? "DEU" : "NLD" } };
    locIds.push((await api.call("POST", "/v1/locations", locationBody(over))).body.data.id);
    if (i === 14) {
      await new Promise((r) => setTimeout(r, 15));
      middle = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 15));
    }
  }
});
afterAll(async () => { await api.emu.close(); });

describe("pagination", () => {
  it("defaults to 25 and reports total, limit, offset, page, hasMore", async () => {
    const res = await api.call("GET", "/v1/locations");
    expect(res.body.data).toHaveLength(25);
    expect(res.body.pagination).toEqual({ total: 30, limit: 25, offset: 0, page: 1, hasMore: true });
    expect(res.body.data.map((l: any) => l.id)).toEqual(locIds.slice(0, 25));
  });
  it("pages by page and by offset", async () => {
    const p2 = await api.call("GET", "/v1/locations?limit=10&page=3");
    expect(p2.body.pagination).toEqual({ total: 30, limit: 10, offset: 20, page: 3, hasMore: false });
    expect(p2.body.data.map((l: any) => l.id)).toEqual(locIds.slice(20));
    const o = await api.call("GET", "/v1/locations?limit=7&offset=21");
    expect(o.body.pagination).toEqual({ total: 30, limit: 7, offset: 21, page: 4, hasMore: true });
    expect(o.body.data.map((l: any) => l.id)).toEqual(locIds.slice(21, 28));
    const past = await api.call("GET", "/v1/locations?offset=100");
    expect(past.body.data).toEqual([]);
    expect(past.body.pagination.hasMore).toBe(false);
    expect((await api.call("GET", "/v1/locations?limit=100")).body.data).toHaveLength(30);
  });
  it.each(["limit=0", "limit=101", "limit=abc", "page=0", "offset=-1", "page=1&offset=0", "limit=1&limit=2", "colour=red"])("rejects %s", async (q) => {
    expectError(await api.call("GET", `/v1/locations?${q}`), 400, "invalid_parameter");
  });
});

describe("filters", () => {
  it("filters by exact fields", async () => {
    const priv = await api.call("GET", "/v1/locations?accessType=PRIVATE&limit=100");
    expect(priv.body.pagination.total).toBe(10);
    expect(priv.body.data.every((l: any) => l.accessType === "PRIVATE")).toBe(true);
    expect((await api.call("GET", "/v1/locations?country=DEU&accessType=PUBLIC")).body.pagination.total).toBe(6);
    const byName = await api.call("GET", "/v1/locations?name=L05");
    expect(byName.body.data.map((l: any) => l.id)).toEqual([locIds[24]]);
    expectError(await api.call("GET", "/v1/locations?accessType=OPEN"), 400, "invalid_parameter", "accessType");
  });
  it("filters by id list (up to 100)", async () => {
    const ids = [locIds[3], locIds[17], "loc_absent"];
    const res = await api.call("GET", `/v1/locations?id=${ids.join(",")}`);
    expect(res.body.data.map((l: any) => l.id)).toEqual([locIds[3], locIds[17]]);
    const many = Array.from({ length: 101 }, (_, i) => `loc_${i}`).join(",");
    expectError(await api.call("GET", `/v1/locations?id=${many}`), 400, "invalid_parameter", "id");
    expect((await api.call("GET", `/v1/locations?id=${Array.from({ length: 100 }, () => locIds[0]).join(",")}`)).status).toBe(200);
  });
  it("filters by from/to on createdAt", async () => {
    const after = await api.call("GET", `/v1/locations?from=${encodeURIComponent(middle)}&limit=100`);
    expect(after.body.data.map((l: any) => l.id)).toEqual(locIds.slice(15));
    const before = await api.call("GET", `/v1/locations?to=${encodeURIComponent(middle)}&limit=100`);
    expect(before.body.data.map((l: any) => l.id)).toEqual(locIds.slice(0, 15));
    expectError(await api.call("GET", "/v1/locations?from=yesterday"), 400, "invalid_parameter", "from");
  });
  it("filters chargers, plans and rejects filters of other kinds", async () => {
    const c1 = (await api.call("POST", "/v1/chargers", chargerBody(locIds[0], { ocppIdentity: "flt-a", enabled: false }))).body.data;
    const c2 = (await api.call("POST", "/v1/chargers", chargerBody(locIds[1], { ocppIdentity: "flt-b" }))).body.data;
    expect((await api.call("GET", `/v1/chargers?locationId=${locIds[1]}`)).body.data.map((c: any) => c.id)).toEqual([c2.id]);
    expect((await api.call("GET", "/v1/chargers?ocppIdentity=flt-a")).body.data.map((c: any) => c.id)).toEqual([c1.id]);
    expect((await api.call("GET", "/v1/chargers?enabled=false")).body.data.map((c: any) => c.id)).toEqual([c1.id]);
    expect((await api.call("GET", "/v1/chargers?status=NEVER_CONNECTED")).body.pagination.total).toBe(2);
    expect((await api.call("GET", "/v1/chargers?status=CONNECTED")).body.pagination.total).toBe(0);
    expectError(await api.call("GET", "/v1/chargers?enabled=yes"), 400, "invalid_parameter", "enabled");
    expectError(await api.call("GET", "/v1/chargers?country=NLD"), 400, "invalid_parameter", "country");
    await api.call("POST", "/v1/pricing-plans", planBody({ name: "A", currency: "USD" }));
    await api.call("POST", "/v1/pricing-plans", planBody({ name: "B" }));
    expect((await api.call("GET", "/v1/pricing-plans?currency=USD")).body.data.map((p: any) => p.name)).toEqual(["A"]);
    expect((await api.call("GET", "/v1/pricing-plans?name=B")).body.data.map((p: any) => p.name)).toEqual(["B"]);
    await api.call("DELETE", `/v1/chargers/${c1.id}`);
    await api.call("DELETE", `/v1/chargers/${c2.id}`);
  });
});

describe("sorting", () => {
  it("sorts ascending and descending", async () => {
    const asc = await api.call("GET", "/v1/locations?sort=name&limit=100");
    expect(asc.body.data.map((l: any) => l.name)).toEqual([...asc.body.data.map((l: any) => l.name)].sort());
    expect(asc.body.data[0].name).toBe("L00");
    const desc = await api.call("GET", "/v1/locations?sort=-name&limit=3");
    expect(desc.body.data.map((l: any) => l.name)).toEqual(["L29", "L28", "L27"]);
    const created = await api.call("GET", "/v1/locations?sort=-createdAt&limit=1");
    expect(created.body.data[0].id).toBe(locIds[29]);
  });
  it("rejects an unknown sort field", async () => {
    expectError(await api.call("GET", "/v1/locations?sort=colour"), 400, "invalid_parameter", "sort");
    expectError(await api.call("GET", "/v1/chargers?sort=-maxPowerW"), 400, "invalid_parameter", "sort");
    expectError(await api.call("GET", "/v1/sessions?sort=name"), 400, "invalid_parameter", "sort");
  });
});
