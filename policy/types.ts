/** The type tokens of the EOSVOLT resources the pack checks. */
const TYPE_PREFIX = "pulumi-nodejs:dynamic/eosvolt:";

/** Type token per kind, e.g. `pulumi-nodejs:dynamic/eosvolt:PricingPlan`. */
export const TYPES = Object.freeze({
  PricingPlan: `${TYPE_PREFIX}PricingPlan`,
  Location: `${TYPE_PREFIX}Location`,
  Charger: `${TYPE_PREFIX}Charger`,
});

/** A kind the pack knows. */
export type PolicyKind = keyof typeof TYPES;

/** The kind of a type token, or undefined for any other resource. */
export function kindOfType(type: string): PolicyKind | undefined {
  for (const [kind, token] of Object.entries(TYPES)) if (token === type) return kind as PolicyKind;
  return undefined;
}
