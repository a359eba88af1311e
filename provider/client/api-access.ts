/**
 * The client's collections as types derived from the kind registry
 * (`provider/kinds`): `client.chargers` is a `ResourceApi` of the charger's
 * object, create body and list parameters, and so on for every kind.
 */
import type { FieldsOf, ListOf, ObjectOf, Patch } from "../kinds/kind";
import type { KindName, Kinds } from "../kinds";
import type { ResourceApi, SessionsApi } from "./client";

/** Types of each CRUD kind: the object, its create body, its patch and its list parameters. */
export type KindTypes = {
  [N in KindName as Kinds[N]["endpoint"]]: {
    object: ObjectOf<Kinds[N]>;
    create: FieldsOf<Kinds[N]>;
    patch: Patch<FieldsOf<Kinds[N]>>;
    list: ListOf<Kinds[N]>;
  };
};

/** A kind of object with full CRUD: `locations`, `chargers`, `pricingPlans`, … */
export type CrudKind = keyof KindTypes;

/** The typed collection of each kind, by client property. */
export type KindApis = {
  readonly [E in CrudKind]: ResourceApi<KindTypes[E]["object"], KindTypes[E]["create"], KindTypes[E]["list"]>;
};

/** What the provider and the lookups use of a client: every kind's collection and the sessions. */
export type ApiAccess = KindApis & { readonly sessions: SessionsApi };
