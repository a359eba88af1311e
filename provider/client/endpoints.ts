/**
 * Endpoints as data: for each kind of object, its collection path, the loose
 * zod schema its answers are checked with, and the sort key of read-ahead
 * scans. Resource methods in `client.ts` are generated from this table,
 * so adding a kind is a row here plus its types.
 */
import type { z } from "zod";
import {
  ChargerServerSchema,
  LocationServerSchema,
  PricingPlanServerSchema,
  SessionSchema,
  type Charger,
  type ChargerFields,
  type Location,
  type LocationFields,
  type PricingPlan,
  type PricingPlanFields,
  type Session,
} from "../schemas";
import type { ListParamsBase } from "./pagination";

/** Description of one API collection. */
export interface EndpointSpec {
  /** Collection path, e.g. `/v1/chargers`; an object is at `${path}/{id}`. */
  readonly path: string;
  /** Loose schema every returned object must satisfy (unknown fields are kept). */
  readonly schema: z.ZodType<{ id: string }>;
  /** Stable sort key for read-ahead scans. */
  readonly scanSort: string;
}

/** The API's collections. */
export const ENDPOINTS = {
  locations: {
    path: "/v1/locations",
    schema: LocationServerSchema,
    scanSort: "createdAt",
  },
  chargers: {
    path: "/v1/chargers",
    schema: ChargerServerSchema,
    scanSort: "createdAt",
  },
  pricingPlans: {
    path: "/v1/pricing-plans",
    schema: PricingPlanServerSchema,
    scanSort: "createdAt",
  },
  sessions: {
    path: "/v1/sessions",
    schema: SessionSchema,
    scanSort: "startedAt",
  },
} as const satisfies Record<string, EndpointSpec>;

/** A kind of object with full CRUD: `locations`, `chargers`, `pricingPlans`. */
export type CrudKind = "locations" | "chargers" | "pricingPlans";

/** A partial update: fields left out keep their value, `null` clears an optional field. */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

/** List parameters of locations. */
export interface LocationListParams extends ListParamsBase<"name" | "createdAt" | "updatedAt"> {
  name?: string;
  accessType?: Location["accessType"];
  /** ISO 3166-1 alpha-3 country of the address. */
  country?: string;
}

/** List parameters of chargers. */
export interface ChargerListParams extends ListParamsBase<"ocppIdentity" | "name" | "createdAt" | "updatedAt"> {
  locationId?: string;
  ocppIdentity?: string;
  /** Connection status: `NEVER_CONNECTED`, `CONNECTED`, `DISCONNECTED`. */
  status?: string;
  enabled?: boolean;
}

/** List parameters of pricing plans. */
export interface PricingPlanListParams extends ListParamsBase<"name" | "createdAt" | "updatedAt"> {
  name?: string;
  currency?: string;
}

/** List parameters of sessions (`from`/`to` apply to `startedAt`). */
export interface SessionListParams extends ListParamsBase<"startedAt"> {
  status?: "ACTIVE" | "COMPLETED" | (string & {});
  chargerId?: string;
  locationId?: string;
}

/** Types of each CRUD kind: the object, its create body, its patch and its list parameters. */
export interface KindTypes {
  locations: { object: Location; create: LocationFields; patch: Patch<LocationFields>; list: LocationListParams };
  chargers: { object: Charger; create: ChargerFields; patch: Patch<ChargerFields>; list: ChargerListParams };
  pricingPlans: { object: PricingPlan; create: PricingPlanFields; patch: Patch<PricingPlanFields>; list: PricingPlanListParams };
}

/** The session type, re-exported for the sessions API. */
export type { Session };
