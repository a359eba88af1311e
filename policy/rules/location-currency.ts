/** Policy 6: chargers of a location share its currency. */
import type { StackValidationPolicy } from "@pulumi/policy";
import { stackModel } from "../stack";
import { isKnown } from "../unknown";

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const locationCurrency: StackValidationPolicy = {
  name: "eosvolt-location-currency",
  description: "Every charger and connector of a location is priced in the currency of the location's pricing plan.",
  enforcementLevel: "mandatory",
  severity: "high",
  validateStack: (args, reportViolation) => {
    const model = stackModel(args.resources);
    for (const { location, own, uses } of model.locations()) {
      const known = uses.filter((u) => isKnown(u.plan.props.currency));
      if (own.kind === "plan") {
        const currency: unknown = own.plan.props.currency;
        if (!isKnown(currency)) continue;
        for (const { plan, where } of known) {
          if (plan.props.currency === currency) continue;
          reportViolation(
            `${capitalize(where)} is priced in ${plan.props.currency} (plan "${plan.name}"), but location ` +
              `"${location.name}" prices in ${String(currency)} (plan "${own.plan.name}").`,
            plan.urn,
          );
        }
      } else {
        const byCurrency = new Map<unknown, Set<string>>();
        for (const { plan } of known) {
          const set = byCurrency.get(plan.props.currency) ?? new Set<string>();
          set.add(plan.name);
          byCurrency.set(plan.props.currency, set);
        }
        if (byCurrency.size > 1) {
          const list = [...byCurrency].map(([c, plans]) => `${String(c)} (${[...plans].map((p) => `"${p}"`).join(", ")})`).join(", ");
          reportViolation(`Chargers of location "${location.name}" mix currencies: ${list}.`, location.urn);
        }
      }
    }
  },
};
