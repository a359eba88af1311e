/** Provider cold start: the launcher's spawn to the first Check answered. */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { userArgs } from "../lib/api.mjs";
import { firstCheck } from "../lib/first-check.mjs";
import { HERE, PULUMI_BIN, ROOT, round, TMP, TOKEN } from "../lib/settings.mjs";

/**
 * Process start → first Check answered, the way the engine starts the provider: spawn
 * the CLI's `pulumi-resource-pulumi-nodejs` launcher (a shell script that runs
 * `node @pulumi/pulumi/cmd/dynamic-provider`) in the program's folder, read the port it
 * prints, then send Configure and a Check of one charger over gRPC. Median of 5. Also:
 * the part that is this package's (`require("pulumi-eosvolt/dynamic")` + configure +
 * first check, in a fresh process that has already loaded the SDK's provider server).
 */
export async function coldStart() {
  const dir = join(TMP, "coldstart");
  mkdirSync(dir, { recursive: true });
  cpSync(join(HERE, "program"), dir, { recursive: true });
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const news = {
    __provider: `exports.handler=function(){return require("pulumi-eosvolt/dynamic").Charger};`,
    locationId: "1",
    ...userArgs(0),
  };
  const once = () =>
    firstCheck({
      launcher: join(PULUMI_BIN(), "pulumi-resource-pulumi-nodejs"),
      cwd: dir,
      configArgs: { "eosvolt:baseUrl": "http://127.0.0.1:1", "eosvolt:token": TOKEN },
      urn: "urn:pulumi:bench::eosvolt-bench::pulumi-nodejs:dynamic/eosvolt:Charger::c00001",
      news,
    });
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await once());
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  // This package's own share, in a fresh node that has loaded the SDK's provider server modules.
  const script = `
    require("@pulumi/pulumi/runtime"); require("@grpc/grpc-js"); require("@pulumi/pulumi/proto/provider_grpc_pb");
    const t = performance.now();
    const p = require("pulumi-eosvolt/dynamic").Charger;
    const loaded = performance.now();
    p.configure({ config: new Map([["eosvolt:token", "x"]]) }).then(() => p.check({}, ${JSON.stringify(news)})).then((r) => {
      const done = performance.now();
      if (r.failures && r.failures.length) throw new Error(JSON.stringify(r.failures));
      console.log(JSON.stringify({ requireMs: loaded - t, firstCheckMs: done - loaded }));
    });`;
  const own = [];
  for (let i = 0; i < 5; i++) own.push(JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" })));
  const nodeOnly = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ["-e", "0"]);
    nodeOnly.push(performance.now() - t);
  }
  return {
    method:
      "spawn of the CLI's pulumi-resource-pulumi-nodejs launcher → port printed → Configure → first Check answered (gRPC), median of 5",
    totalMs: round(median(runs.map((r) => r.totalMs)), 0),
    sdkServerListeningMs: round(median(runs.map((r) => r.listeningMs)), 0),
    bareNodeMs: round(median(nodeOnly), 0),
    ownRequireMs: round(median(own.map((r) => r.requireMs)), 0),
    ownFirstCheckMs: round(median(own.map((r) => r.firstCheckMs)), 0),
    checkFailures: runs[0].failures.length,
  };
}
