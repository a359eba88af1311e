import { describe, expect, it } from "vitest";
import { billSession, buildPeriods, type BillablePlan, type Period } from "../../emulator/billing/index";

/** Periods of a session that charges until it is unplugged, or parks from `chargingEndedAt`. */
function periods(startedAt: string, stoppedAt: string, energyWh: number, timeZone: string, chargingEndedAt = stoppedAt): Period[] {
  return buildPeriods({ startedAt, chargingEndedAt, stoppedAt, energyWh, timeZone });
}

const energy = (price: string, stepSize = 1, extra: Record<string, unknown> = {}) => ({ type: "ENERGY" as const, price, stepSize, ...extra });

describe("buildPeriods", () => {
  it("cuts at startedAt, every local quarter hour and chargingEndedAt, and spreads the energy in whole Wh", () => {
    // Europe/Amsterdam in June is UTC+2: 10:00 local is 08:00Z.
    const p = periods("2026-06-10T08:07:30Z", "2026-06-10T08:50:00Z", 1000, "Europe/Amsterdam", "2026-06-10T08:37:00Z");
    expect(p).toEqual([
      { startAt: "2026-06-10T08:07:30Z", energyWh: 254, chargingS: 450, parkingS: 0 },
      { startAt: "2026-06-10T08:15:00Z", energyWh: 508, chargingS: 900, parkingS: 0 },
      { startAt: "2026-06-10T08:30:00Z", energyWh: 238, chargingS: 420, parkingS: 0 },
      { startAt: "2026-06-10T08:37:00Z", energyWh: 0, chargingS: 0, parkingS: 480 },
      { startAt: "2026-06-10T08:45:00Z", energyWh: 0, chargingS: 0, parkingS: 300 },
    ]);
  });

  it("covers startedAt to stoppedAt exactly and sums to energyWh, in zones at :30 and :45 offsets", () => {
    for (const timeZone of ["Asia/Kathmandu", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham"]) {
      const p = periods("2026-04-05T13:02:11Z", "2026-04-05T17:41:03Z", 45_677, timeZone, "2026-04-05T16:00:01Z");
      expect(p[0].startAt).toBe("2026-04-05T13:02:11Z");
      expect(p.reduce((s, x) => s + x.chargingS + x.parkingS, 0)).toBe(Date.parse("2026-04-05T17:41:03Z") / 1000 - Date.parse("2026-04-05T13:02:11Z") / 1000);
      expect(p.reduce((s, x) => s + x.energyWh, 0)).toBe(45_677);
      for (const x of p.slice(1)) {
        // Every later period starts at a local quarter hour or at chargingEndedAt.
        const local = new Intl.DateTimeFormat("en-GB", { timeZone, minute: "2-digit", second: "2-digit" }).format(new Date(x.startAt));
        expect(x.startAt === "2026-04-05T16:00:01Z" || ["00:00", "15:00", "30:00", "45:00"].includes(local), `${timeZone} ${x.startAt} ${local}`).toBe(true);
      }
    }
  });

  it("follows the daylight-saving days: the short night in March and the repeated hour in October", () => {
    // Amsterdam, 29 March 2026: 02:00 local does not exist (01:59:59 CET → 03:00 CEST at 01:00Z).
    expect(periods("2026-03-29T00:40:00Z", "2026-03-29T01:20:00Z", 2400, "Europe/Amsterdam").map((x) => [x.startAt, x.chargingS, x.energyWh])).toEqual([
      ["2026-03-29T00:40:00Z", 300, 300],
      ["2026-03-29T00:45:00Z", 900, 900],
      ["2026-03-29T01:00:00Z", 900, 900],
      ["2026-03-29T01:15:00Z", 300, 300],
    ]);
    // 25 October 2026: 02:00–03:00 local comes twice; each of its quarters starts a period.
    expect(periods("2026-10-25T00:20:00Z", "2026-10-25T01:20:00Z", 0, "Europe/Amsterdam", "2026-10-25T00:20:00Z").map((x) => x.startAt)).toEqual([
      "2026-10-25T00:20:00Z", "2026-10-25T00:30:00Z", "2026-10-25T00:45:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:15:00Z",
    ]);
  });

  it("finds local quarter hours under an offset that is not a whole quarter hour (Monrovia, −0:44:30, until 1972)", () => {
    expect(periods("1971-06-01T12:00:00Z", "1971-06-01T12:40:00Z", 0, "Africa/Monrovia", "1971-06-01T12:00:00Z").map((x) => x.startAt))
      .toEqual(["1971-06-01T12:00:00Z", "1971-06-01T12:14:30Z", "1971-06-01T12:29:30Z"]);
  });

  it("refuses times out of order and energy without charging time", () => {
    expect(() => periods("2026-06-10T09:00:00Z", "2026-06-10T08:00:00Z", 0, "UTC")).toThrow(/startedAt ≤ chargingEndedAt ≤ stoppedAt/);
    expect(() => periods("2026-06-10T08:00:00Z", "2026-06-10T09:00:00Z", 5, "UTC", "2026-06-10T08:00:00Z")).toThrow(/energyWh must be 0/);
    expect(() => periods("2026-06-10T08:00:00.500Z", "2026-06-10T09:00:00Z", 5, "UTC")).toThrow(/whole seconds/);
  });
});

describe("billSession: the contract's rules, worked by hand", () => {
  it("rounds each run up to its step size: a price change at 20:00 splits the energy into two runs", () => {
    const plan: BillablePlan = {
      currency: "EUR",
      elements: [
        { priceComponents: [energy("0.3900", 1000, { vat: "21" })], restrictions: { startTime: "08:00", endTime: "20:00" } },
        { priceComponents: [energy("0.2500", 500)] },
      ],
    };
    // 19:30–20:20 local (UTC+1), 5200 Wh at a constant power: 1560 Wh per quarter hour, 520 in the last 5 minutes.
    const p = periods("2026-03-02T18:30:00Z", "2026-03-02T19:20:00Z", 5200, "Europe/Amsterdam");
    expect(p.map((x) => x.energyWh)).toEqual([1560, 1560, 1560, 520]);
    const bill = billSession({ plan, startedAt: "2026-03-02T18:30:00Z", periods: p, timeZone: "Europe/Amsterdam" });
    expect(bill).toEqual({
      currency: "EUR",
      cost: { exclVat: "2.1850", vat: "0.3276", inclVat: "2.5126" },
      lines: [
        // 3120 Wh → 4000 Wh × 0.39 / 1000 = 1.56; VAT 21 %: 0.3276.
        { type: "ENERGY", elementIndex: 0, billedAmount: 4000, price: "0.3900", vatPercent: "21.0000", exclVat: "1.5600", vat: "0.3276" },
        // 2080 Wh → 2500 Wh × 0.25 / 1000 = 0.625.
        { type: "ENERGY", elementIndex: 1, billedAmount: 2500, price: "0.2500", vatPercent: "0.0000", exclVat: "0.6250", vat: "0.0000" },
      ],
    });
  });

  it("rounds a line half up to 4 decimals", () => {
    const plan: BillablePlan = { currency: "EUR", elements: [{ priceComponents: [energy("0.3333")] }] };
    // 1500 Wh × 0.3333 / 1000 = 0.49995 → 0.5000.
    const bill = billSession({ plan, startedAt: "2026-06-10T08:00:00Z", periods: periods("2026-06-10T08:00:00Z", "2026-06-10T08:10:00Z", 1500, "UTC"), timeZone: "UTC" });
    expect(bill.cost).toEqual({ exclVat: "0.5000", vat: "0.0000", inclVat: "0.5000" });
  });

  it("bills parking after a grace period (minDurationS), in steps, and a team discount per line before VAT", () => {
    const plan: BillablePlan = {
      currency: "EUR",
      elements: [
        { priceComponents: [energy("0.3000")] },
        { priceComponents: [{ type: "PARKING_TIME", price: "6.0000", vat: "21", stepSize: 900 }], restrictions: { minDurationS: 7200 } },
      ],
    };
    // Charging 08:00Z–09:50Z (11 kWh), parked until 10:40Z; the grace ends at 10:00Z.
    const p = periods("2026-06-10T08:00:00Z", "2026-06-10T10:40:00Z", 11_000, "Europe/Amsterdam", "2026-06-10T09:50:00Z");
    expect(p.filter((x) => x.parkingS > 0).map((x) => [x.startAt, x.parkingS])).toEqual([
      ["2026-06-10T09:50:00Z", 600], ["2026-06-10T10:00:00Z", 900], ["2026-06-10T10:15:00Z", 900], ["2026-06-10T10:30:00Z", 600],
    ]);
    const session = { plan, startedAt: "2026-06-10T08:00:00Z", periods: p, timeZone: "Europe/Amsterdam" };
    expect(billSession(session)).toEqual({
      currency: "EUR",
      cost: { exclVat: "7.8000", vat: "0.9450", inclVat: "8.7450" },
      lines: [
        { type: "ENERGY", elementIndex: 0, billedAmount: 11_000, price: "0.3000", vatPercent: "0.0000", exclVat: "3.3000", vat: "0.0000" },
        // 2400 s parked after the grace → 2700 s × 6.00 / 3600 = 4.50; VAT 0.945.
        { type: "PARKING_TIME", elementIndex: 1, billedAmount: 2700, price: "6.0000", vatPercent: "21.0000", exclVat: "4.5000", vat: "0.9450" },
      ],
    });
    // 12.5 % off: 3.30 → 2.8875; 4.50 → 3.9375, VAT 0.826875 → 0.8269.
    const discounted = billSession({ ...session, discountPercent: "12.50" });
    expect(discounted.lines.map((l) => [l.exclVat, l.vat])).toEqual([["2.8875", "0.0000"], ["3.9375", "0.8269"]]);
    expect(discounted.cost).toEqual({ exclVat: "6.8250", vat: "0.8269", inclVat: "7.6519" });
  });

  it("bills FLAT once and clamps to minPrice and maxPrice (VAT scaled, or the bound's inclVat)", () => {
    const elements: BillablePlan["elements"] = [{ priceComponents: [{ type: "FLAT", price: "1.0000", vat: "20", stepSize: 1 }, energy("0.5000", 1, { vat: "20" })] }];
    const p = periods("2026-06-10T08:00:00Z", "2026-06-10T08:20:00Z", 1000, "UTC");
    const bill = (plan: Partial<BillablePlan>) => billSession({ plan: { currency: "EUR", elements, ...plan }, startedAt: "2026-06-10T08:00:00Z", periods: p, timeZone: "UTC" });
    const plain = bill({});
    expect(plain.lines).toEqual([
      { type: "FLAT", elementIndex: 0, billedAmount: 1, price: "1.0000", vatPercent: "20.0000", exclVat: "1.0000", vat: "0.2000" },
      { type: "ENERGY", elementIndex: 0, billedAmount: 1000, price: "0.5000", vatPercent: "20.0000", exclVat: "0.5000", vat: "0.1000" },
    ]);
    expect(plain.cost).toEqual({ exclVat: "1.5000", vat: "0.3000", inclVat: "1.8000" });
    // Below the minimum: 0.30 × 2.00 / 1.50 = 0.40.
    expect(bill({ minPrice: { exclVat: "2" } }).cost).toEqual({ exclVat: "2.0000", vat: "0.4000", inclVat: "2.4000" });
    expect(bill({ minPrice: { exclVat: "2", inclVat: "2.30" } }).cost).toEqual({ exclVat: "2.0000", vat: "0.3000", inclVat: "2.3000" });
    // Above the maximum: 0.30 × 1.0003 / 1.50 = 0.20006 → 0.2001; the lines stay as computed.
    const capped = bill({ maxPrice: { exclVat: "1.0003" } });
    expect(capped.cost).toEqual({ exclVat: "1.0003", vat: "0.2001", inclVat: "1.2004" });
    expect(capped.lines).toEqual(plain.lines);
    // At the bound exactly: nothing changes.
    expect(bill({ minPrice: { exclVat: "1.5" }, maxPrice: { exclVat: "1.5" } }).cost).toEqual(plain.cost);
  });

  it("reads time restrictions that wrap past midnight in local time (Kathmandu, UTC+5:45)", () => {
    const plan: BillablePlan = {
      currency: "NPR",
      elements: [
        { priceComponents: [energy("20.0000")], restrictions: { startTime: "22:00", endTime: "06:00" } },
        { priceComponents: [energy("40.0000")] },
      ],
    };
    // 21:50–22:20 local = 16:05Z–16:35Z; 3000 Wh: 1000 before 22:00, 2000 after.
    const p = periods("2026-01-15T16:05:00Z", "2026-01-15T16:35:00Z", 3000, "Asia/Kathmandu");
    expect(p.map((x) => [x.startAt, x.energyWh])).toEqual([["2026-01-15T16:05:00Z", 1000], ["2026-01-15T16:15:00Z", 1500], ["2026-01-15T16:30:00Z", 500]]);
    const bill = billSession({ plan, startedAt: "2026-01-15T16:05:00Z", periods: p, timeZone: "Asia/Kathmandu" });
    expect(bill.lines.map((l) => [l.elementIndex, l.billedAmount, l.exclVat])).toEqual([[1, 1000, "40.0000"], [0, 2000, "40.0000"]]);
    // 05:50–06:10 local the next morning: the night price until 06:00.
    const morning = periods("2026-01-16T00:05:00Z", "2026-01-16T00:25:00Z", 2000, "Asia/Kathmandu");
    expect(billSession({ plan, startedAt: "2026-01-16T00:05:00Z", periods: morning, timeZone: "Asia/Kathmandu" }).lines.map((l) => [l.elementIndex, l.billedAmount]))
      .toEqual([[0, 1000], [1, 1000]]);
  });

  it("judges kWh before the period, power and day of week per period; equal times are the whole day", () => {
    const plan: BillablePlan = {
      currency: "EUR",
      elements: [
        { priceComponents: [energy("0.5000")], restrictions: { maxKwh: "2" } },
        { priceComponents: [energy("0.9000")], restrictions: { minPowerKw: "22", startTime: "10:00", endTime: "10:00" } },
        { priceComponents: [energy("0.3000")], restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"] } },
        { priceComponents: [energy("0.4000")] },
      ],
    };
    // Wednesday, 6 kW: 1500 Wh per quarter hour. Before: 0, 1500 → element 0; 3000 → element 3.
    const weekday = periods("2026-06-10T08:00:00Z", "2026-06-10T08:45:00Z", 4500, "UTC");
    expect(billSession({ plan, startedAt: "2026-06-10T08:00:00Z", periods: weekday, timeZone: "UTC" }).lines.map((l) => [l.elementIndex, l.billedAmount]))
      .toEqual([[0, 3000], [3, 1500]]);
    // Saturday: element 2 after the first 2 kWh.
    const saturday = periods("2026-06-13T08:00:00Z", "2026-06-13T08:45:00Z", 4500, "UTC");
    expect(billSession({ plan, startedAt: "2026-06-13T08:00:00Z", periods: saturday, timeZone: "UTC" }).lines.map((l) => l.elementIndex)).toEqual([0, 2]);
    // 24 kW from the start: at 22 kW or more element 1 (whole day); element 0 still first while under 2 kWh.
    const fast = periods("2026-06-10T08:00:00Z", "2026-06-10T08:30:00Z", 12_000, "UTC");
    expect(billSession({ plan, startedAt: "2026-06-10T08:00:00Z", periods: fast, timeZone: "UTC" }).lines.map((l) => [l.elementIndex, l.billedAmount]))
      .toEqual([[0, 6000], [1, 6000]]);
  });

  it("a type no element prices costs nothing; a session with no matching element has no lines", () => {
    const plan: BillablePlan = { currency: "EUR", elements: [{ priceComponents: [energy("0.5000")], restrictions: { startDate: "2027-01-01" } }] };
    const bill = billSession({ plan, startedAt: "2026-06-10T08:00:00Z", periods: periods("2026-06-10T08:00:00Z", "2026-06-10T08:30:00Z", 1000, "UTC"), timeZone: "UTC" });
    expect(bill).toEqual({ currency: "EUR", cost: { exclVat: "0.0000", vat: "0.0000", inclVat: "0.0000" }, lines: [] });
  });
});
