/**
 * The pack's view of decimals: prices and VAT as bigint ten-thousandths, read
 * by the provider's one decimal module (`provider/decimal`), so that no check
 * rounds money and every part of the project reads a decimal by the same rule.
 */
import { formatFixed, formatTrimmed, parseDecimal } from "../provider/decimal";

/**
 * A decimal as ten-thousandths (`"0.39"` → 3900n), or undefined when it is not
 * a known non-negative decimal at the API's precision (never rounded). Numbers
 * are accepted too (config, raw inputs).
 */
export function units(value: unknown): bigint | undefined {
  const read = parseDecimal(value);
  return read.ok && read.units >= 0n ? read.units : undefined;
}

/** Ten-thousandths → `"0.3900"`. */
export function show(u: bigint): string {
  return formatFixed(u);
}

/** Ten-thousandths of a percent → `"21"` / `"9.5"`. */
export function showPercent(u: bigint): string {
  return formatTrimmed(u, 0);
}

