import type { Store } from "../store";
import type { Reply } from "../http";
import type { Caller } from "../collection/kind";

/** What a resource handler receives. */
export interface HandlerContext {
  store: Store;
  /** Path parameters (`{id}`). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (`{}` when empty). */
  body: Record<string, unknown>;
  /** Who calls (the admin owning the token, when mapped). */
  caller: Caller;
}

/** A resource handler: synchronous, throws ApiError for failures. */
export type Handler = (ctx: HandlerContext) => Reply;

/** `{ success: true, data }` with the given status. */
export function ok(data: unknown, status = 200): Reply {
  return { status, body: { success: true, data } };
}

/** Copies the own defined properties of `input` in order (drops `undefined`). */
export function defined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}
