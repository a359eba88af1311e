/**
 * The stack as the stack policies see it: which plans are in effect at each
 * location. References resolve through the provider's shared stack model
 * ({@link StackModel}), over CrossGuard's resources and their property
 * dependencies, so they work before any id exists.
 */
import type { PolicyResource } from "@pulumi/policy";
import { StackModel } from "../provider/stack/model";
import { nameOfUrn } from "./inputs";
import { kindOfType, type PolicyKind } from "./types";
import { isKnown, snapshotProps, type Props } from "./unknown";

/** One EOSVOLT resource of the stack, with plain props. */
export interface Node {
  name: string;
  urn: string;
  type: string;
  kind: PolicyKind;
  props: Props;
  resource: PolicyResource;
}

/** A location's own plan. */
export type PlanRef = { kind: "none" } | { kind: "unresolved" } | { kind: "plan"; plan: Node };

type Resolved = { kind: "none" } | { kind: "unresolved" } | { kind: "found"; node: Node };

/** A location with its own plan and every plan in effect there, with where. */
export interface LocationPlans {
  location: Node;
  own: PlanRef;
  uses: Array<{ plan: Node; where: string }>;
}

/** The URNs a property of a resource took its value from (empty when CrossGuard cannot tell). */
function dependencyUrns(resource: PolicyResource, property: string): string[] {
  let deps: readonly PolicyResource[] = [];
  try {
    deps = resource.propertyDependencies?.[property] ?? [];
  } catch {
    deps = [];
  }
  return deps.map((dep) => dep?.urn).filter((urn): urn is string => typeof urn === "string");
}

/** Indexes the stack's EOSVOLT resources with plain props. */
export function stackModel(resources: ReadonlyArray<PolicyResource>) {
  const nodes: Node[] = [];
  for (const resource of resources) {
    const kind = kindOfType(resource.type);
    if (!kind) continue;
    const node: Node = { name: resource.name ?? nameOfUrn(resource.urn), urn: resource.urn, type: resource.type, kind, props: snapshotProps(resource.props), resource };
    nodes.push(node);
  }
  const model = new StackModel(nodes.map((node) => ({ urn: node.urn, kind: node.kind, ids: isKnown(node.props.id) ? [node.props.id] : [], item: node })));
  const of = (kind: PolicyKind) => model.ofKind(kind).map((entry) => entry.item);

  /**
   * Resolves a reference (an id) held in `property` of `node` to a resource of
   * `kind` in this stack: by a known id, else by the property's dependency when
   * it is the only one of that kind (works before ids exist).
   */
  function resolve(node: Node, property: string, value: unknown, kind: PolicyKind): Resolved {
    if (value === undefined || value === null || value === "") return { kind: "none" };
    const ref = model.resolve(kind, value, dependencyUrns(node.resource, property));
    if (ref.kind === "found") {
      const found = model.get(ref.urn);
      if (found) return { kind: "found", node: found.item };
    }
    return { kind: "unresolved" }; // unknown, outside this stack, or ambiguous
  }

  /**
   * The plans in effect at each location: the location's own plan, and per
   * connector of each of its chargers connector ?? charger ?? location plan.
   */
  function locations(): LocationPlans[] {
    return of("Location").map((location) => {
      const ownRef = resolve(location, "pricingPlanId", location.props.pricingPlanId, "PricingPlan");
      const own: PlanRef = ownRef.kind === "found" ? { kind: "plan", plan: ownRef.node } : ownRef;
      const uses: Array<{ plan: Node; where: string }> = [];
      if (own.kind === "plan") uses.push({ plan: own.plan, where: `location "${location.name}"` });
      for (const charger of of("Charger")) {
        const at = resolve(charger, "locationId", charger.props.locationId, "Location");
        if (at.kind !== "found" || at.node !== location) continue;
        const chargerRef = resolve(charger, "pricingPlanId", charger.props.pricingPlanId, "PricingPlan");
        const evses: unknown[] = Array.isArray(charger.props.evses) ? charger.props.evses : [];
        for (const evse of evses as Props[]) {
          const connectors: unknown[] = evse && Array.isArray(evse.connectors) ? evse.connectors : [];
          for (const connector of connectors as Props[]) {
            if (!connector || typeof connector !== "object") continue;
            const where = `charger "${charger.name}" EVSE ${String(evse.evseId)} connector ${String(connector.connectorId)}`;
            const connectorRef = resolve(charger, "evses", connector.pricingPlanId, "PricingPlan");
            const ref = connectorRef.kind !== "none" ? connectorRef : chargerRef.kind !== "none" ? chargerRef : ownRef;
            if (ref.kind === "found") uses.push({ plan: ref.node, where });
          }
        }
      }
      return { location, own, uses };
    });
  }

  return { nodes, locations };
}
