/**
 * The plugin face: what `@pulumi/pulumi/provider`'s server calls for
 * `pulumi-resource-eosvolt`. One core per kind of the registry
 * (`core/kind-core.ts`), chosen by the URN's type token `eosvolt:index:<Kind>`;
 * this class only speaks the `provider.Provider` interface, takes the
 * configuration from `Configure` (`server.ts`) and serves the schema.
 */
import type * as provider from "@pulumi/pulumi/provider";
import type { ApiAccess } from "../client/api-access";
import type { ConfigGetter } from "../config";
import { sharedClient } from "../core/client-registry";
import { KindCore } from "../core/kind-core";
import { isKindName, kindList } from "../kinds";
import type { AnyKind } from "../kinds/kind";
import { packageVersion } from "../version";
import { packageSchemaJson } from "./schema";
import { plainProps } from "./secrets";
import { kindOfToken, typeOfUrn } from "./tokens";

export class NativeProvider implements provider.Provider {
  /** The plugin's version (`GetPluginInfo`): the package's. */
  readonly version: string = packageVersion() ?? "0.0.0";
  private getConfig: ConfigGetter = () => undefined;
  private apiOverride?: ApiAccess;
  private readonly cores = new Map<string, KindCore>();
  private schemaText?: string;

  constructor() {
    const every: readonly AnyKind[] = kindList;
    for (const kind of every) if (isKindName(kind.type)) this.cores.set(kind.type, new KindCore(kind, () => this.api()));
  }

  /** Takes the provider's configuration (from `Configure`); the client is made on the first API call. */
  configure(get: ConfigGetter): void {
    this.getConfig = get;
  }

  /** For tests: use this API instead of the configured client. */
  useApi(api: ApiAccess): this {
    this.apiOverride = api;
    return this;
  }

  private async api(): Promise<ApiAccess> {
    return this.apiOverride ?? (await sharedClient(this.getConfig));
  }

  /** The core of the URN's kind; an unknown type token is an error naming it. */
  private coreOf(urn: string): KindCore {
    const token = typeOfUrn(urn);
    const kind = kindOfToken(token);
    const core = kind && this.cores.get(kind.type);
    if (!core) throw new Error(`unknown resource type ${token}: this provider serves ${[...this.cores.keys()].map((k) => `eosvolt:index:${k}`).join(", ")}`);
    return core;
  }

  async getSchema(): Promise<string> {
    this.schemaText ??= packageSchemaJson(this.version);
    return this.schemaText;
  }

  async check(urn: string, _olds: unknown, news: unknown): Promise<provider.CheckResult> {
    return this.coreOf(urn).check(plainProps(news));
  }

  async diff(_id: string, urn: string, olds: unknown, news: unknown): Promise<provider.DiffResult> {
    const { changes, replaces } = this.coreOf(urn).diff(plainProps(olds), plainProps(news));
    return { changes, replaces, deleteBeforeReplace: false };
  }

  create(urn: string, inputs: unknown): Promise<provider.CreateResult> {
    return this.coreOf(urn).create(plainProps(inputs));
  }

  read(id: string, urn: string, props?: unknown): Promise<provider.ReadResult> {
    return this.coreOf(urn).read(id, plainProps(props));
  }

  update(id: string, urn: string, olds: unknown, news: unknown): Promise<provider.UpdateResult> {
    return this.coreOf(urn).update(id, plainProps(olds), plainProps(news));
  }

  delete(id: string, urn: string): Promise<void> {
    return this.coreOf(urn).delete(id);
  }
}
