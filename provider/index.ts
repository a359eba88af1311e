/**
 * pulumi-eosvolt: EOSVOLT charging locations, chargers and pricing plans as
 * Pulumi resources.
 *
 * ```ts
 * import * as eosvolt from "pulumi-eosvolt";
 * ```
 */
export { Location, type LocationArgs } from "./resources/location";
export { Charger, type ChargerArgs, type ChargerExtraOutputs } from "./resources/charger";
export { PricingPlan, type PricingPlanArgs } from "./resources/pricing-plan";
export { Team, type TeamArgs, type GetTeamResult, getTeam, getTeamOutput } from "./resources/team";
export { Admin, type AdminArgs, type GetAdminResult, type ListAdminsArgs, getAdmin, getAdminOutput, listAdmins } from "./resources/admin";
export type { AdoptArgs, DeepInput } from "./resources/types";
export { resolveConfig, ConfigurationError, type ProviderConfig, type Environment } from "./config";
export * from "./lookups";
export * as schemas from "./schemas";
