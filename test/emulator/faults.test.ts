import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isLoopback } from "../../emulator/control";
import { expectError, locationBody, startApi, TOKEN, type Api } from "./helpers";

let api: Api;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.emu.close(); });
beforeEach(() => api.emu.reset());

const control = (method: string, path: string, body?: unknown) => api.call(method, `/_emulator${path}`, body, { token: null });

describe("fault injection", () => {
  it("error500 and error503 answer without doing anything", async () => {
    await control("POST", "/faults", { error500: 1 });
    expectError(await api.call("POST", "/v1/locations", locationBody()), 500, "internal_error");
    await control("POST", "/faults", { error503: 1 });
    const r = await api.call("POST", "/v1/locations", locationBody());
    expectError(r, 503, "service_unavailable");
    expect(r.headers.get("retry-after")).toBe("1");
    expect(api.emu.state().locations).toHaveLength(0);
    expect(api.emu.requests().map((e) => [e.status, e.fault])).toEqual([[500, "error500"], [503, "error503"]]);
  });

  it("reset destroys the socket before anything happens", async () => {
    await control("POST", "/faults", { reset: 1 });
    await expect(api.call("POST", "/v1/locations", locationBody())).rejects.toThrow();
    expect(api.emu.state().locations).toHaveLength(0);
    expect(api.emu.requests()[0]).toMatchObject({ method: "POST", path: "/v1/locations", status: null, fault: "reset" });
  });

  it("dropResponse applies the write and then drops the answer; a retry with the key replays it", async () => {
    await control("POST", "/faults", { dropResponse: 1 });
    expect((await api.call("GET", "/v1/locations")).status).toBe(200); // reads are never dropped
    const headers = { "Idempotency-Key": "drop-1" };
    await expect(api.call("POST", "/v1/locations", locationBody(), { headers })).rejects.toThrow();
    expect(api.emu.state().locations).toHaveLength(1);
    await control("POST", "/faults", {});
    const retry = await api.call("POST", "/v1/locations", locationBody(), { headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.data.id).toBe(api.emu.state().locations[0].id);
    expect(api.emu.state().locations).toHaveLength(1);
    expect(api.emu.requests().map((e) => [e.method, e.status, e.fault, e.idempotencyKey])).toEqual([
      ["GET", 200, null, null], ["POST", 201, "dropResponse", "drop-1"], ["POST", 201, null, "drop-1"],
    ]);
  });

  it("burst429 answers runs of consecutive 429s with Retry-After 1, deterministically with a seed", async () => {
    const run = async () => {
      await control("POST", "/faults", { burst429: { p: 0.2, length: 3 }, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await api.call("GET", "/v1/locations");
        if (r.status === 429) {
          expect(r.headers.get("retry-after")).toBe("1");
          expect(r.body.code).toBe("rate_limited");
        }
        statuses.push(r.status);
      }
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const runs = a.join(",").split(/200,?/).filter(Boolean).map((s) => s.split(",").filter(Boolean).length);
    if (a[a.length - 1] === 429) runs.pop(); // the last burst may be cut off
    expect(runs.length).toBeGreaterThan(0);
    for (const n of runs) expect(n % 3).toBe(0);
    expect(api.emu.stats().byFault.burst429).toBe(a.filter((s) => s === 429).length * 2);
  });

  it("adds latency and latency spikes", async () => {
    await control("POST", "/faults", { latencyMs: [80, 100] });
    let t = performance.now();
    await api.call("GET", "/v1/locations");
    expect(performance.now() - t).toBeGreaterThanOrEqual(75);
    await control("POST", "/faults", { latencySpike: { p: 1, ms: 120 } });
    t = performance.now();
    await api.call("GET", "/v1/locations");
    expect(performance.now() - t).toBeGreaterThanOrEqual(115);
  });

  it("keeps the startup latency and idempotency options when faults are replaced", async () => {
    const slow = await startApi({ latencyMs: [60, 70], idempotency: false });
    try {
      slow.emu.setFaults({ error500: 0 });
      expect(slow.emu.getFaults()).toEqual({ latencyMs: [60, 70], idempotency: false, error500: 0 });
      const t = performance.now();
      await slow.call("GET", "/v1/locations");
      expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    } finally {
      await slow.emu.close();
    }
  });

  it("applies only to /v1 routes", async () => {
    await control("POST", "/faults", { error500: 1 });
    expect((await control("GET", "/faults")).status).toBe(200);
    expectError(await api.call("GET", "/other"), 404, "not_found");
  });
});

describe("control endpoints", () => {
  it("set, read and validate the fault configuration", async () => {
    const set = await control("POST", "/faults", { error503: 0.5, burst429: { p: 0.1, length: 2 }, seed: 7 });
    expect(set.body.data).toEqual({ error503: 0.5, burst429: { p: 0.1, length: 2 }, seed: 7 });
    expect((await control("GET", "/faults")).body.data).toEqual(set.body.data);
    expectError(await control("POST", "/faults", { error500: 2 }), 400, "invalid_parameter", "error500");
    expectError(await control("POST", "/faults", { latencyMs: [50, 10] }), 400, "invalid_parameter", "latencyMs");
    expectError(await control("POST", "/faults", { explode: 1 }), 400, "invalid_parameter", "explode");
    expectError(await control("GET", "/nothing"), 404, "not_found");
  });

  it("expose requests, stats and state over HTTP", async () => {
    const loc = (await api.call("POST", "/v1/locations", locationBody(), { headers: { "Idempotency-Key": "abc" } })).body.data;
    await api.call("GET", "/v1/locations?name=HQ");
    await api.call("GET", "/v1/locations", undefined, { token: "nope" });
    const reqs = (await control("GET", "/requests")).body.data;
    expect(reqs.map((r: any) => [r.method, r.path, r.status, r.idempotencyKey, r.fault])).toEqual([
      ["POST", "/v1/locations", 201, "abc", null],
      ["GET", "/v1/locations?name=HQ", 200, null, null],
      ["GET", "/v1/locations", 401, null, null],
    ]);
    expect(Date.parse(reqs[0].at)).not.toBeNaN();
    expect(JSON.stringify(reqs)).not.toContain(TOKEN);
    const stats = (await control("GET", "/stats")).body.data;
    expect(stats).toMatchObject({ total: 3, byStatus: { "200": 1, "201": 1, "401": 1 }, byFault: { none: 3, error500: 0 } });
    const state = (await control("GET", "/state")).body.data;
    expect(state.locations.map((l: any) => l.id)).toEqual([loc.id]);
    expect(state).toMatchObject({ chargers: [], pricingPlans: [], sessions: [] });
    expect((await control("DELETE", "/requests")).status).toBe(204);
    expect((await control("GET", "/requests")).body.data).toEqual([]);
    expect((await control("POST", "/reset")).status).toBe(204);
    expect((await control("GET", "/state")).body.data.locations).toEqual([]);
    expect((await api.call("GET", "/v1/locations")).body.data).toEqual([]);
  });

  it("answers only loopback clients", async () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("10.1.2.3")).toBe(false);
    expect(isLoopback("::ffff:192.168.1.4")).toBe(false);
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (!external) return;
    const wide = await startApi({ host: "0.0.0.0" });
    try {
      const url = `http://${external.address}:${wide.emu.port}`;
      const r = await fetch(`${url}/_emulator/state`);
      expect(r.status).toBe(403);
      expect((await fetch(`${url}/v1/locations`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      await wide.emu.close();
    }
  });
});
