/**
 * toolchain.json is the one place for the versions the project tests: the lockfile, the
 * examples, the policy pack and the GitHub workflows users copy all follow its default leg,
 * and the peer range starts at the floor leg.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load as parseYaml } from "js-yaml";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../..");
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), "utf8"));
const toolchain = json("toolchain.json");
const current = toolchain.legs[toolchain.defaultLeg];
const floor = toolchain.legs.floor;

describe("toolchain.json", () => {
  it("the lockfile and every workspace pin the default leg's @pulumi/pulumi", () => {
    const pkg = json("package.json");
    expect(pkg.devDependencies["@pulumi/pulumi"]).toBe(current.pulumiSdk);
    expect(json("package-lock.json").packages["node_modules/@pulumi/pulumi"].version).toBe(current.pulumiSdk);
    const workspaces = ["policy", ...readdirSync(join(ROOT, "examples")).map((d) => `examples/${d}`)];
    for (const dir of workspaces) {
      let deps: Record<string, string> | undefined;
      try {
        deps = json(`${dir}/package.json`).dependencies;
      } catch {
        continue; // not a package (e.g. examples/github-actions)
      }
      expect({ dir, sdk: deps?.["@pulumi/pulumi"] }).toEqual({ dir, sdk: current.pulumiSdk });
    }
  });

  it("the peer range starts at the floor leg's SDK, the oldest one tested", () => {
    expect(json("package.json").peerDependencies["@pulumi/pulumi"]).toBe(`>=${floor.pulumiSdk} <4`);
    expect(json("package.json").engines.node).toBe(`>=${floor.node.split(".")[0]}`);
  });

  it("the example workflows run the default leg's Node.js line and Pulumi CLI", () => {
    const dir = join(ROOT, "examples/github-actions/workflows");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".yml"))) {
      const text = readFileSync(join(dir, file), "utf8");
      const workflow = parseYaml(text) as { env?: Record<string, unknown> };
      expect({ file, cli: String(workflow.env?.PULUMI_VERSION) }).toEqual({ file, cli: current.pulumiCli });
      const nodes = [...text.matchAll(/node-version:\s*"?([\d.]+)"?/g)].map((m) => m[1]);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect({ file, node }).toEqual({ file, node: current.node.split(".")[0] });
    }
  });
});
