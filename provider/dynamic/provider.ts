import type * as pulumi from "@pulumi/pulumi";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { ApiAccess } from "../client/api-access";
import type { ListParamsBase } from "../client/pagination";
import type { ConfigGetter } from "../config";
import type { ApiObject, KindWith } from "../kinds/kind";
import { adopt, findToAdopt, type KindContext } from "./adopt";
import { checkInputs } from "./check";
import { sharedClient } from "./client-registry";
import { changedFields, diffInputs, patchBody } from "./diff";
import { endpointOf, type KindEndpoint } from "./endpoint";
import { explainError, isConflict, isNotFound } from "./errors";
import { bodyOf, inputsFromObject } from "./fields";
import { stateOf } from "./outputs";
import { recoverLostCreate } from "./recover";
import { withoutUndefined } from "./values";

type Props = Record<string, unknown>;

/**
 * The one generic dynamic provider: check, diff, create, read, update and
 * delete, the same way for every kind (`kinds/*.ts` says what differs).
 * A create's data flows one way: the engine's checked inputs become the typed
 * body (`fields.ts`), the client sends it, the answer becomes the state
 * (`outputs.ts`). Adoption (`adopt.ts`) and lost-create recovery (`recover.ts`)
 * are the two detours a create may take.
 */
export class GenericProvider<I extends z.ZodObject = z.ZodObject, O extends ApiObject = ApiObject, L extends ListParamsBase = ListParamsBase>
  implements pulumi.dynamic.ResourceProvider, KindContext<I, O, L>
{
  private getConfig: ConfigGetter = () => undefined;
  private apiOverride?: ApiAccess;

  constructor(readonly kind: KindWith<I, O, L>) {}

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

  /** This kind's collection of the client. */
  async endpoint(): Promise<KindEndpoint<I, O, L>> {
    return endpointOf(await this.api(), this.kind);
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkInputs(this.kind, news);
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces } = diffInputs(this.kind, olds, news);
    return { changes, replaces, deleteBeforeReplace: false };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const { kind } = this;
    const existing = await findToAdopt(this, inputs);
    if (existing) return adopt(this, existing, inputs);
    const body = bodyOf(kind, inputs);
    try {
      const created = await (await this.endpoint()).create(body, { idempotencyKey: randomUUID() });
      return { id: created.id, outs: stateOf(kind, created, inputs) };
    } catch (error) {
      const recovered = await recoverLostCreate(this, error, inputs);
      if (recovered) return recovered;
      throw explainError(error, `creating ${kind.noun}`);
    }
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    let object: O | undefined;
    try {
      object = await (await this.endpoint()).read(id);
    } catch (error) {
      throw explainError(error, `reading ${this.kind.noun} ${id}`);
    }
    if (!object) return { id: "", props: {} };
    return { id: object.id, props: stateOf(this.kind, object, props), inputs: withoutUndefined(inputsFromObject(this.kind, object)) };
  }

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const changed = changedFields(this.kind, news, olds);
    if (changed.length === 0) return { outs: stateOf(this.kind, { ...olds, id }, news, olds) };
    try {
      const updated = await (await this.endpoint()).update(id, patchBody(this.kind, changed, news));
      return { outs: stateOf(this.kind, updated, news, olds) };
    } catch (error) {
      throw explainError(error, `updating ${this.kind.noun} ${id}`);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await (await this.endpoint()).delete(id);
    } catch (error) {
      if (isNotFound(error)) return;
      const describeUsers = this.kind.describeUsers;
      if (isConflict(error) && describeUsers) {
        const users = await this.api().then((api) => describeUsers(id, api)).catch(() => undefined);
        throw explainError(error, `deleting ${this.kind.noun} ${id}`, users);
      }
      throw explainError(error, `deleting ${this.kind.noun} ${id}`);
    }
  }
}
