/**
 * What the core answers, in plain values: no Pulumi type appears here. Each
 * face (`dynamic/`, `native/`) hands these to its engine in its own way.
 */
export type { CheckFailure, CheckResult } from "./check";

/** Properties as the engine stores them (inputs or outputs). */
export type Props = Record<string, unknown>;

/** The answer of a diff: whether anything changed, which fields, and which of them replace the object. */
export interface DiffResult {
  changes: boolean;
  /** Changed fields the API refuses to change in place (the kind's `replaceOnChanges`). */
  replaces: string[];
  /** Every changed input field. */
  changed: string[];
}

/** A created (or adopted) object: its id and the state's outputs. */
export interface CreateResult {
  id: string;
  outs: Props;
}

/**
 * A read: the object's id, the state's outputs, and the inputs a program
 * would declare for it (what `pulumi import` and refresh take). An object
 * that no longer exists is `{ id: "", props: {} }`.
 */
export interface ReadResult {
  id: string;
  props: Props;
  inputs?: Props;
}

/** An update's new outputs. */
export interface UpdateResult {
  outs: Props;
}
