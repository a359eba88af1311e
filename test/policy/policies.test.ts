/**
 * Unit tests of the EOSVOLT policy pack (policy/): each policy's validate
 * function called directly with the args CrossGuard would pass.
 */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
// The pack as the root build compiles it (policy/*.ts → dist/policy/), the output its package.json names as main.
const load = createRequire(join(ROOT, "dist", "policy", "index.js"));
const pack = load("./policies.js");
const { baselineFromState, configFromState } = load("./baseline.js");
// The proxy CrossGuard wraps props in; it throws on reading an unknown value.
const { unknownCheckingProxy } = load("@pulumi/policy");

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"; // an unknown string during preview
const T = pack.TYPES as Record<"PricingPlan" | "Location" | "Charger", string>;

const urnOf = (type: string, name: string) => `urn:pulumi:dev::estate::${type}::${name}`;

function resourceArgs(type: string, name: string, props: Record<string, unknown>, config: object = {}) {
  return {
    type,
    name,
    urn: urnOf(type, name),
    props: unknownCheckingProxy(props),
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: {}, additionalSecretOutputs: [] },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: () => config,
    notApplicable: () => {
      throw new Error("notApplicable");
    },
  };
}

function validate(policy: any, args: ReturnType<typeof resourceArgs>): string[] {
  const messages: string[] = [];
  policy.validateResource(args, (message: string) => messages.push(message));
  return messages;
}

interface StackResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  deps?: Record<string, string[]>;
}

/** Stack args, with propertyDependencies by resource name (as CrossGuard links them). */
function validateStack(policy: any, resources: StackResource[], config: object = {}) {
  const built = resources.map((r) => ({
    type: r.type,
    name: r.name,
    urn: urnOf(r.type, r.name),
    props: unknownCheckingProxy(r.props),
    opts: {},
    dependencies: [] as unknown[],
    propertyDependencies: {} as Record<string, unknown[]>,
    isType: () => false,
    asType: () => undefined,
  }));
  resources.forEach((r, i) => {
    for (const [prop, names] of Object.entries(r.deps ?? {})) {
      built[i].propertyDependencies[prop] = names.map((n) => built.find((b) => b.name === n));
    }
  });
  const violations: Array<{ message: string; urn?: string }> = [];
  policy.validateStack(
    { resources: built, stackTags: new Map(), getConfig: () => config, notApplicable: () => undefined },
    (message: string, urn?: string) => violations.push({ message, urn }),
  );
  return violations;
}

const energy = (price: string, vat = "21.0000") => ({ type: "ENERGY", price, vat, stepSize: 1 });
const plan = (currency: string, ...elements: object[]) => ({ name: "Plan", currency, elements });

describe("eosvolt-energy-price-cap", () => {
  const policy = pack.energyPriceCap;

  it("passes prices at or below the cap and currencies without a cap", () => {
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", plan("EUR", { priceComponents: [energy("0.8000")] })))).toEqual([]);
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", plan("SEK", { priceComponents: [energy("9.5000")] })))).toEqual([]);
  });

  it("reports an ENERGY price above the cap, with its path", () => {
    const messages = validate(
      policy,
      resourceArgs(T.PricingPlan, "p", plan("EUR", { priceComponents: [{ type: "FLAT", price: "2.0000", stepSize: 1 }, energy("0.8100")] })),
    );
    expect(messages).toEqual([expect.stringContaining("0.8100 EUR/kWh for ENERGY at elements[0].priceComponents[1], above the maximum of 0.8000")]);
  });

  it("uses the configured caps and can compare prices including VAT", () => {
    const props = plan("USD", { priceComponents: [energy("0.5000", "21.0000")] });
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", props, { maxEnergyPrice: { USD: "0.55" } }))).toEqual([]);
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", props, { maxEnergyPrice: { USD: "0.55" }, includeVat: true }))).toEqual([
      expect.stringContaining("0.6050 USD/kWh incl. VAT"),
    ]);
  });

  it("never fails on unknown values", () => {
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", plan(U, { priceComponents: [energy("9.0000")] })))).toEqual([]);
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", plan("EUR", { priceComponents: [energy(U)] })))).toEqual([]);
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", { name: "Plan", currency: "EUR", elements: U }))).toEqual([]);
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", {}))).toEqual([]);
  });

  it("ignores other resource types", () => {
    expect(validate(policy, resourceArgs(T.Location, "l", plan("EUR", { priceComponents: [energy("9.0000")] })))).toEqual([]);
  });
});

describe("eosvolt-price-increase-cap", () => {
  const policy = pack.priceIncreaseCap;
  const props = plan("EUR", { priceComponents: [energy("0.4300"), { type: "PARKING_TIME", price: "8.0000", stepSize: 900 }] });

  it("passes without a baseline, and increases within the limit", () => {
    expect(validate(policy, resourceArgs(T.PricingPlan, "standard", props))).toEqual([]);
    const config = { maxIncreasePercent: 11, baselinePrices: { standard: { ENERGY: "0.39", PARKING_TIME: "8" } } };
    expect(validate(policy, resourceArgs(T.PricingPlan, "standard", props, config))).toEqual([]); // +10.3%
    // exactly at the limit passes: 0.40 → 0.44 is +10%
    const atLimit = plan("EUR", { priceComponents: [energy("0.4400")] });
    expect(validate(policy, resourceArgs(T.PricingPlan, "standard", atLimit, { baselinePrices: { standard: { ENERGY: "0.40" } } }))).toEqual([]);
  });

  it("reports an increase above the limit against a per-type baseline", () => {
    const config = { maxIncreasePercent: 5, baselinePrices: { standard: { ENERGY: "0.39" } } };
    expect(validate(policy, resourceArgs(T.PricingPlan, "standard", props, config))).toEqual([
      expect.stringContaining("raises ENERGY at elements[0].priceComponents[0] from 0.3900 to 0.4300 EUR (+10.3%), more than the allowed 5%"),
    ]);
  });

  it("compares element by element with a positional baseline, and finds plans by their name too", () => {
    const config = { baselinePrices: { Plan: [{ ENERGY: "0.43", PARKING_TIME: "6.00" }] } };
    expect(validate(policy, resourceArgs(T.PricingPlan, "other-resource-name", props, config))).toEqual([
      expect.stringContaining("raises PARKING_TIME at elements[0].priceComponents[1] from 6.0000 to 8.0000 EUR (+33.3%)"),
    ]);
  });

  it("never fails on unknown prices", () => {
    const config = { baselinePrices: { standard: { ENERGY: "0.10" } } };
    expect(validate(policy, resourceArgs(T.PricingPlan, "standard", plan("EUR", { priceComponents: [energy(U)] }), config))).toEqual([]);
  });
});

describe("eosvolt-blocking-fee-grace", () => {
  const policy = pack.blockingFeeGrace;
  const parking = { type: "PARKING_TIME", price: "6.0000", vat: "21.0000", stepSize: 900 };

  it("passes a blocking fee after a long enough grace period, and plans without one", () => {
    const ok = plan("EUR", { priceComponents: [energy("0.4")] }, { priceComponents: [parking], restrictions: { minDurationS: 3600 } });
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", ok))).toEqual([]);
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", plan("EUR", { priceComponents: [energy("0.4")] })))).toEqual([]);
  });

  it("reports a blocking fee without or with too short a grace period", () => {
    const none = plan("EUR", { priceComponents: [energy("0.4"), parking] });
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", none))).toEqual([expect.stringContaining("from the first minute")]);
    const short = plan("EUR", { priceComponents: [parking], restrictions: { minDurationS: 1800 } });
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", short, { minGracePeriodS: 7200 }))).toEqual([
      expect.stringContaining("after 1800s: the grace period elements[0].restrictions.minDurationS must be at least 7200s"),
    ]);
  });

  it("never fails on unknown restrictions", () => {
    const unknown = plan("EUR", { priceComponents: [parking], restrictions: { minDurationS: "3eeb2bf0-c639-47a8-9e75-3b44932eb421" } });
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", unknown))).toEqual([]);
    expect(validate(policy, resourceArgs(T.PricingPlan, "p", plan("EUR", { priceComponents: [parking], restrictions: U })))).toEqual([]);
  });
});

describe("eosvolt-public-location-plan", () => {
  const policy = pack.publicLocationPlan;
  const location = (accessType: string, pricingPlanId?: string) => ({ name: "Site", accessType, pricingPlanId });

  it("passes public locations with a plan (known or not yet known) and private ones without", () => {
    expect(validate(policy, resourceArgs(T.Location, "l", location("PUBLIC", "pp_1")))).toEqual([]);
    expect(validate(policy, resourceArgs(T.Location, "l", location("PUBLIC", U)))).toEqual([]);
    expect(validate(policy, resourceArgs(T.Location, "l", location("PRIVATE")))).toEqual([]);
    expect(validate(policy, resourceArgs(T.Location, "l", location(U)))).toEqual([]);
  });

  it("reports a public location without a plan; the access types are configurable", () => {
    expect(validate(policy, resourceArgs(T.Location, "kiosk", location("PUBLIC")))).toEqual([
      'Location "kiosk" is PUBLIC but has no pricing plan: set pricingPlanId.',
    ]);
    expect(validate(policy, resourceArgs(T.Location, "l", location("SEMI_PUBLIC"), { accessTypes: ["PUBLIC", "SEMI_PUBLIC"] }))).toHaveLength(1);
  });
});

/** A small estate: an NLD location with plan "ac", a charger on it, optionally overriding plans. */
function estate(options: { locationPlan?: string; chargerPlan?: string; connectorPlan?: string; country?: string; ids?: "known" | "unknown" }) {
  const known = options.ids !== "unknown";
  const id = (name: string) => (known ? `id-${name}` : U);
  const plans: StackResource[] = [
    { type: T.PricingPlan, name: "ac", props: { ...plan("EUR", { priceComponents: [energy("0.4000", "21.0000")] }), ...(known ? { id: "id-ac" } : {}) } },
    { type: T.PricingPlan, name: "de", props: { ...plan("EUR", { priceComponents: [energy("0.4000", "19.0000")] }), ...(known ? { id: "id-de" } : {}) } },
    { type: T.PricingPlan, name: "usd", props: { ...plan("USD", { priceComponents: [energy("0.4000", "21.0000")] }), ...(known ? { id: "id-usd" } : {}) } },
  ];
  const location: StackResource = {
    type: T.Location,
    name: "site",
    props: { accessType: "PUBLIC", address: { country: options.country ?? "NLD" }, ...(options.locationPlan ? { pricingPlanId: id(options.locationPlan) } : {}) },
    deps: options.locationPlan ? { pricingPlanId: [options.locationPlan] } : {},
  };
  const charger: StackResource = {
    type: T.Charger,
    name: "c1",
    props: {
      locationId: id("site"),
      ...(options.chargerPlan ? { pricingPlanId: id(options.chargerPlan) } : {}),
      evses: [
        { evseId: 1, connectors: [{ connectorId: 1, ...(options.connectorPlan ? { pricingPlanId: id(options.connectorPlan) } : {}) }] },
        { evseId: 2, connectors: [{ connectorId: 1 }] },
      ],
    },
    deps: {
      locationId: ["site"],
      ...(options.chargerPlan ? { pricingPlanId: [options.chargerPlan] } : {}),
      ...(options.connectorPlan ? { evses: [options.connectorPlan] } : {}),
    },
  };
  if (known) location.props.id = "id-site";
  return [...plans, location, charger];
}

describe("eosvolt-vat-range", () => {
  const policy = pack.vatRange;

  it("passes plans whose VAT fits the location's country, known ids or not", () => {
    expect(validateStack(policy, estate({ locationPlan: "ac" }))).toEqual([]);
    expect(validateStack(policy, estate({ locationPlan: "de", country: "DEU", ids: "unknown" }))).toEqual([]);
    expect(validateStack(policy, estate({ locationPlan: "ac", country: "SWE" }))).toEqual([]); // not configured
  });

  it("reports a plan in effect at a location whose VAT is out of range: location, charger and connector plans", () => {
    for (const ids of ["known", "unknown"] as const) {
      expect(validateStack(policy, estate({ locationPlan: "ac", country: "DEU", ids }))).toEqual([
        { message: expect.stringContaining('Pricing plan "ac" (used by location "site") states VAT 21% on ENERGY'), urn: urnOf(T.PricingPlan, "ac") },
      ]);
      expect(validateStack(policy, estate({ locationPlan: "ac", connectorPlan: "de", ids }))).toEqual([
        {
          message: expect.stringContaining('Pricing plan "de" (used by charger "c1" EVSE 1 connector 1) states VAT 19% on ENERGY at elements[0].priceComponents[0], but location "site" is in NLD, where VAT must be 21%.'),
          urn: urnOf(T.PricingPlan, "de"),
        },
      ]);
    }
  });

  it("takes ranges from config and treats a missing VAT as 0%", () => {
    const stack = estate({ locationPlan: "ac" });
    (stack[0].props.elements as any)[0].priceComponents[0].vat = undefined;
    expect(validateStack(policy, stack)).toEqual([{ message: expect.stringContaining("states no VAT"), urn: expect.any(String) }]);
    expect(validateStack(policy, stack, { vatRanges: { NLD: [0, 21] } })).toEqual([]);
  });

  it("never fails on unknown VAT or countries", () => {
    const stack = estate({ locationPlan: "ac", ids: "unknown" });
    (stack[0].props.elements as any)[0].priceComponents[0].vat = U;
    expect(validateStack(policy, stack)).toEqual([]);
    const unknownCountry = estate({ locationPlan: "ac", country: U });
    expect(validateStack(policy, unknownCountry)).toEqual([]);
  });
});

describe("eosvolt-location-currency", () => {
  const policy = pack.locationCurrency;

  it("passes when every charger uses the location's currency", () => {
    expect(validateStack(policy, estate({ locationPlan: "ac", chargerPlan: "de" }))).toEqual([]);
    expect(validateStack(policy, estate({ locationPlan: "ac", connectorPlan: "de", ids: "unknown" }))).toEqual([]);
  });

  it("reports a charger or connector priced in another currency, before and after ids exist", () => {
    for (const ids of ["known", "unknown"] as const) {
      expect(validateStack(policy, estate({ locationPlan: "ac", connectorPlan: "usd", ids }))).toEqual([
        {
          message: 'Charger "c1" EVSE 1 connector 1 is priced in USD (plan "usd"), but location "site" prices in EUR (plan "ac").',
          urn: urnOf(T.PricingPlan, "usd"),
        },
      ]);
    }
    // The charger's plan applies to both of its connectors.
    expect(validateStack(policy, estate({ locationPlan: "ac", chargerPlan: "usd" }))).toHaveLength(2);
  });

  it("without a location plan, reports chargers that mix currencies", () => {
    expect(validateStack(policy, estate({ chargerPlan: "ac" }))).toEqual([]);
    expect(validateStack(policy, estate({ chargerPlan: "ac", connectorPlan: "usd" }))).toEqual([
      { message: 'Chargers of location "site" mix currencies: USD ("usd"), EUR ("ac").', urn: urnOf(T.Location, "site") },
    ]);
  });

  it("skips references it cannot resolve (unknown and ambiguous)", () => {
    const stack = estate({ locationPlan: "ac", ids: "unknown" });
    const charger = stack.find((r) => r.name === "c1")!;
    charger.props.pricingPlanId = U; // no property dependency recorded: cannot tell which plan
    expect(validateStack(policy, stack)).toEqual([]);
  });
});

describe("the pack", () => {
  it("has seven policies with unique names, JSON-schema config with defaults", () => {
    const names = pack.policies.map((p: any) => p.name);
    expect(new Set(names).size).toBe(7);
    for (const p of pack.policies) {
      for (const [key, schema] of Object.entries<any>(p.configSchema?.properties ?? {})) {
        expect(schema.default, `${p.name}.${key}`).toBeDefined();
      }
    }
  });

  it("policy/config.json names only policies of the pack", () => {
    const config = JSON.parse(readFileSync(join(ROOT, "policy", "config.json"), "utf8"));
    const names = new Set(pack.policies.map((p: any) => p.name));
    for (const key of Object.keys(config)) expect(names.has(key), key).toBe(true);
  });
});

describe("eosvolt-policy-baseline", () => {
  const state = {
    deployment: {
      resources: [
        { urn: "urn:pulumi:dev::estate::pulumi:pulumi:Stack::estate-dev", type: "pulumi:pulumi:Stack" },
        {
          urn: urnOf(T.PricingPlan, "standard"),
          type: T.PricingPlan,
          outputs: {
            currency: "EUR",
            elements: [
              { priceComponents: [energy("0.3900"), { type: "PARKING_TIME", price: "6.0000", stepSize: 900 }], restrictions: { minDurationS: 3600 } },
              { priceComponents: [energy("0.2500"), energy("0.3000")] },
            ],
          },
        },
      ],
    },
  };

  it("records the deployed prices per plan and element", () => {
    expect(baselineFromState(state)).toEqual({ standard: [{ ENERGY: "0.3900", PARKING_TIME: "6.0000" }, { ENERGY: "0.3000" }] });
  });

  it("merges them into a base config, and the policy then checks against them", () => {
    const config = configFromState(state, { "eosvolt-price-increase-cap": "advisory", other: 1 }, 5);
    expect(config.other).toBe(1);
    expect(config["eosvolt-price-increase-cap"]).toMatchObject({ enforcementLevel: "advisory", maxIncreasePercent: 5 });
    const raised = plan("EUR", { priceComponents: [energy("0.4200")] }, { priceComponents: [energy("0.3100")] });
    expect(validate(pack.priceIncreaseCap, resourceArgs(T.PricingPlan, "standard", raised, config["eosvolt-price-increase-cap"]))).toEqual([
      expect.stringContaining("from 0.3900 to 0.4200 EUR (+7.7%)"),
    ]);
  });
});
