/**
 * The engine-neutral core of one kind: check, diff, create, read, update and
 * delete, the same way for every kind (`kinds/*.ts` says what differs). It
 * knows the registry entry and the client, and nothing of how Pulumi calls it:
 * the dynamic provider (`dynamic/provider.ts`) and the plugin
 * (`native/provider.ts`) are thin faces over it.
 *
 * A create's data flows one way: the engine's checked inputs become the typed
 * body (`fields.ts`), the client sends it, the answer becomes the state
 * (`outputs.ts`). Adoption (`adopt.ts`) and lost-create recovery (`recover.ts`)
 * are the two detours a create may take.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { ApiAccess } from "../client/api-access";
import type { ListParamsBase } from "../client/pagination";
import type { ApiObject, KindWith } from "../kinds/kind";
import { adopt, findToAdopt, type KindContext } from "./adopt";
import { checkInputs, type CheckResult } from "./check";
import { changedFields, diffInputs, patchBody } from "./diff";
import { endpointOf, type KindEndpoint } from "./endpoint";
import { explainError, isConflict, isNotFound } from "./errors";
import { bodyOf, inputsFromObject } from "./fields";
import { stateOf } from "./outputs";
import { recoverLostCreate } from "./recover";
import type { CreateResult, DiffResult, Props, ReadResult, UpdateResult } from "./results";
import { withoutUndefined } from "./values";

/** Where the core gets its API from, on the first call that needs it. */
export type ApiSource = () => Promise<ApiAccess>;

export class KindCore<I extends z.ZodObject = z.ZodObject, O extends ApiObject = ApiObject, L extends ListParamsBase = ListParamsBase>
  implements KindContext<I, O, L>
{
  constructor(
    readonly kind: KindWith<I, O, L>,
    private readonly api: ApiSource,
  ) {}

  /** This kind's collection of the client. */
  async endpoint(): Promise<KindEndpoint<I, O, L>> {
    return endpointOf(await this.api(), this.kind);
  }

  /** Validates and normalises inputs, with no API call. */
  check(news: Props): CheckResult {
    return checkInputs(this.kind, news);
  }

  /** Only real changes; replacement only for immutable fields. */
  diff(olds: Props, news: Props): DiffResult {
    return diffInputs(this.kind, olds, news);
  }

  async create(inputs: Props): Promise<CreateResult> {
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

  /** The object as it is now; `props` are the previous outputs (empty for an import). */
  async read(id: string, props: Props): Promise<ReadResult> {
    let object: O | undefined;
    try {
      object = await (await this.endpoint()).read(id);
    } catch (error) {
      throw explainError(error, `reading ${this.kind.noun} ${id}`);
    }
    if (!object) return { id: "", props: {} };
    return { id: object.id, props: stateOf(this.kind, object, props), inputs: withoutUndefined(inputsFromObject(this.kind, object)) };
  }

  /** One minimal `PATCH` of the changed fields (none when nothing changed). */
  async update(id: string, olds: Props, news: Props): Promise<UpdateResult> {
    const changed = changedFields(this.kind, news, olds);
    if (changed.length === 0) return { outs: stateOf(this.kind, { ...olds, id }, news, olds) };
    try {
      const updated = await (await this.endpoint()).update(id, patchBody(this.kind, changed, news));
      return { outs: stateOf(this.kind, updated, news, olds) };
    } catch (error) {
      throw explainError(error, `updating ${this.kind.noun} ${id}`);
    }
  }

  /** Deletes; gone already is done; a `409` says what still uses the object. */
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
