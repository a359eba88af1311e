import { createHash } from "node:crypto";
import { EosvoltClient } from "../client";
import { type ConfigGetter, resolveConfig } from "../config";
import type { ApiAccess } from "./kind";

/**
 * One client per provider process, shared by every resource it serves (the
 * engine runs one dynamic-provider process for all of them), so that they share
 * one connection pool and one rate limiter.
 */
const clients = new Map<string, EosvoltClient>();

export function sharedClient(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): EosvoltClient {
  const config = resolveConfig(get, env);
  const key = [config.environment, config.baseUrl ?? "", createHash("sha256").update(config.token).digest("hex")].join("\n");
  let client = clients.get(key);
  if (!client) {
    client = new EosvoltClient({ token: config.token, environment: config.environment, baseUrl: config.baseUrl });
    clients.set(key, client);
  }
  return client;
}

/** The client seen through the narrow interface the generic provider uses. */
export function apiAccess(client: EosvoltClient): ApiAccess {
  return client as unknown as ApiAccess;
}
