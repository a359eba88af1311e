/**
 * Who uses which pricing plan, before and after the preview: locations
 * (the default plan of their chargers), chargers (their own plan, else their
 * location's) and connectors with a plan of their own; and which of them
 * switch plan. References are resolved through the stack's ids and the
 * program's dependencies, so plans not created yet are found too.
 */
import { StackModel } from "../stack/model";
import { asArray, asObject } from "./matching";
import type { ChargerName, PlanRef, PlanUsers, Switch } from "./model";
import type { Preview, ResourceChange, ResourceState } from "./preview";

/** A reference to a plan (or location): the URN of the resource in the stack, or an id outside it. */
type Ref = { urn: string } | { id: string } | { unknown: true } | undefined;

function refKey(ref: Ref): string | undefined {
  if (!ref) return "none";
  if ("urn" in ref) return ref.urn;
  if ("id" in ref) return `id:${ref.id}`;
  return undefined;
}

export const isUnknownRef = (ref: Ref): boolean => !!ref && "unknown" in ref;

/** The resources of the preview by URN and by id. */
export class StackIndex {
  /** The stack's resources and their ids (current and previous), shared with the policy pack. */
  private readonly model: StackModel<ResourceChange>;
  readonly byUrn = new Map<string, ResourceChange>();

  constructor(readonly preview: Preview) {
    for (const r of preview.resources) this.byUrn.set(r.urn, r);
    this.model = new StackModel(
      preview.resources.map((r) => ({ urn: r.urn, kind: r.kind ?? "", ids: r.kind ? [r.old?.id, r.new?.id] : [], item: r })),
    );
  }

  /** Resolves a reference value and the URNs the program took it from. */
  resolve(kind: "PricingPlan" | "Location", value: unknown, deps: string[] | undefined): Ref {
    const ref = this.model.resolve(kind, value, deps);
    if (ref.kind === "none") return undefined;
    if (ref.kind === "found") return { urn: ref.urn };
    if (ref.kind === "outside") return { id: ref.id };
    return { unknown: true };
  }

  planRef(ref: Ref, side: "old" | "new"): PlanRef {
    if (!ref) return { none: true };
    if ("unknown" in ref) return { unknown: true };
    if ("id" in ref) return { outside: ref.id };
    const r = this.byUrn.get(ref.urn);
    const state = side === "old" ? (r?.old ?? r?.new) : (r?.new ?? r?.old);
    const name = state?.inputs.name ?? state?.outputs?.name;
    return { plan: typeof name === "string" ? name : r ? r.name : ref.urn };
  }
}

function chargerName(r: ResourceChange, state: ResourceState | undefined): ChargerName {
  const inputs = state?.inputs ?? {};
  const id = typeof inputs.ocppIdentity === "string" ? inputs.ocppIdentity.toUpperCase() : r.name;
  return typeof inputs.name === "string" ? { id, name: inputs.name } : { id };
}

function locationName(r: ResourceChange, state: ResourceState | undefined): string {
  const name = state?.inputs.name;
  return typeof name === "string" ? name : r.name;
}

/** One location or charger on one side of the preview and the plans it references. */
export interface Usage {
  resource: ResourceChange;
  location?: string;
  charger?: ChargerName;
  /** Its own reference (location or charger `pricingPlanId`). */
  direct: Ref;
  /** For chargers: the location it stands at. */
  at?: Ref;
  connectors: Array<{ evseId: unknown; connectorId: unknown; ref: Ref }>;
}

export function usages(index: StackIndex, side: "old" | "new"): Usage[] {
  const out: Usage[] = [];
  for (const r of index.preview.resources) {
    if (r.kind !== "Location" && r.kind !== "Charger") continue;
    const state = side === "old" ? (r.op === "create" ? undefined : r.old) : r.op === "delete" ? undefined : (r.new ?? (r.op === "same" || r.op === "read" ? r.old : undefined));
    if (!state) continue;
    const values = side === "old" && state.outputs && Object.keys(state.outputs).length > 0 ? { ...state.inputs, ...state.outputs } : state.inputs;
    const deps = state.propertyDependencies;
    const usage: Usage = {
      resource: r,
      direct: index.resolve("PricingPlan", values.pricingPlanId, deps.pricingPlanId),
      connectors: [],
    };
    if (r.kind === "Location") usage.location = locationName(r, state);
    else {
      usage.charger = chargerName(r, state);
      usage.at = index.resolve("Location", values.locationId, deps.locationId);
      asArray(values.evses).forEach((evse) => {
        const e = asObject(evse);
        asArray(e.connectors).forEach((connector) => {
          const c = asObject(connector);
          if (c.pricingPlanId === undefined || c.pricingPlanId === null) return;
          usage.connectors.push({ evseId: e.evseId, connectorId: c.connectorId, ref: index.resolve("PricingPlan", c.pricingPlanId, deps.evses) });
        });
      });
    }
    out.push(usage);
  }
  return out;
}

/** The references of the program that are known only after apply. */
export function unresolvedReferences(all: Usage[]): number {
  return all.reduce((n, u) => n + [u.direct, ...u.connectors.map((c) => c.ref)].filter(isUnknownRef).length, 0);
}

/** The plan a location or charger charges with: its own, else (chargers) its location's. */
function effective(u: Usage, all: Usage[]): Ref {
  if (u.direct || u.resource.kind === "Location") return u.direct;
  const at = u.at;
  const loc = at && "urn" in at ? all.find((l) => l.resource.urn === at.urn) : undefined;
  return loc?.direct;
}

/** The locations, chargers and connectors that charge with the plan of this URN. */
export function usersOf(planUrn: string, all: Usage[]): PlanUsers {
  const users: PlanUsers = { locations: [], chargers: [], connectors: [], unknown: 0 };
  const is = (ref: Ref) => !!ref && "urn" in ref && ref.urn === planUrn;
  for (const u of all) {
    if (u.location !== undefined && is(u.direct)) users.locations.push(u.location);
    if (u.charger) {
      if (is(u.direct)) users.chargers.push({ ...u.charger, ownPlan: true });
      else if (!u.direct && is(effective(u, all))) users.chargers.push({ ...u.charger, ownPlan: false });
      for (const c of u.connectors) if (is(c.ref)) users.connectors.push({ charger: u.charger.id, evseId: c.evseId, connectorId: c.connectorId });
    }
  }
  return users;
}

/** Locations and chargers that stay in the stack but charge with another plan. */
export function switches(index: StackIndex, oldUsage: Usage[], newUsage: Usage[]): Switch[] {
  const out: Switch[] = [];
  for (const u of newUsage) {
    if (u.resource.op === "create") continue;
    const before = oldUsage.find((x) => x.resource.urn === u.resource.urn);
    if (!before) continue;
    const from = effective(before, oldUsage);
    const to = effective(u, newUsage);
    if (isUnknownRef(to)) continue;
    // A replaced plan keeps its URN: its users move with it and do not switch.
    if (refKey(from) === refKey(to)) continue;
    const plans = { from: index.planRef(from, "old"), to: index.planRef(to, "new") };
    out.push(u.charger ? { kind: "charger", charger: u.charger, ...plans } : { kind: "location", location: u.location ?? u.resource.name, ...plans });
  }
  return out;
}
