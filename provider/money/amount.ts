/**
 * Amounts of money as `bigint` units of 10^-4 (the API's four decimals:
 * `"0.39"` → `3900n`), read and written by the shared decimal reader
 * (`provider/decimal`). Nothing here is a JavaScript number.
 */
import { API_PLACES, decimalUnits, formatFixed, formatTrimmed } from "../decimal";

/** Units in one: 10^4 (four decimals). */
export const SCALE = 10n ** BigInt(API_PLACES);

/** 100 % in units of 10^-4 percent (`"21"` % → `210000n`). */
export const HUNDRED_PERCENT = 100n * SCALE;

/**
 * An amount (or percentage) in units of 1/10 000; undefined when it is not an
 * exact decimal at the API's four places (never rounded). Text is trimmed first.
 */
export function toUnits(value: unknown): bigint | undefined {
  return decimalUnits(typeof value === "string" ? value.trim() : value);
}

/** Like {@link toUnits}, but throws a `RangeError` naming `what` when the value is not a decimal. */
export function requireUnits(value: unknown, what: string): bigint {
  const units = toUnits(value);
  if (units === undefined) throw new RangeError(`${what} is not a decimal with at most ${API_PLACES} decimals: ${JSON.stringify(value)}`);
  return units;
}

/** The API's form, exactly four decimals: `3900n` → `"0.3900"`. */
export function formatMoney(units: bigint): string {
  return formatFixed(units);
}

/** Two to four decimals, for people: `3900n` → `"0.39"`, `4719n` → `"0.4719"`, `60000n` → `"6.00"`. */
export function formatUnits(units: bigint): string {
  return formatTrimmed(units, 2);
}

/** Percent units without trailing zeros: `210000n` → `"21"`, `95000n` → `"9.5"`. */
export function formatPercentUnits(units: bigint): string {
  return formatTrimmed(units, 0);
}

/** The exact sum of amounts. */
export function sumUnits(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

/** Two values are the same decimal ("0.39" and "0.3900"), or identical when not decimals. */
export function sameDecimal(a: unknown, b: unknown): boolean {
  const x = toUnits(a);
  const y = toUnits(b);
  return x !== undefined && y !== undefined ? x === y : a === b;
}

/** The canonical text of a decimal, for keys ("0.3900" → "3900"); undefined when not a decimal. */
export function decimalKey(value: unknown): string | undefined {
  return toUnits(value)?.toString();
}

/** A plain decimal string of `digits / 10^scale`, without trailing zeros: (47190000n, 8) → "0.4719", (0n, 4) → "0". */
export function exactText(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  const abs = (negative ? -digits : digits).toString().padStart(scale + 1, "0");
  const whole = abs.slice(0, abs.length - scale);
  const fraction = abs.slice(abs.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
