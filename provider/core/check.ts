import { z } from "zod";
import { PROVIDER_FIELDS } from "./fields";
import type { AnyKind } from "../kinds/kind";
import { pathTouchesUnknown, withoutUndefined } from "./values";

/** A problem with one property, as Pulumi prints it. */
export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

const PROVIDER_KEY = "__provider";

const EXPECTED: Record<string, string> = {
  string: "a string", number: "a number", int: "an integer", boolean: "true or false", array: "a list",
  object: "an object", bigint: "an integer", nonoptional: "a value",
};

/** What a value is, in words, without showing it (it may be a secret). */
function kindOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "number") return Number.isInteger(input) ? "an integer" : Number.isFinite(input) ? "a number with a fraction" : String(input);
  if (typeof input === "object") return "an object";
  if (typeof input === "string") return "a string";
  if (typeof input === "boolean") return input ? "true" : "false";
  return typeof input;
}

const count = (n: number | bigint, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * Reasons in a person's words for zod's own checks (a schema's own message,
 * such as a format's, wins over these). Never shows the value.
 */
const reasonFor: z.core.$ZodErrorMap = (issue) => {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined) return "is required";
  switch (issue.code) {
    case "invalid_type":
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small": {
      const at = issue.inclusive === false ? "more than" : "at least";
      if (issue.origin === "string") return `must be ${at} ${count(issue.minimum, "character")} long`;
      if (issue.origin === "array" || issue.origin === "set") return `must hold ${at} ${count(issue.minimum, "item")}`;
      return `must be ${issue.inclusive === false ? "greater than" : "at least"} ${issue.minimum}`;
    }
    case "too_big": {
      const at = issue.inclusive === false ? "fewer than" : "at most";
      if (issue.origin === "string") return `must be ${at} ${count(issue.maximum, "character")} long`;
      if (issue.origin === "array" || issue.origin === "set") return `must hold ${at} ${count(issue.maximum, "item")}`;
      return `must be ${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}`;
    }
    case "invalid_format":
      return `must be ${issue.format === "regex" ? "in the documented format" : `a valid ${issue.format}`}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_union":
      return "is not any of the accepted forms";
    default:
      return undefined;
  }
};

function failuresFrom(error: z.ZodError, news: unknown, noun: string): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const issue of error.issues) {
    if (pathTouchesUnknown(news, issue.path)) continue;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        failures.push({ property: z.core.toDotPath([...issue.path, key]), reason: `is not a field of a ${noun}` });
      }
      continue;
    }
    failures.push({ property: z.core.toDotPath(issue.path), reason: issue.message });
  }
  return failures;
}

function checkProviderFields(kind: AnyKind, news: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const { adoptId, adoptExisting } = news;
  if (adoptId !== undefined && (typeof adoptId !== "string" || adoptId.length === 0)) {
    failures.push({ property: "adoptId", reason: `must be the id of an existing ${kind.noun}` });
  }
  if (adoptExisting !== undefined) {
    if (!kind.naturalKey) failures.push({ property: "adoptExisting", reason: `is not a field of a ${kind.noun}` });
    else if (typeof adoptExisting !== "boolean") failures.push({ property: "adoptExisting", reason: "must be true or false" });
    else if (adoptExisting && adoptId !== undefined) {
      failures.push({ property: "adoptExisting", reason: "cannot be combined with adoptId; use one of them" });
    }
  }
  return failures;
}

/**
 * Validates and normalises a program's inputs without any API call. Every
 * problem becomes a failure on its dot path (`evses[0].connectors[1].standard`)
 * with a reason in words; values not known yet (preview) pass through
 * untouched. Never throws: an unexpected error of a schema becomes a failure
 * too, so that a program's bad value can never crash the provider.
 */
export function checkInputs(kind: AnyKind, news: Record<string, unknown>): CheckResult {
  const body: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(news)) {
    if (key === PROVIDER_KEY || value === undefined) continue;
    if ((PROVIDER_FIELDS as readonly string[]).includes(key)) own[key] = value;
    else body[key] = value;
  }
  const failures = checkProviderFields(kind, own);
  let parsed: ReturnType<typeof kind.inputSchema.safeParse>;
  try {
    parsed = kind.inputSchema.safeParse(body, { error: reasonFor });
  } catch {
    // Not reached by any input the schemas know of; the error's text may hold a value (a secret), so it is not shown.
    failures.push({ property: kind.noun, reason: "could not be checked: an internal error of the provider (please report it)" });
    return { inputs: withoutUndefined({ ...body, ...own }), failures };
  }
  if (parsed.success) {
    return { inputs: withoutUndefined({ ...parsed.data, ...own }), failures };
  }
  failures.push(...failuresFrom(parsed.error, body, kind.noun));
  return { inputs: withoutUndefined({ ...body, ...own }), failures };
}
