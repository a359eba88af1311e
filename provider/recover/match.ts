/**
 * Finds the object a pending create made: an object of the same kind that no
 * resource of the stack manages and whose every readable field equals the
 * pending create's inputs (chargers found by `ocppIdentity`; locations and
 * plans by `name`).
 */
import type { EosvoltClient } from "../client";
import { apiAccess } from "../core/client-registry";
import { endpointOf } from "../core/endpoint";
import { inputsFromObject, normalizeFields } from "../core/fields";
import type { AnyKind, ApiObject } from "../kinds/kind";

const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The unmanaged object that matches `inputs`, or undefined when the create never reached the account. */
export async function findCreated(
  client: EosvoltClient,
  kind: AnyKind,
  inputs: Record<string, unknown>,
  managed: ReadonlySet<string>,
): Promise<ApiObject | undefined> {
  const want = { ...inputs };
  for (const field of kind.writeOnly) delete want[field];
  const expected = normalizeFields(kind, want);
  const key = kind.naturalKey ?? "name";
  for await (const object of endpointOf(apiAccess(client), kind).list({ [key]: String(inputs[key]) })) {
    if (managed.has(object.id)) continue;
    if (same(inputsFromObject(kind, object), expected)) return object;
  }
  return undefined;
}
