/**
 * The plugin as the engine meets it: `bin/pulumi-resource-eosvolt` spawned,
 * its port the only line on stdout, then the gRPC calls the stock server
 * lacks (`Configure`'s inputs, `CheckConfig`, `DiffConfig`, a `Read` without
 * properties as CLI 3.248's import sends it) and a resource's check, create
 * and read through the real emulator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { checkInputs } from "../../provider/core/check";
import { kinds } from "../../provider/kinds";
import { idOf } from "../narrow";

const ROOT = join(__dirname, "../..");
const sdk = createRequire(require.resolve("@pulumi/pulumi/provider"));
const grpc = sdk("@grpc/grpc-js");
const proto = sdk("../proto/provider_pb");
const rpc = sdk("../proto/provider_grpc_pb");
const { Struct } = sdk("google-protobuf/google/protobuf/struct_pb");
const TOKEN = "plugin-test-token";
const SECRET = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
const URN = (type: string, name: string) => `urn:pulumi:dev::p::eosvolt:index:${type}::${name}`;

describe("pulumi-resource-eosvolt, spawned and called over gRPC", { timeout: 60_000 }, () => {
  let plugin: ChildProcess;
  let stdout = "";
  let client: any;
  let emulator: RunningEmulator;
  const call = <T>(method: string, request: unknown): Promise<T> =>
    new Promise((resolve, reject) => client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response))));

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, rateLimit: 0, tokens: [TOKEN] });
    plugin = spawn(join(ROOT, "bin/pulumi-resource-eosvolt"), [], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, EOSVOLT_TOKEN: "" } });
    plugin.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    while (!stdout.includes("\n")) await once(plugin.stdout!, "data");
    client = new rpc.ResourceProviderClient(`127.0.0.1:${stdout.trim()}`, grpc.credentials.createInsecure());
  });

  afterAll(async () => {
    client?.close();
    if (plugin && plugin.exitCode === null) {
      plugin.kill("SIGTERM");
      await once(plugin, "exit");
    }
    await emulator?.close();
  });

  it("prints its port, and nothing else, on stdout", () => {
    expect(stdout).toMatch(/^\d+\n$/);
  });

  it("serves schema.json as its schema, with the package version", async () => {
    const response = await call<any>("getSchema", new proto.GetSchemaRequest());
    const schema = JSON.parse(response.getSchema());
    expect(Object.keys(schema.resources)).toEqual(Object.keys(JSON.parse(readFileSync(join(ROOT, "schema.json"), "utf8")).resources));
    const info = await call<any>("getPluginInfo", new (sdk("google-protobuf/google/protobuf/empty_pb").Empty)());
    expect(info.getVersion()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("CheckConfig names a setting that cannot work, with the dynamic provider's message", async () => {
    const request = new proto.CheckRequest();
    request.setUrn("urn:pulumi:dev::p::pulumi:providers:eosvolt::staging");
    request.setOlds(Struct.fromJavaScript({}));
    request.setNews(Struct.fromJavaScript({ environment: "qa", token: SECRET("x") }));
    const response = await call<any>("checkConfig", request);
    expect(response.getFailuresList().map((f: any) => [f.getProperty(), f.getReason()])).toEqual([
      ["environment", 'eosvolt:environment must be "production" or "staging", not "qa".'],
    ]);
    expect(response.getInputs().toJavaScript().token).toEqual(SECRET("x"));
  });

  it("DiffConfig reports the settings that changed, secrets compared by value, never a replacement", async () => {
    const diff = async (olds: object, news: object) => {
      const request = new proto.DiffRequest();
      request.setUrn("urn:pulumi:dev::p::pulumi:providers:eosvolt::default");
      request.setOlds(Struct.fromJavaScript(olds));
      request.setNews(Struct.fromJavaScript(news));
      const response = await call<any>("diffConfig", request);
      return { changes: response.getChanges(), diffs: response.getDiffsList(), replaces: response.getReplacesList() };
    };
    expect(await diff({ token: SECRET("a"), baseUrl: "u" }, { token: "a", baseUrl: "u" })).toEqual({ changes: proto.DiffResponse.DiffChanges.DIFF_NONE, diffs: [], replaces: [] });
    expect(await diff({ token: SECRET("a") }, { token: SECRET("b"), environment: "staging" })).toEqual({
      changes: proto.DiffResponse.DiffChanges.DIFF_SOME,
      diffs: ["token", "environment"],
      replaces: [],
    });
  });

  it("Configure takes the provider's inputs (a wrapped secret token) and says it accepts no secrets", async () => {
    const request = new proto.ConfigureRequest();
    request.setArgs(Struct.fromJavaScript({ token: SECRET(TOKEN), baseUrl: emulator.url, version: "0.1.0" }));
    const response = await call<any>("configure", request);
    expect([response.getAcceptsecrets(), response.getAcceptresources(), response.getAcceptoutputs()]).toEqual([false, false, false]);
  });

  it("check gives the dynamic provider's failures, by dot path", async () => {
    const news = { name: "x".repeat(300), chargeKeys: [{ type: "RFID", uid: "zz" }], extra: 1 };
    const request = new proto.CheckRequest();
    request.setUrn(URN("Team", "t"));
    request.setOlds(Struct.fromJavaScript({}));
    request.setNews(Struct.fromJavaScript(news));
    const response = await call<any>("check", request);
    const failures = response.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() }));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures).toEqual(checkInputs(kinds.Team, news).failures);
  });

  it("creates with the configured token, then reads the object back without properties (an import on CLI 3.248)", async () => {
    const create = new proto.CreateRequest();
    create.setUrn(URN("Team", "ops"));
    create.setProperties(Struct.fromJavaScript({ name: "Ops", discountPercent: "10" }));
    const created = await call<any>("create", create);
    const id = created.getId();
    expect(emulator.state().teams.map(idOf)).toEqual([id]);
    const read = new proto.ReadRequest();
    read.setId(id);
    read.setUrn(URN("Team", "ops"));
    expect(read.hasProperties()).toBe(false);
    const response = await call<any>("read", read);
    expect(response.getId()).toBe(id);
    expect(response.getInputs().toJavaScript()).toEqual({ name: "Ops", discountPercent: "10.00", billing: "IN_APP", chargeKeys: [] });
    expect(response.getProperties().toJavaScript()).toEqual(expect.objectContaining({ id, name: "Ops", discountPercent: "10.00" }));
  });

  it("an unknown type token is an error naming it and the types it serves", async () => {
    const request = new proto.CheckRequest();
    request.setUrn("urn:pulumi:dev::p::eosvolt:index:Nothing::n");
    request.setOlds(Struct.fromJavaScript({}));
    request.setNews(Struct.fromJavaScript({}));
    await expect(call("check", request)).rejects.toThrow(/unknown resource type eosvolt:index:Nothing: this provider serves eosvolt:index:Location, /);
  });
});
