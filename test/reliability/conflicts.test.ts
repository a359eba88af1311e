/**
 * Deletes the API refuses (409), through the real Pulumi CLI with the quickstart:
 * the run fails with a message naming what blocks the delete, the object stays
 * in the state, and the next run after the blocker is gone deletes it.
 */
import { describe, expect, it } from "vitest";
import { api } from "../engine/api";
import { openProgram } from "./helpers";
import { defined } from "../narrow";

const urnOf = (resources: Array<Record<string, any>>, name: string) => resources.find((r) => String(r.urn).endsWith(`::${name}`));

describe("deletes the API refuses, through the real Pulumi CLI", { timeout: 200_000 }, () => {
  it("a charger with an active session, then a plan still used outside the stack", async () => {
    const { project, emulator, dispose } = await openProgram("quickstart");
    try {
      await project.init();
      await project.expect(["up", "--yes"]);
      const charger = defined(emulator.state().chargers.find((c) => c.ocppIdentity === "HQ-AC-02"), "charger HQ-AC-02");
      const session = await api(emulator, "POST", "/v1/sessions/start", { connectorId: `${charger.id}.1.1` });

      // The program drops the second charger while it charges a car.
      project.edit("index.ts", '["HQ-AC-01", "HQ-AC-02"]', '["HQ-AC-01"]');
      const refused = await project.run(["up", "--yes"]);
      expect(refused.code).not.toBe(0);
      const output = refused.stdout + refused.stderr;
      expect(output).toContain(
        `deleting charger ${charger.id}: EOSVOLT API 409 charger_in_use: Charger '${charger.id}' has an active session ('${session.id}'); stop it first. ` +
          `(DELETE /v1/chargers/${charger.id}). Active sessions: ${session.id} on connector ${charger.id}.1.1; the charger can be deleted once they stop (run the update again then)`,
      );
      expect(urnOf((await project.exportState()).resources, "hq-2")?.id).toBe(charger.id);
      expect(emulator.state().chargers).toHaveLength(2);

      await api(emulator, "POST", `/v1/sessions/${session.id}/stop`);
      await project.expect(["up", "--yes"]);
      expect(urnOf((await project.exportState()).resources, "hq-2")).toBeUndefined();
      expect(emulator.state().chargers.map((c) => c.ocppIdentity)).toEqual(["HQ-AC-01"]);

      // Someone points a location of their own at the stack's plan; destroy cannot delete the plan.
      const plan = emulator.state().pricingPlans[0];
      const theirs = await api(emulator, "POST", "/v1/locations", {
        name: "Their garage",
        accessType: "PUBLIC",
        address: { street: "Dam 1", city: "Amsterdam", postalCode: "1012 JS", country: "NLD" },
        coordinates: { latitude: "52.37310", longitude: "4.89240" },
        timeZone: "Europe/Amsterdam",
        pricingPlanId: plan.id,
      });
      const destroy = await project.run(["destroy", "--yes"]);
      expect(destroy.code).not.toBe(0);
      expect(destroy.stdout + destroy.stderr).toContain(
        `deleting pricing plan ${plan.id}: EOSVOLT API 409 pricing_plan_in_use: Pricing plan '${plan.id}' is used by location '${theirs.id}'.`,
      );
      const left = (await project.exportState()).resources.filter((r) => String(r.type).startsWith("pulumi-nodejs:dynamic/eosvolt:"));
      expect(left.map((r) => [r.type, r.id])).toEqual([["pulumi-nodejs:dynamic/eosvolt:PricingPlan", plan.id]]);

      await api(emulator, "DELETE", `/v1/locations/${theirs.id}`);
      await project.expect(["destroy", "--yes"]);
      const state = emulator.state();
      expect([state.pricingPlans.length, state.locations.length, state.chargers.length]).toEqual([0, 0, 0]);
    } finally {
      await dispose();
    }
  });
});
