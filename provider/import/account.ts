import type { ApiAccess } from "../client/api-access";
import { endpointOf } from "../core/endpoint";
import { isKindName, kindsInDependencyOrder, kinds, type KindName } from "../kinds";
import type { AnyKind, ApiObject } from "../kinds/kind";
import { referencesOf } from "../kinds/shape";

/** The objects of an account (or a part of it) that a generated program adopts, by collection (`chargers`, …). */
export type Account = Record<string, ApiObject[]>;

export interface AccountSelection {
  /** Only these locations, with the objects at them (chargers) and the objects they reference (plans, teams). */
  locations?: string[];
  /** Only these pricing plans (plus those the selected locations reference). */
  pricingPlans?: string[];
}

type Progress = (line: string) => void;

async function all(iterable: AsyncIterable<ApiObject>): Promise<ApiObject[]> {
  const out: ApiObject[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The ids an object references, by kind (its schema's `objectId(kind)` fields, at any depth). */
function referencedIds(kind: AnyKind, object: ApiObject): Array<[KindName, string]> {
  const out: Array<[KindName, string]> = [];
  const references = referencesOf(kind.inputSchema);
  const visit = (value: unknown, field?: string): void => {
    const target = field === undefined ? undefined : references[field];
    if (target !== undefined && isKindName(target)) {
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "string") out.push([target, id]);
      return;
    }
    if (Array.isArray(value)) value.forEach((item) => visit(item));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(object);
  return out;
}

/** The objects of `kind` in the account. */
export function objectsOf(account: Account, kind: AnyKind): ApiObject[] {
  return account[kind.endpoint] ?? [];
}

/**
 * Reads the account through the list endpoints (pages of 100, under the
 * client's rate limiter). With a selection, reads those locations with the
 * objects at them and every object they reference, so references resolve.
 */
export async function readAccount(client: ApiAccess, selection: AccountSelection = {}, progress: Progress = () => {}): Promise<Account> {
  const whole = !selection.locations?.length && !selection.pricingPlans?.length;
  const order: AnyKind[] = kindsInDependencyOrder();
  const account: Account = Object.fromEntries(order.map((kind) => [kind.endpoint, []]));
  if (whole) {
    for (const kind of order) account[kind.endpoint] = await all(endpointOf(client, kind).list({ sort: "createdAt" }));
  } else {
    const seen = new Set<string>();
    const add = (kind: AnyKind, object: ApiObject): void => {
      if (seen.has(`${kind.type}:${object.id}`)) return;
      seen.add(`${kind.type}:${object.id}`);
      objectsOf(account, kind).push(object);
    };
    const fetch = async (name: KindName, id: string): Promise<void> => {
      const kind: AnyKind = kinds[name];
      if (!seen.has(`${name}:${id}`)) add(kind, await endpointOf(client, kind).get(id));
    };
    for (const id of selection.pricingPlans ?? []) await fetch("PricingPlan", id);
    for (const id of selection.locations ?? []) {
      await fetch("Location", id);
      for (const kind of order) {
        for (const [field, target] of Object.entries(referencesOf(kind.inputSchema))) {
          if (target !== "Location") continue;
          for (const object of await all(endpointOf(client, kind).list({ [field]: id, sort: "createdAt" }))) add(kind, object);
        }
      }
      progress(`read location ${id} and the objects at it`);
    }
    // Everything the selected objects reference, until nothing new is referenced.
    for (let before = -1; seen.size !== before; ) {
      before = seen.size;
      for (const kind of order) {
        for (const object of [...objectsOf(account, kind)]) {
          for (const [target, id] of referencedIds(kind, object)) await fetch(target, id);
        }
      }
    }
  }
  const counts = order.filter((kind) => objectsOf(account, kind).length > 0).map((kind) => `${objectsOf(account, kind).length} ${kind.noun}s`);
  progress(`read ${counts.length ? counts.join(", ") : "nothing"}`);
  return account;
}


