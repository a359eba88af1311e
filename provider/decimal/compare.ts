import { parseDecimal } from "./parse";
import { API_PLACES } from "./rules";

/**
 * Units of 10^-places of a decimal, or undefined when it is not an exact
 * decimal at that precision (never rounded). Signed; numbers are read too.
 * `"0.39"` and `"0.3900"` give the same units.
 */
export function decimalUnits(value: unknown, places: number = API_PLACES): bigint | undefined {
  const read = parseDecimal(value, { places, integerDigits: Number.POSITIVE_INFINITY });
  return read.ok ? read.units : undefined;
}

/**
 * Compares two decimals exactly: negative, zero or positive as `a` is less
 * than, equal to or greater than `b`; undefined when either is not a decimal.
 */
export function compareDecimals(a: unknown, b: unknown, places: number = API_PLACES): number | undefined {
  const x = decimalUnits(a, places);
  const y = decimalUnits(b, places);
  if (x === undefined || y === undefined) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when both are decimals of the same value (`"0.39"` and `"0.3900"`, `0.39`). */
export function sameDecimal(a: unknown, b: unknown, places: number = API_PLACES): boolean {
  return compareDecimals(a, b, places) === 0;
}

/**
 * Renders units of 10^-places with the trailing zeros dropped down to
 * `minPlaces` decimals: `3900n` → `"0.39"`, `60000n` → `"6.00"`, `4719n` → `"0.4719"`.
 */
export function formatTrimmed(units: bigint, minPlaces = 2, places: number = API_PLACES): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const integer = digits.slice(0, digits.length - places);
  let fraction = digits.slice(digits.length - places);
  while (fraction.length > minPlaces && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  return `${negative ? "-" : ""}${integer}${fraction ? `.${fraction}` : ""}`;
}
