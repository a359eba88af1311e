/**
 * The YAML quickstart (examples/yaml) through the real CLI, the YAML language
 * host and the plugin `pulumi-resource-eosvolt`: the same scenarios as the
 * TypeScript examples (create, no change, a price edit, a replacement, drift
 * edited and deleted by hand, destroy), and the plugin's state: no
 * `__provider`, no token, `authorizationKey` a secret. Then an explicit
 * provider (`pulumi:providers:eosvolt`) with its own URL and token.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { openProject, ROOT, TOKEN, writes, type PulumiProject } from "./harness";
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

describe("an explicit provider (pulumi:providers:eosvolt) in a YAML program", { timeout: 300_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("yaml"));
    project.write(
      "Pulumi.yaml",
      [
        "name: eosvolt-explicit-provider",
        "runtime: yaml",
        "plugins:",
        "  providers:",
        "    - name: eosvolt",
        "      path: ./node_modules/pulumi-eosvolt/bin",
        "config:",
        "  labUrl: { type: string }",
        "  labToken: { type: string, secret: true }",
        "resources:",
        "  lab:",
        "    type: pulumi:providers:eosvolt",
        "    properties:",
        "      baseUrl: ${labUrl}",
        "      token: ${labToken}",
        "  ops:",
        "    type: eosvolt:index:Team",
        "    options:",
        "      provider: ${lab}",
        "    properties:",
        "      name: Ops",
        "      discountPercent: \"7.5\"",
        "",
      ].join("\n"),
    );
    // No eosvolt:* stack config and no EOSVOLT_TOKEN: only the explicit provider knows the API.
    await project.expect(["stack", "init", "dev"]);
    await project.expect(["config", "set", "labUrl", emulator.url]);
    await project.expect(["config", "set", "--secret", "labToken", TOKEN]);
  }, 300_000);

  afterAll(async () => {
    await dispose?.();
  });

  it("goes up through the provider's own configuration, then previews no changes", async () => {
    await project.expect(["up", "--yes"]);
    expect(emulator.state().teams.map((t) => [t.name, t.discountPercent])).toEqual([["Ops", "7.50"]]);
    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    expect(writes(emulator)).toEqual([]);
  });

  it("keeps the provider's token a secret in the state", async () => {
    const { text, resources } = await project.exportState();
    expect(text).not.toContain(TOKEN);
    const provider = resources.find((r) => r.type === "pulumi:providers:eosvolt");
    expect(provider?.inputs.token).toEqual(expect.objectContaining({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" }));
  });

  it("`pulumi package get-schema` prints the plugin's schema (schema.json with the package version)", async () => {
    const { stdout } = await project.expect(["package", "get-schema", join(ROOT, "bin/pulumi-resource-eosvolt")]);
    const printed = JSON.parse(stdout);
    const shipped = JSON.parse(readFileSync(join(ROOT, "schema.json"), "utf8"));
    expect(printed.name).toBe("eosvolt");
    expect(Object.keys(printed.resources).sort()).toEqual(Object.keys(shipped.resources).sort());
    expect(printed.resources["eosvolt:index:Charger"].inputProperties.authorizationKey.secret).toBe(true);
  });

  it("destroys through it", async () => {
    await project.expect(["destroy", "--yes"]);
    expect(emulator.state().teams).toEqual([]);
  });
});
