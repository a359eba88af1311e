import { MockAgent } from "undici";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY_POLICY,
  NetworkError,
  RateLimitError,
  ServerError,
  TimeoutError,
  backoffDelay,
  decideRetry,
  parseRetryAfter,
} from "../../provider/client";
import { BASE, charger, client, err, mockApi, ok, type Reply } from "./helpers";

/** Answers from a script, one per attempt; the last one repeats. */
function script(...replies: Array<Reply | "reset">) {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)];
}

describe("retry policy (pure)", () => {
  const base = { method: "GET", hasIdempotencyKey: false, attempt: 0, policy: DEFAULT_RETRY_POLICY, random: () => 1 };
  it("decides in order", () => {
    expect(decideRetry({ ...base, outcome: { kind: "response", status: 200 } }).retry).toBe(false);
    for (const status of [400, 401, 403, 404, 409, 422]) expect(decideRetry({ ...base, outcome: { kind: "response", status } }).retry).toBe(false);
    expect(decideRetry({ ...base, outcome: { kind: "response", status: 429, retryAfterMs: 2000 } })).toMatchObject({ retry: true, delayMs: 2000 });
    expect(decideRetry({ ...base, outcome: { kind: "response", status: 503, retryAfterMs: 1000 } })).toMatchObject({ retry: true, delayMs: 1000 });
    expect(decideRetry({ ...base, outcome: { kind: "response", status: 429 } })).toMatchObject({ retry: true, delayMs: 250 });
    expect(decideRetry({ ...base, attempt: 3, outcome: { kind: "response", status: 500 } })).toMatchObject({ retry: true, delayMs: 2000 });
    expect(decideRetry({ ...base, outcome: { kind: "network" } }).retry).toBe(true);
    expect(decideRetry({ ...base, outcome: { kind: "timeout" } }).retry).toBe(true);
    expect(decideRetry({ ...base, attempt: 5, outcome: { kind: "response", status: 500 } }).retry).toBe(false);
    expect(decideRetry({ ...base, method: "POST", outcome: { kind: "response", status: 500 } }).retry).toBe(false);
    expect(decideRetry({ ...base, method: "POST", hasIdempotencyKey: true, outcome: { kind: "network" } }).retry).toBe(true);
    for (const method of ["PATCH", "DELETE"]) expect(decideRetry({ ...base, method, outcome: { kind: "response", status: 502 } }).retry).toBe(true);
  });

  it("full jitter below min(cap, base·2^n)", () => {
    expect(backoffDelay(0, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(125);
    expect(backoffDelay(10, DEFAULT_RETRY_POLICY, () => 0.999)).toBeLessThan(20_000);
    expect(backoffDelay(2, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });

  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("0.5")).toBe(500);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
  });
});

describe("retries over HTTP", () => {
  it("429 waits for Retry-After, then succeeds", async () => {
    const { agent, seen } = mockApi(script(err(429, "rate_limited", "slow down", {}, { "Retry-After": "2" }), ok(charger("1"))));
    const { client: c, sleeps } = client(agent);
    await expect(c.chargers.get("1")).resolves.toMatchObject({ id: "1" });
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(c.stats()).toMatchObject({ requests: 2, retries: 1, rateLimited429: 1, byStatus: { 429: 1, 200: 1 } });
  });

  it("503 waits for Retry-After; without it, backoff", async () => {
    const { agent } = mockApi(script(err(503, "service_unavailable", "busy", {}, { "Retry-After": "1" }), err(503, "service_unavailable", "busy"), ok(charger("1"))));
    const { client: c, sleeps } = client(agent);
    await c.chargers.get("1");
    expect(sleeps).toEqual([1000, 250]); // random 0.5 × 250·2^1
  });

  it("500 backs off exponentially with jitter and gives up after maxRetries", async () => {
    const { agent, seen } = mockApi(() => err(500, "internal_error", "boom"));
    const { client: c, sleeps } = client(agent, { maxRetries: 3 });
    const e = await c.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServerError);
    expect(e).toMatchObject({ retries: 3 });
    expect((e as Error).message).toMatch(/after 3 retries/);
    expect(seen).toHaveLength(4);
    expect(sleeps).toEqual([125, 250, 500]);
  });

  it("a connection reset is retried; the final NetworkError keeps a cause", async () => {
    const { agent, seen } = mockApi(script("reset", ok(charger("1"))));
    const { client: c } = client(agent);
    await expect(c.chargers.get("1")).resolves.toMatchObject({ id: "1" });
    expect(seen).toHaveLength(2);
    const always = mockApi(() => "reset");
    const e = await client(always.agent, { maxRetries: 2 }).client.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).toMatchObject({ status: 0, code: "network_error", retries: 2 });
    expect((e as Error).cause).toBeInstanceOf(Error);
  });

  it("a timeout is retried per attempt, then TimeoutError", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(BASE);
    pool.intercept({ path: "/v1/chargers/1", method: "GET" }).reply(200, { success: true, data: charger("1") }).delay(500);
    pool.intercept({ path: "/v1/chargers/1", method: "GET" }).reply(200, { success: true, data: charger("1") });
    const { client: c } = client(agent, { timeoutMs: 30 });
    await expect(c.chargers.get("1")).resolves.toMatchObject({ id: "1" });
    expect(c.stats()).toMatchObject({ timeouts: 1, retries: 1 });

    const slow = new MockAgent();
    slow.disableNetConnect();
    slow.get(BASE).intercept({ path: () => true, method: () => true }).reply(200, {}).delay(300).persist();
    const s = client(slow, { timeoutMs: 20, maxRetries: 1 }).client;
    const e = await s.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e as Error).message).toMatch(/no complete answer within 20 ms .*after 1 retry/);
  });

  it.each([400, 404, 409])("%i is never retried", async (status) => {
    const { agent, seen } = mockApi(() => err(status, "x", "no"));
    const { client: c } = client(agent);
    await expect(c.chargers.update("1", { name: "a" })).rejects.toMatchObject({ status, retries: 0 });
    expect(seen).toHaveLength(1);
  });

  it("POST: one Idempotency-Key per call, the same on every attempt; a caller's key wins", async () => {
    const { agent, seen } = mockApi(script(err(500, "internal_error", "x"), "reset", err(503, "service_unavailable", "x"), ok(charger("9"), 201)));
    const { client: c } = client(agent);
    await c.chargers.create({} as never);
    expect(seen).toHaveLength(4);
    const keys = new Set(seen.map((s) => s.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);

    const second = mockApi(script(err(502, "bad_gateway", "x"), ok(charger("10"), 201)));
    const c2 = client(second.agent).client;
    await c2.chargers.create({} as never, { idempotencyKey: "my-key-1" });
    await c2.chargers.create({} as never);
    expect(second.seen.map((s) => s.headers["idempotency-key"]).slice(0, 2)).toEqual(["my-key-1", "my-key-1"]);
    expect(second.seen[2].headers["idempotency-key"]).not.toBe("my-key-1");
    // non-POST calls carry no key
    await c2.chargers.get("10");
    expect(second.seen[3].headers["idempotency-key"]).toBeUndefined();
  });

  it("every POST carries a key, so a POST is always retryable (sessions too)", async () => {
    const { agent, seen } = mockApi(script("reset", ok({ id: "s1", connectorId: "242.1.1", chargerId: "242", locationId: "l", status: "ACTIVE", startedAt: "t" }, 201)));
    const { client: c } = client(agent);
    await c.sessions.start({ connectorId: "242.1.1" });
    expect(seen).toHaveLength(2);
    expect(seen[0].headers["idempotency-key"]).toBeDefined();
    expect(seen[0].headers["idempotency-key"]).toBe(seen[1].headers["idempotency-key"]);
  });

  it("stops when the next wait would exceed the retry budget, saying how many retries were made", async () => {
    const { agent, seen } = mockApi(() => err(503, "service_unavailable", "busy", {}, { "Retry-After": "30" }));
    const { client: c, sleeps } = client(agent, { retryBudgetMs: 70_000 });
    const e = await c.chargers.get("1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServerError);
    expect(sleeps).toEqual([30_000, 30_000]);
    expect(seen).toHaveLength(3);
    expect((e as Error).message).toMatch(/after 2 retries/);
  });

  it("429s use neither the retry count nor the retry budget: the call waits as long as the rate-limit budget lasts", async () => {
    const limited = err(429, "rate_limited", "Rate limit exceeded; see Retry-After.", {}, { "Retry-After": "30" });
    const { agent, seen } = mockApi(script(...Array(8).fill(limited), ok(charger("1"))));
    const { client: c, sleeps } = client(agent, { maxRetries: 1, retryBudgetMs: 10_000 });
    await expect(c.chargers.get("1")).resolves.toMatchObject({ id: "1" });
    expect(seen).toHaveLength(9);
    expect(sleeps).toEqual(Array(8).fill(30_000));
    expect(c.stats()).toMatchObject({ rateLimited429: 8, byStatus: { 429: 8, 200: 1 } });
  });

  it("429s before a 5xx leave the 5xx its full retry count", async () => {
    const limited = err(429, "rate_limited", "slow", {}, { "Retry-After": "1" });
    const failed = err(500, "internal_error", "x");
    const { agent, seen } = mockApi(script(limited, limited, limited, failed, failed, ok(charger("1"))));
    const { client: c } = client(agent, { maxRetries: 2 });
    await expect(c.chargers.get("1")).resolves.toMatchObject({ id: "1" });
    expect(seen).toHaveLength(6);
    const exhausted = mockApi(script(limited, limited, failed, failed, failed, ok(charger("1"))));
    await expect(client(exhausted.agent, { maxRetries: 2 }).client.chargers.get("1")).rejects.toBeInstanceOf(ServerError);
    expect(exhausted.seen).toHaveLength(5);
  });

  it("when the rate-limit budget runs out, the error says the limit is shared, how long was waited and what to change", async () => {
    const { agent, seen } = mockApi(() => err(429, "rate_limited", "Rate limit exceeded; see Retry-After.", {}, { "Retry-After": "30" }));
    const { client: c, sleeps } = client(agent, { rateLimitBudgetMs: 100_000 });
    const e = await c.chargers.create({} as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect(sleeps).toEqual([30_000, 30_000, 30_000]);
    expect(seen).toHaveLength(4);
    const message = (e as Error).message;
    expect(message).toMatch(/^EOSVOLT API 429 rate_limited: Rate limit exceeded; see Retry-After\. \(POST \/v1\/chargers\)/);
    expect(message).toMatch(/answered 429 4 times over 90(\.\d)? s of waiting \(rate-limit budget 100 s\)/);
    expect(message).toMatch(/rate limit belongs to the token and is shared by every process using it/);
    expect(message).toMatch(/eosvolt:rateLimitBudget/);
    expect(message).toMatch(/EOSVOLT_RATE_LIMIT_BUDGET/);
    expect(message).toMatch(/--parallel/);
    expect(message).toMatch(/fewer jobs/);
    // Every attempt of the create carried the same key: waiting could not create twice.
    expect(new Set(seen.map((s) => s.headers["idempotency-key"])).size).toBe(1);
  });

  it("DELETE: 404 on a retry counts as deleted; 404 at once is NotFoundError", async () => {
    const { agent } = mockApi(script("reset", err(404, "not_found", "gone")));
    const { client: c } = client(agent);
    await expect(c.chargers.delete("1")).resolves.toBeUndefined();
    const direct = mockApi(() => err(404, "not_found", "gone"));
    await expect(client(direct.agent).client.chargers.delete("1")).rejects.toMatchObject({ status: 404, retries: 0 });
  });

  it("PATCH and DELETE are retried as idempotent", async () => {
    const { agent, seen } = mockApi(script(err(500, "internal_error", "x"), ok(charger("1")), err(502, "x", "y"), { status: 204 }));
    const { client: c } = client(agent);
    await c.chargers.update("1", { name: null });
    await c.chargers.delete("1");
    expect(seen.map((s) => s.method)).toEqual(["PATCH", "PATCH", "DELETE", "DELETE"]);
    expect(seen[0].body).toEqual({ name: null });
  });
});
