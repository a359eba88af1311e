import * as pulumi from "@pulumi/pulumi";
import { outputFields } from "../dynamic/fields";
import { providerShim } from "../dynamic/shim";
import { kinds, type KindName } from "../kinds";

/** The type token of a kind: `pulumi-nodejs:dynamic/eosvolt:Charger`. */
export function typeToken(kind: KindName): string {
  return `pulumi-nodejs:dynamic/eosvolt:${kind}`;
}

/**
 * What every EOSVOLT resource registers: the program's arguments (write-only
 * ones wrapped as secrets), every output name pre-set so the engine fills it
 * in, and the constant provider shim.
 */
export function registration(kind: KindName, args: object): pulumi.Inputs {
  const props: pulumi.Inputs = {};
  for (const name of outputFields(kinds[kind])) props[name] = undefined;
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    props[key] = kinds[kind].writeOnly.includes(key) ? pulumi.secret(value) : value;
  }
  props.__provider = providerShim(kind);
  return props;
}

