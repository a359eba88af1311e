import type { z } from "zod";
import { parseOrThrow } from "./common";
import { checkWritable } from "./patch";
import { CHARGER_READONLY, chargerInput } from "./charger";
import { LOCATION_READONLY, locationInput } from "./location";
import { PRICING_PLAN_READONLY, pricingPlanInput } from "./pricing-plan";
import { TEAM_READONLY, teamInput } from "./team";
import { ADMIN_READONLY, adminInput } from "./admin";

/**
 * Validates a create body the way `POST` does before any reference or
 * uniqueness check: no server-set field, then the kind's schema. The
 * resource handlers and the differential tests of `check` share it.
 * @throws ApiError 400 `invalid_parameter`.
 */
export function parseCreateBody<S extends z.ZodType>(schema: S, readonly: readonly string[], body: Record<string, unknown>): z.output<S> {
  for (const key of Object.keys(body)) checkWritable(key, { readonly });
  return parseOrThrow(schema, body);
}

/** `POST /v1/locations` body rules. */
export const parseLocationBody = (body: Record<string, unknown>) => parseCreateBody(locationInput, LOCATION_READONLY, body);
/** `POST /v1/chargers` body rules (the location and plans must still exist). */
export const parseChargerBody = (body: Record<string, unknown>) => parseCreateBody(chargerInput, CHARGER_READONLY, body);
/** `POST /v1/pricing-plans` body rules. */
export const parsePricingPlanBody = (body: Record<string, unknown>) => parseCreateBody(pricingPlanInput, PRICING_PLAN_READONLY, body);
/** `POST /v1/teams` body rules (the name must still be unique). */
export const parseTeamBody = (body: Record<string, unknown>) => parseCreateBody(teamInput, TEAM_READONLY, body);
/** `POST /v1/admins` body rules (the email must still be unique). */
export const parseAdminBody = (body: Record<string, unknown>) => parseCreateBody(adminInput, ADMIN_READONLY, body);
