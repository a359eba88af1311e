/**
 * Lost-create recovery: a create refused with the kind's duplicate code
 * (`409 duplicate_ocpp_identity`, from the kind description). When this call
 * retried (its first answer was lost and the API did not honour the idempotency
 * key) and the object that exists is exactly what was sent, it is ours: take it.
 * A 409 on the first attempt proves nothing (someone may have made that
 * object): the error says what exists, what differs, and how to adopt it; after
 * an interrupted `pulumi up` the pending create in the state is the proof,
 * which `eosvolt-recover-pending` uses.
 */
import type { z } from "zod";
import type { ListParamsBase } from "../client/pagination";
import type { ApiObject } from "../kinds/kind";
import { findByNaturalKey, type KindContext } from "./adopt";
import { changedFields } from "./diff";
import { errorCode, errorRetries, isConflict } from "./errors";
import { stateOf } from "./outputs";
import type { CreateResult } from "./results";

type Props = Record<string, unknown>;

/** The create result of a recovered object; `undefined` when `error` is not a lost create; throws the explained duplicate. */
export async function recoverLostCreate<I extends z.ZodObject, O extends ApiObject, L extends ListParamsBase>(
  ctx: KindContext<I, O, L>,
  error: unknown,
  inputs: Props,
): Promise<CreateResult | undefined> {
  const { kind } = ctx;
  const key = kind.naturalKey;
  const code = errorCode(error);
  if (!key || !isConflict(error) || code === undefined || code !== kind.conflicts.duplicate) return undefined;
  const existing = await findByNaturalKey(ctx, inputs[key]).catch(() => undefined);
  if (!existing) return undefined;
  const retried = errorRetries(error) > 0;
  const differing = changedFields(kind, inputs, existing).filter((f) => !kind.writeOnly.includes(f));
  if (retried && differing.length === 0) return { id: existing.id, outs: stateOf(kind, existing, inputs) };
  const what =
    differing.length > 0
      ? `and differs from the program in ${differing.join(", ")}`
      : "with the same fields (if an interrupted `pulumi up` created it, run `npx eosvolt-recover-pending` before the next `up`; see SECURITY.md)";
  throw new Error(
    `creating ${kind.noun}: a ${kind.noun} with ${key} "${String(existing[key])}" already exists ` +
      `(id ${existing.id}${existing.locationId ? `, at location ${String(existing.locationId)}` : ""}) ${what}. ` +
      `To manage it with this program, add \`adoptId: "${existing.id}"\` (or \`adoptExisting: true\`) to its arguments` +
      `${differing.length > 0 ? ` (adopting sets ${differing.join(", ")} to the program's values)` : ""}; ` +
      `or choose another ${key}. (API code ${code})`,
  );
}
