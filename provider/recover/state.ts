/**
 * The parts of `pulumi stack export` that recovery reads and writes: pending
 * creates, and the deployment with the recovered ones recorded as created.
 */
import { kinds, type KindName } from "../kinds";

/** A resource as the exported state holds it. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An operation the engine started and never saw finish. */
export interface PendingOperation {
  type: string;
  resource: StateResource;
  [key: string]: unknown;
}

/** `deployment` of `pulumi stack export`. */
export interface Deployment {
  resources?: StateResource[];
  pending_operations?: PendingOperation[];
  [key: string]: unknown;
}

const TYPE = /^pulumi-nodejs:dynamic\/eosvolt:(\w+)$/;

/** The EOSVOLT kind of a resource type token, or undefined for any other type. */
export function kindOfType(type: string) {
  const name = TYPE.exec(type)?.[1];
  return name !== undefined && Object.prototype.hasOwnProperty.call(kinds, name) ? kinds[name as KindName] : undefined;
}

/** The pending creates of the state. */
export function pendingCreates(deployment: Deployment): PendingOperation[] {
  return (deployment.pending_operations ?? []).filter((op) => op.type === "creating");
}

/**
 * The deployment with each pending create that has an id in `ids` recorded as a
 * created resource (its inputs as outputs, write-only fields left out), and
 * every pending create of `pending` dropped.
 */
export function recordRecovered(deployment: Deployment, pending: PendingOperation[], ids: ReadonlyMap<string, string>): Deployment {
  const resources = [...(deployment.resources ?? [])];
  for (const op of pending) {
    const id = ids.get(op.resource.urn);
    const kind = kindOfType(op.resource.type);
    if (!id || !kind) continue;
    const outputs = { ...op.resource.inputs };
    for (const field of kind.writeOnly) delete outputs[field];
    resources.push({ ...op.resource, id, outputs });
  }
  const touched = new Set(pending.map((op) => op.resource.urn));
  const others = (deployment.pending_operations ?? []).filter((op) => !(op.type === "creating" && touched.has(op.resource.urn)));
  return { ...deployment, resources, pending_operations: others.length ? others : undefined };
}
