import { PricingPlanInputSchema, PricingPlanServerSchema } from "../schemas/pricing-plan";
import type { ResourceKind } from "../dynamic/kind";

export const pricingPlanKind: ResourceKind = {
  type: "PricingPlan",
  noun: "pricing plan",
  endpoint: "pricingPlans",
  inputSchema: PricingPlanInputSchema,
  serverSchema: PricingPlanServerSchema,
  replaceOnChanges: ["currency"],
  writeOnly: [],
  volatile: ["createdAt", "updatedAt"],
};
