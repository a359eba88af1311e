import { readFileSync } from "node:fs";
import { join } from "node:path";
import type * as eosvolt from "pulumi-eosvolt";

/** A charger model: the hardware layout shared by many chargers. */
type Model = Pick<eosvolt.ChargerArgs, "ocppVersion" | "maxPowerW" | "evses">;

/** The shape of fleet.json, as the operations team keeps it. */
export interface Fleet {
  /** Pricing plans by key. */
  pricingPlans: Record<string, eosvolt.PricingPlanArgs>;
  /** Charger models by name. */
  models: Record<string, Model>;
  locations: Array<
    Omit<eosvolt.LocationArgs, "pricingPlanId"> & {
      /** Unique key, used as the Pulumi resource name. */
      key: string;
      /** Key of the location's pricing plan in `pricingPlans`. */
      pricingPlan: string;
      chargers: Array<{ ocppIdentity: string; model: string; name?: string; enabled?: boolean; pricingPlan?: string }>;
    }
  >;
}

export function loadFleet(file = join(__dirname, "fleet.json")): Fleet {
  return JSON.parse(readFileSync(file, "utf8")) as Fleet;
}
