#!/usr/bin/env node
/**
 * eosvolt-policy-baseline: turns the stack's current state into policy-pack
 * config for `eosvolt-price-increase-cap`, so that the "maximum increase per
 * change" policy compares the program's new prices with the deployed ones.
 *
 *   pulumi stack export > state.json
 *   eosvolt-policy-baseline --state state.json [--base policy/config.json] [--max-increase 10] > policy-config.json
 *   pulumi preview --policy-pack policy --policy-pack-config policy-config.json
 *
 * (CrossGuard gives a policy only the new properties of a resource, never the
 * old ones, hence this step.) Reads the state from stdin when --state is left out.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { compareDecimals } from "../provider/decimal";
import { TYPES } from "./types";

const POLICY = "eosvolt-price-increase-cap";

const USAGE =
  "usage: eosvolt-policy-baseline [--state FILE] [--base CONFIG.json] [--max-increase PERCENT] > policy-config.json\n" +
  "Reads `pulumi stack export` JSON (stdin or --state) and prints policy-pack config with the current\n" +
  `prices as ${POLICY}.baselinePrices and the booking fees as ${POLICY}.baselineBookingFees.\n`;

/** Baseline prices per plan resource name: one `{ TYPE: price }` map per element. */
export type Baseline = Record<string, Array<Record<string, string>>>;

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object";
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Baseline prices per plan resource name, from the output of `pulumi stack export`. */
export function baselineFromState(state: unknown): Baseline {
  const deployment = isObject(state) && isObject(state.deployment) ? state.deployment : {};
  const out: Baseline = {};
  for (const resource of list(deployment.resources)) {
    if (!isObject(resource) || resource.type !== TYPES.PricingPlan || resource.delete) continue;
    const elements = isObject(resource.outputs) ? resource.outputs.elements : undefined;
    if (!Array.isArray(elements)) continue;
    const urn = String(resource.urn);
    const name = urn.slice(urn.lastIndexOf("::") + 2);
    out[name] = elements.map((element: unknown) => {
      const prices: Record<string, string> = {};
      for (const component of list(isObject(element) ? element.priceComponents : undefined)) {
        if (!isObject(component) || typeof component.type !== "string" || typeof component.price !== "string") continue;
        const before = prices[component.type];
        if (before === undefined || (compareDecimals(component.price, before) ?? 0) > 0) prices[component.type] = component.price;
      }
      return prices;
    });
  }
  return out;
}

/** Booking fees per location resource name, from the output of `pulumi stack export`: what `Location.booking` charges now. */
export function bookingBaselineFromState(state: unknown): Record<string, Record<string, string>> {
  const deployment = isObject(state) && isObject(state.deployment) ? state.deployment : {};
  const out: Record<string, Record<string, string>> = {};
  for (const resource of list(deployment.resources)) {
    if (!isObject(resource) || resource.type !== TYPES.Location || resource.delete) continue;
    const booking = isObject(resource.outputs) ? resource.outputs.booking : undefined;
    if (!isObject(booking)) continue;
    const fees: Record<string, string> = {};
    for (const fee of ["slotFee", "sameDaySlotFee", "blockingFeePerHour"]) if (typeof booking[fee] === "string") fees[fee] = booking[fee];
    const urn = String(resource.urn);
    if (Object.keys(fees).length > 0) out[urn.slice(urn.lastIndexOf("::") + 2)] = fees;
  }
  return out;
}

/** Merges the baseline into a policy-pack config. */
export function configFromState(state: unknown, base: Record<string, unknown> = {}, maxIncrease?: number): Record<string, unknown> {
  const current = base[POLICY];
  const policy: Record<string, unknown> =
    typeof current === "string" ? { enforcementLevel: current } : { ...(isObject(current) ? current : {}) };
  policy.baselinePrices = baselineFromState(state);
  policy.baselineBookingFees = bookingBaselineFromState(state);
  if (maxIncrease !== undefined) policy.maxIncreasePercent = maxIncrease;
  return { ...base, [POLICY]: policy };
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      state: { type: "string" },
      base: { type: "string" },
      "max-increase": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const stateText = values.state ? readFileSync(values.state, "utf8") : readFileSync(0, "utf8");
  const state: unknown = stateText.trim() === "" ? {} : JSON.parse(stateText);
  const base: Record<string, unknown> = values.base ? JSON.parse(readFileSync(values.base, "utf8")) : {};
  let maxIncrease: number | undefined;
  const given = values["max-increase"];
  if (given !== undefined) {
    maxIncrease = Number(given.replace(/%$/, ""));
    if (!Number.isFinite(maxIncrease) || maxIncrease < 0) throw new Error(`--max-increase: not a percentage: ${given}`);
  }
  process.stdout.write(`${JSON.stringify(configFromState(state, base, maxIncrease), null, 2)}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`eosvolt-policy-baseline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
