import { describe, expect, it } from "vitest";
import { HistoryCursorError } from "../../provider/client";
import { client, err, mockApi, type Reply, type Seen } from "./helpers";

const DAY = 86_400_000;
const FROM = Date.parse("2026-09-01T00:00:00Z");

/** `n` completed sessions from FROM on, every `gapMs`, a few sharing a second, at two locations. */
function sessions(n: number, gapMs: number) {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(FROM + Math.floor(i / 3) * 3 * gapMs).toISOString(); // three per instant
    return {
      id: `ses_${String(n - i).padStart(5, "0")}`, // ids against the time order, so ties are not in id order by accident
      status: "COMPLETED",
      connectorId: "1.1.1",
      chargerId: "1",
      locationId: i % 2 ? "loc_b" : "loc_a",
      startedAt: at,
      stoppedAt: at,
      energyWh: 1000,
      periods: [],
      pricingPlanId: "pp_1",
      currency: "EUR",
      cost: { exclVat: "0.3900", vat: "0.0819", inclVat: "0.4719" },
      lines: [],
      someFutureField: { kept: true },
    };
  });
}

/** The contract's history: window of at most 31 days, sorted by startedAt then id, paged; optional faults by request number. */
function api(all: ReturnType<typeof sessions>, faults: (n: number) => Reply | "reset" | undefined = () => undefined) {
  let n = 0;
  return (req: Seen): Reply | "reset" => {
    n += 1;
    const fault = faults(n);
    if (fault) return fault;
    const q = new URL(req.path, "https://x").searchParams;
    const from = Date.parse(q.get("from")!);
    const to = Date.parse(q.get("to")!);
    if (to - from > 31 * DAY) return err(400, "invalid_parameter", "a window of at most 31 days", { field: "to" });
    const limit = Number(q.get("limit"));
    const page = Number(q.get("page"));
    const rows = all
      .filter((s) => Date.parse(s.startedAt) >= from && Date.parse(s.startedAt) < to && (!q.get("locationId") || s.locationId === q.get("locationId")))
      .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : 1));
    const data = rows.slice((page - 1) * limit, page * limit);
    return { status: 200, body: { success: true, data, pagination: { total: rows.length, limit, offset: (page - 1) * limit, page, hasMore: page * limit < rows.length } } };
  };
}

async function collect<T>(it: AsyncIterable<T>, stopAfter = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    if (out.length >= stopAfter) break;
  }
  return out;
}

describe("client.sessions.history", () => {
  it("reads a 70-day range in windows of at most 31 days, pages of 100, every completed session once in startedAt order", async () => {
    const all = sessions(450, 4 * 3600_000); // 450 sessions over 75 days
    const { agent, seen } = mockApi(api(all));
    const { client: c } = client(agent);
    const to = new Date(FROM + 70 * DAY).toISOString();
    const got = await collect(c.sessions.history({ from: new Date(FROM), to }));
    const expected = all.filter((s) => Date.parse(s.startedAt) < FROM + 70 * DAY);
    expect(got.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(new Set(got.map((s) => s.id)).size).toBe(got.length);
    for (let i = 1; i < got.length; i += 1) expect(Date.parse(got[i].startedAt)).toBeGreaterThanOrEqual(Date.parse(got[i - 1].startedAt));
    expect(got[0].someFutureField).toEqual({ kept: true });
    const queries = seen.map((r) => new URL(r.path, "https://x").searchParams);
    for (const q of queries) {
      expect(q.get("status")).toBe("COMPLETED");
      expect(q.get("limit")).toBe("100");
      expect(q.get("sort")).toBe("startedAt");
      expect(Date.parse(q.get("to")!) - Date.parse(q.get("from")!)).toBeLessThanOrEqual(31 * DAY);
    }
    expect([...new Set(queries.map((q) => q.get("from")))]).toEqual([new Date(FROM).toISOString(), new Date(FROM + 31 * DAY).toISOString(), new Date(FROM + 62 * DAY).toISOString()]);
  });

  it("resumes from its cursor neither losing nor doubling a session, also inside a second shared by several", async () => {
    const all = sessions(300, 3 * 3600_000);
    const query = { from: new Date(FROM).toISOString(), to: new Date(FROM + 60 * DAY).toISOString() };
    for (const cut of [1, 100, 101, 151, 152, 299]) {
      const { agent } = mockApi(api(all));
      const { client: c } = client(agent);
      const first = c.sessions.history(query);
      const head = await collect(first, cut);
      const rest = await collect(c.sessions.history({ ...query, cursor: first.cursor() }));
      const ids = [...head, ...rest].map((s) => s.id);
      expect(new Set(ids).size, `cut after ${cut}`).toBe(ids.length);
      expect(ids.sort()).toEqual(all.map((s) => s.id).sort());
    }
  });

  it("merges several locations by startedAt", async () => {
    const all = sessions(240, 2 * 3600_000);
    const { agent, seen } = mockApi(api(all));
    const { client: c } = client(agent);
    const got = await collect(c.sessions.history({ from: new Date(FROM), to: new Date(FROM + 20 * DAY), locationId: ["loc_b", "loc_a"] }));
    expect(got.length).toBe(240);
    for (let i = 1; i < got.length; i += 1) expect(Date.parse(got[i].startedAt)).toBeGreaterThanOrEqual(Date.parse(got[i - 1].startedAt));
    expect(new Set(seen.map((r) => new URL(r.path, "https://x").searchParams.get("locationId")))).toEqual(new Set(["loc_a", "loc_b"]));
  });

  it("retries 503s, resets and 429s as every call does", async () => {
    const all = sessions(250, 3600_000);
    const faults = (n: number): Reply | "reset" | undefined =>
      n === 1 ? err(503, "service_unavailable", "busy") : n === 3 ? "reset" : n === 4 ? err(429, "rate_limited", "slow down", {}, { "retry-after": "1" }) : undefined;
    const { agent } = mockApi(api(all, faults));
    const { client: c, sleeps } = client(agent);
    const got = await collect(c.sessions.history({ from: new Date(FROM), to: new Date(FROM + 31 * DAY) }));
    expect(got.map((s) => s.id).sort()).toEqual(all.map((s) => s.id).sort());
    expect(sleeps.some((ms) => ms >= 1000)).toBe(true); // waited the Retry-After
  });

  it("refuses a cursor of another query, and bad dates, before any request", async () => {
    const { agent, seen } = mockApi(api(sessions(10, 3600_000)));
    const { client: c } = client(agent);
    const other = c.sessions.history({ from: "2026-09-01", to: "2026-09-10", locationId: "loc_a" }).cursor();
    expect(() => c.sessions.history({ from: "2026-09-01", to: "2026-09-10", cursor: other })).toThrow(HistoryCursorError);
    expect(() => c.sessions.history({ from: "2026-09-01", to: "2026-09-10", cursor: other })).toThrow(/another query.*location loc_a/);
    expect(() => c.sessions.history({ from: "2026-09-01", to: "2026-09-10", cursor: "garbage" })).toThrow(/not one this client handed out/);
    expect(() => c.sessions.history({ from: "2026-09-10", to: "2026-09-01" })).toThrow(/from .* must be before to/);
    expect(() => c.sessions.history({ from: "yesterday", to: "2026-09-01" })).toThrow(/from must be an ISO 8601/);
    expect(seen.length).toBe(0);
  });
});
