import { z } from "zod";
import { parseDecimal } from "../../provider/decimal";
import { ApiError } from "../errors";

/** Renders a zod path as the contract's dot path: `evses[0].connectors[1].standard`. */
export function dotPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "string": return "a string";
    case "number": return "a number";
    case "int": return "an integer";
    case "boolean": return "a boolean";
    case "array": return "an array";
    case "object": return "an object";
    default: return expected;
  }
}

/** Turns one zod issue into a 400 ApiError with a readable message and a dot-path field. */
export function issueToError(issue: z.core.$ZodIssue): ApiError {
  if (issue.code === "unrecognized_keys") {
    const field = dotPath([...issue.path, issue.keys[0]]);
    return new ApiError(400, "invalid_parameter", `Unknown field '${field}'.`, field);
  }
  const field = dotPath(issue.path);
  const name = `Field '${field}'`;
  let message: string;
  switch (issue.code) {
    case "invalid_type":
      message = issue.input === undefined ? `${name} is required.`
        : issue.input === null ? `${name} must not be null.`
        : `${name} must be ${describeExpected(issue.expected)}.`;
      break;
    case "too_small":
      message = issue.origin === "string" ? `${name} must be at least ${issue.minimum} characters long.`
        : issue.origin === "array" ? `${name} must have at least ${issue.minimum} item(s).`
        : `${name} must be ${issue.inclusive ? "at least" : "greater than"} ${issue.minimum}.`;
      break;
    case "too_big":
      message = issue.origin === "string" ? `${name} must be at most ${issue.maximum} characters long.`
        : issue.origin === "array" ? `${name} must have at most ${issue.maximum} item(s).`
        : `${name} must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}.`;
      break;
    case "invalid_value":
      message = `${name} must be one of: ${issue.values.map(String).join(", ")}.`;
      break;
    default:
      // custom / invalid_format: messages are written by the schemas with a {field} placeholder.
      message = issue.message.includes("{field}") ? issue.message.replace("{field}", name) : `${name} is invalid: ${issue.message}`;
  }
  return new ApiError(400, "invalid_parameter", message, field);
}

/**
 * Parses `input` with `schema`; on failure throws the first issue as a 400.
 * @throws ApiError 400 `invalid_parameter`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw issueToError(result.error.issues[0]);
  return result.data;
}

/** Formats a validated decimal string with exactly 4 decimals (`"0.39"` → `"0.3900"`). */
export function toFixed4(value: string): string {
  const read = parseDecimal(value, { numbers: false });
  if (!read.ok) throw new RangeError(`"${value}" ${read.reason}`);
  return read.text;
}

/**
 * A decimal travelling as a JSON string with at most 4 decimals; answered with
 * exactly 4. More decimals, exponent notation, a leading zero or a JSON number
 * are refused (`400`), never rounded: the one decimal reader of the project.
 */
export function decimal(opts: { min?: number; max?: number } = {}) {
  const rules = {
    numbers: false,
    ...(opts.min === undefined ? {} : { min: String(opts.min) }),
    ...(opts.max === undefined ? {} : { max: String(opts.max) }),
  };
  return z.unknown().transform((value, ctx) => {
    if (value === undefined) {
      ctx.addIssue({ code: "invalid_type", expected: "string", input: value });
      return z.NEVER;
    }
    const read = parseDecimal(value, rules);
    if (read.ok) return read.text;
    ctx.addIssue({ code: "custom", message: `{field} ${read.reason}.`, input: value });
    return z.NEVER;
  });
}

/** `"HH:MM"`, 00:00..23:59; `24:00` only where a period ends (`endOfDay`). */
export const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "{field} must be a time \"HH:MM\" between 00:00 and 23:59.");
/** `"HH:MM"` ending a period: 00:00..24:00. */
export const hhmmEnd = z.string().regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, "{field} must be a time \"HH:MM\" between 00:00 and 24:00.");

/** `"YYYY-MM-DD"`, a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, "{field} must be a date \"YYYY-MM-DD\".")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "{field} is not a valid calendar date.");

/** An ISO 8601 date-time with a time zone (`Z` or `±HH:MM`), seconds optional, on a day that exists. */
export const isoDateTime = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$/, "{field} must be an ISO 8601 date-time with a time zone.")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(v.slice(0, 10)), "{field} is not a valid date-time.");

/** ISO 639-1 language code. */
export const language = z.string().regex(/^[a-z]{2}$/, "{field} must be an ISO 639-1 language code (e.g. \"en\").");

/** `[{ language, text }]`, as used by directions and altText. */
export const displayTexts = z.array(z.strictObject({ language, text: z.string().min(1).max(512) }));

/** A non-empty id string reference. */
export const idRef = z.string().min(1).max(64);

/** An array with set semantics: duplicates are rejected. */
export function setOf<T extends string>(values: readonly [T, ...T[]]) {
  return z.array(z.enum(values)).refine((arr) => new Set(arr).size === arr.length, "{field} must not contain duplicates.");
}
