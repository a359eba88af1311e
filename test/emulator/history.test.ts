import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { billSession } from "../../emulator/billing/index";
import { parseArgs } from "../../emulator/cli";
import { chargerBody, connector, expectError, locationBody, planBody, startApi, type Api } from "./helpers";

const UNTIL = "2026-11-30T00:00:00Z";
const DAYS = 28;

let api: Api;
const ids: Record<string, string> = {};
let chargers: any[] = [];

async function create(path: string, body: Record<string, unknown>): Promise<any> {
  const res = await api.call("POST", path, body);
  if (res.status !== 201) throw new Error(`${path}: ${res.text}`);
  return res.body.data;
}

beforeAll(async () => {
  api = await startApi();
  ids.planA = (await create("/v1/pricing-plans", planBody({
    elements: [
      { priceComponents: [{ type: "ENERGY", price: "0.29", vat: "21", stepSize: 1 }], restrictions: { startTime: "22:00", endTime: "07:00" } },
      { priceComponents: [{ type: "ENERGY", price: "0.39", vat: "21", stepSize: 100 }, { type: "FLAT", price: "0.35", vat: "21", stepSize: 1 }] },
      { priceComponents: [{ type: "PARKING_TIME", price: "3.00", vat: "21", stepSize: 900 }], restrictions: { minDurationS: 14_400 } },
    ],
    minPrice: { exclVat: "0.50" },
  }))).id;
  ids.planB = (await create("/v1/pricing-plans", planBody({ name: "Charger plan", elements: [{ priceComponents: [{ type: "TIME", price: "2.40", stepSize: 60 }] }] }))).id;
  ids.planC = (await create("/v1/pricing-plans", planBody({ name: "Connector plan", currency: "GBP" }))).id;
  ids.fleet = (await create("/v1/teams", { name: "Fleet", discountPercent: "15", chargeKeys: [{ type: "RFID", uid: "04A2B3C4" }, { type: "MAC", uid: "00:11:22:33:44:55" }] })).id;
  ids.club = (await create("/v1/teams", { name: "Club" })).id;
  ids.ams = (await create("/v1/locations", locationBody({ pricingPlanId: ids.planA }))).id;
  ids.ktm = (await create("/v1/locations", locationBody({ name: "Kathmandu", accessType: "SEMI_PUBLIC", teamIds: [ids.fleet], timeZone: "Asia/Kathmandu", pricingPlanId: ids.planA }))).id;
  ids.nyc = (await create("/v1/locations", locationBody({ name: "New York", timeZone: "America/New_York" }))).id;
  const dc = { evses: [{ evseId: 1, connectors: [connector(1, { standard: "IEC_62196_T2_COMBO", format: "CABLE", powerType: "DC", maxVoltage: 920, maxAmperage: 200, maxElectricPowerW: 150_000 })] }], maxPowerW: 120_000 };
  const bodies = [
    chargerBody(ids.ams), chargerBody(ids.ams), chargerBody(ids.ams, dc), chargerBody(ids.ams, dc),
    chargerBody(ids.ams, { pricingPlanId: ids.planB }),
    chargerBody(ids.ams, { evses: [{ evseId: 1, connectors: [connector(1, { pricingPlanId: ids.planC }), connector(2)] }] }),
    chargerBody(ids.ams, { enabled: false }),
    chargerBody(ids.ktm), chargerBody(ids.ktm),
    chargerBody(ids.nyc), chargerBody(ids.nyc, { pricingPlanId: ids.planB, evses: [{ evseId: 1, connectors: [connector(1, { powerType: "AC_1_PHASE", maxVoltage: 230, maxAmperage: 16 })] }] }),
  ];
  for (const body of bodies) chargers.push(await create("/v1/chargers", body));
});
afterAll(async () => { await api.emu.close(); });
// Some tests compute for seconds without yielding: let the overdue keep-alive timers of both
// ends run before the next request, so that none goes out on a socket the server is closing.
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

const formats = new Map<string, Intl.DateTimeFormat>();
function localParts(iso: string, timeZone: string): { hour: number; minuteSecond: string } {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" })));
  const f = format.format(new Date(iso));
  return { hour: Number(f.slice(0, 2)), minuteSecond: f.slice(3) };
}
const seconds = (iso: string) => Date.parse(iso) / 1000;
const zoneOf = (s: any) => (s.locationId === ids.ams ? "Europe/Amsterdam" : s.locationId === ids.ktm ? "Asia/Kathmandu" : "America/New_York");

function connectorOf(s: any): { powerW: number; chargerMaxW: number; input: any; charger: any } {
  const charger = chargers.find((c) => c.id === s.chargerId);
  const [, evseId, connectorId] = s.connectorId.split(".").map(Number);
  const input = charger.evses.find((e: any) => e.evseId === evseId).connectors.find((c: any) => c.connectorId === connectorId);
  const derived = input.maxElectricPowerW ?? input.maxVoltage * input.maxAmperage * (input.powerType === "AC_3_PHASE" ? 3 : 1);
  return { powerW: Math.min(derived, charger.maxPowerW), chargerMaxW: charger.maxPowerW, input, charger };
}

describe("history generation", () => {
  let sessions: any[];
  beforeAll(() => {
    const made = api.emu.generateHistory({ days: DAYS, seed: 42, until: UNTIL });
    sessions = api.emu.state().sessions;
    expect(made).toMatchObject({ sessions: sessions.length, from: "2026-11-02T00:00:00Z", until: UNTIL });
    // 9 chargers with a plan (the disabled one and the New York one without a plan get none):
    // 3+3+1+1+3+2+3+3+1 connectors; the unpriced New York charger's 3 connectors are skipped.
    expect(made.connectors).toBe(20);
    expect(made.connectorsWithoutPlan).toBe(3);
  });

  it("is reproducible from the seed and differs with another seed", () => {
    const again = api.emu.generateHistory({ days: DAYS, seed: 42, until: UNTIL });
    expect(again.sessions).toBe(sessions.length);
    expect(api.emu.state().sessions).toEqual(sessions);
    api.emu.generateHistory({ days: DAYS, seed: 43, until: UNTIL });
    const other = api.emu.state().sessions;
    expect(other.map((s) => s.startedAt)).not.toEqual(sessions.map((s) => s.startedAt));
    api.emu.generateHistory({ days: DAYS, seed: 42, until: UNTIL });
    expect(api.emu.state().sessions).toEqual(sessions);
  });

  it("makes completed sessions with every field of the contract, inside the window", () => {
    expect(sessions.length).toBeGreaterThan(500);
    for (const s of sessions) {
      expect(s.status).toBe("COMPLETED");
      expect(s.id).toMatch(/^ses_[0-9a-z]{10}$/);
      expect(s.evseId).toBe(Number(s.connectorId.split(".")[1]));
      expect(s.chargerId).toBe(s.connectorId.split(".")[0]);
      for (const t of [s.startedAt, s.chargingEndedAt, s.stoppedAt]) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(seconds(s.startedAt)).toBeGreaterThanOrEqual(seconds("2026-11-02T00:00:00Z"));
      expect(seconds(s.stoppedAt)).toBeLessThanOrEqual(seconds(UNTIL));
      expect(seconds(s.startedAt) <= seconds(s.chargingEndedAt) && seconds(s.chargingEndedAt) <= seconds(s.stoppedAt)).toBe(true);
      expect(["RFID", "APP", "AUTOCHARGE"]).toContain(s.authMethod);
      expect(s.cost.inclVat).toMatch(/^\d+\.\d{4}$/);
    }
  });

  it("bills under the plan that applies (connector > charger > location) at its current version", () => {
    const plans = Object.fromEntries(api.emu.state().pricingPlans.map((p: any) => [p.id, p]));
    for (const s of sessions) {
      const { input, charger } = connectorOf(s);
      const expected = input.pricingPlanId ?? charger.pricingPlanId ?? (s.locationId === ids.nyc ? undefined : ids.planA);
      expect(s.pricingPlanId).toBe(expected);
      expect(s.tariffVersion).toBe(plans[s.pricingPlanId].updatedAt);
      expect(s.currency).toBe(plans[s.pricingPlanId].currency);
      // What was billed is what the periods, the plan and the zone price to.
      const bill = billSession({ plan: plans[s.pricingPlanId], startedAt: s.startedAt, periods: s.periods, timeZone: zoneOf(s), ...(s.discountPercent ? { discountPercent: s.discountPercent } : {}) });
      expect(bill).toEqual({ currency: s.currency, cost: s.cost, lines: s.lines });
    }
    expect(sessions.some((s) => s.chargerId === chargers[6].id)).toBe(false); // disabled
    expect(sessions.some((s) => s.chargerId === chargers[9].id)).toBe(false); // no plan anywhere
    expect(new Set(sessions.map((s) => s.pricingPlanId))).toEqual(new Set([ids.planA, ids.planB, ids.planC]));
  });

  it("has periods that cover startedAt..stoppedAt exactly, cut at local quarter hours and chargingEndedAt", () => {
    for (const s of sessions) {
      const p = s.periods;
      expect(p[0].startAt).toBe(s.startedAt);
      let at = seconds(s.startedAt);
      let energy = 0;
      for (const x of p) {
        expect(seconds(x.startAt)).toBe(at);
        if (x.startAt !== s.startedAt && x.startAt !== s.chargingEndedAt) expect(["00:00", "15:00", "30:00", "45:00"]).toContain(localParts(x.startAt, zoneOf(s)).minuteSecond);
        const charging = at < seconds(s.chargingEndedAt);
        expect(charging ? x.parkingS : x.chargingS + x.energyWh).toBe(0);
        at += x.chargingS + x.parkingS;
        energy += x.energyWh;
      }
      expect(at).toBe(seconds(s.stoppedAt));
      expect(energy).toBe(s.energyWh);
    }
  });

  it("follows the day: more arrivals by day than by night, on weekdays than at weekends per day", () => {
    const byHour = new Array(24).fill(0);
    for (const s of sessions) byHour[localParts(s.startedAt, zoneOf(s)).hour]++;
    const day = byHour.slice(8, 20).reduce((a, b) => a + b, 0) / 12;
    const night = byHour.slice(0, 6).reduce((a, b) => a + b, 0) / 6;
    expect(day).toBeGreaterThan(3 * night);
    // 2 to 30 November 2026: 20 weekdays, 8 days of weekend.
    const weekend = sessions.filter((s) => ["Sat", "Sun"].includes(new Intl.DateTimeFormat("en-GB", { timeZone: zoneOf(s), weekday: "short" }).format(new Date(s.startedAt)))).length;
    expect((sessions.length - weekend) / 20).toBeGreaterThan((1.1 * weekend) / 8);
  });

  it("draws energy within the connector's power, leaves some cars parked, and serves DC shorter", () => {
    for (const s of sessions) {
      const { powerW } = connectorOf(s);
      const chargingS = seconds(s.chargingEndedAt) - seconds(s.startedAt);
      expect(s.energyWh * 3600).toBeLessThanOrEqual(powerW * chargingS);
      expect(s.energyWh).toBeGreaterThan(0);
    }
    const parked = sessions.filter((s) => s.periods.some((x: any) => x.parkingS > 0));
    expect(parked.length).toBeGreaterThan(sessions.length / 10);
    expect(parked.length).toBeLessThan(sessions.length);
    expect(parked.some((s) => s.lines.some((l: any) => l.type === "PARKING_TIME" && l.billedAmount > 0))).toBe(true);
    const dc = sessions.filter((s) => connectorOf(s).input.powerType === "DC");
    const ac = sessions.filter((s) => connectorOf(s).input.powerType !== "DC");
    const mean = (xs: any[]) => xs.reduce((a, s) => a + seconds(s.stoppedAt) - seconds(s.startedAt), 0) / xs.length;
    expect(mean(dc)).toBeLessThan(mean(ac) / 2);
    // A DC post serves more sessions than an AC connector.
    expect(dc.length / 2).toBeGreaterThan(ac.filter((s) => s.locationId === ids.ams).length / 12);
  });

  it("has team members among the drivers, with their discount; only members at a SEMI_PUBLIC location with teams", () => {
    const ktm = sessions.filter((s) => s.locationId === ids.ktm);
    expect(ktm.length).toBeGreaterThan(0);
    for (const s of ktm) expect(s).toMatchObject({ teamId: ids.fleet, discountPercent: "15.00" });
    expect(ktm.some((s) => s.authMethod === "AUTOCHARGE") && ktm.some((s) => s.authMethod === "RFID")).toBe(true);
    const open = sessions.filter((s) => s.locationId !== ids.ktm);
    const members = open.filter((s) => s.teamId !== undefined);
    expect(members.length).toBeGreaterThan(open.length / 20);
    expect(members.length).toBeLessThan(open.length / 2);
    for (const s of open) {
      if (s.teamId === ids.club) expect(s.discountPercent).toBeUndefined();
      if (s.teamId === undefined) expect("discountPercent" in s).toBe(false);
    }
    expect(members.some((s) => s.teamId === ids.club)).toBe(true);
    expect(open.some((s) => s.authMethod === "APP")).toBe(true);
    // The discount is in the money: a member's energy line is 85 % of the gross, half up.
    const discounted = ktm.find((s) => s.lines.some((l: any) => l.type === "ENERGY"))!;
    const line = discounted.lines.find((l: any) => l.type === "ENERGY");
    const gross = (BigInt(line.billedAmount) * BigInt(line.price.replace(".", "")) * 2n + 1000n) / 2000n;
    expect(BigInt(line.exclVat.replace(".", ""))).toBe((gross * 8500n * 2n + 10000n) / 20000n);
  });

  it("keeps live sessions and lists them beside the history", async () => {
    const ref = `${chargers[0].id}.2.1`;
    const live = (await api.call("POST", "/v1/sessions/start", { connectorId: ref })).body.data;
    const active = await api.call("GET", "/v1/sessions?status=ACTIVE");
    expect(active.body.data.map((s: any) => s.id)).toEqual([live.id]);
    api.emu.generateHistory({ days: DAYS, seed: 42, until: UNTIL });
    expect((await api.call("GET", `/v1/sessions/${live.id}`)).body.data.status).toBe("ACTIVE");
    await api.call("POST", `/v1/sessions/${live.id}/stop`);
    expect(api.emu.state().sessions.filter((s: any) => s.id !== live.id)).toEqual(sessions);
  });

  it("bills a session stopped through the API under the plan version it started with", async () => {
    const planB = (await api.call("GET", `/v1/pricing-plans/${ids.planB}`)).body.data;
    const started = (await api.call("POST", "/v1/sessions/start", { connectorId: `${chargers[4].id}.1.1` })).body.data;
    expect(started.startedAt).toMatch(/:\d\dZ$/);
    const patched = await api.call("PATCH", `/v1/pricing-plans/${ids.planB}`, { elements: [{ priceComponents: [{ type: "TIME", price: "9.99", stepSize: 60 }] }] });
    expect(patched.body.data.updatedAt).not.toBe(planB.updatedAt);
    const stopped = (await api.call("POST", `/v1/sessions/${started.id}/stop`)).body.data;
    // Less than a minute at 2.40 an hour, in steps of 60 s: 60 × 2.40 / 3600 = 0.04.
    expect(stopped).toMatchObject({
      status: "COMPLETED", pricingPlanId: ids.planB, tariffVersion: planB.updatedAt, authMethod: "APP", currency: "EUR", evseId: 1,
      chargingEndedAt: stopped.stoppedAt, cost: { exclVat: "0.0400", vat: "0.0000", inclVat: "0.0400" },
      lines: [{ type: "TIME", elementIndex: 0, billedAmount: 60, price: "2.4000", vatPercent: "0.0000", exclVat: "0.0400", vat: "0.0000" }],
    });
    expect(stopped.periods.reduce((n: number, p: any) => n + p.chargingS, 0)).toBe(seconds(stopped.stoppedAt) - seconds(stopped.startedAt));
    expect(stopped.periods.reduce((n: number, p: any) => n + p.energyWh, 0)).toBe(stopped.energyWh);
  });
});

describe("GET /v1/sessions: one window of startedAt", () => {
  const FROM = "2026-11-02T00:00:00Z";
  const q = (params: Record<string, string>) => `/v1/sessions?${new URLSearchParams(params)}`;

  it("refuses a window over 31 days on `to`, and takes exactly 31", async () => {
    const body = expectError(await api.call("GET", q({ from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:01Z" })), 400, "invalid_parameter", "to");
    expect(body.message).toContain("a window of at most 31 days");
    expect((await api.call("GET", q({ from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }))).status).toBe(200);
    expectError(await api.call("GET", q({ from: "yesterday" })), 400, "invalid_parameter", "from");
    expectError(await api.call("GET", q({ to: "2026-13-45" })), 400, "invalid_parameter", "to");
    expectError(await api.call("GET", q({ sort: "energyWh" })), 400, "invalid_parameter", "sort");
  });

  it("pages a window in startedAt-then-id order, each session once; from inclusive, to exclusive", async () => {
    const all = api.emu.state().sessions.filter((s: any) => s.status === "COMPLETED" && s.startedAt >= FROM && s.startedAt < UNTIL);
    const seen: any[] = [];
    for (let page = 1; ; page++) {
      const res = await api.call("GET", q({ status: "COMPLETED", from: FROM, to: UNTIL, limit: "100", page: String(page) }));
      expect(res.status).toBe(200);
      seen.push(...res.body.data);
      expect(res.body.pagination.total).toBe(all.length);
      if (!res.body.pagination.hasMore) break;
    }
    expect(seen.map((s) => s.id).sort()).toEqual(all.map((s: any) => s.id).sort());
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1];
      const b = seen[i];
      expect(Date.parse(a.startedAt) < Date.parse(b.startedAt) || (a.startedAt === b.startedAt && a.id < b.id)).toBe(true);
    }
    // The boundary: a session starting exactly at `to` belongs to the next window.
    const pivot = seen[Math.floor(seen.length / 2)];
    const before = await api.call("GET", q({ status: "COMPLETED", from: FROM, to: pivot.startedAt, limit: "1" }));
    const after = await api.call("GET", q({ status: "COMPLETED", from: pivot.startedAt, to: UNTIL, limit: "1" }));
    expect(before.body.pagination.total + after.body.pagination.total).toBe(all.length);
    expect(after.body.data[0].startedAt).toBe(pivot.startedAt);
    // Descending reverses the order.
    const last = await api.call("GET", q({ status: "COMPLETED", from: FROM, to: UNTIL, limit: "1", sort: "-startedAt" }));
    expect(last.body.data[0].id).toBe(seen[seen.length - 1].id);
  });

  it("filters by chargerId and locationId within the window; without from, reads the 31 days before to", async () => {
    const charger = chargers[2].id;
    const res = await api.call("GET", q({ chargerId: charger, locationId: ids.ams, from: FROM, to: UNTIL, limit: "100" }));
    const expected = api.emu.state().sessions.filter((s: any) => s.chargerId === charger && s.startedAt >= FROM && s.startedAt < UNTIL);
    expect(res.body.pagination.total).toBe(expected.length);
    expect(res.body.data.every((s: any) => s.chargerId === charger)).toBe(true);
    // `to` alone: the 31 days before it. 9 Nov + 31 days covers the whole history from 2 Nov.
    const to = "2026-12-03T00:00:00Z";
    const window = await api.call("GET", q({ status: "COMPLETED", to, limit: "1" }));
    const inWindow = api.emu.state().sessions.filter((s: any) => s.status === "COMPLETED" && Date.parse(s.startedAt) >= Date.parse(to) - 31 * 86_400_000 && s.startedAt < to);
    expect(window.body.pagination.total).toBe(inWindow.length);
    const narrow = await api.call("GET", q({ status: "COMPLETED", to: "2026-11-10T00:00:00Z", limit: "1" }));
    expect(narrow.body.pagination.total).toBe(api.emu.state().sessions.filter((s: any) => s.startedAt < "2026-11-10T00:00:00Z").length);
  });
});

describe("faults on history reads", () => {
  it("GET /v1/sessions takes the emulator's injected 5xx, resets and 429 bursts", async () => {
    const page = `/v1/sessions?${new URLSearchParams({ status: "COMPLETED", from: "2026-11-02T00:00:00Z", to: UNTIL, limit: "100" })}`;
    try {
      api.emu.setFaults({ error500: 1 });
      expectError(await api.call("GET", page), 500, "internal_error");
      api.emu.setFaults({ error503: 1 });
      expect((await api.call("GET", page)).headers.get("retry-after")).toBe("1");
      api.emu.setFaults({ burst429: { p: 1, length: 2 } });
      expect([(await api.call("GET", page)).status, (await api.call("GET", page)).status]).toEqual([429, 429]);
      api.emu.setFaults({ reset: 1 });
      await expect(api.call("GET", page)).rejects.toThrow("fetch failed");
      expect(api.emu.requests().slice(-5).map((r) => r.fault)).toEqual(["error500", "error503", "burst429", "burst429", "reset"]);
    } finally {
      api.emu.setFaults({});
    }
    expect((await api.call("GET", page)).status).toBe(200);
  });
});

describe("starting history", () => {
  it("POST /_emulator/history generates and refuses bad bodies naming the field", async () => {
    const res = await api.call("POST", "/_emulator/history", { days: 3, seed: 5, until: UNTIL }, { token: null });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ from: "2026-11-27T00:00:00Z", until: UNTIL, connectors: 20 });
    // The live sessions of the tests above started now, after UNTIL.
    expect(res.body.data.sessions).toBe(api.emu.state().sessions.filter((s: any) => s.startedAt < UNTIL).length);
    expect(api.emu.state().sessions.filter((s: any) => s.startedAt < "2026-11-27T00:00:00Z")).toEqual([]);
    expectError(await api.call("POST", "/_emulator/history", { days: 0 }, { token: null }), 400, "invalid_parameter", "days");
    expectError(await api.call("POST", "/_emulator/history", { days: 3, until: "soon" }, { token: null }), 400, "invalid_parameter", "until");
    expectError(await api.call("POST", "/_emulator/history", { days: 3, colour: "red" }, { token: null }), 400, "invalid_parameter", "colour");
  });

  it("eosvolt-emulator --history-days N --history-seed S", () => {
    expect(parseArgs(["--history-days", "30", "--history-seed", "7"]).history).toEqual({ days: 30, seed: 7 });
    expect(parseArgs(["--history-seed=7", "--history-days=2"]).history).toEqual({ days: 2, seed: 7 });
    expect(() => parseArgs(["--history-seed", "7"])).toThrow("--history-seed needs --history-days.");
    expect(() => parseArgs(["--history-days", "0"])).toThrow("--history-days must be an integer from 1 to 3660.");
  });
});
