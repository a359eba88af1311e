import * as pulumi from "@pulumi/pulumi";
import { sharedClient } from "./core/client-registry";
import type { Charger } from "./schemas/charger";
import type { Location } from "./schemas/location";
import type { PricingPlan } from "./schemas/pricing-plan";

/**
 * Lookups of objects a stack does not manage, run in the program with the
 * same configuration as the resources (`eosvolt:token`, … or `EOSVOLT_*`).
 */

/** The client of the program's configuration, shared by every lookup (and by each kind's own `get<Kind>`). */
export function lookupClient() {
  return sharedClient((key) => pulumi.runtime.getConfig(key));
}

const client = lookupClient;

/** A location as the API holds it now. */
export type GetLocationResult = Location;
/** A charger as the API holds it now. */
export type GetChargerResult = Charger;
/** A pricing plan as the API holds it now. */
export type GetPricingPlanResult = PricingPlan;

/** Reads a location by id; fails when it does not exist. */
export async function getLocation(args: { id: string }): Promise<GetLocationResult> {
  return (await client()).locations.get(args.id);
}

/** Reads a charger by id; fails when it does not exist. */
export async function getCharger(args: { id: string }): Promise<GetChargerResult> {
  return (await client()).chargers.get(args.id);
}

/** Reads a pricing plan by id; fails when it does not exist. */
export async function getPricingPlan(args: { id: string }): Promise<GetPricingPlanResult> {
  return (await client()).pricingPlans.get(args.id);
}

/** Filters of {@link listChargers}. */
export interface ListChargersArgs {
  /** Only chargers at this location. */
  locationId?: string;
  /** Only the charger with this OCPP identity (case-insensitive). */
  ocppIdentity?: string;
  /** Only chargers with this connection status (`NEVER_CONNECTED`, `CONNECTED`, `DISCONNECTED`). */
  status?: string;
  /** Only enabled (or disabled) chargers. */
  enabled?: boolean;
}

/** Every charger matching the filters, all pages read. */
export async function listChargers(args: ListChargersArgs = {}): Promise<GetChargerResult[]> {
  const chargers: GetChargerResult[] = [];
  for await (const charger of (await client()).chargers.list({ ...args })) chargers.push(charger);
  return chargers;
}

/** {@link getLocation} for `pulumi.Input` arguments. */
export function getLocationOutput(args: { id: pulumi.Input<string> }): pulumi.Output<GetLocationResult> {
  return pulumi.output(args.id).apply((id) => getLocation({ id }));
}

/** {@link getCharger} for `pulumi.Input` arguments. */
export function getChargerOutput(args: { id: pulumi.Input<string> }): pulumi.Output<GetChargerResult> {
  return pulumi.output(args.id).apply((id) => getCharger({ id }));
}

/** {@link getPricingPlan} for `pulumi.Input` arguments. */
export function getPricingPlanOutput(args: { id: pulumi.Input<string> }): pulumi.Output<GetPricingPlanResult> {
  return pulumi.output(args.id).apply((id) => getPricingPlan({ id }));
}
