/**
 * The plugin's configuration as the engine hands it over: a provider's inputs
 * (`Configure`'s `args`: `token`, `environment`, …, secrets wrapped), the
 * older `variables` map (`eosvolt:config:token`), and nothing else. Read
 * through the same {@link ConfigGetter} keys as the dynamic provider
 * (`eosvolt:token`, …), so `provider/config.ts` applies the same environment
 * fallbacks and raises the same errors.
 */
import type { ConfigGetter } from "../config";
import { PACKAGE } from "./tokens";
import { plainProps } from "./secrets";

/** A config value as text: strings as they are, numbers and booleans printed, anything else ignored. */
function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * The getter of a provider's configuration: its inputs first (`args`, as an
 * explicit `pulumi:providers:eosvolt` or the stack config sets them), then the
 * `variables` map.
 */
export function configGetter(args: unknown, variables: ReadonlyMap<string, string> = new Map()): ConfigGetter {
  const inputs = plainProps(args);
  return (key) => {
    const name = key.startsWith(`${PACKAGE}:`) ? key.slice(PACKAGE.length + 1) : key;
    return text(inputs[name]) ?? variables.get(`${PACKAGE}:config:${name}`);
  };
}

/** The configuration keys a provider has (its schema's `config.variables`). */
export const SETTINGS = ["token", "environment", "baseUrl", "rateLimitBudget"] as const;

/** The settings whose value differs between two provider input maps (secrets compared by value). */
export function changedSettings(olds: unknown, news: unknown): string[] {
  const before = plainProps(olds);
  const after = plainProps(news);
  return SETTINGS.filter((name) => text(before[name]) !== text(after[name]));
}
