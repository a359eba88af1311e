import type * as pulumi from "@pulumi/pulumi";
import { randomUUID } from "node:crypto";
import type { ConfigGetter } from "../config";
import { checkInputs } from "./check";
import { apiAccess, sharedClient } from "./client-registry";
import { changedFields, diffInputs, patchBody } from "./diff";
import { explainError, isConflict, isNotFound } from "./errors";
import { inputFields, inputsFromObject, serverFields } from "./fields";
import { project } from "./project";
import type { ApiAccess, ApiObject, ResourceKind } from "./kind";
import { fingerprint, matchesFingerprint } from "./secrets";
import { withoutUndefined } from "./values";

type Props = Record<string, unknown>;

/**
 * The one generic dynamic provider. Each kind (`kinds/*.ts`) only says what
 * differs; this class does check, diff, create (or adopt), read, update and
 * delete the same way for all of them.
 */
export class GenericProvider implements pulumi.dynamic.ResourceProvider {
  private getConfig: ConfigGetter = () => undefined;
  private apiOverride?: ApiAccess;

  constructor(readonly kind: ResourceKind) {}

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
    return this.apiOverride ?? apiAccess(await sharedClient(this.getConfig));
  }

  private async endpoint() {
    return (await this.api())[this.kind.endpoint];
  }

  async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return checkInputs(this.kind, news);
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces } = diffInputs(this.kind, olds, news);
    return { changes, replaces, deleteBeforeReplace: false };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const kind = this.kind;
    const adopted = await this.findToAdopt(inputs);
    if (adopted) return this.adopt(adopted, inputs);
    const body = this.body(inputs);
    try {
      const created = await (await this.endpoint()).create(body, { idempotencyKey: randomUUID() });
      return { id: created.id, outs: this.outputs(created, inputs) };
    } catch (error) {
      const recovered = await this.recoverLostCreate(error, inputs);
      if (recovered) return recovered;
      throw explainError(error, `creating ${kind.noun}`);
    }
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    let object: ApiObject | undefined;
    try {
      object = await (await this.endpoint()).read(id);
    } catch (error) {
      throw explainError(error, `reading ${this.kind.noun} ${id}`);
    }
    if (!object) return { id: "", props: {} };
    const outs = this.outputs(object, props);
    return { id: object.id, props: outs, inputs: withoutUndefined(inputsFromObject(this.kind, object)) };
  }

  async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const changed = changedFields(this.kind, news, olds);
    if (changed.length === 0) return { outs: this.outputs(olds as ApiObject, news, olds) };
    try {
      const updated = await (await this.endpoint()).update(id, patchBody(this.kind, changed, news));
      return { outs: this.outputs(updated, news, olds) };
    } catch (error) {
      throw explainError(error, `updating ${this.kind.noun} ${id}`);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await (await this.endpoint()).delete(id);
    } catch (error) {
      if (isNotFound(error)) return;
      if (isConflict(error) && this.kind.describeUsers) {
        const users = await this.kind.describeUsers(id, await this.api()).catch(() => undefined);
        throw explainError(error, `deleting ${this.kind.noun} ${id}`, users);
      }
      throw explainError(error, `deleting ${this.kind.noun} ${id}`);
    }
  }

  /** The API body: the kind's fields only, never the provider's own. */
  private body(inputs: Props): Props {
    const body: Props = {};
    for (const field of inputFields(this.kind)) if (inputs[field] !== undefined) body[field] = inputs[field];
    return body;
  }

  /**
   * Outputs: the object's configuration (as the API holds it), its server fields
   * except the volatile ones, derived fields, and fingerprints of write-only secrets.
   */
  private outputs(object: ApiObject, inputs: Props, previousOutputs: Props = inputs): Props {
    const outs: Props = { ...(project(this.kind.inputSchema, object) as Props) };
    for (const field of serverFields(this.kind)) if (object[field] !== undefined) outs[field] = object[field];
    for (const field of this.kind.writeOnly) {
      const secret = inputs[field];
      const previous = previousOutputs[`${field}Fingerprint`];
      if (typeof secret === "string") {
        outs[`${field}Fingerprint`] = matchesFingerprint(secret, previous) ? previous : fingerprint(secret);
      } else if (typeof previous === "string" && object[`${field}Set`] !== false) {
        // A refresh keeps the fingerprint while the API still holds a secret; when someone
        // cleared it by hand, the fingerprint goes and the next diff restores the secret.
        outs[`${field}Fingerprint`] = previous;
      }
    }
    for (const [name, compute] of Object.entries(this.kind.derived ?? {})) outs[name] = compute(object);
    return withoutUndefined(outs);
  }

  private async findToAdopt(inputs: Props): Promise<ApiObject | undefined> {
    const { kind } = this;
    if (typeof inputs.adoptId === "string") {
      try {
        return await (await this.endpoint()).get(inputs.adoptId);
      } catch (error) {
        if (isNotFound(error)) {
          throw new Error(
            `adoptId "${inputs.adoptId}": no ${kind.noun} with this id exists in the account ` +
              `(the API answered 404 not_found). Check the id, or remove adoptId to create a new ${kind.noun}.`,
          );
        }
        throw explainError(error, `adopting ${kind.noun} ${inputs.adoptId}`);
      }
    }
    if (inputs.adoptExisting === true && kind.naturalKey) {
      return this.findByNaturalKey(inputs[kind.naturalKey]);
    }
    return undefined;
  }

  private async findByNaturalKey(value: unknown): Promise<ApiObject | undefined> {
    const key = this.kind.naturalKey;
    if (!key || typeof value !== "string") return undefined;
    for await (const object of (await this.endpoint()).list({ [key]: value, limit: 1 })) {
      if (String(object[key]).toUpperCase() === value.toUpperCase()) return object;
    }
    return undefined;
  }

  /** Takes over an existing object: at most one PATCH with the fields where the program differs. */
  private async adopt(existing: ApiObject, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const changed = changedFields(this.kind, inputs, existing);
    const immutable = changed.filter((f) => this.kind.replaceOnChanges.includes(f));
    if (immutable.length > 0) {
      throw new Error(
        `cannot adopt ${this.kind.noun} ${existing.id}: ${immutable.join(", ")} differ(s) from the program and cannot be changed ` +
          `(the API refuses to change ${immutable.join(", ")}). Align the program with the existing value.`,
      );
    }
    if (changed.length === 0) return { id: existing.id, outs: this.outputs(existing, inputs) };
    try {
      const updated = await (await this.endpoint()).update(existing.id, patchBody(this.kind, changed, inputs));
      return { id: updated.id, outs: this.outputs(updated, inputs) };
    } catch (error) {
      throw explainError(error, `adopting ${this.kind.noun} ${existing.id}`);
    }
  }

  /**
   * A create refused as a duplicate of its natural key (`409 duplicate_ocpp_identity`).
   * When this call retried (its first answer was lost and the API did not honour the
   * idempotency key) and the object that exists is exactly what was sent, it is ours:
   * take it. A 409 on the first attempt proves nothing (someone may have made that
   * object): the error says what exists, what differs, and how to adopt it; after an
   * interrupted `pulumi up` the pending create in the state is the proof, which
   * `eosvolt-recover-pending` uses.
   */
  private async recoverLostCreate(error: unknown, inputs: Props): Promise<pulumi.dynamic.CreateResult | undefined> {
    const { kind } = this;
    if (!kind.naturalKey || !isConflict(error)) return undefined;
    const code = (error as { code?: string }).code;
    if (code !== `duplicate_${snake(kind.naturalKey)}`) return undefined;
    const existing = await this.findByNaturalKey(inputs[kind.naturalKey]).catch(() => undefined);
    if (!existing) return undefined;
    const retried = ((error as { retries?: number }).retries ?? 0) > 0;
    const differing = changedFields(kind, inputs, existing).filter((f) => !kind.writeOnly.includes(f));
    if (retried && differing.length === 0) return { id: existing.id, outs: this.outputs(existing, inputs) };
    const what =
      differing.length > 0
        ? `and differs from the program in ${differing.join(", ")}`
        : "with the same fields (if an interrupted `pulumi up` created it, run `npx eosvolt-recover-pending` before the next `up`; see SECURITY.md)";
    throw new Error(
      `creating ${kind.noun}: a ${kind.noun} with ${kind.naturalKey} "${existing[kind.naturalKey]}" already exists ` +
        `(id ${existing.id}${existing.locationId ? `, at location ${existing.locationId}` : ""}) ${what}. ` +
        `To manage it with this program, add \`adoptId: "${existing.id}"\` (or \`adoptExisting: true\`) to its arguments` +
        `${differing.length > 0 ? ` (adopting sets ${differing.join(", ")} to the program's values)` : ""}; ` +
        `or choose another ${kind.naturalKey}. (API code ${code})`,
    );
  }
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
