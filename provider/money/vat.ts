/** VAT on amounts: percentages in units of 10^-4 percent (`"21"` → `210000n`), results rounded by `round.ts`. */
import { exactText, HUNDRED_PERCENT, toUnits } from "./amount";
import { divideHalfUp } from "./round";

/** The VAT on `exclVat` at `vatPercent`: `exclVat × vatPercent / 100`, rounded half up to four decimals. */
export function vatOf(exclVat: bigint, vatPercent: bigint | undefined): bigint {
  if (vatPercent === undefined || vatPercent === 0n) return 0n;
  return divideHalfUp(exclVat * vatPercent, HUNDRED_PERCENT);
}

/** `price × (1 + vat/100)`, rounded half up to four decimals (no VAT: the price). */
export function inclVat(price: bigint, vatPercent: bigint | undefined): bigint {
  if (vatPercent === undefined) return price;
  return divideHalfUp(price * (HUNDRED_PERCENT + vatPercent), HUNDRED_PERCENT);
}

/** Whether `price × (1 + vat/100)` is above `cap`, compared exactly (no rounding). */
export function inclVatAbove(price: bigint, vatPercent: bigint, cap: bigint): boolean {
  return price * (HUNDRED_PERCENT + vatPercent) > cap * HUNDRED_PERCENT;
}

/**
 * The exact amount a driver pays, as a plain decimal string, not rounded:
 * price, or price × (1 + vat/100) with `withVat`. "0.3333" at 9 % → "0.363297".
 * Undefined when the price or the VAT is not a decimal.
 */
export function exactAmount(price: unknown, vat: unknown, withVat: boolean): string | undefined {
  const p = toUnits(price);
  if (p === undefined) return undefined;
  if (!withVat || vat === undefined || vat === null) return exactText(p, 4);
  const v = toUnits(vat);
  if (v === undefined) return undefined;
  return exactText(p * (HUNDRED_PERCENT + v), 10); // 10^-4 units × 10^-6 (percent units / 100)
}
