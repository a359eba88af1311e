/**
 * The policy pack on booking fees and admins: `eosvolt-price-increase-cap`
 * caps a location's booking fees against their baseline (which
 * `eosvolt-policy-baseline` writes from the state), and
 * `eosvolt-admin-email-domain` admits admins only from the configured domains.
 * Each policy's validate function is called with the args CrossGuard passes.
 */
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const load = createRequire(join(ROOT, "dist", "policy", "index.js"));
const pack = load("./policies.js");
const { configFromState } = load("./baseline.js");
const { unknownCheckingProxy } = load("@pulumi/policy");

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const T = pack.TYPES as Record<"Location" | "Admin" | "PricingPlan", string>;

function validate(policy: any, type: string, name: string, props: Record<string, unknown>, config: object = {}): string[] {
  const messages: string[] = [];
  policy.validateResource(
    {
      type, name, urn: `urn:pulumi:dev::estate::${type}::${name}`, props: unknownCheckingProxy(props),
      opts: {}, stackTags: new Map(), isType: () => false, asType: () => undefined, getConfig: () => config,
      notApplicable: () => { throw new Error("notApplicable"); },
    },
    (message: string) => messages.push(message),
  );
  return messages;
}

const garage = (booking: Record<string, unknown> | null) => ({ name: "Stationsplein garage", accessType: "PUBLIC", booking });
const fees = { slotFee: "1.7500", blockingFeePerHour: "9.0000", currency: "EUR", slotMinutes: 60 };

describe("eosvolt-price-increase-cap: booking fees", () => {
  const policy = pack.priceIncreaseCap;
  const baselineBookingFees = { garage: { slotFee: "1.5000", blockingFeePerHour: "6.0000" } };

  it("reports each booking fee that rises past the limit over its baseline", () => {
    expect(validate(policy, T.Location, "garage", garage(fees), { baselineBookingFees })).toEqual([
      'Location "garage" raises its booking slotFee from 1.5000 to 1.7500 EUR (+16.7%), more than the allowed 10% per change.',
      'Location "garage" raises its booking sameDaySlotFee from 1.5000 to 1.7500 EUR (+16.7%), more than the allowed 10% per change.',
      'Location "garage" raises its booking blockingFeePerHour from 6.0000 to 9.0000 EUR (+50.0%), more than the allowed 10% per change.',
    ]);
    expect(validate(policy, T.Location, "garage", garage(fees), { baselineBookingFees, maxIncreasePercent: 20 })).toEqual([
      expect.stringContaining("blockingFeePerHour from 6.0000 to 9.0000"),
    ]);
  });

  it("passes fees within the limit (exactly at it too), without a baseline, without booking, and unknown fees", () => {
    const atLimit = { ...fees, slotFee: "1.65", sameDaySlotFee: "1.5", blockingFeePerHour: "6.6" };
    expect(validate(policy, T.Location, "garage", garage(atLimit), { baselineBookingFees })).toEqual([]);
    expect(validate(policy, T.Location, "garage", garage(fees))).toEqual([]);
    expect(validate(policy, T.Location, "garage", garage(null), { baselineBookingFees })).toEqual([]);
    expect(validate(policy, T.Location, "garage", garage({ ...fees, slotFee: U, sameDaySlotFee: "1.5", blockingFeePerHour: U }), { baselineBookingFees })).toEqual([]);
    expect(validate(policy, T.Location, "garage", garage(U as never), { baselineBookingFees })).toEqual([]);
  });

  it("finds the baseline by the location's name too, and writes it from the state", () => {
    const state = {
      deployment: {
        resources: [
          { urn: `urn:pulumi:dev::estate::${T.Location}::garage`, type: T.Location, outputs: { name: "Stationsplein garage", booking: { slotMinutes: 60, currency: "EUR", slotFee: "1.5000", sameDaySlotFee: "1.5000", blockingFeePerHour: "6.0000" } } },
          { urn: `urn:pulumi:dev::estate::${T.Location}::depot`, type: T.Location, outputs: { name: "Depot" } },
        ],
      },
    };
    const config = configFromState(state, {}, 10)["eosvolt-price-increase-cap"];
    expect(config.baselineBookingFees).toEqual({ garage: { slotFee: "1.5000", sameDaySlotFee: "1.5000", blockingFeePerHour: "6.0000" } });
    expect(validate(policy, T.Location, "renamed-resource", garage(fees), { baselineBookingFees: { "Stationsplein garage": config.baselineBookingFees.garage } })).toHaveLength(3);
  });
});

describe("eosvolt-admin-email-domain", () => {
  const policy = pack.adminEmailDomain;
  const admin = (email: unknown) => ({ email, permissions: { reports: ["view"] } });
  const config = { allowedDomains: ["example.com", "*.ops.example.net"] };

  it("passes admins from an allowed domain, in any case, and subdomains of a wildcard", () => {
    expect(validate(policy, T.Admin, "finance", admin("Finance@EXAMPLE.com"), config)).toEqual([]);
    expect(validate(policy, T.Admin, "night", admin("night@noc.ops.example.net"), config)).toEqual([]);
  });

  it("reports an admin from any other domain, a look-alike domain, and every admin when none is configured", () => {
    expect(validate(policy, T.Admin, "contractor", admin("dev@contractor.io"), config)).toEqual([
      'Admin "contractor" (dev@contractor.io) is not from an allowed e-mail domain: example.com, *.ops.example.net.',
    ]);
    expect(validate(policy, T.Admin, "phish", admin("ops@example.com.evil.io"), config)).toHaveLength(1);
    expect(validate(policy, T.Admin, "phish", admin("ops@notexample.com"), config)).toHaveLength(1);
    expect(validate(policy, T.Admin, "apex", admin("ops@ops.example.net"), config)).toHaveLength(1);
    expect(validate(policy, T.Admin, "anyone", admin("ops@example.com"))).toEqual([
      'Admin "anyone" (ops@example.com) is not from an allowed e-mail domain: none configured (set allowedDomains).',
    ]);
  });

  it("skips an e-mail not known yet and other resource types", () => {
    expect(validate(policy, T.Admin, "later", admin(U), config)).toEqual([]);
    expect(validate(policy, T.Location, "garage", { email: "dev@contractor.io" }, config)).toEqual([]);
  });
});
