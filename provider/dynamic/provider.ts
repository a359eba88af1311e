import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ApiAccess } from "../client/api-access";
import type { ListParamsBase } from "../client/pagination";
import type { ConfigGetter } from "../config";
import { sharedClient } from "../core/client-registry";
import { KindCore } from "../core/kind-core";
import type { Props } from "../core/results";
import type { ApiObject, KindWith } from "../kinds/kind";

/**
 * The dynamic-provider face of one kind: what `@pulumi/pulumi`'s
 * dynamic-provider server calls (`pulumi-eosvolt/dynamic`). Everything it does
 * is the core's (`core/kind-core.ts`); this class only takes the stack config
 * from `configure` and speaks `pulumi.dynamic.ResourceProvider`.
 */
export class GenericProvider<I extends z.ZodObject = z.ZodObject, O extends ApiObject = ApiObject, L extends ListParamsBase = ListParamsBase>
  implements pulumi.dynamic.ResourceProvider
{
  private getConfig: ConfigGetter = () => undefined;
  private apiOverride?: ApiAccess;
  /** The engine-neutral core this face serves. */
  readonly core: KindCore<I, O, L>;

  constructor(readonly kind: KindWith<I, O, L>) {
    this.core = new KindCore(kind, () => this.api());
  }

  /** Called once per process by the dynamic-provider server, with the stack config. */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.getConfig = (key) => {
      const value = req.config.get(key);
      return typeof value === "string" ? value : undefined;
    };
  }

  /** For tests: use this API instead of the configured client. */
  useApi(api: ApiAccess): this {
    this.apiOverride = api;
    return this;
  }

  private async api(): Promise<ApiAccess> {
    return this.apiOverride ?? (await sharedClient(this.getConfig));
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return this.core.check(news);
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces } = this.core.diff(olds, news);
    return { changes, replaces, deleteBeforeReplace: false };
  }

  create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    return this.core.create(inputs);
  }

  read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    return this.core.read(id, props);
  }

  update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    return this.core.update(id, olds, news);
  }

  delete(id: string): Promise<void> {
    return this.core.delete(id);
  }
}
