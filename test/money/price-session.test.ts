import { describe, expect, it } from "vitest";
import { localTime, priceSession, type MeteredPeriod, type TariffPlan } from "../../provider/money";

const AMS = "Europe/Amsterdam";

/** Monday 12 January 2026, 10:07 in Amsterdam (UTC+1): 8 + 15 + 10 minutes charging, then 20 minutes parked. */
const periods: MeteredPeriod[] = [
  { startAt: "2026-01-12T09:07:00Z", energyWh: 1500, chargingS: 480, parkingS: 0 },
  { startAt: "2026-01-12T09:15:00Z", energyWh: 2800, chargingS: 900, parkingS: 0 },
  { startAt: "2026-01-12T09:30:00Z", energyWh: 1701, chargingS: 600, parkingS: 0 },
  { startAt: "2026-01-12T09:40:00Z", energyWh: 0, chargingS: 0, parkingS: 1200 },
];
const session = { startedAt: "2026-01-12T09:07:00Z", periods };

const energy = (price: string, extra: object = {}) => ({ type: "ENERGY", price, stepSize: 1, ...extra });
const plan = (elements: TariffPlan["elements"], extra: Partial<TariffPlan> = {}): TariffPlan => ({ currency: "EUR", elements, ...extra });

describe("priceSession, cases computed by hand from the contract", () => {
  it("prices energy per kWh and rounds the line and its VAT half up", () => {
    // 6001 Wh × 0.39 / 1000 = 2.34039 → 2.3404; VAT 21 % = 0.491484 → 0.4915
    const p = priceSession(plan([{ priceComponents: [energy("0.39", { vat: "21" })] }]), session, AMS);
    expect(p.cost).toEqual({ exclVat: "2.3404", vat: "0.4915", inclVat: "2.8319" });
    expect(p.lines).toEqual([{ type: "ENERGY", elementIndex: 0, billedAmount: 6001, price: "0.3900", vatPercent: "21.0000", exclVat: "2.3404", vat: "0.4915" }]);
  });

  it("rounds runs up to step sizes, charges parking after its grace, and adds FLAT once", () => {
    const p = priceSession(
      plan([
        { priceComponents: [{ type: "PARKING_TIME", price: "6.00", stepSize: 900 }], restrictions: { minDurationS: 1800 } },
        { priceComponents: [{ type: "FLAT", price: "0.50", stepSize: 1 }, { type: "ENERGY", price: "0.39", stepSize: 1000 }, { type: "TIME", price: "1.20", stepSize: 900 }] },
      ]),
      session,
      AMS,
    );
    // FLAT 0.50; 6001 Wh → 7000 Wh × 0.39 = 2.73; 1980 s → 2700 s × 1.20/h = 0.90; parked from 33 min (≥ 30): 1200 s → 1800 s × 6.00/h = 3.00
    expect(p.lines.map((l) => [l.type, l.elementIndex, l.billedAmount, l.exclVat])).toEqual([
      ["FLAT", 1, 1, "0.5000"],
      ["ENERGY", 1, 7000, "2.7300"],
      ["TIME", 1, 2700, "0.9000"],
      ["PARKING_TIME", 0, 1800, "3.0000"],
    ]);
    expect(p.cost).toEqual({ exclVat: "7.1300", vat: "0.0000", inclVat: "7.1300" });
  });

  it("makes a run per stretch of periods under one element: local time of day", () => {
    const p = priceSession(plan([{ priceComponents: [energy("0.50")], restrictions: { startTime: "10:15", endTime: "10:30" } }, { priceComponents: [energy("0.30")] }]), session, AMS);
    // 1500 × 0.30 = 0.45; 2800 × 0.50 = 1.40; 1701 × 0.30 = 0.5103
    expect(p.lines.map((l) => [l.elementIndex, l.billedAmount, l.exclVat])).toEqual([[1, 1500, "0.4500"], [0, 2800, "1.4000"], [1, 1701, "0.5103"]]);
    expect(p.cost.exclVat).toBe("2.3603");
  });

  it("judges kWh before the period and the period's average power", () => {
    const byKwh = priceSession(plan([{ priceComponents: [energy("0.50")], restrictions: { maxKwh: "3" } }, { priceComponents: [energy("0.30")] }]), session, AMS);
    // before: 0, 1.5, 4.3 kWh → 4300 Wh × 0.50 = 2.15, 1701 × 0.30 = 0.5103
    expect(byKwh.lines.map((l) => [l.elementIndex, l.exclVat])).toEqual([[0, "2.1500"], [1, "0.5103"]]);
    const byPower = priceSession(plan([{ priceComponents: [energy("0.50")], restrictions: { minPowerKw: "11.2" } }, { priceComponents: [energy("0.30")] }]), session, AMS);
    // 11.25 kW, 11.2 kW (≥ 11.2, exactly), 10.206 kW
    expect(byPower.lines.map((l) => [l.elementIndex, l.billedAmount])).toEqual([[0, 4300], [1, 1701]]);
  });

  it("applies a team discount to each line before its VAT", () => {
    // 6001 × 0.3333 / 1000 = 2.0001333 → 2.0001; × 0.85 = 1.700085 → 1.7001; VAT 9 % = 0.153009 → 0.1530
    const p = priceSession(plan([{ priceComponents: [energy("0.3333", { vat: "9" })] }]), { ...session, discountPercent: "15.00" }, AMS);
    expect(p.cost).toEqual({ exclVat: "1.7001", vat: "0.1530", inclVat: "1.8531" });
  });

  it("clamps to minPrice and maxPrice, with or without their inclVat", () => {
    const e = [{ priceComponents: [energy("0.39", { vat: "21" })] }];
    expect(priceSession(plan(e, { minPrice: { exclVat: "5.00", inclVat: "6.05" } }), session, AMS).cost).toEqual({ exclVat: "5.0000", vat: "1.0500", inclVat: "6.0500" });
    // VAT scaled: 0.4915 × 2 / 2.3404 = 0.42001… → 0.4200
    const clamped = priceSession(plan(e, { maxPrice: { exclVat: "2.00" } }), session, AMS);
    expect(clamped.cost).toEqual({ exclVat: "2.0000", vat: "0.4200", inclVat: "2.4200" });
    expect(clamped.lines[0].exclVat).toBe("2.3404"); // the lines stay as computed
  });

  it("reads the local clock across a daylight-saving change", () => {
    // 29 March 2026: 01:59 CET is followed by 03:00 CEST in Amsterdam.
    expect(localTime(Date.parse("2026-03-29T01:00:00Z"), AMS)).toEqual({ date: "2026-03-29", secondOfDay: 3 * 3600, weekday: 6 });
    const dst = {
      startedAt: "2026-03-29T00:50:00Z",
      periods: [
        { startAt: "2026-03-29T00:50:00Z", energyWh: 1000, chargingS: 600, parkingS: 0 },
        { startAt: "2026-03-29T01:00:00Z", energyWh: 2000, chargingS: 900, parkingS: 0 },
      ],
    };
    const p = priceSession(plan([{ priceComponents: [energy("0.10")], restrictions: { startTime: "03:00", endTime: "04:00", dayOfWeek: ["SUNDAY"] } }, { priceComponents: [energy("0.20")] }]), dst, AMS);
    expect(p.lines.map((l) => [l.elementIndex, l.exclVat])).toEqual([[1, "0.2000"], [0, "0.2000"]]);
  });

  it("wraps a time window past midnight and honours dates and weekdays", () => {
    const night = plan([{ priceComponents: [energy("0.10")], restrictions: { startTime: "22:00", endTime: "07:00" } }, { priceComponents: [energy("0.20")] }]);
    expect(priceSession(night, session, AMS).cost.exclVat).toBe("1.2002"); // 10:07 is day: 6001 × 0.20
    const weekend = plan([{ priceComponents: [energy("0.10")], restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"] } }, { priceComponents: [energy("0.20")] }]);
    expect(priceSession(weekend, session, AMS).lines[0].elementIndex).toBe(1);
    const dated = plan([{ priceComponents: [energy("0.10")], restrictions: { startDate: "2026-01-12", endDate: "2026-01-13" } }, { priceComponents: [energy("0.20")] }]);
    expect(priceSession(dated, session, AMS).lines[0].elementIndex).toBe(0);
  });

  it("charges nothing for a type no element prices, and refuses a malformed plan by its field", () => {
    expect(priceSession(plan([{ priceComponents: [{ type: "PARKING_TIME", price: "1", stepSize: 300 }], restrictions: { minDurationS: 99999 } }]), session, AMS).cost.exclVat).toBe("0.0000");
    expect(() => priceSession(plan([{ priceComponents: [energy("0.12345")] }]), session, AMS)).toThrow(/elements\[0\]\.priceComponents\[0\]\.price/);
  });
});
