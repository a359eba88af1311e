/**
 * The one decimal reader: exact at the API's precision or refused with a
 * reason that names it; strings and numbers by the same rule; never rounds,
 * never throws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDecimals, decimalUnits, formatFixed, formatTrimmed, numberToPlainText, parseDecimal, sameDecimal } from "../../provider/decimal";

const reasonOf = (value: unknown, rules = {}) => {
  const read = parseDecimal(value, rules);
  return read.ok ? undefined : read.reason;
};

describe("parseDecimal", () => {
  it("reads strings and numbers exactly, answering with four decimals", () => {
    expect(parseDecimal("0.39")).toEqual({ ok: true, units: 3900n, text: "0.3900" });
    expect(parseDecimal("0.3900")).toEqual({ ok: true, units: 3900n, text: "0.3900" });
    expect(parseDecimal(0.39)).toEqual({ ok: true, units: 3900n, text: "0.3900" });
    expect(parseDecimal("21")).toEqual({ ok: true, units: 210000n, text: "21.0000" });
    expect(parseDecimal(0.0001)).toEqual({ ok: true, units: 1n, text: "0.0001" });
    expect(parseDecimal("999999999999.9999")).toEqual({ ok: true, units: 9999999999999999n, text: "999999999999.9999" });
    expect(parseDecimal("-0")).toEqual({ ok: true, units: 0n, text: "0.0000" });
    expect(parseDecimal(-1.5)).toEqual({ ok: true, units: -15000n, text: "-1.5000" });
  });

  it("refuses more decimals than the API keeps, for numbers and strings alike, naming the precision", () => {
    expect(reasonOf(1.23456)).toBe("has 5 decimals; the API keeps at most 4 and never rounds a price");
    expect(reasonOf("1.23456")).toBe("has 5 decimals; the API keeps at most 4 and never rounds a price");
    expect(reasonOf(0.00005)).toBe("has 5 decimals; the API keeps at most 4 and never rounds a price");
    expect(reasonOf(5e-7)).toBe("has 7 decimals; the API keeps at most 4 and never rounds a price (the number 5e-7 is 0.0000005)");
    expect(reasonOf("0.39000")).toMatch(/has 5 decimals/);
    expect(reasonOf("1.234", { places: 2 })).toMatch(/at most 2/);
  });

  it("refuses what is not plain decimal notation, with a reason", () => {
    expect(reasonOf("1e3")).toBe('is in exponent notation; write the decimal out, like "0.3900"');
    expect(reasonOf("07.5")).toBe('must not start with a zero: write "7.5"');
    for (const text of ["", " 1", "1 ", "1,5", ".5", "5.", "+1", "--1", "NaN", "Infinity", "0x10", "١"]) {
      expect(reasonOf(text), text).toMatch(/^must be a decimal like "0.3900"/);
    }
    expect(reasonOf(1e21)).toBe("is too large: at most 12 digits before the decimal point");
    expect(reasonOf("1000000000000")).toBe("is too large: at most 12 digits before the decimal point");
    expect(reasonOf(Number.NaN)).toBe("must be a finite decimal, not NaN");
    expect(reasonOf(Number.NEGATIVE_INFINITY)).toBe("must be a finite decimal, not -Infinity");
    expect(reasonOf(null)).toMatch(/not null$/);
    expect(reasonOf([1])).toMatch(/not an array$/);
    expect(reasonOf({})).toMatch(/not an object$/);
    expect(reasonOf(true)).toMatch(/not a boolean$/);
    expect(reasonOf(10n)).toMatch(/not a bigint$/);
    expect(reasonOf(0.39, { numbers: false })).toBe('must be a decimal string like "0.3900", not a JSON number');
  });

  it("applies bounds exactly", () => {
    expect(reasonOf("100", { max: "100" })).toBeUndefined();
    expect(reasonOf("100.0001", { max: "100" })).toBe("must be at most 100");
    expect(reasonOf("-0.0001", { min: "0" })).toBe("must be at least 0");
    expect(reasonOf("-0", { min: "0" })).toBeUndefined();
  });

  it("never throws and never changes a value it accepts (any JSON value, any double)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.double(), fc.bigInt(), fc.string({ unit: "binary" })), (value) => {
        const read = parseDecimal(value);
        if (!read.ok) {
          expect(read.reason.length).toBeGreaterThan(0);
          return;
        }
        // Accepted: the text reads back as the same number (a number input) or the same digits (a string input).
        if (typeof value === "number") expect(Number(read.text) === value).toBe(true);
        else expect(decimalUnits(read.text)).toBe(read.units);
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it("accepts every double with at most 4 decimals and refuses every other, without rounding", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (value) => {
        const text = numberToPlainText(value);
        const decimals = text.split(".")[1]?.length ?? 0;
        const read = parseDecimal(value);
        expect(read.ok).toBe(decimals <= 4 && Math.abs(value) < 1e12);
        if (read.ok) expect(Number(read.text) === value).toBe(true);
      }),
      { seed: 16, numRuns: 2000 },
    );
  });
});

describe("numberToPlainText", () => {
  it("writes exponents out, losing and adding no digit", () => {
    expect(numberToPlainText(1e21)).toBe("1000000000000000000000");
    expect(numberToPlainText(1.5e-7)).toBe("0.00000015");
    expect(numberToPlainText(-2.5e22)).toBe("-25000000000000000000000");
    expect(numberToPlainText(0.39)).toBe("0.39");
    expect(numberToPlainText(-0)).toBe("0");
    expect(numberToPlainText(Number.MIN_VALUE)).toBe(`0.${"0".repeat(323)}5`);
  });
});

describe("comparing and formatting", () => {
  it("compares exactly, '0.39' and '0.3900' alike", () => {
    expect(sameDecimal("0.39", "0.3900")).toBe(true);
    expect(sameDecimal(0.39, "0.3900")).toBe(true);
    expect(sameDecimal("0.3901", "0.39")).toBe(false);
    expect(compareDecimals("9007199254740993", "9007199254740992")).toBe(1);
    expect(compareDecimals("0.39", "abc")).toBeUndefined();
    expect(decimalUnits("0.12345")).toBeUndefined();
  });

  it("formats fixed and trimmed", () => {
    expect(formatFixed(3900n)).toBe("0.3900");
    expect(formatFixed(-1n)).toBe("-0.0001");
    expect(formatFixed(5n, 2)).toBe("0.05");
    expect(formatTrimmed(3900n)).toBe("0.39");
    expect(formatTrimmed(60000n)).toBe("6.00");
    expect(formatTrimmed(4719n)).toBe("0.4719");
    expect(formatTrimmed(210000n, 0)).toBe("21");
  });
});
