import { chargerKind } from "./charger";
import { locationKind } from "./location";
import { pricingPlanKind } from "./pricing-plan";

export { chargerKind, locationKind, pricingPlanKind };
/** Every resource kind, by type name. */
export const kinds = { Location: locationKind, Charger: chargerKind, PricingPlan: pricingPlanKind } as const;
export type KindName = keyof typeof kinds;
