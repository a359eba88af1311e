import type { z } from "zod";
import type { ApiAccess } from "../client/api-access";
import type { ListParamsBase } from "../client/pagination";

/** An object as the API returns it: at least an id, all other fields kept as sent. */
export type ApiObject = { id: string } & Record<string, unknown>;

/** A partial update: fields left out keep their value, `null` clears an optional field. */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

/** An extra output computed from the API object. */
export interface DerivedOutput<O> {
  /** What the output holds, for the reference (`docs/reference.md`). */
  readonly doc: string;
  compute(object: O): unknown;
}

/**
 * Everything that makes one resource kind different from another, in one place.
 * The client's collection (`client.chargers`), the dynamic provider
 * (`pulumi-eosvolt/dynamic`), the reference docs, `eosvolt-import`, the report
 * and the policy pack all derive from these descriptions (`kinds/index.ts`).
 *
 * @typeParam Type the type name (`Charger`)
 * @typeParam Endpoint the client property (`chargers`)
 * @typeParam Input the schema of what a program declares (the `POST` body)
 * @typeParam O the object as the API returns it
 * @typeParam L the list parameters of its collection
 */
export interface ResourceKind<
  Type extends string = string,
  Endpoint extends string = string,
  Input extends z.ZodObject = z.ZodObject,
  O extends ApiObject = ApiObject,
  L extends ListParamsBase = ListParamsBase,
> {
  /** Type name in the `eosvolt` module, e.g. `Charger` (token `pulumi-nodejs:dynamic/eosvolt:Charger`). */
  readonly type: Type;
  /** The noun used in messages, e.g. `charger`. */
  readonly noun: string;
  /** Property of the client holding this kind's collection, e.g. `chargers`. */
  readonly endpoint: Endpoint;
  /** Collection path, e.g. `/v1/chargers`; an object is at `${path}/{id}`. */
  readonly path: string;
  /** Scope prefix, e.g. `chargers` for `chargers:read` / `chargers:write`. */
  readonly scope: string;
  /** Stable sort key of the client's read-ahead scans. */
  readonly scanSort: string;
  /** What a program declares: validation, defaults and normalisation (TSDoc on each field). */
  readonly inputSchema: Input;
  /**
   * Fields the server sets (listed as outputs, except the volatile ones). The
   * client checks every answer with it; unknown fields are kept.
   */
  readonly serverSchema: z.ZodType<{ id: string }>;
  /**
   * Live status: server fields kept out of the state. Status, heartbeats and
   * counts change with no configuration change (so `pulumi refresh` and drift
   * checks report configuration drift only), and bookkeeping timestamps cost
   * state bytes, which are engine time. Lookups return them.
   */
  readonly volatile: readonly string[];
  /** Live status nested in input fields (dropped from the state with them), for the reference, e.g. ``connector `status` ``. */
  readonly nestedVolatile?: readonly string[];
  /** Input fields whose change replaces the object (the API refuses to change them). */
  readonly replaceOnChanges: readonly (keyof z.output<Input> & string)[];
  /** Secret input fields the API never returns; the state keeps a salted fingerprint as `<field>Fingerprint`. */
  readonly writeOnly: readonly (keyof z.output<Input> & string)[];
  /** A field that identifies an object in the account, for `adoptExisting` (and its list filter of the same name). */
  readonly naturalKey?: keyof z.output<Input> & string;
  /** `409` codes of this kind's collection. */
  readonly conflicts: {
    /** A create or update refused because another object has the same natural key. */
    readonly duplicate?: string;
    /** A delete refused because other objects still use this one. */
    readonly inUse?: string;
  };
  /** The field a generated program names the resource after (`ocppIdentity`), else the id. */
  readonly nameField: keyof z.output<Input> & string;
  /** The module of this kind's schemas (`import * as`), when they are not in `provider/schemas/index.ts`: the reference prints their TSDoc. */
  readonly schemaModule?: Readonly<Record<string, unknown>>;
  /** Extra outputs computed from the API object, by output name. */
  readonly derived?: Readonly<Record<string, DerivedOutput<O>>>;
  /** When deleting fails with `409`, explains what still uses the object (may call the API). */
  readonly describeUsers?: (id: string, api: ApiAccess) => Promise<string | undefined>;
}

/** Any kind. */
export type AnyKind = ResourceKind;

/** A kind with the input schema `I` (what the generic code is generic over). */
export type KindWith<I extends z.ZodObject, O extends ApiObject = ApiObject, L extends ListParamsBase = ListParamsBase> = ResourceKind<string, string, I, O, L>;

/** What a program's create body of a kind is (the schema's output). */
export type FieldsOf<K extends AnyKind> = z.output<K["inputSchema"]>;
/** What a program writes for a kind (the schema's input). */
export type InputOf<K extends AnyKind> = z.input<K["inputSchema"]>;
/** The object of a kind as the API returns it. */
export type ObjectOf<K> = K extends ResourceKind<string, string, z.ZodObject, infer O, ListParamsBase> ? O : never;
/** The list parameters of a kind. */
export type ListOf<K> = K extends ResourceKind<string, string, z.ZodObject, ApiObject, infer L> ? L : never;

/**
 * Declares a kind. `O` (the object type) and `L` (its list parameters) are given,
 * the rest is inferred from the description: `defineKind<Charger, ChargerListParams>()({ … })`.
 */
export function defineKind<O extends ApiObject, L extends ListParamsBase>() {
  return <const Type extends string, const Endpoint extends string, Input extends z.ZodObject>(
    kind: ResourceKind<Type, Endpoint, Input, O, L>,
  ): ResourceKind<Type, Endpoint, Input, O, L> => kind;
}
