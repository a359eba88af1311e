/**
 * The policy pack (policy/) through the real Pulumi CLI:
 * `pulumi preview --policy-pack <abs path>` fails on an estate that breaks the
 * rules, naming each violation, and passes on one that keeps them; the price
 * increase check works against a baseline taken from `pulumi stack export`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, openProject, writes } from "./harness";

const PACK = join(ROOT, "policy");
const TIMEOUT = 240_000;

describe("policy pack: an estate that breaks every rule", { timeout: 300_000 }, () => {
  let env: Awaited<ReturnType<typeof openProject>>;
  beforeAll(async () => {
    env = await openProject("policy-violation");
    await env.project.init();
  });
  afterAll(async () => env?.dispose());

  it(
    "fails the preview, reports each violation, and writes nothing",
    async () => {
      const config = join(env.project.dir, "policy-config.json");
      const { code, stdout, stderr } = await env.project.run(["preview", "--policy-pack", PACK, "--policy-pack-config", config]);
      expect(code, `${stdout}\n${stderr}`).not.toBe(0);
      const output = `${stdout}\n${stderr}`;
      expect(output).toContain("❌ eosvolt@v0.1.0");
      for (const expected of [
        'Pricing plan "public-ac" charges 0.9500 EUR/kWh for ENERGY at elements[0].priceComponents[0], above the maximum of 0.8000 EUR/kWh',
        'Pricing plan "public-ac" raises ENERGY at elements[0].priceComponents[0] from 0.4500 to 0.9500 EUR (+111.1%), more than the allowed 10% per change.',
        'Pricing plan "public-ac" charges a blocking fee (PARKING_TIME at elements[0].priceComponents[1]) after 600s',
        'Location "kiosk" is PUBLIC but has no pricing plan: set pricingPlanId.',
        'Pricing plan "depot-ac" (used by location "depot") states VAT 21% on ENERGY',
        'Charger "station-ac-1" EVSE 1 connector 1 is priced in USD (plan "roaming-usd"), but location "station" prices in EUR (plan "public-ac").',
      ]) {
        expect(output).toContain(expected);
      }
      for (const name of [
        "eosvolt-energy-price-cap",
        "eosvolt-price-increase-cap",
        "eosvolt-blocking-fee-grace",
        "eosvolt-public-location-plan",
        "eosvolt-vat-range",
        "eosvolt-location-currency",
      ]) {
        expect(output).toMatch(new RegExp(`\\[mandatory\\].*${name}`));
      }
      expect(writes(env.emulator)).toEqual([]);
    },
    TIMEOUT,
  );
});

describe("policy pack: an estate that keeps the rules", { timeout: 300_000 }, () => {
  let env: Awaited<ReturnType<typeof openProject>>;
  beforeAll(async () => {
    env = await openProject("policy-ok");
    await env.project.init();
  });
  afterAll(async () => env?.dispose());

  it(
    "passes preview and up, then stops a price rise above the baseline taken from the stack",
    async () => {
      const preview = await env.project.expect(["preview", "--policy-pack", PACK]);
      expect(preview.stdout).toContain("✅ eosvolt@v0.1.0");
      await env.project.expect(["up", "--yes", "--policy-pack", PACK]);

      // The workflow's baseline step: the deployed prices become the policy's baseline.
      const { text } = await env.project.exportState();
      const state = join(env.project.dir, "state.json");
      writeFileSync(state, text);
      const config = join(env.project.dir, "policy-config.json");
      writeFileSync(
        config,
        execFileSync(process.execPath, [join(ROOT, "dist", "policy", "baseline.js"), "--state", state, "--base", join(PACK, "config.json"), "--max-increase", "10%"]),
      );

      env.project.edit("index.ts", /price: "0\.45"/g, 'price: "0.55"');
      const rise = await env.project.run(["preview", "--policy-pack", PACK, "--policy-pack-config", config]);
      expect(rise.code).not.toBe(0);
      expect(`${rise.stdout}\n${rise.stderr}`).toContain(
        'Pricing plan "public-ac" raises ENERGY at elements[0].priceComponents[0] from 0.4500 to 0.5500 EUR (+22.2%), more than the allowed 10% per change.',
      );

      // Within the limit it passes.
      env.project.edit("index.ts", /price: "0\.55"/g, 'price: "0.49"');
      await env.project.expect(["preview", "--policy-pack", PACK, "--policy-pack-config", config]);
    },
    TIMEOUT,
  );
});
