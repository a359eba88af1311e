/**
 * Endpoints as data: for each collection its path, the loose zod schema its
 * answers are checked with, and the stable sort key of read-ahead scans. The
 * kinds' rows are derived from their descriptions (`provider/kinds`); the
 * sessions' row is the one collection that is not a resource kind.
 */
import type { z } from "zod";
import { kindList } from "../kinds";
import type { AnyKind } from "../kinds/kind";
import { SessionSchema } from "../schemas/session";
import type { ListParamsBase } from "./pagination";

export type { Patch } from "../kinds/kind";
export type { CrudKind, KindTypes } from "./api-access";
export type { ChargerListParams, LocationListParams, PricingPlanListParams } from "../kinds";
export type { Session } from "../schemas/session";

/** Description of one API collection. */
export interface EndpointSpec {
  /** Collection path, e.g. `/v1/chargers`; an object is at `${path}/{id}`. */
  readonly path: string;
  /** Loose schema every returned object must satisfy (unknown fields are kept). */
  readonly schema: z.ZodType<{ id: string }>;
  /** Stable sort key for read-ahead scans. */
  readonly scanSort: string;
}

/** The collection of a resource kind. */
export function endpointOf(kind: AnyKind): EndpointSpec {
  return { path: kind.path, schema: kind.serverSchema, scanSort: kind.scanSort };
}

/** `/v1/sessions`: charging sessions (operations, not a resource kind). */
export const SESSIONS_ENDPOINT: EndpointSpec = { path: "/v1/sessions", schema: SessionSchema, scanSort: "startedAt" };

/** The API's collections, by client property. */
export const ENDPOINTS: Readonly<Record<string, EndpointSpec>> = {
  ...Object.fromEntries(kindList.map((kind) => [kind.endpoint, endpointOf(kind)])),
  sessions: SESSIONS_ENDPOINT,
};

/** List parameters of sessions (`from`/`to` apply to `startedAt`). */
export interface SessionListParams extends ListParamsBase<"startedAt"> {
  status?: "ACTIVE" | "COMPLETED" | (string & {});
  chargerId?: string;
  locationId?: string;
}
