/**
 * Narrowing helpers for tests: each returns its input with a tighter type, or
 * throws naming what was missing. They exist so the test code type-checks
 * without casts; a passing test runs exactly as without them.
 */

/** `value`, or an error naming `what` when it is `undefined` or `null` (a lookup that found nothing). */
export function defined<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what}: expected a value, got ${value}`);
  return value;
}

/** `value` as a JSON object, or an error naming `what` when it is not one. */
export function record(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`${what}: expected an object, got ${JSON.stringify(value)}`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `id` of an object as the API renders it (always a string there). */
export function idOf(object: Record<string, unknown>): string {
  const id = object.id;
  if (typeof id !== "string") throw new Error(`expected a string id, got ${JSON.stringify(id)} in ${JSON.stringify(object)}`);
  return id;
}
