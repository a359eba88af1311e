/**
 * The pack's decimal arithmetic: prices and VAT as bigint ten-thousandths, so
 * that no check rounds money. Kept in this one file so that it can give way to
 * the provider's shared decimal module.
 */

const DECIMAL = /^\d{1,12}(\.\d{1,4})?$/;

/**
 * A decimal as ten-thousandths (`"0.39"` → 3900n), or undefined when it is not
 * a known non-negative decimal. Numbers are accepted too (config, raw inputs).
 */
export function units(value: unknown): bigint | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return undefined;
    value = value.toFixed(4);
  }
  if (typeof value !== "string" || !DECIMAL.test(value)) return undefined;
  const [whole, fraction = ""] = value.split(".");
  return BigInt(whole) * 10000n + BigInt(fraction.padEnd(4, "0"));
}

/** Ten-thousandths → `"0.3900"`. */
export function show(u: bigint): string {
  const text = u.toString().padStart(5, "0");
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}

/** Ten-thousandths of a percent → `"21"` / `"9.5"`. */
export function showPercent(u: bigint): string {
  return show(u).replace(/\.?0+$/, "");
}
