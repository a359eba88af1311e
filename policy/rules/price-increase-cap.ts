/** Policy 2: a maximum price increase per change, against a baseline: plans' prices and locations' booking fees. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { formatMoney as show, formatPercentUnits, percentChangeText, risesMoreThan } from "../../provider/money";
import { units } from "../amounts";
import { components, policyConfig } from "../inputs";
import { TYPES } from "../types";
import { isKnown, snapshotProps } from "../unknown";

/** Baseline prices of one plan: one `{ TYPE: price }` map for every element, or one per element. */
export type PlanBaseline = Record<string, string> | Array<Record<string, string> | null>;
/** Baseline booking fees of one location: `{ slotFee: "1.50", sameDaySlotFee: "2", blockingFeePerHour: "6" }`. */
export type BookingFeeBaseline = Record<string, string>;

/** The booking fees the cap covers (`Location.booking`). */
export const BOOKING_FEES = ["slotFee", "sameDaySlotFee", "blockingFeePerHour"] as const;

const defaults = {
  /** Largest allowed increase of any price component over its baseline, in percent. */
  maxIncreasePercent: 10,
  /**
   * The prices before the change, per plan (Pulumi resource name, or the plan's
   * `name`): `{ "ENERGY": "0.39" }` for every element, or one such map per
   * element, in order. `eosvolt-policy-baseline` writes it from `pulumi stack export`.
   */
  baselinePrices: {} as Record<string, PlanBaseline>,
  /**
   * The booking fees before the change, per location (Pulumi resource name, or
   * the location's `name`). `eosvolt-policy-baseline` writes it too.
   */
  baselineBookingFees: {} as Record<string, BookingFeeBaseline>,
};

/** The booking fees of a location that rise past the limit over their baseline, as messages. */
function bookingFeeIncreases(name: string, location: Record<string, any>, baselines: Record<string, BookingFeeBaseline>, allowed: bigint, percent: number): string[] {
  const baseline = baselines[name] ?? (isKnown(location.name) && typeof location.name === "string" ? baselines[location.name] : undefined);
  const booking = location.booking;
  if (!baseline || typeof baseline !== "object" || !isKnown(booking) || typeof booking !== "object") return [];
  const out: string[] = [];
  for (const fee of BOOKING_FEES) {
    // A same-day fee left out is the slot fee (the contract).
    const before = units(baseline[fee] ?? (fee === "sameDaySlotFee" ? baseline.slotFee : undefined));
    const after = units(booking[fee] ?? (fee === "sameDaySlotFee" ? booking.slotFee : undefined));
    if (before === undefined || after === undefined || !risesMoreThan(before, after, allowed)) continue;
    const unit = isKnown(booking.currency) ? ` ${booking.currency}` : "";
    out.push(`Location "${name}" raises its booking ${fee} from ${show(before)} to ${show(after)}${unit} (${percentChangeText(before, after)}), more than the allowed ${percent}% per change.`);
  }
  return out;
}

export const priceIncreaseCap: ResourceValidationPolicy = {
  name: "eosvolt-price-increase-cap",
  description: "No price component and no booking fee rises more than a maximum percentage above its baseline (the prices before the change).",
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
      baselineBookingFees: {
        type: "object",
        description: 'Booking fees before the change, per location resource name: { "garage": { "slotFee": "1.50", "blockingFeePerHour": "6" } }.',
        additionalProperties: { type: "object" },
        default: {},
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.PricingPlan && args.type !== TYPES.Location) return;
    const cfg = policyConfig(args, defaults);
    if (args.type === TYPES.Location) {
      const allowedFee = units(cfg.maxIncreasePercent);
      if (allowedFee === undefined) return;
      for (const message of bookingFeeIncreases(args.name, snapshotProps(args.props), cfg.baselineBookingFees ?? {}, allowedFee, Number(cfg.maxIncreasePercent))) reportViolation(message);
      return;
    }
    const baselines = cfg.baselinePrices ?? {};
    const plan = snapshotProps(args.props);
    const baseline: PlanBaseline | undefined =
      baselines[args.name] ?? (isKnown(plan.name) && typeof plan.name === "string" ? baselines[plan.name] : undefined);
    if (!baseline || typeof baseline !== "object") return;
    const allowed = units(cfg.maxIncreasePercent); // in 10⁻⁴ percent, exact
    if (allowed === undefined) return;
    for (const { component, i, path } of components(plan)) {
      if (!isKnown(component.type)) continue;
      const prices = Array.isArray(baseline) ? baseline[i] : baseline;
      if (!prices || typeof prices !== "object") continue;
      const before = units(prices[component.type]);
      const after = units(component.price);
      if (before === undefined || after === undefined) continue;
      if (risesMoreThan(before, after, allowed)) {
        const rise = percentChangeText(before, after);
        const unit = isKnown(plan.currency) ? ` ${plan.currency}` : "";
        reportViolation(
          `Pricing plan "${args.name}" raises ${component.type} at ${path} from ${show(before)} to ${show(after)}${unit} ` +
            `(${rise}), more than the allowed ${formatPercentUnits(allowed)}% per change.`,
        );
      }
    }
  },
};
