import { defineCollection } from "../collection/collection";
import type { PricingPlanRecord } from "../store";
import { exactFilter } from "../list";
import { parsePricingPlanBody } from "../validation/create";
import { PRICING_PLAN_IMMUTABLE, PRICING_PLAN_READONLY, PRICING_PLAN_REQUIRED, pricingPlanInput, type PricingPlanInput } from "../validation/pricing-plan";

/** `/v1/pricing-plans`: decimals are stored and answered with exactly 4 places. */
export const pricingPlans = defineCollection<PricingPlanInput, PricingPlanRecord>({
  noun: "Pricing plan",
  path: "/v1/pricing-plans",
  collection: "pricingPlans",
  records: (store) => store.pricingPlans,
  scopes: { read: "pricing:read", write: "pricing:write" },
  newId: (store) => store.opaqueId("pp", store.pricingPlans),
  parseCreate: parsePricingPlanBody,
  schema: pricingPlanInput,
  readonly: PRICING_PLAN_READONLY,
  required: PRICING_PLAN_REQUIRED,
  immutable: PRICING_PLAN_IMMUTABLE,
  inUse: { code: "pricing_plan_in_use", message: (id, holders) => `Pricing plan '${id}' is used by ${holders[0].label}.` },
  list: {
    filters: { name: exactFilter((r) => r.input.name), currency: exactFilter((r) => r.input.currency) },
    sorts: { name: (r) => r.input.name, createdAt: (r) => r.createdAt, updatedAt: (r) => r.updatedAt },
    time: (r) => r.createdAt,
  },
  create: (meta, input) => ({ ...meta, input }),
  render: (_store, r) => ({ id: r.id, ...JSON.parse(JSON.stringify(r.input)), createdAt: r.createdAt, updatedAt: r.updatedAt }),
});
