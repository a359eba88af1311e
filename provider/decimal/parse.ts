import { numberToPlainText } from "./number-text";
import { API_INTEGER_DIGITS, API_PLACES, type DecimalRules } from "./rules";

/** A decimal read exactly: its value in units of 10^-places, and its text with exactly `places` decimals. */
export interface ExactDecimal {
  ok: true;
  /** The value in units of 10^-places (`"0.39"` at 4 places → `3900n`). */
  units: bigint;
  /** The API's form, exactly `places` decimals (`"0.3900"`). */
  text: string;
}

/** A value that is not a decimal under the rules, with a reason a person reads after the field's name. */
export interface RefusedDecimal {
  ok: false;
  /** E.g. `has 5 decimals; the API keeps at most 4 and never rounds`. */
  reason: string;
}

export type DecimalResult = ExactDecimal | RefusedDecimal;

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
const EXPONENT = /^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$/;

function refuse(reason: string): RefusedDecimal {
  return { ok: false, reason };
}

/** Units of 10^-places of a plain decimal text that is known to match {@link PLAIN} within `places`. */
function unitsOf(negative: boolean, integer: string, fraction: string, places: number): bigint {
  const units = BigInt(integer) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, "0") || "0");
  return negative ? -units : units;
}

/**
 * Renders units of 10^-places with exactly `places` decimals: `3900n` → `"0.3900"`.
 * Zero is never negative.
 */
export function formatFixed(units: bigint, places: number = API_PLACES): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const integer = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? "-" : ""}${integer}${places > 0 ? `.${fraction}` : ""}`;
}

function boundUnits(bound: string, places: number): bigint {
  const m = PLAIN.exec(bound);
  if (!m || (m[3] ?? "").length > places) throw new RangeError(`decimal bound "${bound}" is not a decimal with at most ${places} decimals`);
  return unitsOf(m[1] === "-", m[2], m[3] ?? "", places);
}

/**
 * Reads a decimal exactly, or says why not. Never throws for any value, and
 * never rounds: a value with more decimals than the API keeps is refused.
 *
 * A string must be plain notation: an optional `-`, digits without a leading
 * zero, and an optional `.` with digits (`"0.39"`, `"12"`, `"0.3900"`). A
 * number (when {@link DecimalRules.numbers} allows it) is read by its shortest
 * decimal text (`0.39` → `"0.39"`, `1e21` → 22 digits), then under the same rules.
 *
 * @example parseDecimal("0.39")     // { ok: true, units: 3900n, text: "0.3900" }
 * @example parseDecimal(1.23456)    // { ok: false, reason: "has 5 decimals; …" }
 */
export function parseDecimal(value: unknown, rules: DecimalRules = {}): DecimalResult {
  const places = rules.places ?? API_PLACES;
  const integerDigits = rules.integerDigits ?? API_INTEGER_DIGITS;
  const numbers = rules.numbers ?? true;
  const example = `"${formatFixed(39n * 10n ** BigInt(Math.max(places - 2, 0)), places)}"`;
  let text: string;
  let fromNumber = false;
  if (typeof value === "number") {
    if (!numbers) return refuse(`must be a decimal string like ${example}, not a JSON number`);
    if (!Number.isFinite(value)) return refuse(`must be a finite decimal, not ${String(value)}`);
    text = numberToPlainText(value);
    fromNumber = true;
  } else if (typeof value === "string") {
    text = value;
  } else {
    const what = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
    return refuse(`must be a decimal ${numbers ? "(a string like " + example + " or a number)" : "string like " + example}, not ${what}`);
  }
  const m = PLAIN.exec(text);
  if (!m) {
    if (EXPONENT.test(text.trim())) return refuse(`is in exponent notation; write the decimal out, like ${example}`);
    return refuse(`must be a decimal like ${example}: digits, an optional "-" and at most ${places} decimals after a "."`);
  }
  const [, sign, integer, fraction = ""] = m;
  if (integer.length > 1 && integer.startsWith("0")) {
    return refuse(`must not start with a zero: write "${sign}${integer.replace(/^0+(?=\d)/, "")}${fraction ? `.${fraction}` : ""}"`);
  }
  if (integer.length > integerDigits) return refuse(`is too large: at most ${integerDigits} digits before the decimal point`);
  if (fraction.length > places) {
    return refuse(
      `has ${fraction.length} decimals; the API keeps at most ${places} and never rounds a price` +
        (fromNumber && String(value) !== text ? ` (the number ${String(value)} is ${text})` : ""),
    );
  }
  const units = unitsOf(sign === "-", integer, fraction, places);
  if (rules.min !== undefined && units < boundUnits(rules.min, places)) return refuse(`must be at least ${rules.min}`);
  if (rules.max !== undefined && units > boundUnits(rules.max, places)) return refuse(`must be at most ${rules.max}`);
  return { ok: true, units, text: formatFixed(units, places) };
}
