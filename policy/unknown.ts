/**
 * Values not known during a preview. An output that is not known yet (a new
 * plan's id, a computed field) arrives as the sentinel string
 * `04da6b54-80e4-46f7-96ec-b56ff0331ba9` (or its number / boolean / array /
 * object siblings) or is absent. CrossGuard's props proxy throws on reading
 * one, which would turn the whole policy into an advisory "can't run during
 * preview"; {@link snapshot} copies the props first and marks each unknown with
 * {@link UNKNOWN}, and the checks then skip exactly the values they cannot know.
 */

/** The sentinels the Pulumi engine sends for values unknown during preview. */
const UNKNOWN_SENTINELS = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** Marks a value that is not known yet (preview). */
export const UNKNOWN: unique symbol = Symbol.for("eosvolt.policy.unknown");

/** Whether `value` is not known yet. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN || (typeof value === "string" && UNKNOWN_SENTINELS.has(value));
}

/** Whether `value` is set and known. */
export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== null && !isUnknown(value);
}

/**
 * A plain object copy of resource props: each field is read when the check
 * needs it, so its type is left open.
 */
// `any`: props are untyped JSON from the engine; every check tests the type of what it reads.
export type Props = Record<string, any>;

/**
 * A plain copy of resource props: CrossGuard's unknown-checking proxy throws on
 * reading an unknown value, this catches each read and puts {@link UNKNOWN} there.
 */
export function snapshot(value: unknown, depth = 0): unknown {
  if (isUnknown(value)) return UNKNOWN;
  if (value === null || typeof value !== "object" || depth > 64) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(source)) {
    let item: unknown;
    try {
      item = source[key];
    } catch {
      item = UNKNOWN; // UnknownValueError from @pulumi/policy's proxy
    }
    (out as Record<string, unknown>)[key] = snapshot(item, depth + 1);
  }
  return out;
}

/** {@link snapshot} of a resource's props, as an object (empty when the props are not one). */
export function snapshotProps(props: unknown): Props {
  const copy = snapshot(props);
  return copy !== null && typeof copy === "object" ? (copy as Props) : {};
}
