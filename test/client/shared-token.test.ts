/**
 * Several processes on one token: each has its own limiter and knows nothing of the
 * others; the only thing they share is the server's bucket (the emulator's own token
 * bucket, on a virtual clock), seen through the `X-RateLimit-*` headers of their answers.
 */
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../provider/client";
import { RateLimiter as ServerBucket } from "../../emulator/rate-limit";

/** A virtual clock with timers: `run` advances it from timer to timer until `done` settles. */
function virtualTime() {
  let now = 0;
  const timers: Array<{ at: number; fire: () => void }> = [];
  const sleep = (ms: number) => new Promise<void>((fire) => timers.push({ at: now + Math.max(0, ms), fire }));
  async function run<T>(done: Promise<T>): Promise<T> {
    let settled = false;
    const result = done.finally(() => (settled = true));
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      if (settled) break;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) throw new Error("deadlock: nothing scheduled and not done");
      now = Math.max(now, next.at);
      next.fire();
    }
    return result;
  }
  return { now: () => now, sleep, run };
}

interface Process {
  limiter: RateLimiter;
  startedAt: number;
  finishedAt: number;
  answered429: number;
}

/**
 * `k` processes, started `startsMs` apart, each sending one probe (its location) and then
 * `n` requests at once, through its own limiter, with 20-60 ms of latency; a 429 is
 * retried after `Retry-After`, as the transport does.
 */
async function processesOnOneToken(k: number, n: number | number[], rate: number, startsMs: number[]) {
  const sizes = Array.from({ length: k }, (_, i) => (Array.isArray(n) ? n[i] : n));
  const clock = virtualTime();
  const server = new ServerBucket(rate, clock.now);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let requests = 0;
  let answered429 = 0;
  const send = async (p: Process) => {
    for (;;) {
      await p.limiter.acquire();
      await clock.sleep(20 + random() * 40);
      const decision = server.take("one-token");
      requests += 1;
      const retryAfterMs = decision.allowed ? undefined : Number(decision.headers["Retry-After"]) * 1000;
      p.limiter.observe(decision.allowed ? 201 : 429, new Headers(decision.headers), retryAfterMs);
      if (decision.allowed) return;
      answered429 += 1;
      p.answered429 += 1;
      await clock.sleep(retryAfterMs ?? 1000);
    }
  };
  const processes: Process[] = [];
  const runs = startsMs.slice(0, k).map(async (startMs, i) => {
    await clock.sleep(startMs);
    const p: Process = { limiter: new RateLimiter({ now: clock.now, sleep: clock.sleep }), startedAt: clock.now(), finishedAt: 0, answered429: 0 };
    processes.push(p);
    await send(p);
    await Promise.all(Array.from({ length: sizes[i] }, () => send(p)));
    p.finishedAt = clock.now();
  });
  await clock.run(Promise.all(runs));
  processes.sort((a, b) => a.startedAt - b.startedAt);
  const first = Math.min(...processes.map((p) => p.startedAt));
  const last = Math.max(...processes.map((p) => p.finishedAt));
  return { processes, requests, answered429, spanMs: last - first, limitMs: (sizes.reduce((a, b) => a + b + 1, 0) / rate) * 1000 };
}

describe("processes sharing one token converge on their share, from the headers alone", () => {
  it("four processes started together: few 429s, the rate used in full, the work shared evenly", async () => {
    const r = await processesOnOneToken(4, 60, 20, [0, 20, 45, 70]);
    expect(r.answered429 / r.requests).toBeLessThan(0.02);
    expect(r.spanMs).toBeLessThanOrEqual(1.1 * r.limitMs);
    const took = r.processes.map((p) => p.finishedAt - p.startedAt);
    expect(Math.max(...took) / Math.min(...took)).toBeLessThan(1.5);
    for (const p of r.processes) expect(p.limiter.stats().shared).toBe(true);
  });

  it("eight processes started over 1.5 s: few 429s, the rate used in full", async () => {
    const r = await processesOnOneToken(8, 60, 20, [0, 150, 300, 500, 700, 900, 1200, 1500]);
    expect(r.answered429 / r.requests).toBeLessThan(0.04);
    expect(r.spanMs).toBeLessThanOrEqual(1.1 * r.limitMs + 1500);
  });

  it("sixteen processes: the additive steps shrink as the bucket empties, so 429s stay rare", async () => {
    const r = await processesOnOneToken(16, 60, 20, Array.from({ length: 16 }, (_, i) => i * 100));
    expect(r.answered429 / r.requests).toBeLessThan(0.04);
    expect(r.spanMs).toBeLessThanOrEqual(1.1 * r.limitMs + 1500);
  });

  it("a process left alone when the others finish goes back to the full rate", async () => {
    const r = await processesOnOneToken(3, [30, 30, 300], 20, [0, 30, 60]);
    const long = r.processes[2];
    expect(long.finishedAt).toBe(Math.max(...r.processes.map((p) => p.finishedAt)));
    expect(long.limiter.stats()).toMatchObject({ shared: false, requestsPerSecond: 19.8 });
    expect(r.spanMs).toBeLessThanOrEqual(1.1 * r.limitMs);
    expect(r.answered429 / r.requests).toBeLessThan(0.02);
  });

  it("one process alone never sees a 429 and spends the full rate (the single-stack speed)", async () => {
    const r = await processesOnOneToken(1, 1000, 20, [0]);
    expect(r.answered429).toBe(0);
    expect(r.spanMs).toBeLessThanOrEqual(r.limitMs);
    expect(r.processes[0].limiter.stats().shared).toBe(false);
  });
});
