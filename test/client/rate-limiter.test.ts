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
  /** A limiter on a clock that its own sleeps move forward; `starts` are the times requests were let go. */
  function setup(opts: { requestsPerSecond?: number } = {}) {
    let now = 0;
    const limiter = new RateLimiter({
      ...opts,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    const starts: number[] = [];
    const go = async (count: number) => {
      for (let i = 0; i < count; i++) {
        await limiter.acquire();
        starts.push(Math.round(now));
      }
    };
    return { limiter, starts, go, advance: (ms: number) => (now += ms), at: () => now };
  }
  const h = (limit: number, remaining: number, reset = 1) =>
    new Headers({ "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": String(reset) });

  it("probes with one request, spends what Remaining leaves above a 10% reserve at twice the rate, then spaces requests window/limit apart", async () => {
    const { limiter, starts, go } = setup();
    await limiter.acquire(); // the probe
    let second = false;
    const p = limiter.acquire().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false); // waits for the probe's answer
    limiter.observe(201, h(20, 19));
    await p;
    await go(60);
    // 19 left - 2 kept (10% of 20) = 17 tokens, spent at twice 0.99 × 20 per second (25 ms
    // apart) while the refill adds more; once they are gone, 1000 / (0.99 × 20) ≈ 51 ms apart.
    expect(starts.slice(0, 16)).toEqual(Array.from({ length: 16 }, (_, i) => Math.round((1000 / 39.6) * (i + 1))));
    starts.forEach((t, i) => expect(i + 1).toBeLessThanOrEqual(17 + Math.floor((19.8 * t) / 1000)));
    const tail = starts.slice(-10);
    expect(Math.abs(tail[9] - tail[0] - (9 * 1000) / 19.8)).toBeLessThanOrEqual(1);
    expect(limiter.stats()).toMatchObject({ enabled: true, requestsPerSecond: 19.8, shared: false });
  });

  it("a 429 pauses everyone until Retry-After", async () => {
    const { limiter, starts, go } = setup();
    await limiter.acquire();
    limiter.observe(201, h(100, 90));
    limiter.observe(429, h(100, 0), 3000);
    await go(2);
    expect(starts[0]).toBeGreaterThanOrEqual(3000);
    expect(limiter.stats().pauses).toBe(1);
  });

  it("without rate-limit headers it steps aside after the probe", async () => {
    const { limiter, starts, go } = setup();
    await limiter.acquire();
    limiter.observe(200, new Headers());
    await go(10);
    expect(starts).toEqual(Array(10).fill(0));
  });

  it("an explicit requestsPerSecond spaces requests from the start", async () => {
    const { starts, go } = setup({ requestsPerSecond: 10 });
    await go(4);
    expect(starts).toEqual([0, 100, 200, 300]);
  });

  it("sees another process spending from the token's bucket, halves its rate, and shares", async () => {
    const { limiter, go, advance } = setup();
    await limiter.acquire();
    limiter.observe(201, h(20, 19));
    expect(limiter.stats()).toMatchObject({ shared: false, requestsPerSecond: 19.8 });
    // Each of its answers finds the bucket 3 lower than its own request and the refill explain.
    let remaining = 18;
    for (let i = 0; i < 3; i++) {
      advance(50);
      remaining = Math.max(0, remaining + 1 - 1 - 3);
      limiter.observe(201, h(20, remaining));
    }
    expect(limiter.stats()).toMatchObject({ shared: true, requestsPerSecond: 9.9 });
    await go(1);
  });

  it("a probe that finds the bucket drawn down starts shared, at half the rate", async () => {
    const { limiter } = setup();
    await limiter.acquire();
    limiter.observe(201, h(20, 3));
    expect(limiter.stats()).toMatchObject({ shared: true, requestsPerSecond: 9.9 });
  });
});

describe("rate limiter against a 20 req/s token bucket (real time)", () => {
  it("32 concurrent creates see no 429; the naive client sees many", async () => {
    const limited = mockApi(bucketServer(20));
    const c = client(limited.agent, { rateLimit: {}, sleep: undefined }).client;
    await Promise.all(Array.from({ length: 32 }, () => c.chargers.create({} as never)));
    expect(c.stats().rateLimited429).toBe(0);
    expect(c.stats().requests).toBe(32);
    // How fast: npm run bench (a time bound here would fail on a busy machine).

    const naive = mockApi(bucketServer(20));
    const n = client(naive.agent, { rateLimit: false, maxRetries: 0 }).client;
    await Promise.allSettled(Array.from({ length: 32 }, () => n.chargers.create({} as never)));
    expect(n.stats().rateLimited429).toBeGreaterThanOrEqual(10);
  }, 10_000);
});
