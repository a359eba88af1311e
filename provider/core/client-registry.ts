import { createHash } from "node:crypto";
import type { EosvoltClient } from "../client";
import { type ConfigGetter, resolveConfig } from "../config";
import type { ApiAccess } from "../client/api-access";

/**
 * One client per provider process, shared by every resource it serves (the
 * engine runs one dynamic-provider process for all of them), so that they share
 * one connection pool and one rate limiter. The client module (undici) loads on
 * the first API call: `check` and `diff`, the engine's first calls, never need it.
 */
const clients = new Map<string, Promise<EosvoltClient>>();

export function sharedClient(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): Promise<EosvoltClient> {
  const config = resolveConfig(get, env);
  const key = [
    config.environment,
    config.baseUrl ?? "",
    createHash("sha256").update(config.token).digest("hex"),
    String(config.rateLimitBudgetSeconds ?? ""),
  ].join("\n");
  let client = clients.get(key);
  if (!client) {
    client = import("../client").then(
      ({ EosvoltClient }) =>
        new EosvoltClient({
          token: config.token,
          environment: config.environment,
          baseUrl: config.baseUrl,
          ...(config.rateLimitBudgetSeconds === undefined ? {} : { rateLimitBudgetMs: config.rateLimitBudgetSeconds * 1000 }),
        }),
    );
    clients.set(key, client);
  }
  return client;
}

/** The client as the generic provider uses it: its kinds' collections and the sessions. */
export function apiAccess(client: EosvoltClient): ApiAccess {
  return client;
}
