/**
 * examples/teams through the real CLI: a Team and the semi-public Location that
 * names it are created (the team first), a second preview shows no change, and
 * destroy removes both (the location first: the API refuses to delete a team
 * that a location still names).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { openProject, writes, type PulumiProject } from "./harness";

describe("examples/teams", { timeout: 300_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("teams"));
    await project.init();
  }, 180_000);
  afterAll(async () => dispose?.());

  it("up creates the team, then the semi-public location naming it", async () => {
    await project.expect(["up", "--yes"]);
    const posts = writes(emulator).map((r) => `${r.method} ${r.path}`);
    expect(posts.indexOf("POST /v1/teams")).toBeGreaterThanOrEqual(0);
    expect(posts.indexOf("POST /v1/teams")).toBeLessThan(posts.indexOf("POST /v1/locations"));
    const state = emulator.state();
    expect(state.teams).toHaveLength(1);
    const [team] = state.teams;
    expect(team).toMatchObject({
      name: "Acme delivery fleet",
      discountPercent: "15.00",
      billing: "OFFLINE",
      chargeKeys: [
        { type: "MAC", uid: "00:1A:2B:3C:4D:5E", label: "Van 7" },
        { type: "RFID", uid: "04A2B3C4", label: "Driver 1" },
        { type: "RFID", uid: "04A2B3C4D5E6F7", label: "Driver 2" },
      ],
    });
    expect(state.locations).toHaveLength(1);
    expect(state.locations[0]).toMatchObject({ accessType: "SEMI_PUBLIC", teamIds: [team.id] });
    const outputs = await project.outputs();
    expect(outputs).toMatchObject({ teamId: team.id, locationId: state.locations[0].id, locationTeamIds: [team.id] });
  });

  it("a second preview shows no change", async () => {
    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    expect(writes(emulator)).toEqual([]);
  });

  it("destroy removes the location, then the team", async () => {
    emulator.clearRequests();
    await project.expect(["destroy", "--yes"]);
    const deletes = writes(emulator).map((r) => `${r.method} ${r.path.split("/").slice(0, 3).join("/")}`);
    expect(deletes.indexOf("DELETE /v1/locations")).toBeLessThan(deletes.indexOf("DELETE /v1/teams"));
    const state = emulator.state();
    expect(state.teams).toEqual([]);
    expect(state.locations).toEqual([]);
    expect(state.pricingPlans).toEqual([]);
  });
});
