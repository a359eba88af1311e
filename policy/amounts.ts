/**
 * The pack's reading of prices and VAT: non-negative decimals as bigint
 * ten-thousandths, through the provider's one money module (`provider/money`),
 * so that no check rounds money.
 */
import { toUnits } from "../provider/money";

/**
 * A decimal as ten-thousandths (`"0.39"` → 3900n), or undefined when it is not
 * a known non-negative decimal at the API's precision (never rounded). Numbers
 * are accepted too (config, raw inputs).
 */
export function units(value: unknown): bigint | undefined {
  const u = toUnits(value);
  return u !== undefined && u >= 0n ? u : undefined;
}
