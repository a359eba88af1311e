/**
 * Provider configuration: where the EOSVOLT API is and which token to use.
 * Read in the dynamic provider's `configure()` from stack config, with
 * environment variables as fallbacks. Never stored in state.
 */

/** The deployment of the EOSVOLT API to talk to. */
export type Environment = "production" | "staging";

export interface ProviderConfig {
  /** API token (secret). */
  token: string;
  /** `production` (default) or `staging`. */
  environment: Environment;
  /** Overrides the environment's URL, e.g. the local emulator `http://127.0.0.1:8787`. */
  baseUrl?: string;
}

/** Reads one stack config key such as `eosvolt:token`. */
export type ConfigGetter = (key: string) => string | undefined;

/** Raised when the configuration cannot work; the message says how to fix it. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

const ENVIRONMENTS: readonly Environment[] = ["production", "staging"];

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value.trim() : undefined;
}

/** Stack config first (`eosvolt:token`, `eosvolt:environment`, `eosvolt:baseUrl`), then `EOSVOLT_*` variables. */
export function resolveConfig(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const token = nonEmpty(get("eosvolt:token")) ?? nonEmpty(env.EOSVOLT_TOKEN);
  if (!token) {
    throw new ConfigurationError(
      "No EOSVOLT API token. Set one with `pulumi config set --secret eosvolt:token <token>` " +
        "or the EOSVOLT_TOKEN environment variable.",
    );
  }
  const environment = nonEmpty(get("eosvolt:environment")) ?? nonEmpty(env.EOSVOLT_ENVIRONMENT) ?? "production";
  if (!ENVIRONMENTS.includes(environment as Environment)) {
    throw new ConfigurationError(`eosvolt:environment must be "production" or "staging", not "${environment}".`);
  }
  const baseUrl = nonEmpty(get("eosvolt:baseUrl")) ?? nonEmpty(env.EOSVOLT_BASE_URL);
  return { token, environment: environment as Environment, baseUrl };
}
