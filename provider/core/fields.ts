/**
 * The fields of a kind and their normal form: which names are inputs, server
 * fields and outputs; a program's inputs normalised by the kind's schema; the
 * typed body of a request. Reads only the kind description and its schemas.
 */
import { z } from "zod";
import type { AnyKind, KindWith } from "../kinds/kind";
import { projectObject, shapeOf } from "../kinds/shape";
import { containsUnknown } from "./values";

/** Inputs the provider itself handles; never sent to the API and never a change. */
export const PROVIDER_FIELDS = ["adoptId", "adoptExisting"] as const;

/** The input fields of a kind, in schema order. */
export function inputFields<I extends z.ZodObject>(kind: KindWith<I>): Array<keyof z.output<I> & string> {
  return Object.keys(shapeOf(kind.inputSchema)).filter((field) => isInputField(kind, field));
}

/** Whether `field` is one of the kind's input fields. */
export function isInputField<I extends z.ZodObject>(kind: KindWith<I>, field: string): field is keyof z.output<I> & string {
  return Object.hasOwn(kind.inputSchema.shape, field);
}

/** Server fields kept in the state: all but the volatile ones. */
export function serverFields(kind: AnyKind): string[] {
  return Object.keys(shapeOf(kind.serverSchema)).filter((f) => !kind.volatile.includes(f));
}

/** Output property names of a kind: input fields (minus write-only), server fields, fingerprints, derived ones. */
export function outputFields(kind: AnyKind): string[] {
  const names = [
    ...inputFields(kind).filter((f) => !kind.writeOnly.includes(f)),
    ...serverFields(kind),
    ...kind.writeOnly.map((f) => `${f}Fingerprint`),
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
export function normalizeFields(kind: AnyKind, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shapeOf(kind.inputSchema))) {
    const raw = value[key];
    if (containsUnknown(raw)) {
      out[key] = raw;
      continue;
    }
    const parsed = schema.safeParse(raw === null ? undefined : raw);
    const normalized = parsed.success ? parsed.data : raw;
    if (normalized !== undefined && normalized !== null) out[key] = normalized;
  }
  return out;
}

/** The inputs a program would write to declare this API object as it is now. */
export function inputsFromObject(kind: AnyKind, object: object): Record<string, unknown> {
  return normalizeFields(kind, projectObject(kind.inputSchema, object));
}

/**
 * The request body of checked inputs: the kind's fields only (never the
 * provider's own), parsed by its schema into the type the client sends.
 * Checked inputs always parse; a failure here names the field all the same.
 */
export function bodyOf<I extends z.ZodObject>(kind: KindWith<I>, inputs: Record<string, unknown>): z.output<I> {
  const fields: Record<string, unknown> = {};
  for (const field of inputFields(kind)) if (inputs[field] !== undefined) fields[field] = inputs[field];
  const parsed = z.safeParse(kind.inputSchema, fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${kind.noun} inputs: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}
