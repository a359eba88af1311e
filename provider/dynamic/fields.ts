import { z } from "zod";
import type { ApiObject, ResourceKind } from "./kind";
import { project, shapeOf } from "./project";
import { containsUnknown } from "./values";

/** Inputs the provider itself handles; never sent to the API and never a change. */
export const PROVIDER_FIELDS = ["adoptId", "adoptExisting"] as const;

/** The input fields of a kind, in schema order. */
export function inputFields(kind: ResourceKind): string[] {
  return Object.keys(shapeOf(kind.inputSchema));
}

/** Server fields kept in the state: all but the volatile ones. */
export function serverFields(kind: ResourceKind): string[] {
  return Object.keys(shapeOf(kind.serverSchema)).filter((f) => !kind.volatile?.includes(f));
}

/** Output property names of a kind: input fields (minus write-only), server fields, derived ones. */
export function outputFields(kind: ResourceKind): string[] {
  const names = [
    ...inputFields(kind).filter((f) => !kind.writeOnly.includes(f)),
    ...serverFields(kind),
    ...kind.writeOnly.flatMap((f) => [`${f}Fingerprint`]),
    ...Object.keys(kind.derived ?? {}),
  ];
  return [...new Set(names)];
}

/**
 * Normalises each input field on its own with its schema (defaults, decimals,
 * sets, upper-casing); a field holding an unknown value, or one the schema
 * refuses, is kept as given. Used for diffs, where a whole-object parse could
 * fail on one unknown and normalise nothing.
 */
export function normalizeFields(kind: ResourceKind, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shapeOf(kind.inputSchema))) {
    const raw = value[key];
    if (containsUnknown(raw)) {
      out[key] = raw;
      continue;
    }
    const parsed = (schema as z.ZodType).safeParse(raw === null ? undefined : raw);
    const normalized = parsed.success ? parsed.data : raw;
    if (normalized !== undefined && normalized !== null) out[key] = normalized;
  }
  return out;
}

/** The inputs a program would write to declare this API object as it is now. */
export function inputsFromObject(kind: ResourceKind, object: ApiObject | Record<string, unknown>): Record<string, unknown> {
  const projected = project(kind.inputSchema, object) as Record<string, unknown>;
  return normalizeFields(kind, projected ?? {});
}
