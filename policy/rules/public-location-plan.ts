/** Policy 4: every public location has a pricing plan. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { policyConfig } from "../inputs";
import { TYPES } from "../types";
import { isKnown, isUnknown, snapshotProps } from "../unknown";

const defaults = {
  /** Access types whose locations must name a pricing plan. */
  accessTypes: ["PUBLIC"] as string[],
};

export const publicLocationPlan: ResourceValidationPolicy = {
  name: "eosvolt-public-location-plan",
  description: "Every PUBLIC location has a pricing plan (pricingPlanId), so no public charger is free by accident.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      accessTypes: {
        type: "array",
        items: { type: "string", enum: ["PUBLIC", "SEMI_PUBLIC", "PRIVATE"] },
        default: ["PUBLIC"],
        description: "Access types that need a pricing plan.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.Location) return;
    const cfg = policyConfig(args, defaults);
    const location = snapshotProps(args.props);
    if (!isKnown(location.accessType) || !(cfg.accessTypes ?? []).includes(location.accessType)) return;
    const plan: unknown = location.pricingPlanId;
    if (isUnknown(plan)) return; // set, to a plan not created yet
    if (plan === undefined || plan === null || plan === "") {
      reportViolation(`Location "${args.name}" is ${location.accessType} but has no pricing plan: set pricingPlanId.`);
    }
  },
};
