/**
 * One provider cold start, the way the engine starts a provider: spawn its launcher in
 * `cwd`, read the port it prints, send Configure and a Check over gRPC, and end the
 * launcher's whole process group. Shared by the stack bench's cold start and the
 * plugin bench; it reads no command line.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * @param {{ launcher: string, cwd: string, configArgs: object, urn: string, news: object }} options
 * @returns {Promise<{ totalMs: number, listeningMs: number, failures: string[] }>} spawn → port printed, spawn → Check answered, and the Check's failures
 */
export function firstCheck({ launcher, cwd, configArgs, urn, news }) {
  const grpc = require("@grpc/grpc-js");
  const rpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
  const proto = require("@pulumi/pulumi/proto/provider_pb");
  const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
  return new Promise((done, fail) => {
    const started = performance.now();
    // detached: the dynamic launcher is a shell script that runs node as its child, so the group is ended.
    const child = spawn(launcher, ["127.0.0.1:1"], { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const end = () => {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
    };
    let out = "";
    let err = "";
    let listening = false;
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      out += d;
      const m = /^(\d+)\s*$/m.exec(out);
      if (!m || listening) return;
      listening = true;
      const listeningMs = performance.now() - started;
      const client = new rpc.ResourceProviderClient(`127.0.0.1:${m[1]}`, grpc.credentials.createInsecure());
      const configure = new proto.ConfigureRequest();
      configure.setArgs(Struct.fromJavaScript(configArgs));
      client.configure(configure, (e1) => {
        if (e1) return end(), fail(e1);
        const check = new proto.CheckRequest();
        check.setUrn(urn);
        check.setOlds(Struct.fromJavaScript({}));
        check.setNews(Struct.fromJavaScript(news));
        client.check(check, (e2, resp) => {
          const totalMs = performance.now() - started;
          client.close();
          end();
          if (e2) return fail(e2);
          done({ totalMs, listeningMs, failures: resp.getFailuresList().map((f) => f.getReason()) });
        });
      });
    });
    child.on("close", (code) => {
      if (!listening) fail(new Error(`${launcher} exited ${code}: ${err}`));
    });
  });
}
