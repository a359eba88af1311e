import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../provider/client";
import { charger, client, mockApi, type Reply } from "./helpers";

/** A token-bucket server like the emulator's: `rate` per second, burst `rate`. */
function bucketServer(rate: number) {
  let tokens = rate;
  let at = performance.now();
  return (): Reply => {
    const now = performance.now();
    tokens = Math.min(rate, tokens + ((now - at) / 1000) * rate);
    at = now;
    const allowed = tokens >= 1 - 1e-6;
    if (allowed) tokens -= 1;
    const headers: Record<string, string> = {
      "X-RateLimit-Limit": String(rate),
      "X-RateLimit-Remaining": String(Math.max(0, Math.floor(tokens))),
      "X-RateLimit-Reset": String(Math.max(1, Math.ceil((rate - tokens) / rate))),
    };
    if (!allowed) return { status: 429, body: { success: false, code: "rate_limited", message: "Too many requests." }, headers: { ...headers, "Retry-After": "1" } };
    return { status: 201, body: { success: true, data: charger(String(Math.random()).slice(2)) }, headers };
  };
}

describe("rate limiter (virtual clock)", () => {
  function setup(opts: { requestsPerSecond?: number } = {}) {
    let now = 0;
    const sleeps: number[] = [];
    const limiter = new RateLimiter({
      ...opts,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(Math.round(ms));
      },
    });
    return { limiter, sleeps, advance: (ms: number) => (now += ms) };
  }
  const h = (limit: number, remaining: number, reset = 1) =>
    new Headers({ "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": String(reset) });

  it("probes with one request, then spends Remaining and spaces the rest window/limit apart", async () => {
    const { limiter, sleeps } = setup();
    await limiter.acquire(); // the probe
    let second = false;
    const p = limiter.acquire().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false); // waits for the probe's answer
    limiter.observe(201, h(20, 4));
    await p;
    for (let i = 0; i < 4; i++) await limiter.acquire();
    // remaining 4 - reserve 2 (10% of 20) = 2 tokens: second + 1 more free, then spacing of 1000/(0.99·20) ≈ 51 ms
    expect(sleeps).toEqual([51, 101, 152]);
    expect(limiter.stats()).toMatchObject({ enabled: true, requestsPerSecond: 19.8 });
  });

  it("leaves 10% of the server's bucket unspent, for requests that arrive bunched", async () => {
    const { limiter, sleeps } = setup();
    await limiter.acquire(); // the probe
    limiter.observe(201, h(20, 19));
    for (let i = 0; i < 18; i++) await limiter.acquire();
    // 19 left - 2 kept = 17 start at once; the 18th waits one interval.
    expect(sleeps).toEqual([51]);
  });

  it("a 429 pauses everyone until Retry-After", async () => {
    const { limiter, sleeps } = setup();
    await limiter.acquire();
    limiter.observe(201, h(100, 90));
    limiter.observe(429, h(100, 0), 3000);
    await limiter.acquire();
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(limiter.stats().pauses).toBe(1);
  });

  it("without rate-limit headers it steps aside after the probe", async () => {
    const { limiter, sleeps } = setup();
    await limiter.acquire();
    limiter.observe(200, new Headers());
    for (let i = 0; i < 10; i++) await limiter.acquire();
    expect(sleeps).toEqual([]);
  });

  it("an explicit requestsPerSecond spaces requests from the start", async () => {
    const { limiter, sleeps } = setup({ requestsPerSecond: 10 });
    for (let i = 0; i < 4; i++) await limiter.acquire();
    expect(sleeps).toEqual([100, 200, 300]);
  });
});

describe("rate limiter against a 20 req/s token bucket (real time)", () => {
  it("32 concurrent creates see no 429; the naive client sees many", async () => {
    const limited = mockApi(bucketServer(20));
    const c = client(limited.agent, { rateLimit: {}, sleep: undefined }).client;
    const t = performance.now();
    await Promise.all(Array.from({ length: 32 }, () => c.chargers.create({} as never)));
    const elapsed = performance.now() - t;
    expect(c.stats().rateLimited429).toBe(0);
    expect(c.stats().requests).toBe(32);
    expect(elapsed).toBeLessThan(2500);

    const naive = mockApi(bucketServer(20));
    const n = client(naive.agent, { rateLimit: false, maxRetries: 0 }).client;
    await Promise.allSettled(Array.from({ length: 32 }, () => n.chargers.create({} as never)));
    expect(n.stats().rateLimited429).toBeGreaterThanOrEqual(10);
  }, 10_000);
});
