/**
 * The chart's axis: exact amounts as decimal strings, whether Mermaid can plot
 * them exactly, and a "nice" upper bound. Money itself is computed in
 * `provider/money`; this file only scales what is drawn.
 */
import { exactText } from "../money";

/** The exact amount converts to a JavaScript number and back unchanged (a chart can plot it exactly). */
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
