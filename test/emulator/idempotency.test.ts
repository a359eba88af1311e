import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectError, locationBody, planBody, startApi, type Api } from "./helpers";

let api: Api;
beforeAll(async () => { api = await startApi({ tokens: ["t1", "t2"] }); });
afterAll(async () => { await api.emu.close(); });
beforeEach(() => api.emu.reset());

const key = (k: string) => ({ headers: { "Idempotency-Key": k } });

describe("idempotency keys", () => {
  it("replays the first answer for the same key and body, creating nothing new", async () => {
    const first = await api.call("POST", "/v1/locations", locationBody(), { token: "t1", ...key("k-1") });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await api.call("POST", "/v1/locations", { ...locationBody() }, { token: "t1", ...key("k-1") });
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(api.emu.state().locations).toHaveLength(1);
    // the same key under another token is a different key
    expect((await api.call("POST", "/v1/locations", locationBody(), { token: "t2", ...key("k-1") })).headers.get("idempotent-replayed")).toBeNull();
    expect(api.emu.state().locations).toHaveLength(2);
    expect(api.emu.requests().filter((r) => r.replayed)).toHaveLength(1);
  });

  it("replays errors too, and accepts key order changes as the same body", async () => {
    const body = planBody({ currency: "bad" });
    const first = await api.call("POST", "/v1/pricing-plans", body, { token: "t1", ...key("k-err") });
    expect(first.status).toBe(400);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await api.call("POST", "/v1/pricing-plans", reordered, { token: "t1", ...key("k-err") });
    expect(again.status).toBe(400);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("answers 409 idempotency_key_reused for another body or route", async () => {
    await api.call("POST", "/v1/locations", locationBody(), { token: "t1", ...key("k-2") });
    expectError(await api.call("POST", "/v1/locations", locationBody({ name: "Other" }), { token: "t1", ...key("k-2") }), 409, "idempotency_key_reused");
    expectError(await api.call("POST", "/v1/pricing-plans", planBody(), { token: "t1", ...key("k-2") }), 409, "idempotency_key_reused");
    expect(api.emu.state().locations).toHaveLength(1);
    expect(api.emu.state().pricingPlans).toHaveLength(0);
  });

  it("rejects a key longer than 255 characters", async () => {
    expectError(await api.call("POST", "/v1/locations", locationBody(), { token: "t1", ...key("x".repeat(256)) }), 400, "invalid_parameter");
    expect((await api.call("POST", "/v1/locations", locationBody(), { token: "t1", ...key("x".repeat(255)) })).status).toBe(201);
  });

  it("can be switched off (then every POST creates)", async () => {
    api.emu.setFaults({ idempotency: false });
    await api.call("POST", "/v1/locations", locationBody(), { token: "t1", ...key("k-3") });
    const again = await api.call("POST", "/v1/locations", locationBody(), { token: "t1", ...key("k-3") });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(api.emu.state().locations).toHaveLength(2);
  });
});
