/**
 * Shared pieces of the reliability tests: a project of the fleet subset (or any
 * example) against a fresh emulator, a `pulumi` that can be killed, and the
 * account check "the emulator holds exactly what the program declares".
 */
import { spawn, type ChildProcess } from "node:child_process";
import { killTree } from "../process-guard/processes";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { normalizeFields, inputsFromObject } from "../../provider/core/fields";
import { kinds, type KindName } from "../../provider/kinds";
import { PulumiProject, ROOT, pulumiBin } from "../engine/harness";

export const FLEET_FILE = join(ROOT, "examples/fleet/fleet.json");
export const SUBSET = "../test/reliability/programs/fleet-subset";

/** A fresh emulator and a temporary project of `example` (a folder under `examples/`, or `SUBSET`). */
export async function openProgram(example: string, emulatorOptions: EmulatorOptions = {}) {
  pulumiBin();
  const emulator = await startEmulator({ port: 0, rateLimit: 0, ...emulatorOptions });
  const root = mkdtempSync(join(tmpdir(), "eosvolt-reliability-"));
  const project = new PulumiProject(example, emulator, root);
  return {
    project,
    emulator,
    root,
    async dispose() {
      await emulator.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Stack init, emulator URL, token, and the subset's config. */
export async function initSubset(project: PulumiProject, locations: number, secrets: Record<string, string> = {}): Promise<void> {
  await project.init();
  await project.expect(["config", "set", "fleetFile", FLEET_FILE]);
  await project.expect(["config", "set", "locations", String(locations)]);
  for (const [key, value] of Object.entries(secrets)) await project.expect(["config", "set", "--secret", key, value]);
}

/** `pulumi <args>` in its own process group, so that the test can SIGKILL the CLI and everything it started. */
export function spawnPulumi(project: PulumiProject, args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: project.dir, env: project.env(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, output: () => output, exited };
}

/**
 * Kills a child started by {@link spawnPulumi}: its process group and every
 * process it started (the CLI starts its plugins, the dynamic providers among
 * them, in groups of their own, so killing the group alone leaves them running).
 */
export function killGroup(child: ChildProcess): void {
  if (child.pid !== undefined) killTree(child.pid);
}

export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Obj = Record<string, any>;
/** The kinds the fleet programs declare (no teams, no admins). */
type FleetKind = Extract<KindName, "Location" | "Charger" | "PricingPlan">;
const KIND_OF: Record<string, FleetKind> = {
  "pulumi-nodejs:dynamic/eosvolt:Location": "Location",
  "pulumi-nodejs:dynamic/eosvolt:Charger": "Charger",
  "pulumi-nodejs:dynamic/eosvolt:PricingPlan": "PricingPlan",
};
const ENDPOINT: Record<FleetKind, "locations" | "chargers" | "pricingPlans"> = { Location: "locations", Charger: "chargers", PricingPlan: "pricingPlans" };

/** What the fleet subset program declares, by kind and resource name (references as resource names). */
export function declaredSubset(locations: number) {
  const fleet = JSON.parse(readFileSync(FLEET_FILE, "utf8"));
  const sites: Obj[] = fleet.locations.slice(0, locations);
  const declared: Record<FleetKind, Map<string, { args: Obj; refs: Obj }>> = { Location: new Map(), Charger: new Map(), PricingPlan: new Map() };
  for (const { key, pricingPlan, chargers, ...site } of sites) {
    declared.PricingPlan.set(pricingPlan, { args: fleet.pricingPlans[pricingPlan], refs: {} });
    declared.Location.set(key, { args: site, refs: { pricingPlanId: ["PricingPlan", pricingPlan] } });
    for (const { model, pricingPlan: override, ...charger } of chargers) {
      if (override) declared.PricingPlan.set(override, { args: fleet.pricingPlans[override], refs: {} });
      declared.Charger.set(charger.ocppIdentity.toLowerCase(), {
        args: { ...fleet.models[model], ...charger },
        refs: { locationId: ["Location", key], ...(override ? { pricingPlanId: ["PricingPlan", override] } : {}) },
      });
    }
  }
  return declared;
}

export interface AccountReport {
  objects: number;
  duplicates: number;
  orphans: number;
  problems: string[];
}

/**
 * Compares three things: the program's declaration, the stack state and the
 * emulator's objects. Every declared resource is in the state exactly once with
 * an id; the object with that id exists and its fields equal the declaration
 * (references resolved through the state); the account holds nothing else
 * (an extra object is an orphan, or a duplicate when its natural key or its
 * fields repeat a managed one). Pending operations are problems too.
 */
export async function checkAccount(project: PulumiProject, emulator: RunningEmulator, declared: ReturnType<typeof declaredSubset>): Promise<AccountReport> {
  const problems: string[] = [];
  const { text, resources } = await project.exportState();
  const pending = JSON.parse(text).deployment.pending_operations ?? [];
  if (pending.length) problems.push(`${pending.length} pending operation(s) left in the state`);
  const account = emulator.state();
  const idOf = new Map<string, string>(); // kind/name -> id
  const byKind: Record<FleetKind, Obj[]> = { Location: [], Charger: [], PricingPlan: [] };
  for (const r of resources) {
    const kind = KIND_OF[r.type];
    if (!kind) continue;
    const name = String(r.urn).split("::").pop()!;
    if (idOf.has(`${kind}/${name}`)) problems.push(`${kind} ${name} twice in the state`);
    idOf.set(`${kind}/${name}`, r.id);
    byKind[kind].push(r);
  }
  let objects = 0;
  let duplicates = 0;
  let orphans = 0;
  for (const kind of Object.keys(declared) as FleetKind[]) {
    const list: Obj[] = account[ENDPOINT[kind]];
    objects += list.length;
    const managed = new Set<string>();
    for (const [name, { args, refs }] of declared[kind]) {
      const id = idOf.get(`${kind}/${name}`);
      if (!id) {
        problems.push(`${kind} ${name} is declared but not in the state`);
        continue;
      }
      managed.add(id);
      const object = list.find((o) => o.id === id);
      if (!object) {
        problems.push(`${kind} ${name} (${id}) is in the state but not in the account`);
        continue;
      }
      const want: Obj = { ...args };
      for (const [field, [refKind, refName]] of Object.entries(refs) as Array<[string, [KindName, string]]>) want[field] = idOf.get(`${refKind}/${refName}`);
      for (const field of kinds[kind].writeOnly) delete want[field];
      const expected = normalizeFields(kinds[kind], want);
      const actual = inputsFromObject(kinds[kind], object);
      if (JSON.stringify(sortKeys(expected)) !== JSON.stringify(sortKeys(actual))) {
        problems.push(`${kind} ${name} (${id}) differs from the program: want ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      }
    }
    if (byKind[kind].length !== declared[kind].size) problems.push(`${byKind[kind].length} ${kind}s in the state, ${declared[kind].size} declared`);
    for (const object of list) {
      if (managed.has(object.id)) continue;
      const naturalKey = kinds[kind].naturalKey;
      const twin = list.some(
        (o) =>
          managed.has(o.id) &&
          (naturalKey
            ? String(o[naturalKey]).toUpperCase() === String(object[naturalKey]).toUpperCase()
            : JSON.stringify(sortKeys(inputsFromObject(kinds[kind], o))) === JSON.stringify(sortKeys(inputsFromObject(kinds[kind], object)))),
      );
      if (twin) duplicates++;
      else orphans++;
      problems.push(`${kind} ${object.id} exists in the account but no resource manages it (${twin ? "duplicate" : "orphan"})`);
    }
  }
  return { objects, duplicates, orphans, problems };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Obj).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** Changes a `pulumi preview --json` plans (every step whose op is not `same`). */
export async function plannedChanges(project: PulumiProject): Promise<string[]> {
  const { stdout } = await project.expect(["preview", "--json"]);
  const steps: Array<{ op: string; urn: string }> = JSON.parse(stdout).steps ?? [];
  return steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`);
}
