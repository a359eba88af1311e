/**
 * The engine scenarios every example goes through with the real Pulumi CLI:
 * create, no change, a price edit, a currency change (replacement), drift by
 * hand (edit and delete), and destroy, counting the requests the API received.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { api } from "./api";
import { openProject, writes, type PulumiProject } from "./harness";
import { defined, idOf } from "../narrow";

export interface ScenarioConfig {
  example: string;
  /** Objects the program declares. */
  counts: { pricingPlans: number; locations: number; chargers: number };
  /** An edit of one price of one plan. */
  priceEdit: { file: string; from: string | RegExp; to: string };
  /** An edit of the currency of one plan, and how many locations and chargers use that plan directly. */
  currencyEdit: { file: string; from: string | RegExp; to: string; locationUsers: number; chargerUsers: number };
  /** Extra config set with `pulumi config set --secret`. */
  secrets?: Record<string, string>;
  /** Whether the state names the program's line per resource (a TypeScript program's stack trace; default true). */
  declaredInProgram?: boolean;
  /** More checks of the state's resources after the drift scenarios (e.g. the plugin's). */
  stateChecks?: (resources: Array<Record<string, any>>, text: string) => void;
}

type Row = { scenario: string; seconds: number; requests: number; writes: number };

const line = (r: { method: string; path: string }) => `${r.method} ${r.path.replace(/\?.*$/, "")}`;
const ids = /\/(loc_\w+|pp_\w+|\d+)$/;

export function engineScenarios(config: ScenarioConfig): void {
  const total = config.counts.pricingPlans + config.counts.locations + config.counts.chargers;

  describe(`${config.example} through the real Pulumi CLI`, { timeout: 300_000 }, () => {
    let project: PulumiProject;
    let emulator: RunningEmulator;
    let dispose: () => Promise<void>;
    const rows: Row[] = [];

    /** Runs one scenario, recording its time and the requests the API received. */
    async function scenario(name: string, body: () => Promise<void>): Promise<void> {
      emulator.clearRequests();
      const start = Date.now();
      await body();
      const requests = emulator.requests().filter((r) => r.path.startsWith("/v1"));
      rows.push({ scenario: name, seconds: (Date.now() - start) / 1000, requests: requests.length, writes: writes(emulator).length });
    }

    beforeAll(async () => {
      ({ project, emulator, dispose } = await openProject(config.example));
      await project.init();
      for (const [key, value] of Object.entries(config.secrets ?? {})) {
        await project.expect(["config", "set", "--secret", key, value]);
      }
    }, 300_000);

    afterAll(async () => {
      console.log(`engine scenarios, ${config.example} (${total} resources):\n` + rows.map((r) => `  ${r.scenario.padEnd(28)} ${r.seconds.toFixed(1).padStart(6)} s ${String(r.requests).padStart(5)} requests ${String(r.writes).padStart(5)} writes`).join("\n"));
      await dispose?.();
    });

    it("preview with references still unknown sends no request that writes", async () => {
      await scenario("preview (nothing exists)", async () => {
        const { stdout } = await project.expect(["preview"]);
        expect(stdout).toContain(`+ ${total + 1} to create`);
        expect(writes(emulator)).toEqual([]);
      });
    });

    it("the first up creates everything, one POST each", async () => {
      await scenario("up (create all)", async () => {
        const { stdout } = await project.expect(["up", "--yes"]);
        expect(stdout).toContain(`+ ${total + 1} created`);
        const posts = writes(emulator).map(line);
        expect(posts.filter((p) => p === "POST /v1/pricing-plans")).toHaveLength(config.counts.pricingPlans);
        expect(posts.filter((p) => p === "POST /v1/locations")).toHaveLength(config.counts.locations);
        expect(posts.filter((p) => p === "POST /v1/chargers")).toHaveLength(config.counts.chargers);
        expect(posts).toHaveLength(total);
        const state = emulator.state();
        expect([state.pricingPlans.length, state.locations.length, state.chargers.length]).toEqual([
          config.counts.pricingPlans,
          config.counts.locations,
          config.counts.chargers,
        ]);
      });
    });

    it("preview --expect-no-changes and a second up: no change, no request", async () => {
      await scenario("preview + up (no change)", async () => {
        await project.expect(["preview", "--expect-no-changes"]);
        const { stdout } = await project.expect(["up", "--yes", "--expect-no-changes"]);
        expect(stdout).toContain(`${total + 1} unchanged`);
        expect(emulator.requests()).toEqual([]);
      });
    });

    it("one price edited: one PATCH of that plan and nothing else", async () => {
      await scenario("price edited", async () => {
        project.edit(config.priceEdit.file, config.priceEdit.from, config.priceEdit.to);
        const { stdout } = await project.expect(["up", "--yes"]);
        expect(stdout).toContain("~ 1 updated");
        expect(writes(emulator).map((r) => line(r).replace(ids, "/ID"))).toEqual(["PATCH /v1/pricing-plans/ID"]);
      });
    });

    it("currency changed: the plan is replaced, its users move to the new id, the old plan goes last", async () => {
      await scenario("currency changed (replace)", async () => {
        const before = new Set(emulator.state().pricingPlans.map(idOf));
        const { currencyEdit } = config;
        project.edit(currencyEdit.file, currencyEdit.from, currencyEdit.to);
        const { stdout } = await project.expect(["up", "--yes"]);
        expect(stdout).toContain("+-1 replaced");
        const sent = writes(emulator).map(line);
        const created = emulator.state().pricingPlans.filter((p) => !before.has(idOf(p)));
        expect(created).toHaveLength(1);
        const deleted = [...before].filter((id) => !emulator.state().pricingPlans.some((p) => p.id === id));
        expect(deleted).toHaveLength(1);
        expect(sent[0]).toBe("POST /v1/pricing-plans");
        expect(sent[sent.length - 1]).toBe(`DELETE /v1/pricing-plans/${deleted[0]}`);
        expect(sent.filter((s) => s.startsWith("PATCH /v1/locations/"))).toHaveLength(currencyEdit.locationUsers);
        expect(sent.filter((s) => s.startsWith("PATCH /v1/chargers/"))).toHaveLength(currencyEdit.chargerUsers);
        expect(sent).toHaveLength(2 + currencyEdit.locationUsers + currencyEdit.chargerUsers);
        const users = emulator.state().locations.filter((l) => l.pricingPlanId === created[0].id);
        expect(users).toHaveLength(currencyEdit.locationUsers);
      });
    });

    it("a field edited out of band: refresh reports it, preview --refresh fails while it drifts, up restores it", async () => {
      const location = emulator.state().locations[0];
      await api(emulator, "PATCH", `/v1/locations/${location.id}`, { name: "Renamed by hand" });
      await scenario("drift: preview --refresh", async () => {
        const drifting = await project.run(["preview", "--refresh", "--expect-no-changes"]);
        expect(drifting.code).not.toBe(0);
      });
      await scenario("drift: refresh (edited)", async () => {
        const refresh = await project.expect(["refresh", "--yes"]);
        expect(refresh.stdout).toMatch(/Location \S+ updated .*\[diff: ~name\]/);
        expect(refresh.stdout).toContain("~ 1 updated");
        expect(writes(emulator)).toEqual([]);
      });
      await scenario("drift: up restores", async () => {
        await project.expect(["up", "--yes"]);
        expect(writes(emulator).map(line)).toEqual([`PATCH /v1/locations/${location.id}`]);
        expect(defined(emulator.state().locations.find((l) => l.id === location.id), "the edited location").name).toBe(location.name);
      });
    });

    it("an object deleted out of band: refresh drops it, up recreates it", async () => {
      const charger = emulator.state().chargers[0];
      await api(emulator, "DELETE", `/v1/chargers/${charger.id}`);
      await scenario("drift: refresh (deleted)", async () => {
        const refresh = await project.expect(["refresh", "--yes"]);
        expect(refresh.stdout).toContain("- 1 deleted");
      });
      await scenario("drift: up recreates", async () => {
        await project.expect(["up", "--yes"]);
        expect(writes(emulator).map(line)).toEqual(["POST /v1/chargers"]);
        expect(emulator.state().chargers.filter((c) => c.ocppIdentity === charger.ocppIdentity)).toHaveLength(1);
      });
    });

    it("the state holds neither the token nor a secret", async () => {
      const { text, resources } = await project.exportState();
      expect(text).not.toContain("dev-token");
      for (const secret of Object.values(config.secrets ?? {})) expect(text).not.toContain(secret);
      config.stateChecks?.(resources, text);
    });

    // A YAML program's resources have no JavaScript stack trace to check.
    if (config.declaredInProgram !== false) it("each resource's state still names the program line that declared it", async () => {
      const { resources } = await project.exportState();
      const ours = resources.filter((r) => String(r.type).includes("dynamic/eosvolt:"));
      expect(ours.length).toBeGreaterThan(0);
      for (const r of ours) {
        // The SDK's sourcePosition is the first frame it can parse, so it is absent for resources
        // declared in an anonymous callback; the stack trace still holds the program's line.
        const frames: string[] = (r.stackTrace ?? []).map((f: { sourcePosition?: string }) => f.sourcePosition).filter(Boolean);
        const inProgram = frames.filter((p) => p.startsWith("project:///") && !p.includes("node_modules") && /\.ts#\d+,\d+$/.test(p));
        expect(inProgram.length, r.urn).toBeGreaterThan(0);
      }
    });

    it("destroy removes everything", async () => {
      await scenario("destroy", async () => {
        await project.expect(["destroy", "--yes"]);
        const state = emulator.state();
        expect([state.locations, state.chargers, state.pricingPlans].map((l) => l.length)).toEqual([0, 0, 0]);
      });
    });
  });
}
