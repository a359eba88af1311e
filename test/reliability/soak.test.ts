/**
 * Fault soak through the real Pulumi CLI: `pulumi up` while the emulator answers
 * ~10% 5xx, resets ~5% of connections, commits ~3% of writes and drops their
 * answer, adds latency spikes and 429 bursts (seeded). Then: the account holds
 * exactly what the program declares (count and fields), nothing twice, nothing
 * orphaned; a second `up` without faults changes nothing; `destroy`, under faults
 * again, leaves nothing.
 *
 * `npm test` runs the short soak (3 fleet sites, 30 resources). `npm run soak`
 * (EOSVOLT_SOAK=long) runs the whole fleet example (259 resources) several times
 * with different seeds and prints the figures.
 */
import { describe, expect, it } from "vitest";
import type { FaultConfig } from "../../emulator";
import { checkAccount, declaredSubset, initSubset, openProgram, plannedChanges, SUBSET } from "./helpers";

const LONG = process.env.EOSVOLT_SOAK === "long";
const SEEDS = LONG ? (process.env.EOSVOLT_SOAK_SEEDS ?? "101,202,303").split(",").map(Number) : [20261125];
const SITES = LONG ? 32 : 3;

const faults = (seed: number): FaultConfig => ({
  seed,
  error500: 0.05,
  error503: 0.053,
  reset: 0.055,
  dropResponse: 0.035,
  latencyMs: [0, 15],
  latencySpike: { p: 0.02, ms: 1500 },
  burst429: { p: 0.01, length: 4 },
});

const FAULT_KINDS = ["error500", "error503", "reset", "dropResponse", "burst429"] as const;

describe(`fault soak (${LONG ? "long: the fleet example" : "short: 3 fleet sites"}), through the real Pulumi CLI`, { timeout: LONG ? 560_000 : 150_000 }, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: up under faults, exact account, no change on a second up, destroy leaves nothing`, async () => {
      const { project, emulator, dispose } = await openProgram(LONG ? "fleet" : SUBSET);
      const figures: Record<string, unknown> = { seed };
      try {
        if (LONG) await project.init();
        else await initSubset(project, SITES);
        const declared = declaredSubset(SITES);
        const resources = declared.PricingPlan.size + declared.Location.size + declared.Charger.size;

        emulator.setFaults(faults(seed));
        let started = Date.now();
        let runs = 0;
        let up;
        // A call can still exhaust its retries (6 faults in a row); a pipeline runs `up` again.
        do {
          runs++;
          up = await project.run(["up", "--yes"]);
        } while (up.code !== 0 && runs < 3);
        expect(up.code, up.stdout + up.stderr).toBe(0);
        const upSeconds = (Date.now() - started) / 1000;
        const stats = emulator.stats();
        emulator.setFaults({});
        const injected = Object.fromEntries(FAULT_KINDS.map((k) => [k, stats.byFault[k]]));
        const faulted = FAULT_KINDS.reduce((n, k) => n + stats.byFault[k], 0);
        const spikes = "latency spikes are not logged";

        const report = await checkAccount(project, emulator, declared);
        expect(report.problems).toEqual([]);
        expect(report.objects).toBe(resources);

        emulator.clearRequests();
        const changes = await plannedChanges(project);
        const second = await project.expect(["up", "--yes", "--expect-no-changes"]);
        expect(changes).toEqual([]);
        expect(second.stdout).toContain(`${resources + 1} unchanged`);
        const writesOnSecondUp = emulator.requests().filter((r) => r.method !== "GET").length;
        expect(writesOnSecondUp).toBe(0);

        // destroy under the same faults (another seed): a DELETE whose answer is lost and whose retry gets 404 is done.
        emulator.clearRequests();
        emulator.setFaults(faults(seed + 1));
        started = Date.now();
        let destroyRuns = 0;
        let destroy;
        do {
          destroyRuns++;
          destroy = await project.run(["destroy", "--yes"]);
        } while (destroy.code !== 0 && destroyRuns < 3);
        expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
        const destroyStats = emulator.stats();
        emulator.setFaults({});
        const left = emulator.state();
        expect([left.pricingPlans.length, left.locations.length, left.chargers.length]).toEqual([0, 0, 0]);

        Object.assign(figures, {
          resources,
          upRuns: runs,
          upSeconds,
          requests: stats.total,
          byMethod: stats.byMethod,
          operations: stats.total - faulted,
          faultsInjected: injected,
          retries: faulted,
          idempotentReplays: stats.replayed,
          duplicates: report.duplicates,
          orphans: report.orphans,
          changesOnSecondUp: changes.length,
          writesOnSecondUp,
          destroySeconds: (Date.now() - started) / 1000,
          destroyRuns,
          destroyRequests: destroyStats.total,
          destroyFaultsInjected: Object.fromEntries(FAULT_KINDS.map((k) => [k, destroyStats.byFault[k]])),
          note: spikes,
        });
      } finally {
        console.log(`SOAK ${JSON.stringify(figures)}`);
        await dispose();
      }
    });
  }
});
