/**
 * The one model of a stack's EOSVOLT resources that the policy pack and the
 * pricing report share: resources by URN and kind, and the resolution of a
 * reference (a `pricingPlanId`, a `locationId`) to the resource of the stack it
 * names. A reference resolves by a known id first, else by the program's
 * property dependency when exactly one resource of that kind is behind the
 * property: that works during a preview, before any id exists.
 */

/** One resource of the stack as the model sees it. */
export interface StackEntry<T> {
  /** The resource's URN: the key references resolve to. */
  urn: string;
  /** The EOSVOLT kind (`PricingPlan`, `Location`, `Charger`). */
  kind: string;
  /** The ids the resource has or had (a replace has two); anything but a string is ignored. */
  ids: readonly unknown[];
  /** What the caller keeps for the resource (a policy node, a preview change). */
  item: T;
}

/** Where a reference leads. */
export type StackReference =
  /** No reference: the value is `undefined` or `null`. */
  | { kind: "none" }
  /** The resource of this stack with that URN. */
  | { kind: "found"; urn: string }
  /** A known id of no resource in this stack (and no single dependency to take instead). */
  | { kind: "outside"; id: string }
  /** Not known yet (preview), or ambiguous: several dependencies of that kind. */
  | { kind: "unknown" };

/** The stack's EOSVOLT resources, indexed for reference resolution. */
export class StackModel<T> {
  private readonly byUrn = new Map<string, StackEntry<T>>();
  /** `kind:id` → URN. */
  private readonly byId = new Map<string, string>();
  /** Every entry, in the order given. */
  readonly entries: readonly StackEntry<T>[];

  constructor(entries: Iterable<StackEntry<T>>) {
    this.entries = [...entries];
    for (const entry of this.entries) {
      this.byUrn.set(entry.urn, entry);
      for (const id of entry.ids) if (typeof id === "string") this.byId.set(`${entry.kind}:${id}`, entry.urn);
    }
  }

  /** The entry with this URN. */
  get(urn: string): StackEntry<T> | undefined {
    return this.byUrn.get(urn);
  }

  /** The entries of one kind, in order. */
  ofKind(kind: string): StackEntry<T>[] {
    return this.entries.filter((entry) => entry.kind === kind);
  }

  /**
   * Resolves the reference `value` to a resource of `kind`; `dependencies` are
   * the URNs the program took the property's value from. A string matching a
   * known id wins; else the only dependency of that kind; else a string is an id
   * outside this stack and anything else (an unknown value) is unknown.
   */
  resolve(kind: string, value: unknown, dependencies: Iterable<string> = []): StackReference {
    if (value === undefined || value === null) return { kind: "none" };
    if (typeof value === "string") {
      const urn = this.byId.get(`${kind}:${value}`);
      if (urn !== undefined) return { kind: "found", urn };
    }
    const ofKind = [...new Set(dependencies)].filter((urn) => this.byUrn.get(urn)?.kind === kind);
    if (ofKind.length === 1) return { kind: "found", urn: ofKind[0] };
    return typeof value === "string" ? { kind: "outside", id: value } : { kind: "unknown" };
  }
}
