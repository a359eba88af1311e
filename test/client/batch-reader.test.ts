import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../provider/client";
import { charger, client, err, mockApi, query, type Reply } from "./helpers";

/** A charger list endpoint over `total` chargers with ids 1..total (minus `deleted`), supporting id=, sort, page. */
function chargerServer(total: number, deleted: Set<string> = new Set()) {
  const counts = { idRequests: 0, pageRequests: 0, other: 0 };
  const api = mockApi((req): Reply => {
    const url = new URL(req.path, "https://x");
    if (url.pathname !== "/v1/chargers") {
      counts.other += 1;
      const id = url.pathname.split("/").pop()!;
      return Number(id) <= total && !deleted.has(id) ? { status: 200, body: { success: true, data: charger(id) } } : err(404, "not_found", "No such charger.");
    }
    const q = query(req.path);
    const limit = Number(q.limit);
    expect(limit).toBeLessThanOrEqual(100);
    if (q.id) {
      counts.idRequests += 1;
      const ids = q.id.split(",");
      expect(ids.length).toBeLessThanOrEqual(100);
      const data = ids.filter((id) => Number(id) >= 1 && Number(id) <= total && !deleted.has(id)).map((id) => charger(id));
      return { status: 200, body: { success: true, data, pagination: { total: data.length, limit, offset: 0, page: 1, hasMore: false } } };
    }
    counts.pageRequests += 1;
    expect(q.sort).toBe("createdAt");
    const live = total - deleted.size;
    const offset = (Number(q.page) - 1) * limit;
    const data: unknown[] = [];
    for (let i = offset + 1; data.length < limit && i <= total; i++) if (!deleted.has(String(i))) data.push(charger(String(i)));
    return { status: 200, body: { success: true, data, pagination: { total: live, limit, offset, page: Number(q.page), hasMore: offset + data.length < live } } };
  });
  return { ...api, counts };
}

/** Reads `ids` the way the Pulumi engine refreshes: `parallel` at a time. */
async function refresh(read: (id: string) => Promise<unknown>, ids: string[], parallel = 8) {
  const results = new Map<string, unknown>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        results.set(id, await read(id));
      }
    }),
  );
  return results;
}

function shuffle<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe("batched reads: coalescing", () => {
  it("concurrent reads become one id= list request; absent ids are gone", async () => {
    const server = chargerServer(40);
    const { client: c } = client(server.agent, { readBatching: { scanTrigger: false } });
    const ids = range(1, 50);
    const results = await Promise.all(ids.map((id) => c.chargers.read(id)));
    expect(server.seen).toHaveLength(1);
    expect(query(server.seen[0].path)).toEqual({ id: ids.join(","), limit: "100" });
    expect(results.slice(0, 40).every((r, i) => (r as { id: string }).id === String(i + 1))).toBe(true);
    expect(results.slice(40).every((r) => r === undefined)).toBe(true);
    expect(c.stats().reads.chargers).toMatchObject({ reads: 50, batchRequests: 1, gone: 10 });
  });

  it("never asks for more than 100 ids at once", async () => {
    const server = chargerServer(1000);
    const { client: c } = client(server.agent, { readBatching: { scanTrigger: false } });
    await Promise.all(range(1, 250).map((id) => c.chargers.read(id)));
    expect(server.counts.idRequests).toBe(3);
  });

  it("at 8 in flight, plain coalescing costs about 1/8 request per object", async () => {
    const server = chargerServer(200);
    const { client: c } = client(server.agent, { readBatching: { scanTrigger: false } });
    await refresh((id) => c.chargers.read(id), range(1, 200));
    expect(server.seen.length).toBeGreaterThanOrEqual(25);
    expect(server.seen.length).toBeLessThanOrEqual(30);
  });

  it("a failing batch rejects its reads with the API error", async () => {
    const { agent } = mockApi(() => err(404, "not_found", "Unknown route."));
    const { client: c } = client(agent, { readBatching: { scanTrigger: false } });
    await expect(Promise.all([c.chargers.read("1"), c.chargers.read("2")])).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("batched reads: read-ahead", () => {
  it("a refresh of 1000 objects at 8 in flight costs ≤ 0.1 requests per object (creation order)", async () => {
    const server = chargerServer(1000, new Set(["500"]));
    const { client: c } = client(server.agent);
    const results = await refresh((id) => c.chargers.read(id), range(1, 1000));
    expect(results.get("500")).toBeUndefined();
    expect((results.get("999") as { id: string }).id).toBe("999");
    expect([...results.values()].filter(Boolean)).toHaveLength(999);
    expect(server.seen.length).toBeLessThanOrEqual(100);
    expect(server.seen.length).toBeLessThanOrEqual(20);
    expect(server.counts.pageRequests).toBeLessThanOrEqual(10);
    if (process.env.BATCH_DEBUG) console.log("ordered", server.counts, c.stats().reads.chargers);
  });

  it("… and in shuffled order", async () => {
    const server = chargerServer(1000);
    const { client: c } = client(server.agent);
    const results = await refresh((id) => c.chargers.read(id), shuffle(range(1, 1000)));
    expect([...results.values()].filter(Boolean)).toHaveLength(1000);
    expect(server.seen.length).toBeLessThanOrEqual(100);
    if (process.env.BATCH_DEBUG) console.log("shuffled", server.counts, c.stats().reads.chargers);
  });

  it("a small stack in a huge account does not scan the account", async () => {
    const server = chargerServer(100_000);
    const { client: c } = client(server.agent);
    const stack = shuffle(range(1, 100_000)).slice(0, 40);
    const results = await refresh((id) => c.chargers.read(id), stack);
    expect([...results.values()].filter(Boolean)).toHaveLength(40);
    expect(server.counts.pageRequests).toBeLessThanOrEqual(3);
    expect(server.seen.length).toBeLessThanOrEqual(10);
    if (process.env.BATCH_DEBUG) console.log("sparse", server.counts, c.stats().reads.chargers);
  });

  it("nothing older than the validity window is served", async () => {
    let now = 1_000_000;
    const server = chargerServer(300);
    const { client: c } = client(server.agent, { now: () => now });
    await refresh((id) => c.chargers.read(id), range(1, 300));
    const before = server.seen.length;
    await c.chargers.read("7"); // fresh: from the cache
    expect(server.seen.length).toBe(before);
    now += 5_001;
    await c.chargers.read("7"); // expired: asked again
    expect(server.seen.length).toBe(before + 1);
  });

  it("writes through the client refresh the cache; deletes drop it", async () => {
    const deleted = new Set<string>();
    const server = chargerServer(300, deleted);
    const { client: c } = client(server.agent);
    await refresh((id) => c.chargers.read(id), range(1, 300));
    await c.chargers.delete("3");
    deleted.add("3");
    expect(await c.chargers.read("3")).toBeUndefined();
  });
});

describe("batched reads: pass-through (the bench's naive baseline)", () => {
  it("maxBatch 1 without read-ahead: one plain GET per read, nothing cached, gone on 404", async () => {
    const server = chargerServer(10, new Set(["3"]));
    const { client: c } = client(server.agent, { readBatching: { maxBatch: 1, scanTrigger: false, ttlMs: 0 } });
    const ids = ["1", "2", "3", "1"];
    const results = await Promise.all(ids.map((id) => c.chargers.read(id)));
    expect(server.counts.other).toBe(4);
    expect(server.counts.idRequests).toBe(0);
    expect(server.seen.map((r) => r.path)).toEqual(["/v1/chargers/1", "/v1/chargers/2", "/v1/chargers/3", "/v1/chargers/1"]);
    expect(results.map((r) => (r as { id?: string } | undefined)?.id)).toEqual(["1", "2", undefined, "1"]);
    expect(c.stats().reads.chargers).toMatchObject({ reads: 4, batchRequests: 0, gone: 1 });
  });
});
