import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./api";
import { openProject, writes, type PulumiProject } from "./harness";
import type { RunningEmulator } from "../../emulator";

const AUTH_KEY = "quickstart-auth-key-0001";

describe("quickstart through the real Pulumi CLI", () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("quickstart"));
    await project.init();
    await project.expect(["config", "set", "--secret", "authorizationKey", AUTH_KEY]);
  }, 300_000);
  afterAll(async () => dispose?.());

  it("preview with references still unknown sends no write", async () => {
    const { stdout } = await project.expect(["preview"]);
    expect(stdout).toMatch(/\+ 5 to create/);
    expect(writes(emulator)).toEqual([]);
  });

  it("first up creates everything", async () => {
    emulator.clearRequests();
    const { stdout } = await project.expect(["up", "--yes"]);
    expect(stdout).toMatch(/\+ 5 created/);
    expect(writes(emulator).map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "POST /v1/chargers",
      "POST /v1/chargers",
      "POST /v1/locations",
      "POST /v1/pricing-plans",
    ]);
    const state = emulator.state();
    expect(state.chargers.map((c: any) => c.ocppIdentity).sort()).toEqual(["HQ-AC-01", "HQ-AC-02"]);
    const outputs = await project.outputs();
    expect((outputs.connectorRefs as string[][])[0][0]).toMatch(/^\d+\.1\.1$/);
  });

  it("preview --expect-no-changes and a second up change nothing", async () => {
    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    const { stdout } = await project.expect(["up", "--yes", "--expect-no-changes"]);
    expect(stdout).toMatch(/5 unchanged/);
    expect(writes(emulator)).toEqual([]);
    expect(emulator.requests()).toEqual([]);
  });

  it("one price edited: one PATCH of that plan and nothing else", async () => {
    project.edit("index.ts", 'price: "0.39"', 'price: "0.42"');
    emulator.clearRequests();
    const { stdout } = await project.expect(["up", "--yes"]);
    expect(stdout).toMatch(/~ 1 updated/);
    const sent = writes(emulator);
    expect(sent.map((r) => `${r.method} ${r.path.replace(/pp_\w+/, "ID")}`)).toEqual(["PATCH /v1/pricing-plans/ID"]);
    expect(emulator.state().pricingPlans[0].elements[0].priceComponents[0].price).toBe("0.4200");
  });

  it("currency changed: the plan is replaced, users move to the new id, the old plan goes last", async () => {
    const oldId = emulator.state().pricingPlans[0].id;
    project.edit("index.ts", 'currency: "EUR"', 'currency: "USD"');
    emulator.clearRequests();
    const { stdout } = await project.expect(["up", "--yes"]);
    expect(stdout).toMatch(/\+-1 replaced/);
    const sent = writes(emulator).map((r) => `${r.method} ${r.path}`);
    const newId = emulator.state().pricingPlans[0].id;
    expect(newId).not.toBe(oldId);
    expect(sent).toEqual([
      "POST /v1/pricing-plans",
      expect.stringMatching(/^PATCH \/v1\/locations\/loc_/),
      `DELETE /v1/pricing-plans/${oldId}`,
    ]);
    expect(emulator.state().locations[0].pricingPlanId).toBe(newId);
  });

  it("a field edited out of band: refresh reports it, preview --refresh fails, up restores it", async () => {
    const location = emulator.state().locations[0];
    await api(emulator, "PATCH", `/v1/locations/${location.id}`, { name: "Renamed by hand" });
    const drift = await project.run(["preview", "--refresh", "--expect-no-changes"]);
    expect(drift.code).not.toBe(0);
    const refresh = await project.expect(["refresh", "--yes"]);
    expect(refresh.stdout).toMatch(/name/);
    expect(refresh.stdout, refresh.stdout).toMatch(/Location hq updated .*\[diff: ~name\]/);
    emulator.clearRequests();
    await project.expect(["up", "--yes"]);
    expect(writes(emulator).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /v1/locations/${location.id}`]);
    expect(emulator.state().locations[0].name).toBe("HQ garage");
  });

  it("an object deleted out of band: refresh drops it, up recreates it", async () => {
    const charger = emulator.state().chargers[0];
    await api(emulator, "DELETE", `/v1/chargers/${charger.id}`);
    const refresh = await project.expect(["refresh", "--yes"]);
    expect(refresh.stdout, refresh.stdout).toMatch(/- 1 deleted/);
    emulator.clearRequests();
    const up = await project.expect(["up", "--yes"]);
    expect(writes(emulator).map((r) => `${r.method} ${r.path}`), up.stdout + up.stderr).toEqual(["POST /v1/chargers"]);
    expect(emulator.state().chargers.map((c: any) => c.ocppIdentity).sort()).toEqual(["HQ-AC-01", "HQ-AC-02"]);
  });

  it("the state holds neither the token nor an authorizationKey", async () => {
    const { text, resources } = await project.exportState();
    expect(text).not.toContain("dev-token");
    expect(text).not.toContain(AUTH_KEY);
    const charger = resources.find((r) => r.type === "pulumi-nodejs:dynamic/eosvolt:Charger");
    expect(charger.outputs.authorizationKeyFingerprint).toMatch(/^v1:/);
    expect(charger.outputs.authorizationKeySet).toBe(true);
  });

  it("destroy removes everything", async () => {
    await project.expect(["destroy", "--yes"]);
    const state = emulator.state();
    expect([state.locations, state.chargers, state.pricingPlans].map((l) => l.length)).toEqual([0, 0, 0]);
  });
});
