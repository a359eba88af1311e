import { describe, expect, it } from "vitest";
import { coverageGaps } from "../../provider/report/coverage";

const energy = (price = "0.39") => [{ type: "ENERGY", price, vat: "21", stepSize: 1 }];
const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"];

describe("coverage of the 168 hours of the week", () => {
  it("an element without restrictions covers everything", () => {
    expect(coverageGaps([{ priceComponents: energy() }])).toEqual([]);
  });

  it("weekday daytime alone leaves nights and weekends uncovered", () => {
    expect(coverageGaps([{ priceComponents: energy(), restrictions: { dayOfWeek: WEEKDAYS, startTime: "07:00", endTime: "23:00" } }])).toEqual([
      "Mon–Fri 00:00–07:00, 23:00–24:00",
      "weekends (all day)",
    ]);
  });

  it("time windows that wrap past midnight cover both sides", () => {
    expect(
      coverageGaps([
        { priceComponents: energy(), restrictions: { startTime: "07:00", endTime: "23:00" } },
        { priceComponents: energy("0.29"), restrictions: { startTime: "23:00", endTime: "07:00" } },
      ]),
    ).toEqual([]);
    expect(coverageGaps([{ priceComponents: energy(), restrictions: { startTime: "22:00", endTime: "06:00" } }])).toEqual(["every day 06:00–22:00"]);
  });

  it("ignores elements restricted by energy, power, duration or dates, and idle-fee-only elements", () => {
    const gaps = coverageGaps([
      { priceComponents: energy(), restrictions: { dayOfWeek: WEEKDAYS } },
      { priceComponents: energy(), restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"], minKwh: "1" } },
      { priceComponents: energy(), restrictions: { dayOfWeek: ["SATURDAY", "SUNDAY"], startDate: "2026-01-01" } },
      { priceComponents: [{ type: "PARKING_TIME", price: "6", vat: "21", stepSize: 900 }] },
    ]);
    expect(gaps).toEqual(["weekends (all day)"]);
  });

  it("counts minutes, not only whole hours", () => {
    expect(coverageGaps([{ priceComponents: energy(), restrictions: { startTime: "00:00", endTime: "23:30" } }])).toEqual(["every day 23:30–24:00"]);
  });

  it("does not check plans with unknown restrictions", () => {
    expect(coverageGaps([{ priceComponents: energy(), restrictions: { startTime: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } }])).toBeUndefined();
  });
});
