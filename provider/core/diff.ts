/**
 * What changed between a program's inputs and an object (the state's outputs or
 * the API object), and the `PATCH` body of those changes.
 */
import type { z } from "zod";
import type { AnyKind, KindWith, Patch } from "../kinds/kind";
import { bodyOf, inputFields, inputsFromObject, isInputField, normalizeFields } from "./fields";
import { matchesFingerprint } from "./secrets";
import { containsUnknown, sameValue } from "./values";

/** The input fields whose desired value differs from the object's current one. */
export function changedFields(kind: AnyKind, desired: Record<string, unknown>, current: Record<string, unknown>): string[] {
  const want = normalizeFields(kind, desired);
  const have = inputsFromObject(kind, current);
  const changed: string[] = [];
  for (const field of inputFields(kind)) {
    if (kind.writeOnly.includes(field)) {
      if (writeOnlyChanged(field, desired[field], current)) changed.push(field);
    } else if (containsUnknown(want[field]) || !(sameValue(want[field], have[field]) || (isNone(want[field]) && isNone(have[field])))) {
      changed.push(field);
    }
  }
  return changed;
}

/**
 * No value: left out, `null`, or an empty list. The API answers an optional list the program
 * left out as `[]` (a team's `chargeKeys`), which is the same as none.
 */
function isNone(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function writeOnlyChanged(field: string, desired: unknown, current: Record<string, unknown>): boolean {
  if (containsUnknown(desired)) return true;
  const stored = current[`${field}Fingerprint`];
  // Not declared: managed only if this stack set it (a fingerprint exists), then removing it clears it.
  if (desired === undefined || desired === null) return stored !== undefined;
  return !matchesFingerprint(String(desired), stored);
}

/** What `diff` answers: only real changes, replacement only for immutable fields. */
export function diffInputs(kind: AnyKind, olds: Record<string, unknown>, news: Record<string, unknown>) {
  const changed = changedFields(kind, news, olds);
  const replaces = changed.filter((f) => kind.replaceOnChanges.includes(f));
  return { changes: changed.length > 0, replaces, changed };
}

/** The `PATCH` body: each changed field's new value (as the schema normalises it), `null` where the program removed it. */
export function patchBody<I extends z.ZodObject>(kind: KindWith<I>, changed: readonly string[], desired: Record<string, unknown>): Patch<z.output<I>> {
  const body = bodyOf(kind, desired);
  const patch: Patch<z.output<I>> = {};
  for (const field of changed) if (isInputField(kind, field)) Object.assign(patch, { [field]: body[field] ?? null });
  return patch;
}
