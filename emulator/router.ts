import type { Scope } from "./auth";
import type { Handler } from "./resources/context";
import { COLLECTIONS } from "./kinds";
import * as sessions from "./resources/sessions";

/** One API route. */
export interface Route {
  method: string;
  /** Segments; `{name}` captures one segment. */
  segments: string[];
  scope: Scope;
  handler: Handler;
}

/** The route table, `"METHOD /path/{param}"` → scope and handler: five per collection, then sessions. */
const TABLE: [string, Scope, Handler][] = [
  ...COLLECTIONS.flatMap((c): [string, Scope, Handler][] => {
    const h = c.handlers(COLLECTIONS);
    return [
      [`GET ${c.path}`, c.scopes.read, h.list],
      [`POST ${c.path}`, c.scopes.write, h.create],
      [`GET ${c.path}/{id}`, c.scopes.read, h.get],
      [`PATCH ${c.path}/{id}`, c.scopes.write, h.update],
      [`DELETE ${c.path}/{id}`, c.scopes.write, h.remove],
    ];
  }),
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
