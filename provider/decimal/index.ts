/**
 * Exact decimals for money and measures: one reader for every decimal the
 * EOSVOLT API takes (prices, VAT, minimum and maximum prices, kWh and kW
 * limits). A decimal is either represented exactly at the API's precision or
 * refused with a reason that names the precision; strings and numbers follow
 * the same rule; nothing is rounded. Amounts are `bigint` units of 10^-places.
 *
 * No dependencies: the provider's schemas, the pricing report, the policy pack
 * (from `dist/provider/decimal`) and the emulator all load this module.
 */
export { API_INTEGER_DIGITS, API_PLACES, type DecimalRules } from "./rules";
export { formatFixed, parseDecimal, type DecimalResult, type ExactDecimal, type RefusedDecimal } from "./parse";
export { compareDecimals, decimalUnits, formatTrimmed, sameDecimal } from "./compare";
export { numberToPlainText } from "./number-text";
