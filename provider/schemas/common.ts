import { z } from "zod";
import { API_PLACES, compareDecimals, parseDecimal } from "../decimal";

/**
 * Building blocks shared by the resource schemas. Each one validates what the
 * EOSVOLT API accepts and normalises to the form the API answers with, so that
 * a value written differently by a user (`"0.39"` vs `"0.3900"`) compares equal.
 */

/**
 * Renders a decimal with exactly four decimals, as the API answers (`"0.39"` →
 * `"0.3900"`, `0.39` → `"0.3900"`). Exact: a value with more than four
 * decimals, in exponent notation or too large is refused, never rounded.
 * @throws RangeError with the reason when the value is no such decimal.
 */
export function toFourDecimals(value: string | number): string {
  const read = parseDecimal(value);
  if (!read.ok) throw new RangeError(`${JSON.stringify(value)} ${read.reason}`);
  return read.text;
}

/**
 * A non-negative decimal amount at the API's precision (four decimals, at most
 * twelve digits before the point). Accepts a string (`"0.39"`) or a number
 * (`0.39`, read by its shortest decimal form); normalised to a string with
 * exactly four decimals (`"0.3900"`). More decimals, exponent notation and
 * leading zeros are refused with the reason, never rounded. `places` sets another
 * precision the contract names (a team's `discountPercent`: 2).
 */
export const decimal = (options: { max?: number; places?: number } = {}) => {
  const rules = {
    min: "0",
    ...(options.max === undefined ? {} : { max: String(options.max) }),
    ...(options.places === undefined ? {} : { places: options.places }),
  };
  const places = options.places ?? API_PLACES;
  return z
    .union([z.string(), z.number()], { error: `must be a decimal: a string like "0.39" (at most ${places} decimals) or a number` })
    .transform((value, ctx) => {
      const read = parseDecimal(value, rules);
      if (read.ok) return read.text;
      ctx.addIssue({ code: "custom", message: read.reason, input: value });
      return z.NEVER;
    });
};

/** True when `a` is greater than `b`, both decimals already read by {@link decimal}; false when either is not one. */
export function decimalGreater(a: unknown, b: unknown): boolean {
  return (compareDecimals(a, b) ?? 0) > 0;
}

/**
 * A wall-clock time `HH:MM` (24-hour), 00:00..23:59. `24:00` only ends a
 * period (`endOfDay`): a period cannot begin at the end of the day.
 */
export const hhmm = (options: { endOfDay?: boolean } = {}) =>
  z
    .string()
    .regex(options.endOfDay ? /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/ : /^([01]\d|2[0-3]):[0-5]\d$/, {
      message: options.endOfDay ? 'must be a time "HH:MM" between 00:00 and 24:00' : 'must be a time "HH:MM" between 00:00 and 23:59 (24:00 only ends a period)',
    });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** True for a day that exists: month 1..12, day 1..28/29/30/31 as the month and year have it. */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** A calendar date `YYYY-MM-DD` that exists (`2026-02-30` is refused). */
export const isoDate = () =>
  z.string().refine((v) => {
    const m = DATE.exec(v);
    return m !== null && isCalendarDay(m[1], m[2], m[3]);
  }, { message: 'must be a date "YYYY-MM-DD" that exists' });

/**
 * An ISO 8601 date-time with a time zone, as the API takes it:
 * `YYYY-MM-DDTHH:MM`, optional `:SS` and up to 9 fraction digits, then `Z` or
 * `±HH:MM` (`2026-01-01T00:00:00Z`, `2026-01-01T08:30+01:00`); the day must exist.
 */
export const isoDateTime = () =>
  z.string().refine((v) => {
    const m = DATE_TIME.exec(v);
    return m !== null && isCalendarDay(m[1], m[2], m[3]);
  }, { message: 'must be an ISO 8601 date-time with a time zone, like "2026-01-01T00:00:00Z"' });

/** An ISO 639-1 language code (`en`). */
export const languageCode = () => z.string().regex(/^[a-z]{2}$/, { message: 'must be an ISO 639-1 language code like "en"' });

/** A text in one language, as used by `directions` and `altText`. */
export const DisplayTextSchema = z.strictObject({
  /** ISO 639-1 language code, e.g. `en`. */
  language: languageCode(),
  /** The text, 1..512 characters. */
  text: z.string().min(1).max(512),
});

/** A required display name of 1..255 characters. */
export const displayName = () => z.string().min(1, { message: "must not be empty" }).max(255);

/**
 * An id of another EOSVOLT object; `kind` names the kind it refers to
 * (`refersTo("PricingPlan")`), which `eosvolt-import` turns into a resource reference.
 */
export const objectId = (kind?: string) => {
  const id = z.string().min(1, { message: "must not be empty" }).max(64);
  return kind === undefined ? id : id.meta({ [REFERS_TO]: kind });
};

/** The metadata key of {@link objectId}'s kind. */
export const REFERS_TO = "refersTo";

/**
 * An array with set semantics: the order a user writes does not matter, so it
 * is normalised to sorted, de-duplicated order.
 */
export const setOf = <T extends string>(item: z.ZodType<T>) =>
  z.array(item).transform((values) => [...new Set(values)].sort());

/** Fields every API object carries, set by the server. */
export const serverTimestamps = {
  /** When the object was created (ISO 8601 UTC, server-set). */
  createdAt: z.string(),
  /** When the object was last changed (ISO 8601 UTC, server-set). */
  updatedAt: z.string(),
};

/** A number the API may send as a JSON number or a numeric string. */
export const numeric = () => z.union([z.number(), z.string().transform(Number)]);
