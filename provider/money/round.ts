/**
 * The one rounding rule of every amount the project computes: **half up**,
 * to a whole number of units, where a tie (exactly half a unit) goes away from
 * zero (`0.00005` → `0.0001`, `-0.00005` → `-0.0001`). Amounts in the API are
 * non-negative, so "away from zero" and "up" agree there; differences (Δ of a
 * price change) are signed and round symmetrically.
 *
 * Every division of money in `provider/` goes through {@link divideHalfUp}:
 * nothing else rounds.
 */

/** `numerator / denominator` rounded half up (ties away from zero) to an integer. `denominator` must not be 0. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division of an amount by zero");
  if (denominator < 0n) return divideHalfUp(-numerator, -denominator);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -quotient : quotient;
}

/** `numerator / denominator` rounded up (towards +∞) to an integer, for step sizes. `denominator` > 0. */
export function divideCeiling(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("a step must be positive");
  const q = numerator / denominator;
  return numerator % denominator !== 0n && numerator > 0n ? q + 1n : q;
}
