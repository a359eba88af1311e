/** Provider cold start: the launcher's spawn to the first Check answered. */
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { userArgs } from "../lib/api.mjs";
import { HERE, PULUMI_BIN, require, ROOT, round, TMP, TOKEN } from "../lib/settings.mjs";

/**
 * Process start → first Check answered, the way the engine starts the provider: spawn
 * the CLI's `pulumi-resource-pulumi-nodejs` launcher (a shell script that runs
 * `node @pulumi/pulumi/cmd/dynamic-provider`) in the program's folder, read the port it
 * prints, then send Configure and a Check of one charger over gRPC. Median of 5. Also:
 * the part that is this package's (`require("pulumi-eosvolt/dynamic")` + configure +
 * first check, in a fresh process that has already loaded the SDK's provider server).
 */
export async function coldStart() {
  const grpc = require("@grpc/grpc-js");
  const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
  const provproto = require("@pulumi/pulumi/proto/provider_pb");
  const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
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
    new Promise((done, fail) => {
      const started = performance.now();
      const child = spawn(join(PULUMI_BIN(), "pulumi-resource-pulumi-nodejs"), ["127.0.0.1:1"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], detached: true });
      // The launcher is a shell script that runs node as its child: end the whole process group.
      const end = () => {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {}
      };
      let out = "";
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.stdout.on("data", (d) => {
        out += d;
        const m = /^(\d+)\s*$/m.exec(out);
        if (!m || child.listening) return;
        child.listening = true;
        const listeningMs = performance.now() - started;
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${m[1]}`, grpc.credentials.createInsecure());
        const configure = new provproto.ConfigureRequest();
        configure.setArgs(Struct.fromJavaScript({ "eosvolt:baseUrl": "http://127.0.0.1:1", "eosvolt:token": TOKEN }));
        client.configure(configure, (e1) => {
          if (e1) {
            end();
            return fail(e1);
          }
          const check = new provproto.CheckRequest();
          check.setUrn("urn:pulumi:bench::eosvolt-bench::pulumi-nodejs:dynamic/eosvolt:Charger::c00001");
          check.setOlds(Struct.fromJavaScript({}));
          check.setNews(Struct.fromJavaScript(news));
          client.check(check, (e2, resp) => {
            const totalMs = performance.now() - started;
            client.close();
            end();
            if (e2) return fail(e2);
            const failures = resp.getFailuresList().length;
            done({ totalMs, listeningMs, failures });
          });
        });
      });
      child.on("close", (code) => {
        if (!child.listening) fail(new Error(`provider exited ${code}: ${err}`));
      });
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
    checkFailures: runs[0].failures,
  };
}
