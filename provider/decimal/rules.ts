/**
 * The API's precision for decimals: what a decimal may look like before it is
 * accepted. One place for the numbers the contract states, so that the
 * provider's `check`, the pricing report, the policy pack and the emulator
 * read decimals by the same rule.
 */

/** Decimals the API keeps for prices, VAT, price limits, kWh and kW limits (`"0.3900"`). */
export const API_PLACES = 4;

/** Digits the API takes before the decimal point (`999999999999.9999` is the largest amount). */
export const API_INTEGER_DIGITS = 12;

/** How one decimal field is read. Every rule has the API's default. */
export interface DecimalRules {
  /** Most decimals after the point; more is refused, never rounded. Default {@link API_PLACES}. */
  places?: number;
  /** Most digits before the point. Default {@link API_INTEGER_DIGITS}. */
  integerDigits?: number;
  /**
   * Whether a JavaScript number is read (a program's `price: 0.39`). It is read
   * by its shortest decimal form (`String(0.39)` is `"0.39"`), under the same
   * rules as a string. The API itself takes only strings. Default `true`.
   */
  numbers?: boolean;
  /** Smallest value, as a decimal string (`"0"`). Default: none. */
  min?: string;
  /** Largest value, as a decimal string (`"100"`). Default: none. */
  max?: string;
}
