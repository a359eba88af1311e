/**
 * The state of an object: what the engine stores as a resource's outputs.
 * Its configuration as the API holds it, its server fields except the
 * volatile ones, derived outputs, and fingerprints of write-only secrets.
 */
import type { AnyKind, ApiObject } from "../kinds/kind";
import { projectObject } from "../kinds/shape";
import { serverFields } from "./fields";
import { fingerprint, matchesFingerprint } from "./secrets";
import { withoutUndefined } from "./values";

type Props = Record<string, unknown>;

/**
 * The outputs of `object`. A write-only secret keeps the fingerprint of the
 * secret in `inputs`; without one (a refresh), the previous fingerprint stays
 * while the API still holds a secret.
 */
export function stateOf(kind: AnyKind, object: ApiObject, inputs: Props, previousOutputs: Props = inputs): Props {
  const outs: Props = projectObject(kind.inputSchema, object);
  for (const field of serverFields(kind)) if (object[field] !== undefined) outs[field] = object[field];
  for (const field of kind.writeOnly) {
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
  for (const [name, output] of Object.entries(kind.derived ?? {})) outs[name] = output.compute(object);
  return withoutUndefined(outs);
}
