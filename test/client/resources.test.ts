import { describe, expect, expectTypeOf, it } from "vitest";
import type { Charger, Location, PricingPlan, Session } from "../../provider/client";
import { buildListQuery } from "../../provider/client";
import { charger, client, location, mockApi, ok, plan, query, session } from "./helpers";

function pagedApi(total: number, make: (i: number) => unknown) {
  return mockApi((req) => {
    const q = query(req.path);
    const limit = Number(q.limit ?? 25);
    const offset = q.offset !== undefined ? Number(q.offset) : (Number(q.page ?? 1) - 1) * limit;
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => make(offset + k + 1));
    return { status: 200, body: { success: true, data, pagination: { total, limit, offset, page: Math.floor(offset / limit) + 1, hasMore: offset + data.length < total } } };
  });
}

describe("typed endpoints", () => {
  it("CRUD routes, bodies and types", async () => {
    const { agent, seen } = mockApi((req) => {
      if (req.method === "DELETE") return { status: 204 };
      if (req.path.startsWith("/v1/locations")) return ok(location("loc_1"), req.method === "POST" ? 201 : 200);
      if (req.path.startsWith("/v1/pricing-plans")) return ok(plan("pp_1"));
      if (req.path.startsWith("/v1/sessions")) return ok(session("s_1"));
      return ok(charger("242"));
    });
    const { client: c } = client(agent);
    const loc = await c.locations.create({ name: "A", accessType: "PUBLIC" } as never);
    const ch = await c.chargers.get("242");
    const pp = await c.pricingPlans.update("pp_1", { minPrice: null, name: "B" });
    await c.locations.delete("loc 1/x");
    const s1 = await c.sessions.start({ connectorId: "242.1.1" });
    await c.sessions.stop("s_1");
    await c.sessions.get("s_1");
    expectTypeOf(loc).toEqualTypeOf<Location>();
    expectTypeOf(ch).toEqualTypeOf<Charger>();
    expectTypeOf(pp).toEqualTypeOf<PricingPlan>();
    expectTypeOf(s1).toEqualTypeOf<Session>();
    expect(ch.evses[0].connectors[0].standard).toBe("IEC_62196_T2");
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      "POST /v1/locations",
      "GET /v1/chargers/242",
      "PATCH /v1/pricing-plans/pp_1",
      "DELETE /v1/locations/loc%201%2Fx",
      "POST /v1/sessions/start",
      "POST /v1/sessions/s_1/stop",
      "GET /v1/sessions/s_1",
    ]);
    expect(seen[0].headers["content-type"]).toBe("application/json");
    expect(seen[0].headers.authorization).toMatch(/^Bearer /);
    expect(seen[2].body).toEqual({ minPrice: null, name: "B" });
    expect(seen[4].body).toEqual({ connectorId: "242.1.1" });
  });

  it("list() walks every page, page style, limit 100", async () => {
    const { agent, seen } = pagedApi(250, (i) => charger(String(i)));
    const { client: c } = client(agent);
    const ids: string[] = [];
    for await (const ch of c.chargers.list()) ids.push(ch.id);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(seen.map((s) => query(s.path))).toEqual([
      { limit: "100", page: "1" },
      { limit: "100", page: "2" },
      { limit: "100", page: "3" },
    ]);
  });

  it("list() offset style; limit never above 100", async () => {
    const { agent, seen } = pagedApi(130, (i) => plan(`pp_${i}`));
    const { client: c } = client(agent);
    const got: string[] = [];
    for await (const p of c.pricingPlans.list({ offset: 10, limit: 500 })) got.push(p.id);
    expect(got).toHaveLength(120);
    expect(seen.map((s) => query(s.path))).toEqual([
      { limit: "100", offset: "10" },
      { limit: "100", offset: "110" },
    ]);
    await c.pricingPlans.list({ paging: "offset", limit: 60 }).next();
    expect(query(seen[2].path)).toEqual({ limit: "60", offset: "0" });
  });

  // The exact query of listPage() (filters, id lists, from/to, sort): test/client/requests.test.ts, with nock.
  it("page and offset exclude each other", () => {
    expect(() => buildListQuery({ page: 1, offset: 0 })).toThrow(/exclude each other/);
  });

  it("tolerates a list answer without pagination", async () => {
    const { agent } = mockApi(() => ({ status: 200, body: { success: true, data: [location("loc_1")] } }));
    const { client: c } = client(agent);
    const page = await c.locations.listPage({ limit: 10 });
    expect(page.pagination).toMatchObject({ limit: 10, offset: 0, page: 1, hasMore: false });
    const all = [];
    for await (const l of c.locations.list()) all.push(l);
    expect(all).toHaveLength(1);
  });
});
