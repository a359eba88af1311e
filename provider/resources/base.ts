import * as pulumi from "@pulumi/pulumi";
import { outputFields } from "../core/fields";
import { providerShim } from "../dynamic/shim";
import { kinds, type KindName, type Kinds } from "../kinds";
import type { AnyKind, InputOf } from "../kinds/kind";
import type { ArgsOf } from "./types";

/** The type token of a kind: `pulumi-nodejs:dynamic/eosvolt:Charger`. */
export function typeToken(kind: KindName): string {
  return `pulumi-nodejs:dynamic/eosvolt:${kind}`;
}

/**
 * What every EOSVOLT resource registers: the program's arguments (write-only
 * ones wrapped as secrets), every output name pre-set so the engine fills it
 * in, and the constant provider shim.
 */
export function registration<N extends KindName>(name: N, args: ArgsOf<InputOf<Kinds[N]>> | Record<string, never>): pulumi.Inputs {
  const kind: AnyKind = kinds[name];
  const props: pulumi.Inputs = {};
  for (const output of outputFields(kind)) props[output] = undefined;
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    props[key] = kind.writeOnly.some((field) => field === key) ? pulumi.secret(value) : value;
  }
  props.__provider = providerShim(name);
  return props;
}

/**
 * Turns off, until the returned function is called, the stack trace the Pulumi SDK
 * captures for every property promise of a resource it registers. The SDK keeps
 * those traces only for its promise-leak diagnostics, and with source maps each
 * costs ~0.4 ms: 5 of the 5.5 ms a charger took to declare (a loop declaring 1000
 * chargers: 0.5 s instead of 6 s). The resource's own source position
 * is still recorded (the SDK raises the limit itself for it), and nothing changes
 * when `PULUMI_DEBUG_PROMISE_LEAKS` is set.
 */
export function pausePromiseStacks(): () => void {
  const limit = Error.stackTraceLimit;
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
