/**
 * Every decimal the pricing review reads or computes goes through this file:
 * amounts as integers of 1/10 000 (the API's four decimals), never floats.
 * Reading and writing decimals is the shared `provider/decimal`; this file adds
 * the review's arithmetic (VAT, percentages, the charts' exact values).
 */
import { API_PLACES, decimalUnits, formatTrimmed } from "../decimal";

const SCALE = 10n ** BigInt(API_PLACES);

/**
 * A decimal amount in units of 1/10 000 (`"0.39"` → 3900n); undefined when it
 * is not an exact decimal at the API's four places (never rounded).
 */
export function toUnits(value: unknown): bigint | undefined {
  return decimalUnits(typeof value === "string" ? value.trim() : value);
}

/** Two values are the same decimal ("0.39" and "0.3900"), or identical when not decimals. */
export function sameDecimal(a: unknown, b: unknown): boolean {
  const x = toUnits(a);
  const y = toUnits(b);
  return x !== undefined && y !== undefined ? x === y : a === b;
}

/** The canonical text of a decimal ("0.3900" → "3900" units), for keys; undefined when not a decimal. */
export function decimalKey(value: unknown): string | undefined {
  return toUnits(value)?.toString();
}

/** Renders units of 1/10 000 with two to four decimals: 3900n → "0.39", 4719n → "0.4719", 60000n → "6.00". */
export function formatUnits(units: bigint): string {
  return formatTrimmed(units, 2);
}

/** price × (1 + vat/100), rounded half up to four decimals, in units of 1/10 000. */
export function inclVat(price: bigint, vat: bigint | undefined): bigint {
  if (vat === undefined) return price;
  const scaled = price * (100n * SCALE + vat); // vat is in units too: 21 % = 210000n
  const divisor = 100n * SCALE;
  return (scaled + divisor / 2n) / divisor;
}

/** The change from old to new in percent (one decimal), or Infinity from zero. */
export function percentChange(oldUnits: bigint, newUnits: bigint): number {
  if (oldUnits === newUnits) return 0;
  if (oldUnits === 0n) return Infinity;
  return Math.round(Number(((newUnits - oldUnits) * 10_000n) / oldUnits) / 10) / 10;
}

/** A plain decimal string of `digits / 10^scale`, without trailing zeros: (47190000n, 8) → "0.4719", (0n, 4) → "0". */
function exactText(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  const abs = (negative ? -digits : digits).toString().padStart(scale + 1, "0");
  const whole = abs.slice(0, abs.length - scale);
  const fraction = abs.slice(abs.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
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
  return exactText(p * (100n * SCALE + v), 10); // units × (1e6 + vat units): scale 1e-4 × 1e-6
}

/** The exact amount from {@link exactAmount} converts to a JavaScript number and back unchanged (a chart can plot it exactly). */
export function plotsExactly(amount: string): boolean {
  return String(Number(amount)) === amount;
}

/** The lowest "nice" bound ≥ the largest amount, for a chart's axis: 0.5324 → 0.6, 14.52 → 15, 0 → 1. */
export function niceCeiling(amounts: string[]): string {
  let max = 0n;
  let scale = 0;
  for (const a of amounts) {
    const fraction = a.split(".")[1]?.length ?? 0;
    scale = Math.max(scale, fraction);
  }
  for (const a of amounts) {
    const [whole, fraction = ""] = a.replace(/^-/, "").split(".");
    const v = BigInt(whole + fraction.padEnd(scale, "0"));
    if (v > max) max = v;
  }
  if (max === 0n) return "1";
  // One significant digit up at the magnitude of the largest amount, two when that is less than 20 % above it.
  const digits = max.toString().length;
  for (const keep of [1, 2]) {
    const step = 10n ** BigInt(Math.max(digits - keep, 0));
    const ceiling = ((max + step - 1n) / step) * step;
    if (keep === 2 || ceiling * 5n <= max * 6n) return exactText(ceiling === max ? ceiling + step : ceiling, scale);
  }
  return exactText(max, scale);
}
