/** An invalid program through the real CLI: check failures name the field, and nothing reaches the API. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { openProject, type PulumiProject } from "./harness";

describe("an invalid program", { timeout: 180_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("quickstart"));
    await project.init();
  }, 180_000);
  afterAll(async () => dispose?.());

  it("fails preview and up in check, naming each field, with no request sent", async () => {
    const fails = async (patterns: RegExp[]) => {
      for (const command of [["preview"], ["up", "--yes"]]) {
        const result = await project.run(command);
        expect(result.code).not.toBe(0);
        for (const pattern of patterns) expect(result.stdout + result.stderr).toMatch(pattern);
      }
    };
    project.edit("index.ts", 'country: "NLD"', 'country: "Netherlands"');
    await fails([/Location resource 'hq': property address\.country .*must be an ISO 3166-1 alpha-3 code/]);
    project.edit("index.ts", 'country: "Netherlands"', 'country: "NLD"');
    project.edit("index.ts", "maxPowerW: 22000,", "maxPowerW: 0,");
    project.edit("index.ts", 'ocppVersion: "OCPP201"', 'ocppVersion: "OCPP99" as "OCPP201"');
    await project.expect(["config", "set", "--secret", "authorizationKey", "too-short-1"]);
    await fails([
      /Charger resource 'hq-\d': property maxPowerW .*must be at least 1/,
      /Charger resource 'hq-\d': property ocppVersion .*must be one of "OCPP16", "OCPP201", "OCPP21"/,
      /Charger resource 'hq-\d': property authorizationKey .*must be at least 16 characters long/,
    ]);
    const last = await project.run(["preview"]);
    expect(last.stdout + last.stderr).not.toContain("too-short-1"); // a secret is never echoed, not even when invalid
    expect(emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  });
});
