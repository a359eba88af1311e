import type { z } from "zod";

/** An object as the API returns it: at least an id, all other fields kept as sent. */
export type ApiObject = { id: string } & Record<string, unknown>;

/** What the generic provider needs of a typed client endpoint (`client.chargers`, …). */
export interface KindEndpoint {
  create(body: Record<string, unknown>, options?: { idempotencyKey?: string }): Promise<ApiObject>;
  get(id: string): Promise<ApiObject>;
  update(id: string, patch: Record<string, unknown>): Promise<ApiObject>;
  delete(id: string): Promise<void>;
  /** Batched read for refresh: undefined when the object is gone. */
  read(id: string): Promise<ApiObject | undefined>;
  list(params?: Record<string, unknown>): AsyncIterable<ApiObject>;
}

/**
 * Everything that makes one resource kind different from another. The generic
 * provider (`provider.ts`) does the rest; a new kind is a schema and one of these.
 */
export interface ResourceKind {
  /** Type name in the `eosvolt` module, e.g. `Charger` (token `pulumi-nodejs:dynamic/eosvolt:Charger`). */
  readonly type: string;
  /** The noun used in messages, e.g. `charger`. */
  readonly noun: string;
  /** Property of the client holding this kind's endpoint. */
  readonly endpoint: "locations" | "chargers" | "pricingPlans";
  /** What a program declares: validation, defaults and normalisation. */
  readonly inputSchema: z.ZodType;
  /** Fields the server sets (listed as outputs, except the volatile ones). */
  readonly serverSchema: z.ZodType;
  /**
   * Server fields kept out of the state: live status, heartbeats and counts
   * change with no configuration change (so `pulumi refresh` and drift checks
   * report configuration drift only), and bookkeeping timestamps cost state
   * bytes, which are engine time. Lookups return them.
   */
  readonly volatile?: readonly string[];
  /** Input fields whose change replaces the object (the API refuses to change them). */
  readonly replaceOnChanges: readonly string[];
  /** Secret input fields the API never returns; the state keeps a salted fingerprint as `<field>Fingerprint`. */
  readonly writeOnly: readonly string[];
  /** A field that identifies an object in the account, for `adoptExisting` (and its list filter of the same name). */
  readonly naturalKey?: string;
  /** Extra outputs computed from the API object, by output name. */
  readonly derived?: Readonly<Record<string, (object: ApiObject) => unknown>>;
  /** When deleting fails with `409`, explains what still uses the object (may call the API). */
  readonly describeUsers?: (id: string, api: ApiAccess) => Promise<string | undefined>;
}

/** Endpoints of the other kinds, for messages that name related objects. */
export type ApiAccess = Record<ResourceKind["endpoint"], KindEndpoint> & {
  sessions: { list(params?: Record<string, unknown>): AsyncIterable<Record<string, unknown>> };
};
