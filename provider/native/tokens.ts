/**
 * The plugin's type tokens: `eosvolt:index:<Kind>` for every kind of the
 * registry (`eosvolt:<Kind>` is the short form YAML and `pulumi import` print).
 */
import { isKindName, kinds, type KindName } from "../kinds";

/** The package name: the plugin is `pulumi-resource-eosvolt`, its provider type `pulumi:providers:eosvolt`. */
export const PACKAGE = "eosvolt";

/** The type token of a kind, e.g. `eosvolt:index:Charger`. */
export function typeToken(kind: KindName): string {
  return `${PACKAGE}:index:${kind}`;
}

/** The type of a URN (`urn:pulumi:<stack>::<project>::<parent$>type::<name>`), without its parents. */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

/** The kind a type token names (`eosvolt:index:Charger` or `eosvolt:Charger`), or undefined. */
export function kindOfToken(token: string): (typeof kinds)[KindName] | undefined {
  const parts = token.split(":");
  if (parts[0] !== PACKAGE) return undefined;
  const name = parts.length === 3 && parts[1] === "index" ? parts[2] : parts.length === 2 ? parts[1] : undefined;
  return name !== undefined && isKindName(name) ? kinds[name] : undefined;
}
