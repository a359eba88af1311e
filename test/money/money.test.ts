import { describe, expect, it } from "vitest";
import {
  discounted,
  divideCeiling,
  divideHalfUp,
  formatMoney,
  inclVat,
  medianUnits,
  percentChangeText,
  risesMoreThan,
  scaled,
  sumUnits,
  toUnits,
  vatOf,
} from "../../provider/money";

describe("the one rounding rule", () => {
  it("rounds half up, ties away from zero, and nothing else", () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n); // 0.5 → 1
    expect(divideHalfUp(4n, 10n)).toBe(0n); // 0.4 → 0
    expect(divideHalfUp(15n, 10n)).toBe(2n); // 1.5 → 2
    expect(divideHalfUp(-5n, 10n)).toBe(-1n); // -0.5 → -1
    expect(divideHalfUp(-14n, 10n)).toBe(-1n);
    expect(divideHalfUp(7n, -2n)).toBe(-4n); // -3.5 → -4
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it("rounds steps up to a whole multiple", () => {
    expect(divideCeiling(1001n, 1000n)).toBe(2n);
    expect(divideCeiling(1000n, 1000n)).toBe(1n);
    expect(divideCeiling(0n, 300n)).toBe(0n);
  });
});

describe("VAT, discounts and percentages", () => {
  it("computes VAT half up to four decimals", () => {
    expect(formatMoney(vatOf(toUnits("1.0005")!, toUnits("21")!))).toBe("0.2101"); // 0.210105
    expect(formatMoney(vatOf(toUnits("0.0002")!, toUnits("25")!))).toBe("0.0001"); // 0.00005 → up
    expect(formatMoney(vatOf(toUnits("3")!, undefined))).toBe("0.0000");
    expect(formatMoney(inclVat(toUnits("0.39")!, toUnits("21")))).toBe("0.4719");
  });

  it("discounts half up", () => {
    expect(formatMoney(discounted(toUnits("1.2345")!, toUnits("15")))).toBe("1.0493"); // 1.049325
    expect(formatMoney(discounted(toUnits("0.0001")!, toUnits("50")))).toBe("0.0001"); // 0.00005 → up
    expect(discounted(toUnits("2")!, toUnits("100"))).toBe(0n);
  });

  it("scales, sums and takes medians exactly", () => {
    expect(scaled(toUnits("0.21")!, toUnits("5")!, toUnits("3")!)).toBe(3500n);
    expect(scaled(toUnits("0.21")!, toUnits("5")!, 0n)).toBe(0n);
    expect(sumUnits([1n, 2n, 3n])).toBe(6n);
    expect(medianUnits([5n, 1n, 3n])).toBe(3n);
    expect(medianUnits([1n, 2n])).toBe(2n); // 1.5 units → 2
    expect(medianUnits([])).toBeUndefined();
  });

  it("writes changes and caps", () => {
    expect(percentChangeText(3900n, 4400n)).toBe("+12.8%");
    expect(percentChangeText(4400n, 3900n)).toBe("-11.4%");
    expect(percentChangeText(0n, 1n)).toBe("from zero");
    expect(risesMoreThan(1000n, 1100n, toUnits("10")!)).toBe(false);
    expect(risesMoreThan(1000n, 1101n, toUnits("10")!)).toBe(true);
  });
});
