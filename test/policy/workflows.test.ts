/**
 * The GitHub Actions workflows of examples/github-actions/ are valid workflows
 * (SchemaStore's github-workflow.json, vendored in fixtures/, checked offline
 * with ajv), do what the README promises, and their drift script reports drift.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import { load as parseYaml } from "js-yaml";

const ROOT = resolve(__dirname, "../..");
const DIR = join(ROOT, "examples/github-actions");
const schema = JSON.parse(readFileSync(join(__dirname, "fixtures/github-workflow.json"), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true });
const validateWorkflow = ajv.compile(schema);
const { driftOf, markdown } = createRequire(join(DIR, "scripts", "drift-report.js"))("./drift-report.js");

const files = readdirSync(join(DIR, "workflows")).filter((f) => f.endsWith(".yml"));
const workflow = (name: string): any => parseYaml(readFileSync(join(DIR, "workflows", name), "utf8"));
const steps = (wf: any) => Object.values<any>(wf.jobs).flatMap((job) => job.steps ?? []);
const scripts = (wf: any) => steps(wf).map((s) => `${s.run ?? ""}\n${s.with?.script ?? ""}`).join("\n");

describe("examples/github-actions workflows", () => {
  it("are the four documented ones", () => {
    expect(files.sort()).toEqual(["pulumi-drift.yml", "pulumi-preview.yml", "pulumi-up-stacks.yml", "pulumi-up.yml"]);
  });

  it.each(files)("%s validates against the GitHub workflow JSON schema", (file) => {
    const ok = validateWorkflow(workflow(file));
    expect(ok ? [] : ajv.errorsText(validateWorkflow.errors, { separator: "\n" }).split("\n")).toEqual([]);
  });

  it("the schema rejects a broken workflow (the check has teeth)", () => {
    expect(validateWorkflow({ on: "push", jobs: { a: { "runs-on": "ubuntu-latest", steps: [{ uses: "x", run: "y" }] } } })).toBe(false);
    expect(validateWorkflow({ on: "push", jobs: { a: { steps: [{ run: "y" }] } } })).toBe(false);
  });

  it("pull requests: a JSON preview piped into the pricing report, one comment found by its marker, the policy pack", () => {
    const wf = workflow("pulumi-preview.yml");
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    expect(wf.permissions["pull-requests"]).toBe("write");
    const text = scripts(wf);
    expect(text).toMatch(/pulumi preview[^\n]*--json/);
    expect(text).toMatch(/EOSVOLT_TOKEN="\$EOSVOLT_READ_TOKEN" npx eosvolt-pricing-report --max-increase "\$MAX_INCREASE" --fail-on-warning --impact --impact-days 30 < preview\.json/);
    expect(steps(wf).find((s) => s.id === "report")?.env?.EOSVOLT_READ_TOKEN).toBe("${{ secrets.EOSVOLT_READ_TOKEN }}"); // the impact reads with a read-only token
    expect(text).toMatch(/--policy-pack policy --policy-pack-config policy-config\.json/);
    expect(text).toContain("<!-- eosvolt-pulumi-preview -->");
    expect(text).toMatch(/updateComment[\s\S]*createComment/);
    expect(wf.env.PULUMI_ACCESS_TOKEN).toBe("${{ secrets.PULUMI_ACCESS_TOKEN }}");
    expect(wf.env.EOSVOLT_TOKEN).toBe("${{ secrets.EOSVOLT_TOKEN }}");
  });

  it("merge to main: pulumi up in an environment (required reviewers), never cancelled", () => {
    const wf = workflow("pulumi-up.yml");
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(wf.jobs.up.environment.name).toBe("production");
    expect(wf.concurrency["cancel-in-progress"]).toBe(false);
    expect(scripts(wf)).toMatch(/pulumi up --stack "\$PULUMI_STACK" --yes/);
    // No ${{ }} expression inside a shell script (script injection): values go through env.
    for (const step of steps(wf)) expect(step.run ?? "").not.toContain("${{");
  });

  it("many stacks: one job per stack of a matrix, none cancelling the others, all on one token with a rate-limit budget", () => {
    const wf = workflow("pulumi-up-stacks.yml");
    const job = wf.jobs.up;
    expect(job.strategy["fail-fast"]).toBe(false);
    expect(job.strategy.matrix.stack.length).toBeGreaterThan(1);
    expect(job.concurrency.group).toContain("${{ matrix.stack }}");
    expect(job.concurrency["cancel-in-progress"]).toBe(false);
    expect(job.env.PULUMI_STACK).toContain("${{ matrix.stack }}");
    expect(job.env.EOSVOLT_TOKEN).toBe("${{ secrets.EOSVOLT_TOKEN }}");
    expect(Number(job.env.EOSVOLT_RATE_LIMIT_BUDGET)).toBeGreaterThan(0);
    expect(scripts(wf)).toMatch(/pulumi up --stack "\$PULUMI_STACK" --yes/);
    const uses = steps(wf).map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining(["actions/checkout@v6", "actions/setup-node@v6"]));
    expect(steps(wf).find((s) => s.uses === "actions/setup-node@v6").with["node-version"]).toBe(24);
    expect(wf.env.PULUMI_VERSION).toBe("3.276.0");
  });

  it("nightly: a refresh preview whose drift report fails the job and maintains one issue", () => {
    const wf = workflow("pulumi-drift.yml");
    expect(wf.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
    const text = scripts(wf);
    expect(text).toMatch(/pulumi preview[^\n]*--refresh[^\n]*--json/);
    expect(text).toContain("drift-report.js");
    expect(text).toContain("npx eosvolt-pricing-report drift.json"); // a drifted plan's prices and week chart
    expect(text).toContain("GITHUB_STEP_SUMMARY");
    expect(text).toMatch(/issues\.create\(/);
    expect(text).toMatch(/issues\.update\(/);
    expect(wf.permissions.issues).toBe("write");
  });

  it("no workflow puts an expression into a run script (all go through env)", () => {
    for (const file of files) {
      for (const step of steps(workflow(file))) {
        const run: string = step.run ?? "";
        for (const expr of run.match(/\$\{\{[^}]*\}\}/g) ?? []) expect(expr, `${file}: ${expr}`).toMatch(/steps\.\w+\.outputs\.\w+/);
      }
    }
  });
});

describe("drift-report.js", () => {
  const state = (name: string, inputs: object) => ({
    urn: `urn:pulumi:prod::estate::pulumi-nodejs:dynamic/eosvolt:Location::${name}`,
    type: "pulumi-nodejs:dynamic/eosvolt:Location",
    inputs: { __provider: "exports.handler=...", ...inputs },
  });

  it("lists each drifted object with the fields that differ, live and in the program", () => {
    const preview = {
      steps: [
        { op: "refresh", urn: state("hq", {}).urn, oldState: state("hq", {}), newState: state("hq", {}) },
        { op: "same", urn: state("depot", {}).urn, oldState: state("depot", { name: "Depot" }), newState: state("depot", { name: "Depot" }) },
        {
          op: "update",
          urn: state("hq", {}).urn,
          oldState: state("hq", { name: "Renamed by hand", address: { city: "Utrecht", country: "NLD" }, facilities: ["WIFI"] }),
          newState: state("hq", { name: "HQ garage", address: { city: "Utrecht", country: "NLD" }, facilities: ["CAFE", "WIFI"] }),
        },
        { op: "create", urn: state("kiosk", {}).urn, newState: state("kiosk", { name: "Kiosk" }) },
      ],
    };
    const drifted = driftOf(preview);
    expect(drifted.map((d: any) => [d.name, d.op])).toEqual([["hq", "update"], ["kiosk", "create"]]);
    expect(drifted[0].fields).toEqual([
      { path: "name", live: '"Renamed by hand"', program: '"HQ garage"' },
      { path: "facilities[0]", live: '"WIFI"', program: '"CAFE"' },
      { path: "facilities[1]", live: "(unset)", program: '"WIFI"' },
    ]);
    const md = markdown(drifted, "Drift check of prod");
    expect(md).toContain("## Drift check of prod: 2 objects drifted");
    expect(md).toContain('`name`: live "Renamed by hand", program "HQ garage"');
    expect(md).toContain("**kiosk**");
  });

  it("says so when nothing drifted, and refuses input that is not a preview", () => {
    expect(markdown(driftOf({ steps: [{ op: "same", urn: "u" }] }))).toContain("no drift");
    expect(() => driftOf({ hello: 1 })).toThrow(/not the output/);
  });
});
