/** Percentages of amounts: changes, discounts and caps, exactly (percent in units of 10^-4 percent). */
import { HUNDRED_PERCENT } from "./amount";
import { divideHalfUp } from "./round";

/**
 * The change from `old` to `updated` in tenths of a percent, rounded half up:
 * (3900n, 4400n) → 128n (12.8 %). Undefined from zero (unless unchanged).
 */
export function percentChangeTenths(old: bigint, updated: bigint): bigint | undefined {
  if (old === updated) return 0n;
  if (old === 0n) return undefined;
  return divideHalfUp((updated - old) * 1000n, old < 0n ? -old : old);
}

/** The change in percent with one decimal (12.8), `Infinity` from zero: for display and sorting only, never for money. */
export function percentChange(old: bigint, updated: bigint): number {
  const tenths = percentChangeTenths(old, updated);
  if (tenths === undefined) return updated > old ? Infinity : -Infinity;
  return Number(tenths) / 10;
}

/** "+12.8 %"-style text of a change: `"+12.8%"`, `"-11.4%"`, `"0.0%"`, `"from zero"`. */
export function percentChangeText(old: bigint, updated: bigint): string {
  const tenths = percentChangeTenths(old, updated);
  if (tenths === undefined) return "from zero";
  const negative = tenths < 0n;
  const abs = negative ? -tenths : tenths;
  return `${negative ? "-" : tenths > 0n ? "+" : ""}${abs / 10n}.${abs % 10n}%`;
}

/** Whether `after` is more than `percent` above `before`: `after > before × (1 + percent/100)`, exactly. */
export function risesMoreThan(before: bigint, after: bigint, percent: bigint): boolean {
  return after * HUNDRED_PERCENT > before * (HUNDRED_PERCENT + percent);
}

/** `amount × (100 − discountPercent) / 100`, rounded half up to four decimals (a team discount). */
export function discounted(amount: bigint, discountPercent: bigint | undefined): bigint {
  if (discountPercent === undefined || discountPercent === 0n) return amount;
  return divideHalfUp(amount * (HUNDRED_PERCENT - discountPercent), HUNDRED_PERCENT);
}

/** `amount × numerator / denominator` rounded half up; 0 when `denominator` is 0 (a VAT scaled to a clamped price). */
export function scaled(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  return denominator === 0n ? 0n : divideHalfUp(amount * numerator, denominator);
}

/** The median of amounts (an even count: the mean of the two middle ones, rounded half up); undefined when empty. */
export function medianUnits(amounts: readonly bigint[]): bigint | undefined {
  if (amounts.length === 0) return undefined;
  const sorted = [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : divideHalfUp(sorted[middle - 1] + sorted[middle], 2n);
}
