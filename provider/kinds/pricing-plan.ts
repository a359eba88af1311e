import type { ListParamsBase } from "../client/pagination";
import { PricingPlanInputSchema, PricingPlanServerSchema, type PricingPlan } from "../schemas/pricing-plan";
import { defineKind } from "./kind";

/** List parameters of pricing plans. */
export interface PricingPlanListParams extends ListParamsBase<"name" | "createdAt" | "updatedAt"> {
  name?: string;
  currency?: string;
}

/** A tariff (`/v1/pricing-plans`). */
export const pricingPlanKind = defineKind<PricingPlan, PricingPlanListParams>()({
  type: "PricingPlan",
  noun: "pricing plan",
  endpoint: "pricingPlans",
  path: "/v1/pricing-plans",
  scope: "pricing",
  scanSort: "createdAt",
  inputSchema: PricingPlanInputSchema,
  serverSchema: PricingPlanServerSchema,
  replaceOnChanges: ["currency"],
  writeOnly: [],
  volatile: ["createdAt", "updatedAt"],
  conflicts: { inUse: "pricing_plan_in_use" },
  nameField: "name",
});
