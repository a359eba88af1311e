/**
 * The dynamic resources after the core moved out of `provider/dynamic/`: a
 * stack written by the release before that change (the package packed from
 * commit d0a4f36, as a user installs it) previews no changes, sends no write
 * and refreshes clean with this package. Kept for every release after: the
 * type tokens, the `__provider` shim and the state are promises to existing stacks.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { openProject, ROOT, writes, type PulumiProject } from "./harness";

/** The last commit before the core moved (issue 26). */
const PREVIOUS_RELEASE = "d0a4f36";

/** Builds and packs the package at `commit` (git archive, tsc, npm pack) into `into`; the tarball's path. */
function packAt(commit: string, into: string): string {
  const source = join(into, "source");
  mkdirSync(source, { recursive: true });
  execFileSync("sh", ["-c", `git -C "${ROOT}" archive ${commit} | tar -x -C "${source}"`]);
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");
  execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], { cwd: source, stdio: "inherit" });
  const name = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", into], { cwd: source, encoding: "utf8" }).trim().split("\n").pop()!;
  return join(into, name);
}

/** The project's node_modules: the repository's packages, with `pulumi-eosvolt` unpacked from `tarball` (a real folder, as npm installs it). */
function installPackage(project: PulumiProject, tarball: string): void {
  const modules = join(project.dir, "node_modules");
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(modules);
  for (const entry of readdirSync(join(ROOT, "node_modules"))) {
    if (entry !== "pulumi-eosvolt" && entry !== ".bin") symlinkSync(join(ROOT, "node_modules", entry), join(modules, entry));
  }
  execFileSync("tar", ["-xzf", tarball, "-C", project.root]);
  renameSync(join(project.root, "package"), join(modules, "pulumi-eosvolt"));
}

/** Replaces the installed package with this checkout's. */
function upgradeToThisPackage(project: PulumiProject): void {
  const installed = join(project.dir, "node_modules/pulumi-eosvolt");
  rmSync(installed, { recursive: true, force: true });
  symlinkSync(ROOT, installed, "dir");
}

/** The state's resources with secrets shown (ciphertexts may be re-made; the values may not change). */
async function decryptedResources(project: PulumiProject): Promise<Array<Record<string, any>>> {
  const { stdout } = await project.expect(["stack", "export", "--show-secrets"]);
  return JSON.parse(stdout).deployment.resources ?? [];
}

describe(`a stack of the release before the core moved (${PREVIOUS_RELEASE}), upgraded`, { timeout: 600_000 }, () => {
  let project: PulumiProject;
  let emulator: RunningEmulator;
  let dispose: () => Promise<void>;
  let before: Array<Record<string, any>>;

  beforeAll(async () => {
    ({ project, emulator, dispose } = await openProject("quickstart"));
    installPackage(project, packAt(PREVIOUS_RELEASE, project.root));
    await project.init();
    await project.expect(["config", "set", "--secret", "authorizationKey", "compat-auth-key-0000001"]);
    await project.expect(["up", "--yes"]);
    before = await decryptedResources(project);
    upgradeToThisPackage(project);
  }, 600_000);

  afterAll(async () => {
    await project?.run(["destroy", "--yes"]);
    await dispose?.();
  });

  it("the previous release wrote dynamic resources with the shim", () => {
    const ours = before.filter((r) => String(r.type).startsWith("pulumi-nodejs:dynamic/eosvolt:"));
    expect(ours).toHaveLength(4);
    for (const r of ours) expect(r.inputs.__provider).toMatch(/^exports\.handler=\(\)=>require\("pulumi-eosvolt\/dynamic"\)\.\w+$/);
  });

  it("previews no changes and sends no write with this package", async () => {
    emulator.clearRequests();
    await project.expect(["preview", "--expect-no-changes"]);
    expect(writes(emulator)).toEqual([]);
  });

  it("refreshes clean: no change, no write", async () => {
    emulator.clearRequests();
    await project.expect(["refresh", "--yes", "--expect-no-changes"]);
    expect(writes(emulator)).toEqual([]);
  });

  it("an up changes nothing, and the state keeps every resource's inputs and outputs byte for byte", async () => {
    emulator.clearRequests();
    await project.expect(["up", "--yes", "--expect-no-changes"]);
    expect(writes(emulator)).toEqual([]);
    const after = await decryptedResources(project);
    const strip = (rs: Array<Record<string, any>>) =>
      rs
        .filter((r) => String(r.type).startsWith("pulumi-nodejs:dynamic/"))
        .map((r) => JSON.stringify({ urn: r.urn, id: r.id, inputs: r.inputs, outputs: r.outputs }))
        .sort(); // the engine may write resources created in parallel in another order: each one must be unchanged, not the order
    expect(strip(after)).toEqual(strip(before));
  });
});
