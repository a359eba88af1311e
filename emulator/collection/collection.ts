import type { Scope } from "../auth";
import { conflict, invalidParameter, notFound } from "../errors";
import { listReply } from "../list";
import type { Store } from "../store";
import { parseOrThrow } from "../validation/common";
import { checkImmutable, mergePatch } from "../validation/patch";
import { ok, type Handler } from "../resources/context";
import type { CollectionName, Holder, KindDescription, StoredObject } from "./kind";

/** A kind's collection with its type parameters hidden: what the router and the state dump use. */
export interface Collection {
  noun: string;
  path: string;
  name: CollectionName;
  scopes: { read: Scope; write: Scope };
  /** `GET`, `POST` on the path; `GET`, `PATCH`, `DELETE` on `path/{id}`. */
  handlers(peers: readonly Collection[]): { list: Handler; get: Handler; create: Handler; update: Handler; remove: Handler };
  /** Objects of this kind that reference `id` of collection `to`. */
  holdersOf(store: Store, to: CollectionName, id: string): Holder[];
  /** Every object as the API renders it. */
  renderAll(store: Store): Record<string, unknown>[];
  /** One object as the API renders it. @throws ApiError 404 when there is none. */
  renderOne(store: Store, id: string): Record<string, unknown>;
}

/**
 * The one generic collection: list, read, create, update and delete of a kind,
 * driven by its {@link KindDescription}. Order of a create's checks: body rules,
 * references (`400`), unique keys (`409`); of an update's: server-set and required
 * fields, the merged body's rules, immutable fields, references, unique keys.
 */
export function defineCollection<P extends Record<string, unknown>, R extends StoredObject<P>>(d: KindDescription<P, R>): Collection {
  const records = d.records;
  const find = (store: Store, id: string): R => {
    const r = records(store).get(id);
    if (!r) throw notFound(d.noun, id);
    return r;
  };
  const checkReferences = (store: Store, peers: readonly Collection[], input: P, id: string) => {
    for (const ref of d.references?.(input, id) ?? []) {
      if (!store[ref.to].has(ref.id)) {
        const noun = peers.find((c) => c.name === ref.to)?.noun.toLowerCase() ?? ref.to;
        throw invalidParameter(ref.field, `Field '${ref.field}': ${noun} '${ref.id}' does not exist.`);
      }
    }
  };
  const checkUnique = (store: Store, input: P, self?: string) => {
    for (const u of d.unique ?? []) {
      const key = u.key(input);
      for (const other of records(store).values()) {
        if (other.id !== self && u.key(other.input) === key) throw conflict(u.code, u.message(input, other.id), u.field);
      }
    }
  };
  const touch = (store: Store) => store.changed();

  return {
    noun: d.noun,
    path: d.path,
    name: d.collection,
    scopes: d.scopes,
    handlers: (peers) => ({
      list: ({ store, query }) => listReply(records(store).values(), query, d.list, (r) => d.render(store, r)),
      get: ({ store, params }) => ok(d.render(store, find(store, params.id))),
      create: ({ store, body }) => {
        const input = d.parseCreate(body);
        checkReferences(store, peers, input, "");
        checkUnique(store, input);
        const r = d.create(store.newMeta(d.newId(store)), input, store);
        records(store).set(r.id, r);
        d.afterCreate?.(store, r);
        touch(store);
        return ok(d.render(store, r), 201);
      },
      update: ({ store, params, body }) => {
        const r = find(store, params.id);
        const merged = mergePatch(r.input, body, d);
        const input = parseOrThrow(d.schema, merged);
        checkImmutable(r.input, input, body, d.immutable ?? []);
        checkReferences(store, peers, input, r.id);
        checkUnique(store, input, r.id);
        if (d.update) d.update(r, input, body);
        else r.input = input;
        r.updatedAt = new Date().toISOString();
        touch(store);
        return ok(d.render(store, r));
      },
      remove: ({ store, params, caller }) => {
        const r = find(store, params.id);
        if (d.inUse) {
          const holders = peers.flatMap((c) => c.holdersOf(store, d.collection, r.id));
          if (holders.length > 0) throw conflict(d.inUse.code, d.inUse.message(r.id, holders));
        }
        const blocked = d.deleteBlocker?.(store, r, caller);
        if (blocked) throw blocked;
        records(store).delete(r.id);
        touch(store);
        return { status: 204 };
      },
    }),
    holdersOf: (store, to, id) =>
      [...records(store).values()].flatMap((r) =>
        (d.references?.(r.input, r.id) ?? [])
          .filter((ref) => ref.to === to && ref.id === id)
          .map((ref) => ({ label: ref.holder ?? `${d.noun.toLowerCase()} '${r.id}'`, field: ref.field })),
      ),
    renderAll: (store) => [...records(store).values()].map((r) => d.render(store, r)),
    renderOne: (store, id) => d.render(store, find(store, id)),
  };
}
