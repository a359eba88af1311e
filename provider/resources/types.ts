import type * as pulumi from "@pulumi/pulumi";

/** A value a program may give as a plain value, a promise or an output, at every depth. */
export type DeepInput<T> = T extends (infer E)[]
  ? pulumi.Input<DeepInput<E>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
    : pulumi.Input<T>;

/** Resource arguments: each field of the API body as a (deep) `pulumi.Input`. */
export type ArgsOf<T> = { [K in keyof T]: DeepInput<T[K]> };

/** Resource outputs: each field as a `pulumi.Output`. */
export type OutputsOf<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/** Inputs every EOSVOLT resource takes to adopt an object that already exists. */
export interface AdoptArgs {
  /**
   * Id of an existing object to take over instead of creating one. On create the
   * provider reads it (one `GET`), then changes only the fields where the program
   * differs (at most one `PATCH`); nothing is created. Once adopted, changing or
   * removing `adoptId` is neither an update nor a replacement.
   */
  adoptId?: pulumi.Input<string>;
}
