import { ApiError } from "../errors";

/** How a kind's PATCH body is checked before it is merged. */
export interface PatchRules {
  /** Server-set fields (rejected). */
  readonly: readonly string[];
  /** Required fields (cannot be cleared with `null`). */
  required: readonly string[];
}

/**
 * Merges a PATCH body into the stored input: omitted fields keep their value, `null`
 * clears an optional field, anything else (arrays included) replaces the value whole.
 * The result still has to be validated with the kind's full schema.
 * @throws ApiError 400 for read-only fields, unknown fields, or `null` on a required field.
 */
export function mergePatch(stored: Record<string, unknown>, patch: Record<string, unknown>, rules: PatchRules): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    checkWritable(key, rules);
    if (value === null) {
      if (rules.required.includes(key)) {
        throw new ApiError(400, "invalid_parameter", `Field '${key}' is required and cannot be cleared.`, key);
      }
      delete merged[key];
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/**
 * Rejects server-set fields by name (unknown fields are left to the schema).
 * @throws ApiError 400 `invalid_parameter`.
 */
export function checkWritable(key: string, rules: Pick<PatchRules, "readonly">): void {
  if (rules.readonly.includes(key)) {
    throw new ApiError(400, "invalid_parameter", `Field '${key}' is set by the server and cannot be written.`, key);
  }
}

/**
 * Rejects a PATCH that changes an immutable field (sending the same value is fine).
 * Compares the normalised values, so `"evb-1"` equals a stored `"EVB-1"`.
 * @throws ApiError 400 `immutable_field`.
 */
export function checkImmutable(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  patch: Record<string, unknown>,
  immutable: readonly string[],
): void {
  for (const key of immutable) {
    if (key in patch && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      throw new ApiError(400, "immutable_field", `Field '${key}' cannot be changed after creation.`, key);
    }
  }
}
