import { ApiError } from "./errors";

/** Every scope the API knows. */
export const ALL_SCOPES = [
  "locations:read", "locations:write",
  "chargers:read", "chargers:write",
  "pricing:read", "pricing:write",
  "teams:read", "teams:write",
  "sessions:read", "sessions:write",
  "admins:read", "admins:write",
] as const;

/** One scope. */
export type Scope = (typeof ALL_SCOPES)[number];

/**
 * Accepted tokens: a map token → scopes (`"*"` stands for every scope), or a list of
 * tokens that each get every scope.
 */
export type TokensOption = Record<string, readonly string[]> | readonly string[];

/** The token accepted when none is configured. */
export const DEFAULT_TOKEN = "dev-token";

/**
 * Normalises the tokens option into token → scope set.
 * @throws Error for an unknown scope name (catches typos early).
 */
export function normalizeTokens(tokens: TokensOption | undefined): Map<string, Set<Scope>> {
  const out = new Map<string, Set<Scope>>();
  if (tokens === undefined) {
    out.set(DEFAULT_TOKEN, new Set(ALL_SCOPES));
    return out;
  }
  const entries: [string, readonly string[]][] = Array.isArray(tokens)
    ? (tokens as readonly string[]).map((t) => [t, ["*"]])
    : Object.entries(tokens as Record<string, readonly string[]>);
  for (const [token, scopes] of entries) {
    if (token === "") throw new Error("A token must not be empty.");
    const set = new Set<Scope>();
    for (const s of scopes) {
      if (s === "*") ALL_SCOPES.forEach((x) => set.add(x));
      else if ((ALL_SCOPES as readonly string[]).includes(s)) set.add(s as Scope);
      else throw new Error(`Unknown scope '${s}'; known scopes: ${ALL_SCOPES.join(", ")}.`);
    }
    out.set(token, set);
  }
  return out;
}

/** Extracts the bearer token from an Authorization header (or `undefined`). */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1] : undefined;
}

/**
 * Checks the token and the scope a route needs. The token itself never appears in a message.
 * @throws ApiError 401 `invalid_token` or 403 `insufficient_scope`.
 */
export function authorize(tokens: Map<string, Set<Scope>>, token: string | undefined, scope: Scope): void {
  const scopes = token === undefined ? undefined : tokens.get(token);
  if (!scopes) throw new ApiError(401, "invalid_token", "Missing or invalid bearer token.");
  if (!scopes.has(scope)) throw new ApiError(403, "insufficient_scope", `Token lacks scope '${scope}'.`);
}
