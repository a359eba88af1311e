/**
 * The one money module: exact decimal arithmetic on amounts (bigint units of
 * 10^-4, never floats), the one rounding rule (`round.ts`: half up to four
 * decimals), sums, VAT, percentages and discounts, and the session pricer
 * (`price-session.ts`, the contract's "How a completed session is priced").
 * The pricing review, the policy pack, the export and the impact all compute
 * money here.
 */
export { divideCeiling, divideHalfUp } from "./round";
export {
  decimalKey,
  exactText,
  formatMoney,
  formatPercentUnits,
  formatUnits,
  HUNDRED_PERCENT,
  requireUnits,
  sameDecimal,
  SCALE,
  sumUnits,
  toUnits,
} from "./amount";
export { exactAmount, inclVat, inclVatAbove, vatOf } from "./vat";
export { discounted, medianUnits, percentChange, percentChangeTenths, percentChangeText, risesMoreThan, scaled } from "./percent";
export { instantMs, localTime, type LocalTime } from "./local-time";
export { compileTariff, LINE_TYPES, type CompiledTariff, type LineType, type TariffPlan, type TariffRestrictions } from "./tariff";
export {
  priceSession,
  priceSessionUnits,
  type BillLine,
  type LineUnits,
  type MeteredPeriod,
  type PriceUnits,
  type SessionPrice,
  type SessionToPrice,
} from "./price-session";
