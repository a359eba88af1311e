/**
 * The resource classes as a program sees them, with the Pulumi SDK's mocks at
 * the engine edge: type tokens, the constant provider shim, secrets, outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChargerArgs, LocationArgs, PricingPlanArgs } from "../../provider";
import { chargerArgs, locationArgs, planArgs } from "./fixtures";

type Registered = { type: string; name: string; inputs: Record<string, any> };
const registered: Registered[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: { ...args.inputs, connectorRefs: ["1.1.1"] } };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
});

const resolve = <T>(output: pulumi.Output<T>) => new Promise<T>((r) => output.apply(r));

describe("resource classes", () => {
  it("register the eosvolt type tokens with a constant, tiny provider shim", async () => {
    const eosvolt = await import("../../provider");
    const plan = new eosvolt.PricingPlan("standard", planArgs() as PricingPlanArgs);
    const site = new eosvolt.Location("hq", { ...(locationArgs() as LocationArgs), pricingPlanId: plan.id });
    const charger = new eosvolt.Charger("hq-1", { ...(chargerArgs("x") as ChargerArgs), locationId: site.id });
    expect(await resolve(charger.id)).toBe("hq-1-id");
    expect(await resolve(charger.connectorRefs)).toEqual(["1.1.1"]);
    expect(registered.map((r) => r.type)).toEqual([
      "pulumi-nodejs:dynamic/eosvolt:PricingPlan",
      "pulumi-nodejs:dynamic/eosvolt:Location",
      "pulumi-nodejs:dynamic/eosvolt:Charger",
    ]);
    const shim = registered[2].inputs.__provider;
    expect(shim).toBe('exports.handler=()=>require("pulumi-eosvolt/dynamic").Charger');
    expect(shim.length).toBeLessThan(100);
    expect(registered[1].inputs.pricingPlanId).toBe("standard-id");
    expect(eosvolt.Charger.isInstance(charger)).toBe(true);
    expect(eosvolt.Location.isInstance(charger)).toBe(false);
  });

  it("declare without the SDK's per-promise stack traces, and put the limit back", async () => {
    const eosvolt = await import("../../provider");
    const { pausePromiseStacks } = await import("../../provider/resources/base");
    const before = Error.stackTraceLimit;
    const resume = pausePromiseStacks();
    expect(Error.stackTraceLimit).toBe(0);
    resume();
    expect(Error.stackTraceLimit).toBe(before);

    // Count the stack traces V8 formats while a charger is declared: only its source position.
    const framesPerTrace: number[] = [];
    const original = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, frames) => {
      framesPerTrace.push(frames.length);
      return [String(error), ...frames.map((f) => `    at ${f}`)].join("\n");
    };
    try {
      new eosvolt.Charger("hq-3", chargerArgs("x") as ChargerArgs);
    } finally {
      Error.prepareStackTrace = original;
    }
    expect(framesPerTrace.filter((n) => n > 0)).toHaveLength(1);
    expect(Error.stackTraceLimit).toBe(before);
    // Also when the SDK's constructor throws.
    expect(() => new eosvolt.Location(undefined as unknown as string, locationArgs() as LocationArgs)).toThrow(/name/i);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("keep the stack traces when PULUMI_DEBUG_PROMISE_LEAKS asks for them", async () => {
    const { pausePromiseStacks } = await import("../../provider/resources/base");
    const before = Error.stackTraceLimit;
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    try {
      const resume = pausePromiseStacks();
      expect(Error.stackTraceLimit).toBe(before);
      resume();
    } finally {
      delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    }
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("make authorizationKey a secret even when the program passes plain text", async () => {
    const eosvolt = await import("../../provider");
    const charger = new eosvolt.Charger("hq-2", { ...(chargerArgs("x") as ChargerArgs), authorizationKey: "plain-text-key-00001" });
    await resolve(charger.id);
    const inputs = registered.find((r) => r.name === "hq-2")!.inputs;
    // Registered as a secret: the engine encrypts it in state.
    expect(inputs.authorizationKey).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "plain-text-key-00001" });
  });

  it("the shim module exports a provider per kind", async () => {
    const handlers: Record<string, unknown> = await import("../../provider/dynamic/handlers");
    // The module is CommonJS (`export =`, one export per kind); the test runner's interop adds `default`.
    const names = Object.keys(handlers).filter((name) => name !== "default").sort();
    expect(names).toEqual(["Admin", "Charger", "Location", "PricingPlan", "Team"]);
    for (const name of names) expect(typeof (handlers[name] as { create?: unknown }).create).toBe("function");
  });
});
