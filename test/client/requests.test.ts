/**
 * The exact requests the client sends, pinned with nock: method, path and
 * query, JSON body, bearer token, `Accept`, `User-Agent`, `Content-Type`, and
 * an `Idempotency-Key` on every POST only. An interceptor matches only the
 * exact request, so any other byte of method, path, query or body fails the call.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { api, data, nockClient, useNock } from "./nock-api";
import { charger, location, plan, session } from "./helpers";

useNock();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const page = (items: unknown[], total: number, limit: number, offset: number) => ({
  success: true,
  data: items,
  pagination: { total, limit, offset, page: Math.floor(offset / limit) + 1, hasMore: offset + items.length < total },
});

describe("requests sent", () => {
  it("create: POST with the exact JSON body, Content-Type and a fresh Idempotency-Key", async () => {
    const body = { name: "HQ", accessType: "PRIVATE", address: { street: "Dam 1", city: "Amsterdam", postalCode: "1012JS", country: "NLD" } };
    api({ "content-type": "application/json", "idempotency-key": UUID }).post("/v1/locations", body).reply(201, data(location("loc_1")));
    const { client } = nockClient();
    await expect(client.locations.create(body as never)).resolves.toMatchObject({ id: "loc_1" });
  });

  it("a caller's Idempotency-Key is sent as given", async () => {
    api({ "idempotency-key": "import-hq-1" }).post("/v1/pricing-plans", { name: "A" }).reply(201, data(plan("pp_1")));
    const { client } = nockClient();
    await client.pricingPlans.create({ name: "A" } as never, { idempotencyKey: "import-hq-1" });
  });

  it("read, update and delete carry no Idempotency-Key and no body; PATCH sends exactly the changed fields, null clears", async () => {
    const noKey = api({}, ["idempotency-key"]);
    noKey.get("/v1/chargers/242").matchHeader("content-type", (v) => v === undefined).reply(200, data(charger("242")));
    noKey.patch("/v1/pricing-plans/pp_1", { minPrice: null, name: "B" }).matchHeader("content-type", "application/json").reply(200, data(plan("pp_1")));
    noKey.delete("/v1/locations/loc%201%2Fx", (body) => body === "" || body === undefined).reply(204);
    noKey.get("/v1/sessions/s_1").reply(200, data(session("s_1")));
    const { client } = nockClient();
    await client.chargers.get("242");
    await client.pricingPlans.update("pp_1", { minPrice: null, name: "B" });
    await client.locations.delete("loc 1/x");
    await client.sessions.get("s_1");
  });

  it("sessions: start and stop are POSTs with keys, the body exactly { connectorId }", async () => {
    api({ "idempotency-key": UUID }).post("/v1/sessions/start", { connectorId: "242.1.1" }).reply(201, data(session("s_1")));
    api({ "idempotency-key": UUID }).post("/v1/sessions/s_1/stop").reply(200, data(session("s_1", { status: "COMPLETED" })));
    const { client } = nockClient();
    await client.sessions.start({ connectorId: "242.1.1" });
    await client.sessions.stop("s_1");
  });

  it("list(): the exact query of every page, limit 100, until hasMore is false", async () => {
    const make = (from: number, n: number) => Array.from({ length: n }, (_, i) => charger(String(from + i)));
    api().get("/v1/chargers").query({ limit: "100", page: "1" }).reply(200, page(make(1, 100), 150, 100, 0));
    api().get("/v1/chargers").query({ limit: "100", page: "2" }).reply(200, page(make(101, 50), 150, 100, 100));
    const { client } = nockClient();
    const ids: string[] = [];
    for await (const c of client.chargers.list()) ids.push(c.id);
    expect(ids).toHaveLength(150);
  });

  it("listPage(): filters, id lists, from/to and sort as the exact query; limit never above 100", async () => {
    api()
      .get("/v1/sessions")
      .query({ status: "COMPLETED", chargerId: "242", from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00Z", sort: "-startedAt", limit: "100" })
      .reply(200, page([session("s_1")], 1, 100, 0));
    api().get("/v1/chargers").query({ id: "1,2,3", enabled: "false", locationId: "loc_1", limit: "100" }).reply(200, page([charger("1")], 1, 100, 0));
    const { client } = nockClient();
    await client.sessions.listPage({ status: "COMPLETED", chargerId: "242", from: new Date("2026-01-01T00:00:00Z"), to: "2026-02-01T00:00:00Z", sort: "-startedAt", limit: 1000 });
    await client.chargers.listPage({ id: ["1", "2", "3"], enabled: false, locationId: "loc_1" });
  });

  it("User-Agent: the client's own by default, the caller's when given; the base URL of the environment", async () => {
    nock("https://api-staging.eosvolt.com", { reqheaders: { "user-agent": "my-tool/2.0" } }).get("/v1/locations/loc_1").reply(200, data(location("loc_1")));
    const { client } = nockClient({ userAgent: "my-tool/2.0", environment: "staging" });
    await client.locations.get("loc_1");
  });
});
