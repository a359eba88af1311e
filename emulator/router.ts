import type { Scope } from "./auth";
import type { Handler } from "./resources/context";
import * as locations from "./resources/locations";
import * as chargers from "./resources/chargers";
import * as plans from "./resources/pricing-plans";
import * as sessions from "./resources/sessions";
import * as teams from "./resources/teams";

/** One API route. */
export interface Route {
  method: string;
  /** Segments; `{name}` captures one segment. */
  segments: string[];
  scope: Scope;
  handler: Handler;
}

/** The route table, `"METHOD /path/{param}"` → scope and handler. */
const TABLE: [string, Scope, Handler][] = [
  ["GET /v1/locations", "locations:read", locations.listLocations],
  ["POST /v1/locations", "locations:write", locations.createLocation],
  ["GET /v1/locations/{id}", "locations:read", locations.getLocation],
  ["PATCH /v1/locations/{id}", "locations:write", locations.updateLocation],
  ["DELETE /v1/locations/{id}", "locations:write", locations.deleteLocation],
  ["GET /v1/chargers", "chargers:read", chargers.listChargers],
  ["POST /v1/chargers", "chargers:write", chargers.createCharger],
  ["GET /v1/chargers/{id}", "chargers:read", chargers.getCharger],
  ["PATCH /v1/chargers/{id}", "chargers:write", chargers.updateCharger],
  ["DELETE /v1/chargers/{id}", "chargers:write", chargers.deleteCharger],
  ["GET /v1/pricing-plans", "pricing:read", plans.listPricingPlans],
  ["POST /v1/pricing-plans", "pricing:write", plans.createPricingPlan],
  ["GET /v1/pricing-plans/{id}", "pricing:read", plans.getPricingPlan],
  ["PATCH /v1/pricing-plans/{id}", "pricing:write", plans.updatePricingPlan],
  ["DELETE /v1/pricing-plans/{id}", "pricing:write", plans.deletePricingPlan],
  ["GET /v1/teams", "teams:read", teams.listTeams],
  ["POST /v1/teams", "teams:write", teams.createTeam],
  ["GET /v1/teams/{id}", "teams:read", teams.getTeam],
  ["PATCH /v1/teams/{id}", "teams:write", teams.updateTeam],
  ["DELETE /v1/teams/{id}", "teams:write", teams.deleteTeam],
  ["GET /v1/sessions", "sessions:read", sessions.listSessions],
  ["POST /v1/sessions/start", "sessions:write", sessions.startSession],
  ["GET /v1/sessions/{id}", "sessions:read", sessions.getSession],
  ["POST /v1/sessions/{id}/stop", "sessions:write", sessions.stopSession],
];

/** Every route, parsed once. */
export const ROUTES: Route[] = TABLE.map(([spec, scope, handler]) => {
  const [method, path] = spec.split(" ");
  return { method, segments: path.split("/").filter(Boolean), scope, handler };
});

/** A matched route with its path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a method and path (literal segments win over `{param}`). */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  let parts: string[];
  try {
    parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  let best: RouteMatch | undefined;
  let bestLiterals = -1;
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const ok = route.segments.every((seg, i) => {
      if (seg.startsWith("{")) {
        params[seg.slice(1, -1)] = parts[i];
        return true;
      }
      literals++;
      return seg === parts[i];
    });
    if (ok && literals > bestLiterals) {
      best = { route, params };
      bestLiterals = literals;
    }
  }
  return best;
}
