import * as pulumi from "@pulumi/pulumi";
import type { Location as LocationObject, LocationInput } from "../schemas/location";
import { pausePromiseStacks, registration, typeToken } from "./base";
import type { AdoptArgs, ArgsOf, OutputsOf } from "./types";

/** Arguments of a {@link Location}: the API's location fields, each a `pulumi.Input`. */
export interface LocationArgs extends ArgsOf<LocationInput>, AdoptArgs {}

/**
 * A charging site: an address, coordinates, opening times and the default
 * pricing plan of the chargers there, the support contact drivers see and the
 * booking rules. Every field can change in place. Changing one booking fee is
 * one `PATCH` of `booking` (the API replaces the rules whole); removing
 * `booking` turns booking off (`booking: null`).
 *
 * ## Example Usage
 * ```ts
 * const hq = new eosvolt.Location("hq", {
 *   name: "HQ garage",
 *   accessType: "PRIVATE",
 *   address: { street: "Keizersgracht 1", city: "Amsterdam", postalCode: "1015 CJ", country: "NLD" },
 *   coordinates: { latitude: "52.37403", longitude: "4.88969" },
 *   timeZone: "Europe/Amsterdam",
 *   pricingPlanId: plan.id,
 *   supportContact: { email: "support@example.com", phone: "+31201234567" },
 *   booking: { slotMinutes: 60, currency: "EUR", slotFee: "1.50", blockingFeePerHour: "6", vat: "21" },
 * });
 * ```
 *
 * ## Adoption
 * Take over a location that already exists with `adoptId: "loc_8f3k2m"`, or
 * generate a whole program with `npx eosvolt-import`.
 */
export class Location extends pulumi.CustomResource {
  /** @internal */
  static readonly __pulumiType = typeToken("Location");

  /** True when `obj` is a Location, even across copies of the Pulumi SDK. */
  static override isInstance(obj: unknown): obj is Location {
    return (obj as { __pulumiType?: string } | undefined)?.__pulumiType === Location.__pulumiType;
  }

  /** Reads an existing location into the stack without managing it. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Location {
    return new Location(name, {} as LocationArgs, { ...opts, id });
  }

  /**
   * @param name The unique name of the resource in the stack.
   * @param args The location's fields.
   * @param opts Options for the resource.
   */
  constructor(name: string, args: LocationArgs, opts?: pulumi.CustomResourceOptions) {
    const props = registration("Location", args);
    const resume = pausePromiseStacks();
    try {
      super(Location.__pulumiType, name, props, opts);
    } finally {
      resume();
    }
  }
}

/** `chargerCount` (it changes whenever a charger moves in or out) and timestamps are not state: read them with `getLocation`. */
export interface Location extends OutputsOf<Omit<LocationObject, "chargerCount" | "createdAt" | "updatedAt">> {}
