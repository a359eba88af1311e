import { formatFixed, parseDecimal } from "../../provider/decimal";

/**
 * Money and measures as `bigint` units of 10^-4 (the API's 4 decimals), with
 * the one rounding the billing rules use: half up, at a division.
 */

/** Units of 10^-4 in one (`"1.0000"` → 10 000n). */
export const ONE = 10_000n;

/**
 * Reads a decimal string with at most 4 decimals into units of 10^-4.
 * @throws RangeError naming `what` when the value is not such a decimal.
 */
export function units(value: string, what: string): bigint {
  const read = parseDecimal(value, { numbers: false, integerDigits: Number.POSITIVE_INFINITY });
  if (!read.ok) throw new RangeError(`${what} ${read.reason}`);
  return read.units;
}

/** Renders units of 10^-4 with exactly 4 decimals (`3900n` → `"0.3900"`). */
export function text(value: bigint): string {
  return formatFixed(value, 4);
}

/**
 * `numerator / denominator` rounded half up (for a non-negative quotient: 0.5 goes up).
 * @throws RangeError for a negative numerator or a non-positive denominator: billing never
 * divides anything else, and a sign would make "half up" ambiguous.
 */
export function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError(`cannot round ${numerator} / ${denominator} half up`);
  return (2n * numerator + denominator) / (2n * denominator);
}

/** `amount` rounded up to a multiple of `step` (≥ 1). */
export function roundUpTo(amount: number, step: number): number {
  return Math.ceil(amount / step) * step;
}
