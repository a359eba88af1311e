/**
 * The collection of one kind, as the generic provider calls it: typed by the
 * kind's schema (`I`), object (`O`) and list parameters (`L`).
 */
import type { z } from "zod";
import type { ApiAccess } from "../client/api-access";
import type { ApiObject, KindWith, Patch } from "../kinds/kind";
import type { ListParamsBase } from "../client/pagination";

/** What the generic provider needs of a kind's collection (`client.chargers`, …). */
export interface KindEndpoint<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase> {
  create(body: z.output<I>, options?: { idempotencyKey?: string }): Promise<O>;
  get(id: string): Promise<O>;
  update(id: string, patch: Patch<z.output<I>>): Promise<O>;
  delete(id: string): Promise<void>;
  /** Batched read for refresh: undefined when the object is gone. */
  read(id: string): Promise<O | undefined>;
  /** Every object matching the filters (`L`, or a natural-key filter such as `{ ocppIdentity, limit: 1 }`). */
  list(params?: L | (ListParamsBase & Record<string, string | number | boolean>)): AsyncIterable<O>;
}

/**
 * The kind's collection in `api` (`api[kind.endpoint]`). The client builds one
 * collection per registry entry, typed by that entry (`KindApis`); TypeScript
 * cannot correlate a generic kind with its entry of the mapped type, so the
 * lookup states the type the registry guarantees.
 */
export function endpointOf<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase>(
  api: ApiAccess,
  kind: KindWith<I, O, L>,
): KindEndpoint<I, O, L> {
  const endpoint: unknown = Reflect.get(api, kind.endpoint);
  if (!isEndpoint<I, O, L>(endpoint)) throw new TypeError(`the client has no collection "${kind.endpoint}" for ${kind.type}`);
  return endpoint;
}

/** Whether a value has a collection's methods; its types are those of the registry entry it was built from. */
function isEndpoint<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase>(value: unknown): value is KindEndpoint<I, O, L> {
  if (value === null || typeof value !== "object") return false;
  return ["create", "get", "update", "delete", "read", "list"].every((method) => typeof Reflect.get(value, method) === "function");
}
