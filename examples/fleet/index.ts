import * as eosvolt from "pulumi-eosvolt";
import { loadFleet } from "./load-fleet";

const fleet = loadFleet();

const plans = Object.fromEntries(
  Object.entries(fleet.pricingPlans).map(([key, args]) => [key, new eosvolt.PricingPlan(key, args)]),
);

function plan(key: string): eosvolt.PricingPlan {
  const found = plans[key];
  if (!found) throw new Error(`fleet.json: unknown pricing plan "${key}"`);
  return found;
}

let chargerCount = 0;
for (const { key, pricingPlan, chargers, ...site } of fleet.locations) {
  const location = new eosvolt.Location(key, { ...site, pricingPlanId: plan(pricingPlan).id });
  for (const { model, pricingPlan: override, ...charger } of chargers) {
    const layout = fleet.models[model];
    if (!layout) throw new Error(`fleet.json: location ${key}: unknown charger model "${model}"`);
    new eosvolt.Charger(charger.ocppIdentity.toLowerCase(), {
      ...layout,
      ...charger,
      locationId: location.id,
      ...(override ? { pricingPlanId: plan(override).id } : {}),
    });
    chargerCount++;
  }
}

export const pricingPlanIds = Object.fromEntries(Object.entries(plans).map(([key, p]) => [key, p.id]));
export const locations = fleet.locations.length;
export const chargers = chargerCount;
