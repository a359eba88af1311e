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

const requiredMessage: z.core.$ZodErrorMap = (issue) =>
  (issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined ? "is required" : undefined;

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
 * problem becomes a failure on its dot path (`evses[0].connectors[1].standard`);
 * values not known yet (preview) pass through untouched.
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
  const parsed = kind.inputSchema.safeParse(body, { error: requiredMessage });
  if (parsed.success) {
    return { inputs: withoutUndefined({ ...parsed.data, ...own }), failures };
  }
  failures.push(...failuresFrom(parsed.error, body, kind.noun));
  return { inputs: withoutUndefined({ ...body, ...own }), failures };
}
