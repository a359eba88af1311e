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
} as const;

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value.trim() : undefined;
}

function isEnvironment(value: string): value is Environment {
  return Object.prototype.hasOwnProperty.call(ENVIRONMENTS, value);
}

/** Stack config first (`eosvolt:token`, `eosvolt:environment`, `eosvolt:baseUrl`), then `EOSVOLT_*` variables. */
export function resolveConfig(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const read = (setting: keyof typeof CONFIG_KEYS) => nonEmpty(get(CONFIG_KEYS[setting].key)) ?? nonEmpty(env[CONFIG_KEYS[setting].env]);
  const token = read("token");
  if (!token) {
    throw new ConfigurationError(
      "No EOSVOLT API token. Set one with `pulumi config set --secret eosvolt:token <token>` " +
        "or the EOSVOLT_TOKEN environment variable.",
    );
  }
  const environment = read("environment") ?? "production";
  if (!isEnvironment(environment)) {
    throw new ConfigurationError(`eosvolt:environment must be "production" or "staging", not "${environment}".`);
  }
  return { token, environment, baseUrl: read("baseUrl") };
}
