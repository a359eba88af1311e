import { describe, expect, it } from "vitest";
import { isoInstantMs, localTime, zoneClock } from "../../provider/money/local-time";

describe("instants and local clocks", () => {
  it("reads the API's YYYY-MM-DDTHH:MM:SSZ exactly as Date.parse does, across centuries and leap days", () => {
    let x = 12345;
    for (let i = 0; i < 20_000; i += 1) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const ms = Date.UTC(1901, 0, 1) + Math.floor((x / 2147483648) * (Date.UTC(2099, 11, 31) - Date.UTC(1901, 0, 1)) / 1000) * 1000;
      const text = new Date(ms).toISOString().replace(".000Z", "Z");
      expect(isoInstantMs(text, "t")).toBe(Date.parse(text));
    }
    for (const text of ["2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "2026-12-31T23:59:59Z", "2026-11-01T06:00:00.500Z", "2026-11-01T07:00:00+01:00"]) {
      expect(isoInstantMs(text, "t")).toBe(Date.parse(text));
    }
    expect(() => isoInstantMs("yesterday", "periods[3].startAt")).toThrow(/periods\[3\]\.startAt is not an ISO 8601 time/);
  });

  it("gives the same local clock from the cached zone clock as from Intl", () => {
    const clock = zoneClock("America/New_York");
    for (let t = Date.parse("2026-11-01T04:00:00Z"); t < Date.parse("2026-11-01T08:00:00Z"); t += 450_000) {
      const local = new Date(clock.local(t));
      const viaIntl = localTime(t, "America/New_York");
      expect(local.toISOString().slice(0, 10)).toBe(viaIntl.date);
      expect(local.getUTCHours() * 3600 + local.getUTCMinutes() * 60 + local.getUTCSeconds()).toBe(viaIntl.secondOfDay);
    }
    // 01:30 happens twice on 1 November 2026 in New York: EDT, then EST.
    expect(new Date(clock.local(Date.parse("2026-11-01T05:30:00Z"))).toISOString()).toBe("2026-11-01T01:30:00.000Z");
    expect(new Date(clock.local(Date.parse("2026-11-01T06:30:00Z"))).toISOString()).toBe("2026-11-01T01:30:00.000Z");
  });
});
