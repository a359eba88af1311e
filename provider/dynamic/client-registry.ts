import { createHash } from "node:crypto";
import type { EosvoltClient, ReadBatchingOptions } from "../client";
import { type ConfigGetter, resolveConfig } from "../config";
import type { ApiAccess } from "../client/api-access";

/**
 * One client per provider process, shared by every resource it serves (the
 * engine runs one dynamic-provider process for all of them), so that they share
 * one connection pool and one rate limiter. The client module (undici) loads on
 * the first API call: `check` and `diff`, the engine's first calls, never need it.
 *
 * `eosvolt:naive` (stack config) or `EOSVOLT_NAIVE=1` turns the client into the
 * naive baseline of `npm run bench`: no rate limiter (every call sent at once,
 * 429s retried after `Retry-After`) and no batched reads (one `GET` per read).
 * For measurements only.
 */
const clients = new Map<string, Promise<EosvoltClient>>();

/** Read batching of the naive baseline: each read is its own plain `GET`, nothing cached. */
export const NAIVE_READS: ReadBatchingOptions = { maxBatch: 1, scanTrigger: false, ttlMs: 0 };

/** Whether the naive baseline is asked for (config `eosvolt:naive`, else `EOSVOLT_NAIVE`). */
export function naiveMode(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (get("eosvolt:naive") ?? env.EOSVOLT_NAIVE ?? "").trim().toLowerCase();
  return value === "1" || value === "true";
}

export function sharedClient(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): Promise<EosvoltClient> {
  const config = resolveConfig(get, env);
  const naive = naiveMode(get, env);
  const key = [config.environment, config.baseUrl ?? "", createHash("sha256").update(config.token).digest("hex"), naive ? "naive" : ""].join("\n");
  let client = clients.get(key);
  if (!client) {
    client = import("../client").then(
      ({ EosvoltClient }) =>
        new EosvoltClient({
          token: config.token,
          environment: config.environment,
          baseUrl: config.baseUrl,
          ...(naive ? { rateLimit: false as const, readBatching: NAIVE_READS } : {}),
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
