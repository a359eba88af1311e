/**
 * The fleet example cut to its first `locations` sites (config), for the
 * reliability tests: same fleet.json (config `fleetFile`), same shapes, fewer
 * resources. Optional config `authorizationKey` (secret) is set on every charger.
 */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import * as eosvolt from "pulumi-eosvolt";

const config = new pulumi.Config();
const fleet = JSON.parse(readFileSync(config.require("fleetFile"), "utf8"));
const count = config.getNumber("locations") ?? fleet.locations.length;
const authorizationKey = config.getSecret("authorizationKey");
const sites: any[] = fleet.locations.slice(0, count);

const used = new Set<string>();
for (const site of sites) {
  used.add(site.pricingPlan);
  for (const c of site.chargers) if (c.pricingPlan) used.add(c.pricingPlan);
}
const plans: Record<string, eosvolt.PricingPlan> = {};
for (const key of Object.keys(fleet.pricingPlans)) {
  if (used.has(key)) plans[key] = new eosvolt.PricingPlan(key, fleet.pricingPlans[key]);
}

let chargers = 0;
for (const { key, pricingPlan, chargers: list, ...site } of sites) {
  const location = new eosvolt.Location(key, { ...site, pricingPlanId: plans[pricingPlan].id });
  for (const { model, pricingPlan: override, ...charger } of list) {
    new eosvolt.Charger(charger.ocppIdentity.toLowerCase(), {
      ...fleet.models[model],
      ...charger,
      locationId: location.id,
      ...(override ? { pricingPlanId: plans[override].id } : {}),
      ...(authorizationKey ? { authorizationKey } : {}),
    });
    chargers++;
  }
}

export const counts = { pricingPlans: Object.keys(plans).length, locations: sites.length, chargers };
