#!/usr/bin/env node
// npm run demo: the quickstart (examples/quickstart) through the real `pulumi up`,
// against the local emulator, on a local file backend. Everything lives in .demo/:
// the emulator's data file (so a second run finds what the first one created),
// the Pulumi state and PULUMI_HOME. Run it twice: the second run reports no changes.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { leg, legEnv } from "./toolchain.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const demo = process.env.EOSVOLT_DEMO_DIR ?? join(root, ".demo");
mkdirSync(join(demo, "state"), { recursive: true });
mkdirSync(join(demo, "home"), { recursive: true });

const say = (text) => console.log(`\x1b[1m▸ ${text}\x1b[0m`);

const toolchain = leg();
say(`Node.js ${toolchain.node} and Pulumi CLI ${toolchain.pulumiCli} (scripts/toolchain.mjs; fetched or built the first time)`);
const legPath = legEnv(toolchain).PATH;

say("starting the EOSVOLT emulator (data in .demo/emulator.json)");
const emulator = spawn(process.execPath, [join(root, "dist/emulator/cli.js"), "--port", "0", "--data", join(demo, "emulator.json")], {
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise((resolve, reject) => {
  emulator.once("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
  createInterface({ input: emulator.stdout }).once("line", resolve);
});
console.log(`  ${url}`);

const env = {
  ...process.env,
  PATH: legPath,
  PULUMI_HOME: join(demo, "home"),
  PULUMI_BACKEND_URL: `file://${join(demo, "state")}`,
  PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "demo",
  PULUMI_SKIP_UPDATE_CHECK: "true",
};
const pulumi = (args, options = {}) =>
  execFileSync("pulumi", [...args, "--non-interactive"], { cwd: root, env, stdio: "inherit", ...options });

let failed = false;
try {
  say("stack demo, configured for the emulator (token as a secret)");
  pulumi(["stack", "select", "--create", "demo"]);
  pulumi(["config", "set", "eosvolt:baseUrl", url]);
  pulumi(["config", "set", "--secret", "eosvolt:token", "dev-token"]);
  say("pulumi up");
  pulumi(["up", "--yes"]);
  say("stack outputs");
  pulumi(["stack", "output", "--json"]);
} catch {
  failed = true;
} finally {
  emulator.kill("SIGTERM");
  await new Promise((resolve) => emulator.once("exit", resolve));
}
if (failed) {
  console.error("the demo failed; see the output above");
  process.exit(1);
}
say("done. Run `npm run demo` again: it reports no changes. Start over with `rm -rf .demo`.");
