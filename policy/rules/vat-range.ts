/** Policy 5: VAT within a range per country. */
import type { StackValidationPolicy } from "@pulumi/policy";
import { formatPercentUnits as showPercent } from "../../provider/money";
import { units } from "../amounts";
import { components, policyConfig } from "../inputs";
import { stackModel, type Node } from "../stack";
import { isKnown } from "../unknown";

const defaults = {
  /** Allowed VAT in percent per location country (ISO 3166-1 alpha-3): [min, max]. Countries not listed are not checked. */
  vatRanges: {
    NLD: [21, 21],
    DEU: [19, 19],
    BEL: [21, 21],
    FRA: [20, 20],
  } as Record<string, [number, number]>,
};

export const vatRange: StackValidationPolicy = {
  name: "eosvolt-vat-range",
  description: "The plans in effect at a location (its own and its chargers' and connectors') charge VAT within the range of the location's country.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      vatRanges: {
        type: "object",
        description: 'Allowed VAT percent per country: { "NLD": [21, 21], "DEU": [19, 19] }.',
        additionalProperties: {
          type: "array",
          items: { type: "number", minimum: 0, maximum: 100 },
          minItems: 2,
          maxItems: 2,
        },
        default: defaults.vatRanges,
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const cfg = policyConfig(args, defaults);
    const model = stackModel(args.resources);
    for (const { location, uses } of model.locations()) {
      const country: unknown = location.props.address?.country;
      if (!isKnown(country)) continue;
      const range = cfg.vatRanges?.[String(country)];
      if (!Array.isArray(range) || range.length !== 2) continue;
      const low = units(range[0]);
      const high = units(range[1]);
      if (low === undefined || high === undefined) continue;
      const seen = new Set<Node>();
      for (const { plan, where } of uses) {
        if (seen.has(plan)) continue;
        seen.add(plan);
        for (const { component, path } of components(plan.props)) {
          if (component.vat !== undefined && !isKnown(component.vat)) continue;
          const vat = component.vat === undefined || component.vat === null ? 0n : units(component.vat);
          if (vat === undefined) continue;
          if (vat < low || vat > high) {
            const allowed = low === high ? `${showPercent(low)}%` : `${showPercent(low)}–${showPercent(high)}%`;
            const stated = component.vat === undefined || component.vat === null ? "no VAT" : `VAT ${showPercent(vat)}%`;
            reportViolation(
              `Pricing plan "${plan.name}" (used by ${where}) states ${stated} on ${String(component.type)} at ${path}, ` +
                `but location "${location.name}" is in ${String(country)}, where VAT must be ${allowed}.`,
              plan.urn,
            );
          }
        }
      }
    }
  },
};
