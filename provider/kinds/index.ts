/**
 * The registry: every resource kind, by type name. This is the one list of
 * kinds; everything else (the client's collections, `pulumi-eosvolt/dynamic`,
 * the reference, `eosvolt-import`, the report, the policy pack) derives from it.
 * A new kind is a description in a file of its own plus a line here.
 */
import { adminKind } from "./admin";
import { chargerKind } from "./charger";
import { locationKind } from "./location";
import { pricingPlanKind } from "./pricing-plan";
import { teamKind } from "./team";
import { referencesOf } from "./shape";

export { adminKind, chargerKind, locationKind, pricingPlanKind, teamKind };
export type { AdminListParams } from "./admin";
export type { ChargerListParams } from "./charger";
export type { LocationListParams } from "./location";
export type { PricingPlanListParams } from "./pricing-plan";
export type { TeamListParams } from "./team";

/** Every resource kind, by type name (the order of the reference). */
export const kinds = {
  Location: locationKind,
  Charger: chargerKind,
  PricingPlan: pricingPlanKind,
  Team: teamKind,
  Admin: adminKind,
} as const;

/** The kinds as a type: `Kinds["Charger"]` is the charger's description. */
export type Kinds = typeof kinds;
/** A kind's type name: `"Location" | "Charger" | …`. */
export type KindName = keyof Kinds;
/** A kind's client property: `"locations" | "chargers" | …`. */
export type KindEndpoint = Kinds[KindName]["endpoint"];

/** The type names, in registry order. */
export const kindNames = Object.keys(kinds).filter(isKindName);

/** Whether a string names a kind. */
export function isKindName(name: string): name is KindName {
  return Object.hasOwn(kinds, name);
}

/** Every kind, in registry order. */
export const kindList: ReadonlyArray<Kinds[KindName]> = kindNames.map((name) => kinds[name]);

/**
 * The kinds in dependency order: each after the kinds its `references` name
 * (the `objectId(kind)` fields of its schema: plans before the locations that
 * use them, locations before their chargers).
 */
export function kindsInDependencyOrder(): Array<Kinds[KindName]> {
  const done = new Set<string>();
  const out: Array<Kinds[KindName]> = [];
  const visit = (name: KindName): void => {
    if (done.has(name)) return;
    done.add(name);
    for (const target of Object.values(referencesOf(kinds[name].inputSchema))) if (isKindName(target) && target !== name) visit(target);
    out.push(kinds[name]);
  };
  kindNames.forEach(visit);
  return out;
}
