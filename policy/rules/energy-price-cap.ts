/** Policy 1: a maximum energy price per currency. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { formatMoney as show, inclVat, inclVatAbove } from "../../provider/money";
import { units } from "../amounts";
import { components, policyConfig } from "../inputs";
import { TYPES } from "../types";
import { isKnown, snapshotProps } from "../unknown";

const defaults = {
  /** Highest ENERGY price per kWh, per currency (ISO 4217 → decimal string). Currencies not listed are not capped. */
  maxEnergyPrice: { EUR: "0.80" } as Record<string, string>,
  /** Compare the price including the component's VAT instead of the price excluding VAT. */
  includeVat: false,
};

export const energyPriceCap: ResourceValidationPolicy = {
  name: "eosvolt-energy-price-cap",
  description: "ENERGY prices stay at or below a maximum per kWh for the plan's currency.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      maxEnergyPrice: {
        type: "object",
        description: 'Maximum ENERGY price per kWh by currency, e.g. { "EUR": "0.80" }; excl. VAT unless includeVat.',
        additionalProperties: { type: ["string", "number"], pattern: "^\\d{1,12}(\\.\\d{1,4})?$" },
        default: defaults.maxEnergyPrice,
      },
      includeVat: { type: "boolean", description: "Compare prices including VAT.", default: false },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.PricingPlan) return;
    const cfg = policyConfig(args, defaults);
    const plan = snapshotProps(args.props);
    if (!isKnown(plan.currency)) return;
    const cap = units(cfg.maxEnergyPrice?.[plan.currency]);
    if (cap === undefined) return;
    for (const { component, path } of components(plan)) {
      if (component.type !== "ENERGY") continue;
      const price = units(component.price);
      if (price === undefined) continue;
      if (cfg.includeVat) {
        if (component.vat !== undefined && !isKnown(component.vat)) continue;
        const vat = component.vat === undefined ? 0n : units(component.vat);
        if (vat === undefined) continue;
        if (inclVatAbove(price, vat, cap)) {
          const gross = inclVat(price, vat);
          reportViolation(
            `Pricing plan "${args.name}" charges ${show(gross)} ${plan.currency}/kWh incl. VAT for ENERGY at ${path}, ` +
              `above the maximum of ${show(cap)} ${plan.currency}/kWh.`,
          );
        }
      } else if (price > cap) {
        reportViolation(
          `Pricing plan "${args.name}" charges ${show(price)} ${plan.currency}/kWh for ENERGY at ${path}, ` +
            `above the maximum of ${show(cap)} ${plan.currency}/kWh (excl. VAT).`,
        );
      }
    }
  },
};
