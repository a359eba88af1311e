/**
 * Serving the plugin with `@pulumi/pulumi/provider`'s `main`, plus the four
 * gRPC calls where its stock server falls short for this provider:
 *
 * - `Configure`: the stock server drops the provider's inputs. Here they
 *   become the configuration (`settings.ts`), and the answer says the plugin
 *   accepts no secrets, resources or outputs, so the engine sends plain values
 *   to `check`/`create`/… and keeps their secretness itself.
 * - `CheckConfig`: the stock server answers UNIMPLEMENTED. Here the inputs come
 *   back as given, with a failure for each setting that cannot work
 *   (`settingProblems`, the dynamic provider's messages).
 * - `DiffConfig`: UNIMPLEMENTED there; here the settings that changed, never a
 *   replacement (a new token or environment reaches the same objects' API).
 * - `Read` without `properties` (an import's `Read` with CLI 3.248): the stock
 *   server throws on it; here it reads as empty properties (what 3.276 sends).
 *
 * They are put in by wrapping the service implementation the stock `main`
 * registers (`grpc.Server.prototype.addService`, only during `main`, only for
 * the resource-provider service), so that everything else stays the stock
 * server's.
 */
import { createRequire } from "node:module";
import { settingProblems } from "../config";
import type { NativeProvider } from "./provider";
import { changedSettings, configGetter } from "./settings";

/** A protobuf `Struct` as the SDK's generated code gives it. */
interface Struct {
  toJavaScript(): Record<string, unknown>;
}
interface StructClass {
  new (): Struct;
  fromJavaScript(value: Record<string, unknown>): Struct;
}
/** The parts of the requests read here. */
interface ConfigureRequest {
  getArgs(): Struct | undefined;
  getVariablesMap(): { forEach(callback: (value: string, key: string) => void): void };
}
interface ConfigRequest {
  getOlds(): Struct | undefined;
  getNews(): Struct | undefined;
}
interface ReadRequest {
  hasProperties(): boolean;
  setProperties(value: Struct): void;
}
type Callback = (error: Error | null, response?: unknown) => void;
type Handler<R> = (call: { request: R }, callback: Callback) => void;
type Implementation = Record<string, unknown>;

/** The modules of the SDK's own copy, so that messages are of the classes its server uses. */
const sdkRequire = createRequire(require.resolve("@pulumi/pulumi/provider"));
const grpc: { Server: { prototype: { addService(service: unknown, implementation: Implementation): void } } } = sdkRequire("@grpc/grpc-js");
const providerRpc: { ResourceProviderService: unknown } = sdkRequire("../proto/provider_grpc_pb");
const providerProto = sdkRequire("../proto/provider_pb");
const structProto: { Struct: StructClass } = sdkRequire("google-protobuf/google/protobuf/struct_pb");
const sdkProvider: { main(provider: NativeProvider, args: string[]): Promise<void> } = sdkRequire("./index");

function reply(callback: Callback, answer: () => unknown): void {
  try {
    callback(null, answer());
  } catch (error) {
    callback(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The four calls above, for `provider`. */
function handlers(provider: NativeProvider, stockRead: unknown): Implementation {
  const configure: Handler<ConfigureRequest> = ({ request }, callback) =>
    reply(callback, () => {
      const variables = new Map<string, string>();
      request.getVariablesMap().forEach((value, key) => variables.set(key, value));
      provider.configure(configGetter(request.getArgs()?.toJavaScript() ?? {}, variables));
      const response = new providerProto.ConfigureResponse();
      response.setAcceptsecrets(false);
      response.setAcceptresources(false);
      response.setAcceptoutputs(false);
      response.setSupportspreview(false);
      return response;
    });
  const checkConfig: Handler<ConfigRequest> = ({ request }, callback) =>
    reply(callback, () => {
      const news = request.getNews() ?? new structProto.Struct();
      const response = new providerProto.CheckResponse();
      response.setInputs(news);
      response.setFailuresList(
        settingProblems(configGetter(news.toJavaScript())).map(({ setting, message }) => {
          const failure = new providerProto.CheckFailure();
          failure.setProperty(setting);
          failure.setReason(message);
          return failure;
        }),
      );
      return response;
    });
  const diffConfig: Handler<ConfigRequest> = ({ request }, callback) =>
    reply(callback, () => {
      const changed = changedSettings(request.getOlds()?.toJavaScript(), request.getNews()?.toJavaScript());
      const response = new providerProto.DiffResponse();
      response.setChanges(changed.length > 0 ? providerProto.DiffResponse.DiffChanges.DIFF_SOME : providerProto.DiffResponse.DiffChanges.DIFF_NONE);
      response.setDiffsList(changed);
      return response;
    });
  const read: Handler<ReadRequest> = (call, callback) => {
    if (!call.request.hasProperties()) call.request.setProperties(new structProto.Struct());
    if (typeof stockRead === "function") stockRead(call, callback);
    else callback(new Error("the SDK's provider server has no read"));
  };
  return { configure, checkConfig, diffConfig, read };
}

/**
 * Serves `provider` as a plugin: prints the port on stdout (the stock
 * server's only output there) and answers the engine until it ends the process.
 */
export async function serve(provider: NativeProvider, args: string[]): Promise<void> {
  const prototype = grpc.Server.prototype;
  const addService = prototype.addService;
  prototype.addService = function (this: unknown, service: unknown, implementation: Implementation) {
    if (service !== providerRpc.ResourceProviderService) return addService.call(this, service, implementation);
    const stockRead = implementation.read;
    const wrapped: Implementation = Object.assign(Object.create(implementation), handlers(provider, typeof stockRead === "function" ? stockRead.bind(implementation) : undefined));
    return addService.call(this, service, wrapped);
  };
  try {
    await sdkProvider.main(provider, args);
  } finally {
    prototype.addService = addService;
  }
}
