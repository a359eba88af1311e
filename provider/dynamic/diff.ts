import { inputFields, inputsFromObject, normalizeFields } from "./fields";
import type { ResourceKind } from "./kind";
import { matchesFingerprint } from "./secrets";
import { containsUnknown, sameValue } from "./values";

/** The input fields whose desired value differs from the object's current one. */
export function changedFields(
  kind: ResourceKind,
  desired: Record<string, unknown>,
  current: Record<string, unknown>,
): string[] {
  const want = normalizeFields(kind, desired);
  const have = inputsFromObject(kind, current);
  const changed: string[] = [];
  for (const field of inputFields(kind)) {
    if (kind.writeOnly.includes(field)) {
      if (writeOnlyChanged(field, desired[field], current)) changed.push(field);
    } else if (containsUnknown(want[field]) || !sameValue(want[field], have[field])) {
      changed.push(field);
    }
  }
  return changed;
}

function writeOnlyChanged(field: string, desired: unknown, current: Record<string, unknown>): boolean {
  if (containsUnknown(desired)) return true;
  const stored = current[`${field}Fingerprint`];
  // Not declared: managed only if this stack set it (a fingerprint exists), then removing it clears it.
  if (desired === undefined || desired === null) return stored !== undefined;
  return !matchesFingerprint(String(desired), stored);
}

/** What `diff` answers: only real changes, replacement only for immutable fields. */
export function diffInputs(kind: ResourceKind, olds: Record<string, unknown>, news: Record<string, unknown>) {
  const changed = changedFields(kind, news, olds);
  const replaces = changed.filter((f) => kind.replaceOnChanges.includes(f));
  return { changes: changed.length > 0, replaces, changed };
}

/** The `PATCH` body: each changed field's new value, `null` where the program removed it. */
export function patchBody(kind: ResourceKind, changed: readonly string[], desired: Record<string, unknown>) {
  const normalized = normalizeFields(kind, desired);
  const patch: Record<string, unknown> = {};
  for (const field of changed) {
    patch[field] = kind.writeOnly.includes(field) ? desired[field] ?? null : normalized[field] ?? null;
  }
  return patch;
}
