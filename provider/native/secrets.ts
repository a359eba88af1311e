/**
 * Values as the engine marshals them to a plugin: a secret is an object
 * `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value }`.
 * The plugin tells the engine it does not accept secrets (`configure`), so
 * resource calls carry plain values and the engine keeps their secretness
 * itself; config calls (`Configure`, `CheckConfig`, `DiffConfig`) still carry
 * them wrapped, and unwrapping everything that arrives keeps both safe.
 */

/** The key that marks a special value (secret, asset, resource reference). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The signature of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Whether a value is a wrapped secret. */
export function isWrappedSecret(value: unknown): value is { value: unknown } {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Reflect.get(value, SIG_KEY) === SECRET_SIG;
}

/** A deep copy with every wrapped secret replaced by its value. */
export function unwrapSecrets(value: unknown): unknown {
  if (isWrappedSecret(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = unwrapSecrets(item);
    return out;
  }
  return value;
}

/** {@link unwrapSecrets} of a property map. */
export function plainProps(value: unknown): Record<string, unknown> {
  const plain = unwrapSecrets(value ?? {});
  return plain !== null && typeof plain === "object" && !Array.isArray(plain) ? { ...plain } : {};
}
