import * as pulumi from "@pulumi/pulumi";
import type { PricingPlan as PricingPlanObject, PricingPlanInput } from "../schemas/pricing-plan";
import { pausePromiseStacks, registration, typeToken } from "./base";
import type { AdoptArgs, ArgsOf, OutputsOf } from "./types";

/** Arguments of a {@link PricingPlan}: the API's pricing-plan fields, each a `pulumi.Input`. */
export interface PricingPlanArgs extends ArgsOf<PricingPlanInput>, AdoptArgs {}

/**
 * A tariff (OCPI Tariff): ordered elements of price components, each applying
 * under its restrictions (time of day, days of week, duration…). Prices are
 * decimals excluding VAT; `"0.39"` and `"0.3900"` are the same price.
 * Changing `currency` replaces the plan: the new one is created, the locations
 * and chargers that use it are updated to it, then the old one is deleted.
 *
 * ## Example Usage
 * ```ts
 * const standard = new eosvolt.PricingPlan("standard", {
 *   name: "Standard AC",
 *   currency: "EUR",
 *   elements: [{ priceComponents: [{ type: "ENERGY", price: "0.39", vat: 21, stepSize: 1 }] }],
 * });
 * ```
 */
export class PricingPlan extends pulumi.CustomResource {
  /** @internal */
  static readonly __pulumiType = typeToken("PricingPlan");

  /** True when `obj` is a PricingPlan, even across copies of the Pulumi SDK. */
  static override isInstance(obj: unknown): obj is PricingPlan {
    return (obj as { __pulumiType?: string } | undefined)?.__pulumiType === PricingPlan.__pulumiType;
  }

  /** Reads an existing pricing plan into the stack without managing it. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): PricingPlan {
    return new PricingPlan(name, {} as PricingPlanArgs, { ...opts, id });
  }

  /**
   * @param name The unique name of the resource in the stack.
   * @param args The plan's fields.
   * @param opts Options for the resource.
   */
  constructor(name: string, args: PricingPlanArgs, opts?: pulumi.CustomResourceOptions) {
    const props = registration("PricingPlan", args);
    const resume = pausePromiseStacks();
    try {
      super(PricingPlan.__pulumiType, name, props, opts);
    } finally {
      resume();
    }
  }
}

/** Timestamps are not state: read them with `getPricingPlan`. */
export interface PricingPlan extends OutputsOf<Omit<PricingPlanObject, "createdAt" | "updatedAt">> {}
