/** The type tokens of the EOSVOLT resources the pack checks, one per kind of the provider's registry. */
import { isKindName, kindNames, type KindName } from "../provider/kinds";

const TYPE_PREFIX = "pulumi-nodejs:dynamic/eosvolt:";

/** A kind the pack knows: every kind of the registry. */
export type PolicyKind = KindName;

/** Type token per kind, e.g. `pulumi-nodejs:dynamic/eosvolt:PricingPlan`. */
export const TYPES: Readonly<Record<PolicyKind, string>> = Object.freeze(
  Object.fromEntries(kindNames.map((kind) => [kind, `${TYPE_PREFIX}${kind}`])) as Record<PolicyKind, string>,
);

/** The kind of a type token, or undefined for any other resource. */
export function kindOfType(type: string): PolicyKind | undefined {
  if (!type.startsWith(TYPE_PREFIX)) return undefined;
  const name = type.slice(TYPE_PREFIX.length);
  return isKindName(name) ? name : undefined;
}
