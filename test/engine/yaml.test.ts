/**
 * The YAML quickstart (examples/yaml) through the real CLI, the YAML language
 * host and the plugin `pulumi-resource-eosvolt`: the same scenarios as the
 * TypeScript examples (create, no change, a price edit, a replacement, drift
 * edited and deleted by hand, destroy), and the plugin's state: no
 * `__provider`, no token, `authorizationKey` a secret.
 */
import { expect } from "vitest";
import { engineScenarios } from "./scenarios";

const authorizationKey = "yaml-quickstart-auth-key-01";

engineScenarios({
  example: "yaml",
  counts: { pricingPlans: 1, locations: 1, chargers: 2 },
  priceEdit: { file: "Pulumi.yaml", from: 'price: "0.39"', to: 'price: "0.42"' },
  currencyEdit: { file: "Pulumi.yaml", from: "currency: EUR", to: "currency: USD", locationUsers: 1, chargerUsers: 0 },
  secrets: { authorizationKey },
  declaredInProgram: false,
  stateChecks(resources, text) {
    const ours = resources.filter((r) => String(r.type).startsWith("eosvolt:index:"));
    expect(ours.map((r) => r.type).sort()).toEqual(["eosvolt:index:Charger", "eosvolt:index:Charger", "eosvolt:index:Location", "eosvolt:index:PricingPlan"]);
    expect(text).not.toContain("__provider");
    for (const charger of ours.filter((r) => r.type === "eosvolt:index:Charger")) {
      // Kept by the engine as a secret (ciphertext), never in plain text; the outputs hold a fingerprint only.
      expect(charger.inputs.authorizationKey).toEqual(expect.objectContaining({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" }));
      expect(charger.outputs.authorizationKey).toBeUndefined();
      expect(charger.outputs.authorizationKeyFingerprint).toMatch(/^v1:/);
    }
    const providers = resources.filter((r) => r.type === "pulumi:providers:eosvolt");
    expect(providers).toHaveLength(1);
  },
});
