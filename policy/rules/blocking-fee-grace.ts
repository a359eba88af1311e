/** Policy 3: a minimum grace period before a blocking (parking) fee. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { components, policyConfig } from "../inputs";
import { TYPES } from "../types";
import { isUnknown, snapshotProps } from "../unknown";

const defaults = {
  /** Seconds a car may stay before a PARKING_TIME (blocking) fee applies: its element's `restrictions.minDurationS`. */
  minGracePeriodS: 3600,
};

export const blockingFeeGrace: ResourceValidationPolicy = {
  name: "eosvolt-blocking-fee-grace",
  description: "A blocking fee (PARKING_TIME) applies only after a grace period: its element's restrictions.minDurationS.",
  enforcementLevel: "mandatory",
  severity: "medium",
  configSchema: {
    properties: {
      minGracePeriodS: { type: "integer", minimum: 0, default: 3600, description: "Minimum grace period in seconds." },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.PricingPlan) return;
    const cfg = policyConfig(args, defaults);
    const min = Number(cfg.minGracePeriodS);
    const plan = snapshotProps(args.props);
    for (const { element, component, i, path } of components(plan)) {
      if (component.type !== "PARKING_TIME") continue;
      const restrictions: unknown = element.restrictions;
      if (isUnknown(restrictions)) continue;
      const grace: unknown =
        restrictions && typeof restrictions === "object" ? (restrictions as Record<string, unknown>).minDurationS : undefined;
      if (isUnknown(grace)) continue;
      if (grace === undefined || grace === null) {
        reportViolation(
          `Pricing plan "${args.name}" charges a blocking fee (PARKING_TIME at ${path}) from the first minute: ` +
            `set elements[${i}].restrictions.minDurationS to at least ${min} (the grace period in seconds).`,
        );
      } else if (Number(grace) < min) {
        reportViolation(
          `Pricing plan "${args.name}" charges a blocking fee (PARKING_TIME at ${path}) after ${String(grace)}s: ` +
            `the grace period elements[${i}].restrictions.minDurationS must be at least ${min}s.`,
        );
      }
    }
  },
};
