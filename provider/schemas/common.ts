import { z } from "zod";

/**
 * Building blocks shared by the resource schemas. Each one validates what the
 * EOSVOLT API accepts and normalises to the form the API answers with, so that
 * a value written differently by a user (`"0.39"` vs `"0.3900"`) compares equal.
 */

const DECIMAL = /^\d{1,12}(\.\d{1,4})?$/;

/** Renders a non-negative decimal with exactly four decimals, as the API answers. */
export function toFourDecimals(value: string | number): string {
  const text = typeof value === "number" ? value.toFixed(4) : value;
  const [whole, fraction = ""] = text.split(".");
  return `${BigInt(whole)}.${fraction.padEnd(4, "0")}`;
}

/**
 * A non-negative decimal amount. Accepts a string with at most four decimals
 * (`"0.39"`) or a finite number (`0.39`); normalised to a string with exactly
 * four decimals (`"0.3900"`).
 */
export const decimal = (options: { max?: number } = {}) =>
  z
    .union([z.string(), z.number()])
    .refine((v) => (typeof v === "number" ? Number.isFinite(v) && v >= 0 : DECIMAL.test(v)), {
      message: 'must be a non-negative decimal with at most 4 decimals, as a string like "0.39"',
    })
    .refine((v) => options.max === undefined || Number(v) <= options.max, { message: `must be at most ${options.max}` })
    .transform(toFourDecimals);

/** A wall-clock time `HH:MM` (24-hour); an end of a period may be `24:00`. */
export const hhmm = (options: { endOfDay?: boolean } = {}) =>
  z
    .string()
    .regex(options.endOfDay ? /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/ : /^([01]\d|2[0-3]):[0-5]\d$/, {
      message: `must be a time "HH:MM" between 00:00 and ${options.endOfDay ? "24:00" : "23:59"}`,
    });

/** A calendar date `YYYY-MM-DD`. */
export const isoDate = () =>
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a date "YYYY-MM-DD"' });

/** An ISO 8601 date-time with a time zone (`2026-01-01T00:00:00Z`). */
export const isoDateTime = () =>
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time like "2026-01-01T00:00:00Z"' });

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
