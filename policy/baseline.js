#!/usr/bin/env node
// @ts-check
"use strict";
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
const { readFileSync } = require("node:fs");
const { compareDecimals } = require("../dist/provider/decimal");

const PLAN_TYPE = "pulumi-nodejs:dynamic/eosvolt:PricingPlan";
const POLICY = "eosvolt-price-increase-cap";

/**
 * Baseline prices per plan resource name: one `{ TYPE: price }` map per element.
 * @param {any} state the output of `pulumi stack export`
 * @returns {Record<string, Array<Record<string, string>>>}
 */
function baselineFromState(state) {
  const resources = state?.deployment?.resources ?? [];
  /** @type {Record<string, Array<Record<string, string>>>} */
  const out = {};
  for (const resource of resources) {
    if (resource?.type !== PLAN_TYPE || resource.delete) continue;
    const elements = resource.outputs?.elements;
    if (!Array.isArray(elements)) continue;
    const name = String(resource.urn).slice(String(resource.urn).lastIndexOf("::") + 2);
    out[name] = elements.map((element) => {
      /** @type {Record<string, string>} */
      const prices = {};
      for (const component of element?.priceComponents ?? []) {
        if (typeof component?.type !== "string" || typeof component.price !== "string") continue;
        const before = prices[component.type];
        if (before === undefined || (compareDecimals(component.price, before) ?? 0) > 0) prices[component.type] = component.price;
      }
      return prices;
    });
  }
  return out;
}

/**
 * Merges the baseline into a policy-pack config.
 * @param {any} state @param {Record<string, any>} base @param {number | undefined} maxIncrease
 */
function configFromState(state, base = {}, maxIncrease = undefined) {
  const current = base[POLICY];
  const policy = typeof current === "string" ? { enforcementLevel: current } : { ...(current ?? {}) };
  policy.baselinePrices = baselineFromState(state);
  if (maxIncrease !== undefined) policy.maxIncreasePercent = maxIncrease;
  return { ...base, [POLICY]: policy };
}

function main() {
  const argv = process.argv.slice(2);
  /** @type {Record<string, string>} */
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      process.stdout.write(
        "usage: eosvolt-policy-baseline [--state FILE] [--base CONFIG.json] [--max-increase PERCENT] > policy-config.json\n" +
          "Reads `pulumi stack export` JSON (stdin or --state) and prints policy-pack config with the current\n" +
          `prices as ${POLICY}.baselinePrices.\n`,
      );
      return;
    }
    const match = /^--(state|base|max-increase)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument: ${arg}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    flags[match[1]] = value;
  }
  const stateText = flags.state ? readFileSync(flags.state, "utf8") : readFileSync(0, "utf8");
  const state = stateText.trim() === "" ? {} : JSON.parse(stateText);
  const base = flags.base ? JSON.parse(readFileSync(flags.base, "utf8")) : {};
  let maxIncrease;
  if (flags["max-increase"] !== undefined) {
    maxIncrease = Number(String(flags["max-increase"]).replace(/%$/, ""));
    if (!Number.isFinite(maxIncrease) || maxIncrease < 0) throw new Error(`--max-increase: not a percentage: ${flags["max-increase"]}`);
  }
  process.stdout.write(`${JSON.stringify(configFromState(state, base, maxIncrease), null, 2)}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`eosvolt-policy-baseline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}

module.exports = { baselineFromState, configFromState };
