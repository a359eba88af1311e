import type { z } from "zod";
import type { Scope } from "../auth";
import type { ApiError } from "../errors";
import type { ListSpec } from "../list";
import type { RecordMeta, Store } from "../store";

/** The store's collections that a kind description can name. */
export type CollectionName = "locations" | "chargers" | "pricingPlans" | "teams" | "admins";

/** A stored object of a collection: metadata plus its validated writable fields. */
export interface StoredObject<I> extends RecordMeta {
  input: I;
}

/** An id of another kind that an object holds in its fields. */
export interface Reference {
  /** The collection the id names. */
  to: CollectionName;
  id: string;
  /** Dot path of the field holding it (`evses[0].connectors[1].pricingPlanId`). */
  field: string;
  /** How a `409 …_in_use` names the holder; default `<noun> '<id>'`. */
  holder?: string;
}

/** An object that holds a reference, as a `409 …_in_use` names it. */
export interface Holder {
  /** `location 'loc_x'`, `connector '100.1.2'`. */
  label: string;
  /** Dot path of the field in the holder. */
  field: string;
}

/** A field that is unique in the account: another object with the same key is a `409`. */
export interface UniqueKey<P> {
  /** The field the `409` names. */
  field: string;
  /** The error code (`duplicate_team_name`). */
  code: string;
  /** The comparison key (lower-cased where the contract says case-insensitively). */
  key(input: P): string;
  /** The message, given the new input and the id of the object that has the key. */
  message(input: P, existingId: string): string;
}

/** Who is calling, as far as a handler needs to know. */
export interface Caller {
  /** E-mail of the admin that owns the calling token (lower-cased), when one is mapped. */
  ownerEmail?: string;
}

/**
 * One kind of the API as data: everything the generic collection
 * (`collection.ts`) needs to answer its five routes.
 * `P` is the validated body, `R` the stored record.
 */
export interface KindDescription<P extends Record<string, unknown>, R extends StoredObject<P>> {
  /** Noun in messages, capitalised: `"Pricing plan"`. */
  noun: string;
  /** Route of the collection: `/v1/pricing-plans`. */
  path: string;
  /** The store's map of this kind, by name and by value. */
  collection: CollectionName;
  records(store: Store): Map<string, R>;
  /** Scopes of `GET` and of `POST` / `PATCH` / `DELETE`. */
  scopes: { read: Scope; write: Scope };
  /** A new id (opaque `prefix_xxxxxx` or the charger's decimal id). */
  newId(store: Store): string;
  /** The create body's rules (also what the differential test runs). */
  parseCreate(body: Record<string, unknown>): P;
  /** The full schema a PATCH result is validated with. */
  schema: z.ZodType<P>;
  /** Server-set fields (a body carrying one is refused). */
  readonly: readonly string[];
  /** Required fields (`null` cannot clear them). */
  required: readonly string[];
  /** Fields that may not change after create (`400 immutable_field`). */
  immutable?: readonly string[];
  /** Fields unique in the account. */
  unique?: readonly UniqueKey<P>[];
  /** Ids of other kinds the input of object `id` holds (`id` is empty during a create): each must exist (`400`) and is a use of its target. */
  references?(input: P, id: string): Reference[];
  /** The `409` when a delete finds objects referencing this one. */
  inUse?: { code: string; message(id: string, holders: Holder[]): string };
  /** Further reasons to refuse a delete (an active session, the caller's own admin). */
  deleteBlocker?(store: Store, record: R, caller: Caller): ApiError | undefined;
  /** Filters and sorts of the list route. */
  list: ListSpec<R>;
  /** A new record from its metadata and validated body (server-set fields start here). */
  create(meta: RecordMeta, input: P, store: Store): R;
  /** Side effects of a create once stored (an admin's invitation). */
  afterCreate?(store: Store, record: R): void;
  /** Applies a validated PATCH; default: the input is replaced. */
  update?(record: R, input: P, body: Record<string, unknown>): void;
  /** The API representation (server fields and defaults included). */
  render(store: Store, record: R): Record<string, unknown>;
}
