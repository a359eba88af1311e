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
  /**
   * How long one API call may keep waiting on `429 Too Many Requests`, in seconds
   * (`eosvolt:rateLimitBudget`, else `EOSVOLT_RATE_LIMIT_BUDGET`). Unset: the client's
   * default, 600 s. The token's rate limit is shared by every process using it, so
   * parallel jobs on one token wait for each other rather than fail.
   */
  rateLimitBudgetSeconds?: number;
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

/** Reads a positive number of seconds, naming the key (and variable) when it is not one. */
function seconds(key: string, variable: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) {
    throw new ConfigurationError(
      `${key} (or ${variable}) must be a positive number of seconds, such as 600, not "${text}".`,
    );
  }
  return value;
}

/**
 * Stack config first (`eosvolt:token`, `eosvolt:environment`, `eosvolt:baseUrl`,
 * `eosvolt:rateLimitBudget`), then `EOSVOLT_*` variables.
 */
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
  const rateLimitBudgetSeconds = seconds(
    "eosvolt:rateLimitBudget",
    "EOSVOLT_RATE_LIMIT_BUDGET",
    nonEmpty(get("eosvolt:rateLimitBudget")) ?? nonEmpty(env.EOSVOLT_RATE_LIMIT_BUDGET),
  );
  return { token, environment: environment as Environment, baseUrl, rateLimitBudgetSeconds };
}
