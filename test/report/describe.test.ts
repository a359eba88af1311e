import { describe, expect, it } from "vitest";
import { formatUnits, inclVat, percentChange, toUnits } from "../../provider/money";
import { daysText, duration, restrictionsText, chargeLabel } from "../../provider/report/describe";

describe("amounts", () => {
  it("reads decimals as 1/10 000 units, '0.39' and '0.3900' alike", () => {
    expect(toUnits("0.39")).toBe(3900n);
    expect(toUnits("0.3900")).toBe(3900n);
    expect(toUnits("21")).toBe(210000n);
    expect(toUnits(0.39)).toBe(3900n);
    expect(toUnits("0.12345")).toBeUndefined(); // never rounded
    expect(toUnits(1.23456)).toBeUndefined();
    expect(toUnits(1e21)).toBe(10n ** 25n);
    expect(toUnits("abc")).toBeUndefined();
    expect(toUnits(undefined)).toBeUndefined();
  });

  it("formats with two to four decimals", () => {
    expect(formatUnits(3900n)).toBe("0.39");
    expect(formatUnits(4719n)).toBe("0.4719");
    expect(formatUnits(60000n)).toBe("6.00");
    expect(formatUnits(6050n)).toBe("0.605");
  });

  it("adds VAT: price × (1 + vat/100), rounded half up", () => {
    expect(formatUnits(inclVat(toUnits("0.39")!, toUnits("21")))).toBe("0.4719");
    expect(formatUnits(inclVat(toUnits("0.44")!, toUnits("21")))).toBe("0.5324");
    expect(formatUnits(inclVat(toUnits("0.3333")!, toUnits("9")))).toBe("0.3633");
    expect(formatUnits(inclVat(toUnits("0.39")!, undefined))).toBe("0.39");
  });

  it("computes percent changes with one decimal, from zero as Infinity", () => {
    expect(percentChange(3900n, 4400n)).toBe(12.8);
    expect(percentChange(3400n, 3600n)).toBe(5.9);
    expect(percentChange(4400n, 3900n)).toBe(-11.4);
    expect(percentChange(3900n, 3900n)).toBe(0);
    expect(percentChange(0n, 100n)).toBe(Infinity);
  });
});

describe("words", () => {
  it("names days as people do", () => {
    expect(daysText([0, 1, 2, 3, 4])).toBe("Mon–Fri");
    expect(daysText([5, 6])).toBe("weekends");
    expect(daysText([0, 2, 4])).toBe("Mon, Wed, Fri");
    expect(daysText([0, 1, 5, 6])).toBe("Mon, Tue, Sat, Sun");
    expect(daysText([0, 1, 2, 3, 4, 5, 6])).toBe("every day");
  });

  it("names durations", () => {
    expect(duration(2700)).toBe("45 min");
    expect(duration(7200)).toBe("2 h");
    expect(duration(5400)).toBe("1 h 30 min");
    expect(duration(90)).toBe("90 s");
  });

  it("describes restrictions in words", () => {
    expect(restrictionsText({ dayOfWeek: ["FRIDAY", "MONDAY", "THURSDAY", "TUESDAY", "WEDNESDAY"], startTime: "07:00", endTime: "23:00" })).toBe("Mon–Fri 07:00–23:00");
    expect(restrictionsText({ dayOfWeek: ["SUNDAY", "SATURDAY"] })).toBe("weekends");
    expect(restrictionsText({ minDurationS: 7200 }, { parking: true })).toBe("after 2 h parked");
    expect(restrictionsText({ startTime: "22:00", endTime: "06:00" })).toBe("22:00–06:00 (overnight)");
    expect(restrictionsText({ minKwh: "20.0000", maxPowerKw: "22" })).toBe("from 20 kWh charged, when charging below 22 kW");
    expect(restrictionsText({ startDate: "2026-12-24", endDate: "2026-12-27" })).toBe("from 2026-12-24 until 2026-12-27");
    expect(restrictionsText({ maxDurationS: 3600 })).toBe("for the first 1 h");
    expect(restrictionsText(undefined)).toBe("any time");
    expect(restrictionsText({}, { fallback: "any other time" })).toBe("any other time");
  });

  it("labels charges with their unit and billing step", () => {
    expect(chargeLabel("ENERGY", 1)).toBe("Energy, per kWh");
    expect(chargeLabel("FLAT", 1)).toBe("Session fee, per session");
    expect(chargeLabel("TIME", 60)).toBe("Charging time, per hour charging (billed per 1 min)");
    expect(chargeLabel("PARKING_TIME", 900)).toBe("Idle fee, per hour parked (billed per 15 min)");
    expect(chargeLabel("PARKING_TIME", 3600)).toBe("Idle fee, per hour parked (billed per hour)");
  });
});
