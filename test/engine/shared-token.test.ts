/**
 * Many stacks, one token (GitOps: one stack per site, parallel CI jobs): three `pulumi up`
 * processes of the real CLI, started at the same moment with the same token against one
 * emulator with a low rate limit. They know nothing of each other; each provider learns its
 * share from the API's answers. All must succeed and hold exactly what they declare.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiProject, TOKEN, pulumiBin, type CommandResult } from "./harness";

const STACKS = 3;
const CHARGERS = 12;
const RATE = 6;

describe("parallel stacks on one token under a low rate limit", { timeout: 180_000 }, () => {
  let emulator: RunningEmulator;
  let root: string;
  const projects: PulumiProject[] = [];
  let runs: CommandResult[] = [];

  beforeAll(async () => {
    pulumiBin();
    emulator = await startEmulator({ port: 0, rateLimit: RATE, latencyMs: [5, 20] });
    root = mkdtempSync(join(tmpdir(), "eosvolt-engine-shared-token-"));
    for (let i = 1; i <= STACKS; i++) {
      // The bench's program: CHARGERS chargers at a location of the stack's own.
      const project = new PulumiProject("../bench/program", emulator, join(root, `site-${i}`));
      await project.expect(["stack", "init", "site"]);
      writeFileSync(
        join(project.dir, "Pulumi.site.yaml"),
        `config:\n  eosvolt:baseUrl: ${emulator.url}\n  eosvolt-bench:count: "${CHARGERS}"\n  eosvolt-bench:ownLocation: "true"\n  eosvolt-bench:prefix: S${i}-\n`,
      );
      projects.push(project);
    }
    emulator.clearRequests();
    runs = await Promise.all(projects.map((p) => p.run(["up", "--yes", "--skip-preview"], { env: { EOSVOLT_TOKEN: TOKEN } })));
  });

  afterAll(async () => {
    await emulator?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("every stack succeeds", () => {
    runs.forEach((r, i) => expect(r.code, `stack ${i + 1}:\n${r.stdout}\n${r.stderr}`).toBe(0));
  });

  it("the API holds exactly the declared objects, each created once", () => {
    const state = emulator.state();
    expect(state.locations).toHaveLength(STACKS);
    const identities = state.chargers.map((c) => c.ocppIdentity).sort();
    const declared = Array.from({ length: STACKS }, (_, s) =>
      Array.from({ length: CHARGERS }, (_, c) => `BENCH-S${s + 1}-${String(c + 1).padStart(5, "0")}`),
    ).flat();
    expect(identities).toEqual(declared.sort());
    const posts = emulator.requests().filter((r) => r.method === "POST" && r.status !== null && r.status < 300);
    expect(posts).toHaveLength(STACKS * (CHARGERS + 1));
  });

  it("each stack's state holds its own location and chargers, with the API's ids", async () => {
    const byId = new Map(emulator.state().chargers.map((c) => [c.id, c]));
    const locationIds = new Set(emulator.state().locations.map((l) => l.id));
    for (let i = 0; i < STACKS; i++) {
      const { resources } = await projects[i].exportState();
      const chargers = resources.filter((r) => String(r.type).endsWith(":Charger"));
      const locations = resources.filter((r) => String(r.type).endsWith(":Location"));
      expect(locations).toHaveLength(1);
      expect(locationIds.has(locations[0].id)).toBe(true);
      expect(chargers).toHaveLength(CHARGERS);
      for (const c of chargers) {
        expect(byId.get(c.id)?.ocppIdentity).toBe(c.outputs.ocppIdentity);
        expect(c.outputs.ocppIdentity).toMatch(new RegExp(`^BENCH-S${i + 1}-`));
        expect(c.outputs.locationId).toBe(locations[0].id);
      }
    }
  });
});
