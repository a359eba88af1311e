/**
 * The EOSVOLT CrossGuard policies, one file each under `rules/`, compiled by
 * the repository's `tsc` into `dist/policy/` (the pack's `main`). The unit
 * tests call each policy's validate function directly.
 *
 * Every policy is careful about unknown values (see `unknown.ts`): it skips
 * exactly the values it cannot know during a preview and still checks the rest.
 */
import { adminEmailDomain } from "./rules/admin-email-domain";
import { blockingFeeGrace } from "./rules/blocking-fee-grace";
import { energyPriceCap } from "./rules/energy-price-cap";
import { locationCurrency } from "./rules/location-currency";
import { priceIncreaseCap } from "./rules/price-increase-cap";
import { publicLocationPlan } from "./rules/public-location-plan";
import { vatRange } from "./rules/vat-range";

export { TYPES } from "./types";
export { UNKNOWN, isUnknown, snapshot } from "./unknown";
export { units } from "./amounts";
export { energyPriceCap, priceIncreaseCap, blockingFeeGrace, publicLocationPlan, vatRange, locationCurrency, adminEmailDomain };

/** Every policy of the pack, in the order they are reported. */
export const policies = [energyPriceCap, priceIncreaseCap, blockingFeeGrace, publicLocationPlan, vatRange, locationCurrency, adminEmailDomain];
