#!/usr/bin/env node
// The toolchain legs of toolchain.json: a Node.js binary (from the npm registry) and a
// Pulumi CLI (built from Go modules) for each, put first on PATH for a command.
//
//   node scripts/toolchain.mjs run [--leg NAME] -- COMMAND [ARGS…]   run COMMAND on a leg
//   node scripts/toolchain.mjs node VERSION                          print a Node.js bin folder
//   node scripts/toolchain.mjs install [--leg NAME]                  put the leg's @pulumi/pulumi in node_modules
//   node scripts/toolchain.mjs show [--leg NAME]                     print a leg as JSON
//
// The leg is --leg, else $EOSVOLT_LEG, else toolchain.json's defaultLeg.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const TOOLCHAIN = JSON.parse(readFileSync(join(ROOT, "toolchain.json"), "utf8"));
const CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pulumi-eosvolt");

const log = (text) => process.stderr.write(`[toolchain] ${text}\n`);

/** The leg named `name` (or the selected one), with its name. */
export function leg(name = process.env.EOSVOLT_LEG || TOOLCHAIN.defaultLeg) {
  const found = TOOLCHAIN.legs[name];
  if (!found) throw new Error(`toolchain.json has no leg "${name}" (legs: ${Object.keys(TOOLCHAIN.legs).join(", ")})`);
  return { name, ...found };
}

/**
 * The folder holding `node` of exactly `version`: this process's own when it is that
 * version, else a copy unpacked once from the npm registry's node-<os>-<arch> package.
 */
export function nodeBinDir(version) {
  if (process.version === `v${version}`) return dirname(process.execPath);
  const pkg = `node-${process.platform}-${process.arch}@${version}`;
  const dir = join(CACHE, "node", version);
  const bin = join(dir, "bin");
  if (existsSync(join(bin, "node"))) return bin;
  log(`fetching Node.js ${version} (${pkg}) into ${dir}`);
  const work = mkdtempSync(join(tmpdir(), "eosvolt-node-"));
  try {
    const tarball = execFileSync("npm", ["pack", pkg, "--pack-destination", work, "--silent"], {
      cwd: work,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim().split("\n").pop();
    execFileSync("tar", ["-xzf", join(work, tarball), "-C", work]);
    const unpacked = join(work, "package");
    const got = execFileSync(join(unpacked, "bin", "node"), ["--version"], { encoding: "utf8" }).trim();
    if (got !== `v${version}`) throw new Error(`${pkg} holds Node.js ${got}, not v${version}`);
    mkdirSync(dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(unpacked, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return bin;
}

/** The folder holding `pulumi` of `version` (scripts/pulumi-cli.sh: on PATH or built once). */
export function pulumiBinDir(version) {
  return execFileSync(join(ROOT, "scripts/pulumi-cli.sh"), {
    encoding: "utf8",
    env: { ...process.env, PULUMI_VERSION: version },
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

/** The repository root and its workspaces (examples, policy pack): every folder a program runs from. */
function packageFolders() {
  const workspaces = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).workspaces ?? [];
  const folders = [ROOT];
  for (const pattern of workspaces) {
    const base = join(ROOT, pattern.replace(/\/\*$/, ""));
    if (!pattern.endsWith("/*")) folders.push(base);
    else if (existsSync(base)) for (const name of readdirSync(base)) if (existsSync(join(base, name, "package.json"))) folders.push(join(base, name));
  }
  return folders;
}

/** The versions of @pulumi/pulumi that `require` finds from the root and each workspace (one when consistent). */
export function installedSdks() {
  const versions = new Set();
  for (const folder of packageFolders()) {
    // Node's lookup, nearest node_modules first (by hand: require.resolve caches what it found).
    const file = [folder, ROOT].map((dir) => join(dir, "node_modules/@pulumi/pulumi/package.json")).find((f) => existsSync(f));
    versions.add(file ? JSON.parse(readFileSync(file, "utf8")).version : "none");
  }
  return [...versions];
}

/**
 * Makes every folder resolve the leg's @pulumi/pulumi without touching package.json or the
 * lockfile: `npm install --no-save` at the root, then the workspaces' own nested copies of
 * the lockfile's version are removed so that they resolve the root's.
 */
export function installSdk(selected) {
  if (installedSdks().join() === selected.pulumiSdk) return;
  log(`installing @pulumi/pulumi ${selected.pulumiSdk} for leg ${selected.name} (no change to package.json or the lockfile)`);
  execFileSync("npm", ["install", "--no-save", `@pulumi/pulumi@${selected.pulumiSdk}`], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  for (const folder of packageFolders().slice(1)) rmSync(join(folder, "node_modules/@pulumi/pulumi"), { recursive: true, force: true });
  const now = installedSdks();
  if (now.join() !== selected.pulumiSdk) throw new Error(`after installing, node_modules resolves @pulumi/pulumi ${now.join(", ")}, not ${selected.pulumiSdk}`);
}

/** The environment that runs a command on `selected`: its Node and CLI first on PATH. */
export function legEnv(selected) {
  const sdks = installedSdks();
  if (sdks.join() !== selected.pulumiSdk) {
    throw new Error(
      `leg "${selected.name}" tests @pulumi/pulumi ${selected.pulumiSdk} but node_modules resolves ${sdks.join(", ")}; ` +
        `run ${selected.name === TOOLCHAIN.defaultLeg ? "npm ci" : `node scripts/toolchain.mjs install --leg ${selected.name}`}`,
    );
  }
  const node = nodeBinDir(selected.node);
  const cli = pulumiBinDir(selected.pulumiCli);
  return {
    ...process.env,
    PATH: `${node}:${cli}:${process.env.PATH}`,
    EOSVOLT_LEG: selected.name,
    PULUMI_VERSION: selected.pulumiCli,
  };
}

function main() {
  const { values, positionals } = parseArgs({
    options: { leg: { type: "string" } },
    allowPositionals: true,
  });
  const [verb, ...rest] = positionals;
  if (verb === "node" && rest.length === 1) {
    console.log(nodeBinDir(rest[0]));
  } else if (verb === "install") {
    installSdk(leg(values.leg));
  } else if (verb === "show") {
    console.log(JSON.stringify(leg(values.leg)));
  } else if (verb === "run" && rest.length > 0) {
    const selected = leg(values.leg);
    const env = legEnv(selected);
    log(`leg ${selected.name}: Node.js ${selected.node}, @pulumi/pulumi ${selected.pulumiSdk}, Pulumi CLI ${selected.pulumiCli}`);
    const child = spawn(rest[0], rest.slice(1), { stdio: "inherit", env });
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
    child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  } else {
    console.error("usage: toolchain.mjs run [--leg NAME] -- COMMAND [ARGS…] | install [--leg NAME] | node VERSION | show [--leg NAME]");
    process.exit(2);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`[toolchain] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
