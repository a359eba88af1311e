/**
 * Provider configuration: where the EOSVOLT API is and which token to use.
 * Read from stack config with environment variables as fallbacks, by the
 * dynamic provider's `configure()`, `eosvolt-import` and
 * `eosvolt-recover-pending` alike. Never stored in state.
 *
 * This is the one place that maps config keys and `EOSVOLT_*` variables to
 * {@link ClientOptions}; the client's own checks ({@link resolveOptions}: base
 * URL, HTTPS, token) then apply to the result, with the same error class
 * ({@link EosvoltConfigError}) and the same {@link Environment} type.
 */
import { EosvoltConfigError } from "./client/errors";
import { ENVIRONMENTS, type ClientOptions, type Environment } from "./client/options";

export type { Environment };

/** The configuration of a provider: the part of {@link ClientOptions} stack config sets. */
export interface ProviderConfig extends Pick<ClientOptions, "token" | "baseUrl"> {
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

/**
 * Raised when the configuration cannot work; the message says how to fix it.
 * The client's {@link EosvoltConfigError}, under the name this module always exported.
 */
export const ConfigurationError = EosvoltConfigError;
/** @see {@link ConfigurationError} */
export type ConfigurationError = EosvoltConfigError;

/** The config keys and the environment variables behind them, in that order of precedence. */
export const CONFIG_KEYS = {
  token: { key: "eosvolt:token", env: "EOSVOLT_TOKEN" },
  environment: { key: "eosvolt:environment", env: "EOSVOLT_ENVIRONMENT" },
  baseUrl: { key: "eosvolt:baseUrl", env: "EOSVOLT_BASE_URL" },
  rateLimitBudget: { key: "eosvolt:rateLimitBudget", env: "EOSVOLT_RATE_LIMIT_BUDGET" },
} as const;

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value.trim() : undefined;
}

function isEnvironment(value: string): value is Environment {
  return Object.prototype.hasOwnProperty.call(ENVIRONMENTS, value);
}

/** Reads a positive number of seconds, naming the key (and variable) when it is not one. */
function seconds(setting: (typeof CONFIG_KEYS)[keyof typeof CONFIG_KEYS], text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) {
    throw new ConfigurationError(`${setting.key} (or ${setting.env}) must be a positive number of seconds, such as 600, not "${text}".`);
  }
  return value;
}

/**
 * Stack config first (`eosvolt:token`, `eosvolt:environment`, `eosvolt:baseUrl`,
 * `eosvolt:rateLimitBudget`), then `EOSVOLT_*` variables.
 */
export function resolveConfig(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const read = (setting: keyof typeof CONFIG_KEYS) => nonEmpty(get(CONFIG_KEYS[setting].key)) ?? nonEmpty(env[CONFIG_KEYS[setting].env]);
  const token = read("token");
  if (!token) {
    throw new ConfigurationError(
      "No EOSVOLT API token. Set one with `pulumi config set --secret eosvolt:token <token>` " +
        "or the EOSVOLT_TOKEN environment variable.",
    );
  }
  const environment = environmentOf(read("environment"));
  const rateLimitBudgetSeconds = seconds(CONFIG_KEYS.rateLimitBudget, read("rateLimitBudget"));
  return { token, environment, baseUrl: read("baseUrl"), rateLimitBudgetSeconds };
}

function environmentOf(text: string | undefined): Environment {
  const environment = text ?? "production";
  if (!isEnvironment(environment)) {
    throw new ConfigurationError(`eosvolt:environment must be "production" or "staging", not "${environment}".`);
  }
  return environment;
}

/** A setting whose value cannot work, with the same message {@link resolveConfig} raises. */
export interface SettingProblem {
  setting: keyof typeof CONFIG_KEYS;
  message: string;
}

/**
 * The settings that are set and cannot work (`eosvolt:environment`,
 * `eosvolt:rateLimitBudget`), each with the message {@link resolveConfig}
 * would raise. A missing token is not one: the environment may supply it when
 * the first API call needs it, which then raises the same error as ever.
 */
export function settingProblems(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): SettingProblem[] {
  const read = (setting: keyof typeof CONFIG_KEYS) => nonEmpty(get(CONFIG_KEYS[setting].key)) ?? nonEmpty(env[CONFIG_KEYS[setting].env]);
  const problems: SettingProblem[] = [];
  const attempt = (setting: keyof typeof CONFIG_KEYS, check: () => unknown) => {
    try {
      check();
    } catch (error) {
      problems.push({ setting, message: error instanceof Error ? error.message : String(error) });
    }
  };
  attempt("environment", () => environmentOf(read("environment")));
  attempt("rateLimitBudget", () => seconds(CONFIG_KEYS.rateLimitBudget, read("rateLimitBudget")));
  return problems;
}

/** The client options of a configuration (token, environment, base URL, 429 budget), for the CLIs that read the API. */
export function clientOptionsOf(config: ProviderConfig): ClientOptions {
  return {
    token: config.token,
    environment: config.environment,
    baseUrl: config.baseUrl,
    ...(config.rateLimitBudgetSeconds === undefined ? {} : { rateLimitBudgetMs: config.rateLimitBudgetSeconds * 1000 }),
  };
}
