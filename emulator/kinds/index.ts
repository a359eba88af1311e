import type { Collection } from "../collection/collection";
import { admins } from "./admin";
import { chargers } from "./charger";
import { locations } from "./location";
import { pricingPlans } from "./pricing-plan";
import { teams } from "./team";

/**
 * The emulator's kinds, each one description read by the generic collection.
 * The order is the order a `409 …_in_use` looks for holders in.
 */
export const COLLECTIONS: readonly Collection[] = [locations, chargers, pricingPlans, teams, admins];
