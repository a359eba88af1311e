/**
 * eosvolt-pricing-report on REAL `pulumi preview --json` output: the pricing
 * example goes through the real Pulumi CLI against the emulator (one stack,
 * one `up`), and each kind of change is previewed, fed to the compiled
 * `eosvolt-pricing-report` and checked in the Markdown.
 *
 * REPORT_UPDATE_FIXTURES=1 also saves the previews (source positions and
 * temporary paths stripped) to test/report/fixtures/ for the unit tests.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT, openProject, stripPreview, writes, type PulumiProject } from "./harness";
import { charts, valueAt } from "../report/mermaid";
import type { RunningEmulator } from "../../emulator";

const CLI = join(ROOT, "dist/provider/report/cli.js");
const FIXTURES = join(ROOT, "test/report/fixtures");

function report(json: string, args: string[] = []): { code: number; markdown: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { input: json, encoding: "utf8" });
  return { code: result.status ?? -1, markdown: result.stdout, stderr: result.stderr };
}

describe("eosvolt-pricing-report on real previews of examples/pricing", { timeout: 300_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;
  let original: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    ({ project, emulator, dispose } = await openProject("pricing"));
    await project.init();
    original = project.read("index.ts");
  }, 300_000);

  afterAll(async () => {
    await dispose?.();
  });

  // Each edit is one pull request against the deployed stack: the program goes back afterwards.
  afterEach(() => {
    if (original) project.write("index.ts", original);
  });

  /** `pulumi preview --json --show-sames` of the program as it is now; saved as a fixture when asked to. */
  async function preview(fixture?: string, extra: string[] = ["--show-sames"]): Promise<string> {
    emulator.clearRequests();
    const { stdout } = await project.expect(["preview", "--json", ...extra]);
    expect(writes(emulator)).toEqual([]);
    if (fixture && process.env.REPORT_UPDATE_FIXTURES === "1") writeFileSync(join(FIXTURES, `${fixture}.json`), stripPreview(stdout, project));
    return stdout;
  }

  it("create: a fresh stack lists every new plan with its prices and users", async () => {
    const json = await preview("create");
    const steps = JSON.parse(json).steps as Array<{ op: string }>;
    expect(steps.filter((s) => s.op === "create")).toHaveLength(1 + 3 + 2 + 5);
    const { code, markdown } = report(json);
    expect(code).toBe(0);
    expect(markdown.split("\n")[0]).toBe("Pricing changes: 3 new plans.");
    expect(markdown).toContain("### New plan: Public AC (EUR)");
    expect(markdown).toContain("| Mon–Fri 07:00–23:00 | Energy, per kWh | EUR 0.39 | 21% | EUR 0.4719 |");
    expect(markdown).toContain("| weekends | Energy, per kWh | EUR 0.34 | 21% | EUR 0.4114 |");
    expect(markdown).toContain("| 07:00–23:00, after 2 h parked | Idle fee, per hour parked (billed per 15 min) | EUR 6.00 | 21% | EUR 7.26 |");
    expect(markdown).toContain("| after 45 min parked | Idle fee, per hour parked (billed per 5 min) | EUR 12.00 | 21% | EUR 14.52 |");
    // Users of plans not created yet come from the program's dependencies.
    expect(markdown).toContain("Used by 1 location, 2 chargers, 1 connector in this stack:");
    expect(markdown).toContain("- Connectors with their own plan: A2-VNK-DC-02 EVSE 2 connector 1");
    expect(markdown).toContain("- Chargers: AMS-CC-STAFF-01 “Staff bay (badge only)” (own plan)");
    expect(markdown).not.toContain("Warnings");
    expect(markdown).not.toContain("04da6b54");
  }, 60_000);

  it("no change: after up, the review says only that", async () => {
    const { stdout } = await project.expect(["up", "--yes"]);
    expect(stdout).toContain("11 created");
    const json = await preview("no-change");
    const { code, markdown } = report(json);
    expect(code).toBe(0);
    expect(markdown).toBe("No pricing changes.\n");
  }, 90_000);

  it("update: a price edited shows old → new, percent, VAT, drivers' price, users and the increase warning", async () => {
    project.edit("index.ts", 'price: "0.39"', 'price: "0.44"');
    const json = await preview("update");
    expect(JSON.parse(json).changeSummary).toMatchObject({ update: 1, same: 10 });
    const { code, markdown } = report(json);
    expect(code).toBe(0);
    expect(markdown.split("\n")[0]).toBe("Pricing changes: 1 plan updated (1 price up, max +12.8%). ⚠️ 1 warning.");
    expect(markdown).toContain(
      "| Mon–Fri 07:00–23:00 | Energy, per kWh | EUR 0.39 | **EUR 0.44** | **+12.8%** | 21% | EUR 0.5324 (was EUR 0.4719) |",
    );
    expect(markdown).toContain("| weekends | Energy, per kWh | EUR 0.34 | EUR 0.34 | — | 21% | EUR 0.4114 |");
    expect(markdown).toContain("goes up by 12.8% (EUR 0.39 → EUR 0.44 per kWh excl. VAT, VAT 21%), more than the 10% limit.");
    expect(markdown).toContain("- Locations (default plan of their chargers): City Centre Garage");
    expect(markdown).toContain("- Chargers: AMS-CC-AC-01 “Garage bay 1”, AMS-CC-AC-02 “Garage bay 2”");
    expect(report(json, ["--fail-on-warning"]).code).toBe(1);
    expect(report(json, ["--fail-on-warning", "--max-increase", "15%"]).code).toBe(0);

    // The chart of the week: the weekday daytime price old and new at its hours, nights and weekends unchanged.
    const [chart] = charts(markdown);
    expect(chart.title).toBe("Public AC: energy, EUR per kWh incl. VAT");
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri"]) {
      for (const time of ["07:00", "08:00", "12:00", "22:00"]) {
        expect([valueAt(chart, "Old", day, time), valueAt(chart, "New", day, time)]).toEqual(["0.4719", "0.5324"]);
      }
      for (const time of ["00:00", "06:00", "23:00"]) expect([valueAt(chart, "Old", day, time), valueAt(chart, "New", day, time)]).toEqual(["0.3509", "0.3509"]);
    }
    for (const day of ["Sat", "Sun"]) expect([valueAt(chart, "Old", day, "08:00"), valueAt(chart, "New", day, "08:00")]).toEqual(["0.4114", "0.4114"]);
    expect(report(json, ["--no-charts"]).markdown).not.toContain("mermaid");

    // Without --show-sames the preview leaves out unchanged users, and the review says so.
    const partial = report(await preview("update-without-sames", []));
    expect(partial.markdown).toContain("run `pulumi preview --json --show-sames`");
    expect(partial.markdown).not.toContain("City Centre Garage");
  }, 60_000);

  it("replace: a currency change is shown as a replacement whose users move along", async () => {
    project.edit("index.ts", /name: "Highway DC fast",\n  currency: "EUR"/, 'name: "Highway DC fast",\n  currency: "USD"');
    const json = await preview("replace");
    expect(JSON.parse(json).changeSummary).toMatchObject({ replace: 1, update: 1 });
    const { markdown } = report(json);
    expect(markdown.split("\n")[0]).toBe("Pricing changes: 1 plan replaced (currency EUR → USD).");
    expect(markdown).toContain("### Replaced plan: Highway DC fast (currency EUR → USD)");
    expect(markdown).toContain("| Mon–Fri 07:00–23:00 | Energy, per kWh | EUR 0.59 | **USD 0.59** | same amount, new currency | 21% |");
    expect(markdown).toContain("- Locations (default plan of their chargers): A2 Fast Charging Hub Vinkeveen");
    expect(markdown).not.toContain("switching plan");
  }, 60_000);

  it("delete: a plan removed from the program, its charger moved to another plan", async () => {
    project.edit("index.ts", "// --- Staff & fleet", "/* removed: Staff & fleet");
    project.edit("index.ts", "// --- Locations", "*/ // --- Locations");
    project.edit("index.ts", "pricingPlanId: staff.id", "pricingPlanId: publicAc.id");
    project.edit("index.ts", ", staff: staff.id", "");
    const json = await preview("delete");
    expect(JSON.parse(json).changeSummary).toMatchObject({ delete: 1, update: 1 });
    const { code, markdown } = report(json, ["--fail-on-warning"]);
    expect(code).toBe(0);
    expect(markdown.split("\n")[0]).toBe("Pricing changes: 1 plan deleted, 1 charger switches plan.");
    expect(markdown).toContain("### Deleted plan: Staff & fleet (EUR)");
    expect(markdown).toContain("| any time | Energy, per kWh | EUR 0.25 | 21% | EUR 0.3025 |");
    expect(markdown).toContain("- Charger AMS-CC-STAFF-01 “Staff bay (badge only)”: Staff & fleet → Public AC");
  }, 60_000);

  it("several changes at once: prices up, a currency change, a new plan a charger switches to", async () => {
    project.edit("index.ts", 'price: "0.39"', 'price: "0.44"');
    project.edit("index.ts", 'price: "0.34"', 'price: "0.36"');
    project.edit("index.ts", /name: "Highway DC fast",\n  currency: "EUR"/, 'name: "Highway DC fast",\n  currency: "USD"');
    project.edit(
      "index.ts",
      'new eosvolt.Charger("a2-dc-1", {\n  locationId: a2Hub.id,',
      [
        "// Taxi and ride-hailing drivers charge at HPC 1 at a fixed price, any time.",
        'const taxi = new eosvolt.PricingPlan("taxi", {',
        '  name: "Taxi & ride-hailing",',
        '  currency: "EUR",',
        "  elements: [",
        '    { priceComponents: [{ type: "ENERGY", price: "0.45", vat: VAT_NL, stepSize: PER_WH }] },',
        '    { priceComponents: [{ type: "PARKING_TIME", price: "12.00", vat: VAT_NL, stepSize: PER_5_MIN }], restrictions: { minDurationS: 30 * 60 } },',
        "  ],",
        "});",
        'new eosvolt.Charger("a2-dc-1", {',
        "  locationId: a2Hub.id,",
        "  pricingPlanId: taxi.id,",
      ].join("\n"),
    );
    const json = await preview("combined");
    const { code, markdown, stderr } = report(json, ["--fail-on-warning"]);
    expect(code).toBe(1);
    expect(stderr).toContain("1 pricing warning");
    expect(markdown.split("\n")[0]).toBe(
      "Pricing changes: 1 plan updated (2 prices up, max +12.8%), 1 plan replaced (currency EUR → USD), 1 new plan, 1 charger switches plan. ⚠️ 1 warning.",
    );
    expect(markdown).toContain("| weekends | Energy, per kWh | EUR 0.34 | **EUR 0.36** | **+5.9%** | 21% | EUR 0.4356 (was EUR 0.4114) |");
    expect(markdown).toContain("### New plan: Taxi & ride-hailing (EUR)");
    expect(markdown).toContain("- Chargers: A2-VNK-DC-01 “HPC 1” (own plan)");
    expect(markdown).toContain("- Charger A2-VNK-DC-01 “HPC 1”: Highway DC fast → Taxi & ride-hailing");
    expect(markdown).toContain("- Chargers: A2-VNK-DC-02 “HPC 2 (with AC cable)”\n");
    if (process.env.REPORT_UPDATE_FIXTURES === "1") writeFileSync(join(FIXTURES, "combined.md"), markdown);
  }, 60_000);
});
