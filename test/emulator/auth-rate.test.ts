import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, locationBody, planBody, startApi, type Api } from "./helpers";

describe("authentication and scopes", () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ tokens: { admin: ["*"], reader: ["pricing:read", "locations:read"], sessions: ["sessions:read"] } });
  });
  afterAll(async () => { await api.emu.close(); });

  it("answers 401 invalid_token without, with an unknown or malformed token, and never echoes it", async () => {
    expectError(await api.call("GET", "/v1/locations", undefined, { token: null }), 401, "invalid_token");
    const bad = await api.call("GET", "/v1/locations", undefined, { token: "secret-xyz" });
    expectError(bad, 401, "invalid_token");
    expect(bad.text).not.toContain("secret-xyz");
    expectError(await api.call("GET", "/v1/locations", undefined, { token: null, headers: { Authorization: "Basic admin" } }), 401, "invalid_token");
    expectError(await api.call("GET", "/v1/locations", undefined, { token: "dev-token" }), 401, "invalid_token");
    expectError(await api.call("GET", "/v1/nowhere", undefined, { token: null }), 401, "invalid_token");
  });

  it("answers 403 insufficient_scope naming the scope", async () => {
    const res = await api.call("POST", "/v1/pricing-plans", planBody(), { token: "reader" });
    expect(res.body).toEqual({ success: false, code: "insufficient_scope", message: "Token lacks scope 'pricing:write'." });
    expect(res.status).toBe(403);
    expect((await api.call("GET", "/v1/pricing-plans", undefined, { token: "reader" })).status).toBe(200);
    expect((await api.call("GET", "/v1/locations", undefined, { token: "reader" })).status).toBe(200);
    expectError(await api.call("POST", "/v1/locations", locationBody(), { token: "reader" }), 403, "insufficient_scope");
    expect((await api.call("GET", "/v1/chargers", undefined, { token: "reader" })).body.message).toBe("Token lacks scope 'chargers:read'.");
    expect((await api.call("DELETE", "/v1/chargers/100", undefined, { token: "reader" })).body.message).toBe("Token lacks scope 'chargers:write'.");
    expect((await api.call("GET", "/v1/sessions", undefined, { token: "sessions" })).status).toBe(200);
    expect((await api.call("POST", "/v1/sessions/start", { connectorId: "1.1.1" }, { token: "sessions" })).body.message).toBe("Token lacks scope 'sessions:write'.");
    expect((await api.call("POST", "/v1/sessions/start", { connectorId: "1.1.1" }, { token: "admin" })).status).toBe(404);
  });
});

describe("rate limits", () => {
  it("sends the headers on every response and a 429 with Retry-After when over", async () => {
    let now = 0; // the bucket's clock, so that a slow machine cannot refill it between requests
    const api = await startApi({ rateLimit: 5, tokens: ["a", "b"], rateLimitClock: () => now });
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await api.call("GET", "/v1/locations", undefined, { token: "a" });
        expect(r.status).toBe(200);
        expect(r.headers.get("x-ratelimit-limit")).toBe("5");
        expect(Number(r.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(1);
        remaining.push(r.headers.get("x-ratelimit-remaining")!);
      }
      expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
      const over = await api.call("GET", "/v1/locations", undefined, { token: "a" });
      expectError(over, 429, "rate_limited");
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
      // per token: b still has its whole window, errors carry the headers too
      const other = await api.call("GET", "/v1/nothing", undefined, { token: "b" });
      expect(other.status).toBe(404);
      expect(other.headers.get("x-ratelimit-remaining")).toBe("4");
      expect(api.emu.stats().byFault.rateLimited).toBe(1);
      now += Number(over.headers.get("retry-after")) * 1000;
      expect((await api.call("GET", "/v1/locations", undefined, { token: "a" })).status).toBe(200);
    } finally {
      await api.emu.close();
    }
  });

  it("never throttles a client that spreads its requests at the rate, and throttles a burst of twice the rate", async () => {
    // The bucket's clock is the test's: how busy the machine is cannot change what it counts.
    let now = 0;
    const rate = 50;
    const api = await startApi({ rateLimit: rate, rateLimitClock: () => now });
    try {
      let throttled = 0;
      for (let i = 0; i < 3 * rate; i++) {
        now += 1000 / rate;
        if ((await api.call("GET", "/v1/locations")).status === 429) throttled++;
      }
      expect(throttled).toBe(0);
      // A burst of twice the rate, all at one instant: a full bucket lets exactly `rate` through.
      now += 1000;
      const burst = await Promise.all(Array.from({ length: 2 * rate }, () => api.call("GET", "/v1/locations")));
      expect(burst.filter((r) => r.status === 429).length).toBe(rate);
    } finally {
      await api.emu.close();
    }
  });

  it("sends no rate-limit headers when unlimited", async () => {
    const api = await startApi({ rateLimit: 0 });
    const r = await api.call("GET", "/v1/locations");
    expect(r.headers.get("x-ratelimit-limit")).toBeNull();
    await api.emu.close();
  });
});
