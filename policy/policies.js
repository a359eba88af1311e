// @ts-check
"use strict";
/**
 * The EOSVOLT CrossGuard policies. Plain CommonJS so the pack starts without a
 * TypeScript compiler (`pulumi preview --policy-pack policy`), and so the unit
 * tests can call each policy's validate function directly.
 *
 * Every policy is careful about unknown values: during `pulumi preview` an
 * output that is not known yet (a new plan's id, a computed field) arrives as
 * the sentinel string `04da6b54-80e4-46f7-96ec-b56ff0331ba9` (or its number /
 * boolean / array / object siblings) or is absent. CrossGuard's props proxy
 * throws on reading one, which would turn the whole policy into an advisory
 * "can't run during preview"; `snapshot` copies the props first and marks each
 * unknown with `UNKNOWN`, and the checks then skip exactly the values they
 * cannot know and still check the rest.
 */

const TYPE_PREFIX = "pulumi-nodejs:dynamic/eosvolt:";
const TYPES = Object.freeze({
  PricingPlan: `${TYPE_PREFIX}PricingPlan`,
  Location: `${TYPE_PREFIX}Location`,
  Charger: `${TYPE_PREFIX}Charger`,
});

/** The sentinels the Pulumi engine sends for values unknown during preview. */
const UNKNOWN_SENTINELS = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** Marks a value that is not known yet (preview). */
const UNKNOWN = Symbol.for("eosvolt.policy.unknown");

/** @param {unknown} value */
function isUnknown(value) {
  return value === UNKNOWN || (typeof value === "string" && UNKNOWN_SENTINELS.has(value));
}

/** @param {unknown} value @returns {boolean} */
function isKnown(value) {
  return value !== undefined && value !== null && !isUnknown(value);
}

/**
 * A plain copy of resource props: CrossGuard's unknown-checking proxy throws on
 * reading an unknown value, this catches each read and puts `UNKNOWN` there.
 * @param {any} value
 * @param {number} [depth]
 * @returns {any}
 */
function snapshot(value, depth = 0) {
  if (isUnknown(value)) return UNKNOWN;
  if (value === null || typeof value !== "object" || depth > 64) return value;
  /** @type {any} */
  const out = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(value)) {
    let item;
    try {
      item = value[key];
    } catch {
      item = UNKNOWN; // UnknownValueError from @pulumi/policy's proxy
    }
    out[key] = snapshot(item, depth + 1);
  }
  return out;
}

// The project's one decimal reader (provider/decimal), compiled by `npm run build`.
const { formatFixed, parseDecimal } = require("../dist/provider/decimal");

/**
 * A decimal as ten-thousandths (`"0.39"` → 3900n), or undefined when it is not
 * a known non-negative decimal with at most 4 decimals (never rounded).
 * Numbers are accepted too (config, raw inputs), by the same rule.
 * @param {unknown} value
 * @returns {bigint | undefined}
 */
function units(value) {
  const read = parseDecimal(value, { min: "0" });
  return read.ok ? read.units : undefined;
}

/** @param {bigint} u ten-thousandths → `"0.3900"` */
function show(u) {
  return formatFixed(u);
}

/** @param {bigint} u ten-thousandths of a percent → `"21"` / `"9.5"` */
function showPercent(u) {
  return show(u).replace(/\.?0+$/, "");
}

/**
 * Reads a policy's config over its defaults (CrossGuard fills schema defaults
 * in too, but unit tests and older CLIs may not).
 * @template T
 * @param {{ getConfig<C extends object>(): C }} args
 * @param {T} defaults
 * @returns {T}
 */
function config(args, defaults) {
  let given = {};
  try {
    given = args.getConfig() ?? {};
  } catch {
    given = {};
  }
  return { ...defaults, ...given };
}

/**
 * The price components of a plan with their position, skipping unknown ones.
 * @param {any} plan props of a PricingPlan
 */
function* components(plan) {
  const elements = plan?.elements;
  if (!Array.isArray(elements)) return;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (!element || typeof element !== "object" || !Array.isArray(element.priceComponents)) continue;
    for (let j = 0; j < element.priceComponents.length; j++) {
      const component = element.priceComponents[j];
      if (!component || typeof component !== "object") continue;
      yield { element, component, i, j, path: `elements[${i}].priceComponents[${j}]` };
    }
  }
}

/** @param {string} urn */
function nameOfUrn(urn) {
  const at = urn.lastIndexOf("::");
  return at >= 0 ? urn.slice(at + 2) : urn;
}

// ---------------------------------------------------------------------------
// Policy 1: a maximum energy price per currency.

const energyPriceCapDefaults = {
  /** Highest ENERGY price per kWh, per currency (ISO 4217 → decimal string). Currencies not listed are not capped. */
  maxEnergyPrice: /** @type {Record<string, string>} */ ({ EUR: "0.80" }),
  /** Compare the price including the component's VAT instead of the price excluding VAT. */
  includeVat: false,
};

/** @type {import("@pulumi/policy").ResourceValidationPolicy} */
const energyPriceCap = {
  name: "eosvolt-energy-price-cap",
  description: "ENERGY prices stay at or below a maximum per kWh for the plan's currency.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      maxEnergyPrice: {
        type: "object",
        description: 'Maximum ENERGY price per kWh by currency, e.g. { "EUR": "0.80" }; excl. VAT unless includeVat.',
        additionalProperties: { type: ["string", "number"], pattern: "^\\d{1,12}(\\.\\d{1,4})?$" },
        default: energyPriceCapDefaults.maxEnergyPrice,
      },
      includeVat: { type: "boolean", description: "Compare prices including VAT.", default: false },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.PricingPlan) return;
    const cfg = config(args, energyPriceCapDefaults);
    const plan = snapshot(args.props);
    if (!isKnown(plan.currency)) return;
    const cap = units(cfg.maxEnergyPrice?.[plan.currency]);
    if (cap === undefined) return;
    for (const { component, path } of components(plan)) {
      if (component.type !== "ENERGY") continue;
      const price = units(component.price);
      if (price === undefined) continue;
      if (cfg.includeVat) {
        if (component.vat !== undefined && !isKnown(component.vat)) continue;
        const vat = component.vat === undefined ? 0n : units(component.vat);
        if (vat === undefined) continue;
        // price × (1 + vat/100) > cap, in integers: price·(10⁶ + vat) > cap·10⁶ (both in 10⁻⁴)
        if (price * (1000000n + vat) > cap * 1000000n) {
          const gross = (price * (1000000n + vat) + 500000n) / 1000000n;
          reportViolation(
            `Pricing plan "${args.name}" charges ${show(gross)} ${plan.currency}/kWh incl. VAT for ENERGY at ${path}, ` +
              `above the maximum of ${show(cap)} ${plan.currency}/kWh.`,
          );
        }
      } else if (price > cap) {
        reportViolation(
          `Pricing plan "${args.name}" charges ${show(price)} ${plan.currency}/kWh for ENERGY at ${path}, ` +
            `above the maximum of ${show(cap)} ${plan.currency}/kWh (excl. VAT).`,
        );
      }
    }
  },
};

// ---------------------------------------------------------------------------
// Policy 2: a maximum price increase per change, against a baseline.

const priceIncreaseCapDefaults = {
  /** Largest allowed increase of any price component over its baseline, in percent. */
  maxIncreasePercent: 10,
  /**
   * The prices before the change, per plan (Pulumi resource name, or the plan's
   * `name`): `{ "ENERGY": "0.39" }` for every element, or one such map per
   * element, in order. `eosvolt-policy-baseline` writes it from `pulumi stack export`.
   */
  baselinePrices: /** @type {Record<string, Record<string, string> | Array<Record<string, string> | null>>} */ ({}),
};

/** @type {import("@pulumi/policy").ResourceValidationPolicy} */
const priceIncreaseCap = {
  name: "eosvolt-price-increase-cap",
  description: "No price component rises more than a maximum percentage above its baseline (the prices before the change).",
  enforcementLevel: "mandatory",
  severity: "medium",
  configSchema: {
    properties: {
      maxIncreasePercent: { type: "number", minimum: 0, default: 10, description: "Maximum increase in percent." },
      baselinePrices: {
        type: "object",
        description:
          'Prices before the change, per plan resource name: { "standard": { "ENERGY": "0.39" } } or per element ' +
          '{ "standard": [{ "ENERGY": "0.39" }, { "ENERGY": "0.25", "PARKING_TIME": "6" }] }.',
        additionalProperties: { type: ["object", "array"] },
        default: {},
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.PricingPlan) return;
    const cfg = config(args, priceIncreaseCapDefaults);
    const baselines = cfg.baselinePrices ?? {};
    const plan = snapshot(args.props);
    const baseline =
      baselines[args.name] ?? (isKnown(plan.name) && typeof plan.name === "string" ? baselines[plan.name] : undefined);
    if (!baseline || typeof baseline !== "object") return;
    const percent = Number(cfg.maxIncreasePercent);
    const allowed = units(cfg.maxIncreasePercent); // in 10⁻⁴ percent
    if (allowed === undefined) return;
    for (const { component, i, path } of components(plan)) {
      if (!isKnown(component.type)) continue;
      const prices = Array.isArray(baseline) ? baseline[i] : baseline;
      if (!prices || typeof prices !== "object") continue;
      const before = units(/** @type {any} */ (prices)[component.type]);
      const after = units(component.price);
      if (before === undefined || after === undefined) continue;
      // after > before × (1 + percent/100), in integers: after·10⁶ > before·(10⁶ + percent·10⁴)
      if (after * 1000000n > before * (1000000n + allowed)) {
        const rise = before === 0n ? "from zero" : `+${((Number(after - before) / Number(before)) * 100).toFixed(1)}%`;
        const unit = isKnown(plan.currency) ? ` ${plan.currency}` : "";
        reportViolation(
          `Pricing plan "${args.name}" raises ${component.type} at ${path} from ${show(before)} to ${show(after)}${unit} ` +
            `(${rise}), more than the allowed ${percent}% per change.`,
        );
      }
    }
  },
};

// ---------------------------------------------------------------------------
// Policy 3: a minimum grace period before a blocking (parking) fee.

const blockingFeeGraceDefaults = {
  /** Seconds a car may stay before a PARKING_TIME (blocking) fee applies: its element's `restrictions.minDurationS`. */
  minGracePeriodS: 3600,
};

/** @type {import("@pulumi/policy").ResourceValidationPolicy} */
const blockingFeeGrace = {
  name: "eosvolt-blocking-fee-grace",
  description: "A blocking fee (PARKING_TIME) applies only after a grace period: its element's restrictions.minDurationS.",
  enforcementLevel: "mandatory",
  severity: "medium",
  configSchema: {
    properties: {
      minGracePeriodS: { type: "integer", minimum: 0, default: 3600, description: "Minimum grace period in seconds." },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.PricingPlan) return;
    const cfg = config(args, blockingFeeGraceDefaults);
    const min = Number(cfg.minGracePeriodS);
    const plan = snapshot(args.props);
    for (const { element, component, i, path } of components(plan)) {
      if (component.type !== "PARKING_TIME") continue;
      const restrictions = element.restrictions;
      if (isUnknown(restrictions)) continue;
      const grace = restrictions && typeof restrictions === "object" ? restrictions.minDurationS : undefined;
      if (isUnknown(grace)) continue;
      if (grace === undefined || grace === null) {
        reportViolation(
          `Pricing plan "${args.name}" charges a blocking fee (PARKING_TIME at ${path}) from the first minute: ` +
            `set elements[${i}].restrictions.minDurationS to at least ${min} (the grace period in seconds).`,
        );
      } else if (Number(grace) < min) {
        reportViolation(
          `Pricing plan "${args.name}" charges a blocking fee (PARKING_TIME at ${path}) after ${grace}s: ` +
            `the grace period elements[${i}].restrictions.minDurationS must be at least ${min}s.`,
        );
      }
    }
  },
};

// ---------------------------------------------------------------------------
// Policy 4: every public location has a pricing plan.

const publicLocationPlanDefaults = {
  /** Access types whose locations must name a pricing plan. */
  accessTypes: ["PUBLIC"],
};

/** @type {import("@pulumi/policy").ResourceValidationPolicy} */
const publicLocationPlan = {
  name: "eosvolt-public-location-plan",
  description: "Every PUBLIC location has a pricing plan (pricingPlanId), so no public charger is free by accident.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      accessTypes: {
        type: "array",
        items: { type: "string", enum: ["PUBLIC", "SEMI_PUBLIC", "PRIVATE"] },
        default: ["PUBLIC"],
        description: "Access types that need a pricing plan.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.Location) return;
    const cfg = config(args, publicLocationPlanDefaults);
    const location = snapshot(args.props);
    if (!isKnown(location.accessType) || !(cfg.accessTypes ?? []).includes(location.accessType)) return;
    const plan = location.pricingPlanId;
    if (isUnknown(plan)) return; // set, to a plan not created yet
    if (plan === undefined || plan === null || plan === "") {
      reportViolation(
        `Location "${args.name}" is ${location.accessType} but has no pricing plan: set pricingPlanId.`,
      );
    }
  },
};

// ---------------------------------------------------------------------------
// The stack: which plans are in effect where.

/**
 * @typedef {{ name: string, urn: string, type: string, props: any, resource: any }} Node
 * @typedef {{ kind: "none" } | { kind: "unresolved" } | { kind: "plan", plan: Node }} PlanRef
 */

/**
 * Indexes the stack's EOSVOLT resources with plain props.
 * @param {ReadonlyArray<any>} resources
 */
function stackModel(resources) {
  /** @type {Node[]} */
  const nodes = [];
  /** @type {Map<any, Node>} */
  const byResource = new Map();
  for (const resource of resources) {
    if (!Object.values(TYPES).includes(resource.type)) continue;
    const node = { name: resource.name ?? nameOfUrn(resource.urn), urn: resource.urn, type: resource.type, props: snapshot(resource.props), resource };
    nodes.push(node);
    byResource.set(resource, node);
  }
  const of = (/** @type {string} */ type) => nodes.filter((n) => n.type === type);

  /**
   * Dependencies of a property that are of a type, as nodes.
   * @param {Node} node @param {string} property @param {string} type
   */
  function depsOf(node, property, type) {
    /** @type {any[]} */
    let deps = [];
    try {
      deps = node.resource.propertyDependencies?.[property] ?? [];
    } catch {
      deps = [];
    }
    /** @type {Node[]} */
    const out = [];
    for (const dep of deps) {
      const found = byResource.get(dep) ?? nodes.find((n) => n.urn === dep?.urn);
      if (found && found.type === type && !out.includes(found)) out.push(found);
    }
    return out;
  }

  /**
   * Resolves a reference (an id) held in `property` of `node` to a resource of
   * `type` in this stack: by the property's dependency when it is the only one
   * of that type (works before ids exist), else by matching a known id.
   * @param {Node} node @param {string} property @param {unknown} value @param {string} type
   * @returns {{ kind: "none" } | { kind: "unresolved" } | { kind: "found", node: Node }}
   */
  function resolve(node, property, value, type) {
    if (value === undefined || value === null || value === "") return { kind: "none" };
    if (isKnown(value)) {
      const byId = of(type).find((n) => isKnown(n.props.id) && n.props.id === value);
      if (byId) return { kind: "found", node: byId };
    }
    const deps = depsOf(node, property, type);
    if (deps.length === 1) return { kind: "found", node: deps[0] };
    return { kind: "unresolved" }; // unknown, outside this stack, or ambiguous
  }

  /**
   * The plans in effect at each location: the location's own plan, and per
   * connector of each of its chargers connector ?? charger ?? location plan.
   * @returns {Array<{ location: Node, own: PlanRef, uses: Array<{ plan: Node, where: string }> }>}
   */
  function locations() {
    return of(TYPES.Location).map((location) => {
      const ownRef = resolve(location, "pricingPlanId", location.props.pricingPlanId, TYPES.PricingPlan);
      /** @type {PlanRef} */
      const own = ownRef.kind === "found" ? { kind: "plan", plan: ownRef.node } : ownRef;
      /** @type {Array<{ plan: Node, where: string }>} */
      const uses = [];
      if (own.kind === "plan") uses.push({ plan: own.plan, where: `location "${location.name}"` });
      for (const charger of of(TYPES.Charger)) {
        const at = resolve(charger, "locationId", charger.props.locationId, TYPES.Location);
        if (at.kind !== "found" || at.node !== location) continue;
        const chargerRef = resolve(charger, "pricingPlanId", charger.props.pricingPlanId, TYPES.PricingPlan);
        const evses = Array.isArray(charger.props.evses) ? charger.props.evses : [];
        for (const evse of evses) {
          const connectors = evse && Array.isArray(evse.connectors) ? evse.connectors : [];
          for (const connector of connectors) {
            if (!connector || typeof connector !== "object") continue;
            const where = `charger "${charger.name}" EVSE ${String(evse.evseId)} connector ${String(connector.connectorId)}`;
            const connectorRef = resolve(charger, "evses", connector.pricingPlanId, TYPES.PricingPlan);
            const ref = connectorRef.kind !== "none" ? connectorRef : chargerRef.kind !== "none" ? chargerRef : ownRef;
            if (ref.kind === "found") uses.push({ plan: ref.node, where });
          }
        }
      }
      return { location, own, uses };
    });
  }

  return { nodes, locations };
}

// ---------------------------------------------------------------------------
// Policy 5: VAT within a range per country.

const vatRangeDefaults = {
  /** Allowed VAT in percent per location country (ISO 3166-1 alpha-3): [min, max]. Countries not listed are not checked. */
  vatRanges: /** @type {Record<string, [number, number]>} */ ({
    NLD: [21, 21],
    DEU: [19, 19],
    BEL: [21, 21],
    FRA: [20, 20],
  }),
};

/** @type {import("@pulumi/policy").StackValidationPolicy} */
const vatRange = {
  name: "eosvolt-vat-range",
  description: "The plans in effect at a location (its own and its chargers' and connectors') charge VAT within the range of the location's country.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      vatRanges: {
        type: "object",
        description: 'Allowed VAT percent per country: { "NLD": [21, 21], "DEU": [19, 19] }.',
        additionalProperties: {
          type: "array",
          items: { type: "number", minimum: 0, maximum: 100 },
          minItems: 2,
          maxItems: 2,
        },
        default: vatRangeDefaults.vatRanges,
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const cfg = config(args, vatRangeDefaults);
    const model = stackModel(args.resources);
    for (const { location, uses } of model.locations()) {
      const country = location.props.address?.country;
      if (!isKnown(country)) continue;
      const range = cfg.vatRanges?.[country];
      if (!Array.isArray(range) || range.length !== 2) continue;
      const low = units(range[0]);
      const high = units(range[1]);
      if (low === undefined || high === undefined) continue;
      const seen = new Set();
      for (const { plan, where } of uses) {
        if (seen.has(plan)) continue;
        seen.add(plan);
        for (const { component, path } of components(plan.props)) {
          if (component.vat !== undefined && !isKnown(component.vat)) continue;
          const vat = component.vat === undefined || component.vat === null ? 0n : units(component.vat);
          if (vat === undefined) continue;
          if (vat < low || vat > high) {
            const allowed = low === high ? `${showPercent(low)}%` : `${showPercent(low)}–${showPercent(high)}%`;
            const stated = component.vat === undefined || component.vat === null ? "no VAT" : `VAT ${showPercent(vat)}%`;
            reportViolation(
              `Pricing plan "${plan.name}" (used by ${where}) states ${stated} on ${String(component.type)} at ${path}, ` +
                `but location "${location.name}" is in ${country}, where VAT must be ${allowed}.`,
              plan.urn,
            );
          }
        }
      }
    }
  },
};

// ---------------------------------------------------------------------------
// Policy 6: chargers of a location share its currency.

/** @type {import("@pulumi/policy").StackValidationPolicy} */
const locationCurrency = {
  name: "eosvolt-location-currency",
  description: "Every charger and connector of a location is priced in the currency of the location's pricing plan.",
  enforcementLevel: "mandatory",
  severity: "high",
  validateStack: (args, reportViolation) => {
    const model = stackModel(args.resources);
    for (const { location, own, uses } of model.locations()) {
      const known = uses.filter((u) => isKnown(u.plan.props.currency));
      if (own.kind === "plan") {
        const currency = own.plan.props.currency;
        if (!isKnown(currency)) continue;
        for (const { plan, where } of known) {
          if (plan.props.currency === currency) continue;
          reportViolation(
            `${capitalize(where)} is priced in ${plan.props.currency} (plan "${plan.name}"), but location ` +
              `"${location.name}" prices in ${currency} (plan "${own.plan.name}").`,
            plan.urn,
          );
        }
      } else {
        /** @type {Map<string, Set<string>>} */
        const byCurrency = new Map();
        for (const { plan } of known) {
          const set = byCurrency.get(plan.props.currency) ?? new Set();
          set.add(plan.name);
          byCurrency.set(plan.props.currency, set);
        }
        if (byCurrency.size > 1) {
          const list = [...byCurrency].map(([c, plans]) => `${c} (${[...plans].map((p) => `"${p}"`).join(", ")})`).join(", ");
          reportViolation(`Chargers of location "${location.name}" mix currencies: ${list}.`, location.urn);
        }
      }
    }
  },
};

/** @param {string} text */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every policy of the pack, in the order they are reported. */
const policies = [energyPriceCap, priceIncreaseCap, blockingFeeGrace, publicLocationPlan, vatRange, locationCurrency];

module.exports = {
  TYPES,
  UNKNOWN,
  isUnknown,
  snapshot,
  units,
  policies,
  energyPriceCap,
  priceIncreaseCap,
  blockingFeeGrace,
  publicLocationPlan,
  vatRange,
  locationCurrency,
};
