/**
 * Adoption: a create that takes over an object that already exists, named by
 * `adoptId` or found by the kind's natural key (`adoptExisting`), with at most
 * one `PATCH` of the fields where the program differs.
 */
import type { z } from "zod";
import type { ListParamsBase } from "../client/pagination";
import type { ApiObject, KindWith } from "../kinds/kind";
import { changedFields, patchBody } from "./diff";
import type { KindEndpoint } from "./endpoint";
import { explainError, isNotFound } from "./errors";
import { stateOf } from "./outputs";
import type { CreateResult } from "./results";

type Props = Record<string, unknown>;

/** A kind and (lazily) its collection: what adoption and recovery work with. */
export interface KindContext<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase> {
  readonly kind: KindWith<I, O, L>;
  endpoint(): Promise<KindEndpoint<I, O, L>>;
}

/** The object the inputs ask to adopt (`adoptId`, or `adoptExisting` by natural key), if any. */
export async function findToAdopt<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase>(
  ctx: KindContext<I, O, L>,
  inputs: Props,
): Promise<O | undefined> {
  const { kind } = ctx;
  if (typeof inputs.adoptId === "string") {
    try {
      return await (await ctx.endpoint()).get(inputs.adoptId);
    } catch (error) {
      if (isNotFound(error)) {
        throw new Error(
          `adoptId "${inputs.adoptId}": no ${kind.noun} with this id exists in the account ` +
            `(the API answered 404 not_found). Check the id, or remove adoptId to create a new ${kind.noun}.`,
        );
      }
      throw explainError(error, `adopting ${kind.noun} ${inputs.adoptId}`);
    }
  }
  if (inputs.adoptExisting === true && kind.naturalKey) return findByNaturalKey(ctx, inputs[kind.naturalKey]);
  return undefined;
}

/** The object whose natural key is `value` (case-insensitive), by one filtered list request. */
export async function findByNaturalKey<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase>(
  ctx: KindContext<I, O, L>,
  value: unknown,
): Promise<O | undefined> {
  const key = ctx.kind.naturalKey;
  if (!key || typeof value !== "string") return undefined;
  const endpoint = await ctx.endpoint();
  for await (const object of endpoint.list({ [key]: value, limit: 1 })) {
    if (String(object[key]).toUpperCase() === value.toUpperCase()) return object;
  }
  return undefined;
}

/** Takes over an existing object: at most one PATCH with the fields where the program differs. */
export async function adopt<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase>(
  ctx: KindContext<I, O, L>,
  existing: O,
  inputs: Props,
): Promise<CreateResult> {
  const { kind } = ctx;
  const changed = changedFields(kind, inputs, existing);
  const immutable = changed.filter((f) => kind.replaceOnChanges.includes(f));
  if (immutable.length > 0) {
    throw new Error(
      `cannot adopt ${kind.noun} ${existing.id}: ${immutable.join(", ")} differ(s) from the program and cannot be changed ` +
        `(the API refuses to change ${immutable.join(", ")}). Align the program with the existing value.`,
    );
  }
  if (changed.length === 0) return { id: existing.id, outs: stateOf(kind, existing, inputs) };
  try {
    const updated = await (await ctx.endpoint()).update(existing.id, patchBody(kind, changed, inputs));
    return { id: updated.id, outs: stateOf(kind, updated, inputs) };
  } catch (error) {
    throw explainError(error, `adopting ${kind.noun} ${existing.id}`);
  }
}
