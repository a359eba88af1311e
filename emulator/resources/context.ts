import type { Store } from "../store";
import type { Reply } from "../http";
import { invalidParameter } from "../errors";

/** What a resource handler receives. */
export interface HandlerContext {
  store: Store;
  /** Path parameters (`{id}`). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (`{}` when empty). */
  body: Record<string, unknown>;
}

/** A resource handler: synchronous, throws ApiError for failures. */
export type Handler = (ctx: HandlerContext) => Reply;

/** `{ success: true, data }` with the given status. */
export function ok(data: unknown, status = 200): Reply {
  return { status, body: { success: true, data } };
}

/**
 * Checks that a referenced pricing plan exists.
 * @throws ApiError 400 `invalid_parameter` naming `field`.
 */
export function requirePricingPlan(store: Store, id: string | undefined, field: string): void {
  if (id !== undefined && !store.pricingPlans.has(id)) {
    throw invalidParameter(field, `Field '${field}': pricing plan '${id}' does not exist.`);
  }
}

/**
 * Checks that every referenced team exists.
 * @throws ApiError 400 `invalid_parameter` naming `field`.
 */
export function requireTeams(store: Store, ids: readonly string[] | undefined, field: string): void {
  (ids ?? []).forEach((id, i) => {
    if (!store.teams.has(id)) throw invalidParameter(`${field}[${i}]`, `Field '${field}[${i}]': team '${id}' does not exist.`);
  });
}

/** Copies the own defined properties of `input` in order (drops `undefined`). */
export function defined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}
